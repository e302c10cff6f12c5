"""Issue 11: the headers and cookies a browser gets, as production settings send them (the test settings are the
production settings with a throwaway key)."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from conftest import PASSWORD, World


def _sign_in() -> tuple[APIClient, Any]:
    client = APIClient(enforce_csrf_checks=True)
    token = client.get("/api/auth/csrf/").cookies["csrftoken"].value
    response = client.post("/api/auth/login/", {"username": "caseworker", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    return client, response


def test_session_and_csrf_cookies_are_secure_httponly_and_same_site(world: World) -> None:
    _, response = _sign_in()
    session = response.cookies["sessionid"]
    assert session["httponly"]
    assert session["secure"]
    assert session["samesite"] == "Lax"
    assert not session["max-age"]  # a browser-session cookie; the server ends the session (8 h, 30 min idle)
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"]
    assert csrf["samesite"] == "Lax"


@pytest.mark.parametrize(
    "url", ["/api/auth/me/", "/api/children/", "/api/cases/", "/api/children/?search=x", "/api/health/"]
)
def test_api_responses_are_never_stored(url: str, world: World) -> None:
    client, _ = _sign_in()
    response = client.get(url)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control
    assert "Cookie" in response["Vary"]


def test_security_headers_on_api_responses(world: World) -> None:
    client, _ = _sign_in()
    response = client.get("/api/cases/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_hsts_is_on_by_default_over_https(db: Any) -> None:
    response = APIClient().get("/api/health/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Strict-Transport-Security" not in APIClient().get("/api/health/")  # plain HTTP: never sent


def test_hsts_default_comes_from_production_settings() -> None:
    from config import settings as production

    assert production.SECURE_HSTS_SECONDS >= 31536000


def test_the_app_shell_served_by_whitenoise_has_the_csp_and_frame_protection(tmp_path: Any, settings: Any) -> None:
    """Issue 15: `make run` serves the built frontend through WhiteNoise, which answers before the view middleware;
    the shell and its assets must carry the same protections as the API."""
    from django.test import Client

    (tmp_path / "index.html").write_text("<!doctype html><title>jj</title>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("console.log(1)")
    settings.WHITENOISE_ROOT = tmp_path
    client = Client()  # a new handler: WhiteNoise reads its root when the middleware is built
    for url in ("/", "/assets/app.js"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "DENY"
        csp = response["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"


def test_a_refused_csrf_check_answers_json_that_says_why(world: World) -> None:
    """Sign-in from an address the server does not trust used to fail with Django's HTML page (a JSON parse error
    in the browser)."""
    client = APIClient(enforce_csrf_checks=True)
    response = client.post("/api/auth/login/", {"username": "caseworker", "password": PASSWORD}, format="json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert "cross-site request check" in response.json()["detail"]
    assert "CSRF cookie not set" in response.json()["detail"]


def test_sign_in_from_another_machine_when_every_host_is_allowed(world: World, settings: Any) -> None:
    """`make run HOST=0.0.0.0` allows any Host: a browser at http://192.168.1.5:8000 signs in (the Origin it sends
    matches the Host it asked), over plain HTTP cookies."""
    settings.ALLOWED_HOSTS = ["*"]
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    client = APIClient(enforce_csrf_checks=True, HTTP_HOST="192.168.1.5:8000")
    token = client.get("/api/auth/csrf/").cookies["csrftoken"].value
    response = client.post(
        "/api/auth/login/",
        {"username": "caseworker", "password": PASSWORD},
        format="json",
        HTTP_X_CSRFTOKEN=token,
        HTTP_ORIGIN="http://192.168.1.5:8000",
    )
    assert response.status_code == 200, response.content
    foreign = APIClient(enforce_csrf_checks=True, HTTP_HOST="192.168.1.5:8000")
    token = foreign.get("/api/auth/csrf/").cookies["csrftoken"].value
    refused = foreign.post(
        "/api/auth/login/",
        {"username": "caseworker", "password": PASSWORD},
        format="json",
        HTTP_X_CSRFTOKEN=token,
        HTTP_ORIGIN="http://evil.example",
    )
    assert refused.status_code == 403
    assert "Origin checking failed" in refused.json()["detail"]


def test_a_host_outside_the_allowed_hosts_is_a_json_400(world: World) -> None:
    response = APIClient(HTTP_HOST="192.168.1.5:8000").get("/api/auth/csrf/")
    assert response.status_code == 400
    assert response.json() == {"detail": "Bad request."}
