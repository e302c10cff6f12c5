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
