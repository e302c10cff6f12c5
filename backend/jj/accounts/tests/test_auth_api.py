"""Sign-in, sign-out and session security (issue 2: CSRF on the JSON login, lockout, idle timeout)."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from conftest import PASSWORD, World
from jj.audit.models import AuditEvent


def _csrf_client() -> tuple[APIClient, str]:
    client = APIClient(enforce_csrf_checks=True)
    response = client.get("/api/auth/csrf/")
    assert response.status_code == 204
    return client, response.cookies["csrftoken"].value


def test_login_returns_the_user_with_role_agency_and_jurisdiction(world: World) -> None:
    client, token = _csrf_client()
    response = client.post("/api/auth/login/", {"username": "caseworker", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response.json()["role"] == "caseworker"
    assert response.json()["agency"]["name"] == world.yjs.name
    assert response.json()["jurisdiction"]["timezone"] == "Europe/Paris"
    assert client.get("/api/auth/me/").json()["username"] == "caseworker"
    assert AuditEvent.objects.filter(action="auth.login", actor_username="caseworker").count() == 1


def test_login_without_csrf_token_is_refused(world: World) -> None:
    client, _ = _csrf_client()
    response = client.post("/api/auth/login/", {"username": "caseworker", "password": PASSWORD})
    assert response.status_code == 403
    assert client.get("/api/auth/me/").status_code == 401


def test_wrong_password_is_a_clear_400_and_audited(world: World) -> None:
    client, token = _csrf_client()
    response = client.post("/api/auth/login/", {"username": "caseworker", "password": "nope"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 400
    assert response.json() == {"detail": "Wrong username or password."}
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert (event.actor_username, event.outcome) == ("caseworker", "denied")


def test_missing_fields_get_field_level_messages(world: World) -> None:
    client, token = _csrf_client()
    response = client.post("/api/auth/login/", {}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 400
    assert set(response.json()) == {"username", "password"}


def test_lockout_after_repeated_failures_is_per_username_and_ip(world: World, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    client, token = _csrf_client()
    for _ in range(3):
        client.post("/api/auth/login/", {"username": "caseworker", "password": "bad"}, HTTP_X_CSRFTOKEN=token)
    locked = client.post("/api/auth/login/", {"username": "caseworker", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token)
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.json()["detail"]
    assert AuditEvent.objects.filter(action="auth.lockout").exists()
    # Another user from the same address (one office behind NAT) is not locked out.
    other = client.post("/api/auth/login/", {"username": "caseworker2", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token)
    assert other.status_code == 200


def test_logout_ends_the_session_and_is_audited(client_for: Any) -> None:
    client = client_for("supervisor")
    assert client.post("/api/auth/logout/").status_code == 204
    assert client.get("/api/auth/me/").status_code == 401
    assert AuditEvent.objects.filter(action="auth.logout", actor_username="supervisor").exists()


def test_me_requires_login(db: Any) -> None:
    assert APIClient().get("/api/auth/me/").status_code == 401


def test_idle_session_times_out(client_for: Any, settings: Any) -> None:
    client = client_for("caseworker")
    assert client.get("/api/auth/me/").status_code == 200
    session = client.session
    session["jj_last_activity"] = session["jj_last_activity"] - settings.SESSION_IDLE_TIMEOUT_SECONDS - 1
    session.save()
    assert client.get("/api/auth/me/").status_code == 401
    assert AuditEvent.objects.filter(action="auth.logout", reason="idle session timeout").exists()


@pytest.mark.parametrize(
    "header", ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "X-Request-ID"]
)
def test_security_headers_are_sent(db: Any, header: str) -> None:
    response = APIClient().get("/api/health/")
    assert header in response.headers


def test_passwords_are_hashed_with_argon2_in_production_settings() -> None:
    from config import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


class FakeClock:
    """The server's clock as the session middleware reads it, moved by the test (no sleeping)."""

    def __init__(self, monkeypatch: Any) -> None:
        self.now = 1_900_000_000
        monkeypatch.setattr("jj.accounts.sessions.now_seconds", lambda: self.now)


def _sign_in(username: str) -> APIClient:
    client, token = _csrf_client()
    response = client.post("/api/auth/login/", {"username": username, "password": PASSWORD}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    return client


def test_first_idle_gap_after_sign_in_is_checked(world: World, settings: Any, monkeypatch: Any) -> None:
    """Issue 11: signing in and leaving the session unused ends it after the idle timeout, first request or not."""
    clock = FakeClock(monkeypatch)
    client = _sign_in("caseworker")
    clock.now += settings.SESSION_IDLE_TIMEOUT_SECONDS + 1
    assert client.get("/api/auth/me/").status_code == 401
    assert AuditEvent.objects.filter(action="auth.logout", reason="idle session timeout").exists()


def test_absolute_timeout_is_not_renewed_by_activity(world: World, settings: Any, monkeypatch: Any) -> None:
    """Issue 11: a session used every 20 minutes still ends 8 hours after sign-in."""
    clock = FakeClock(monkeypatch)
    client = _sign_in("caseworker")
    step = 20 * 60
    for _ in range(settings.SESSION_COOKIE_AGE // step):
        clock.now += step
        assert client.get("/api/auth/me/").status_code == 200
    clock.now += step
    assert client.get("/api/auth/me/").status_code == 401
    assert AuditEvent.objects.filter(action="auth.logout", reason="absolute session timeout").exists()


def test_disabled_users_sessions_end_at_once_and_stay_ended(world: World, client_for: Any) -> None:
    """Issue 11: disabling an account ends its sessions; enabling it again does not revive them."""
    worker = client_for("caseworker2")
    assert worker.get("/api/auth/me/").status_code == 200
    admin = client_for("administrator")
    target = world["caseworker2"].pk
    assert (
        admin.patch(
            f"/api/users/{target}/", {"current_password": PASSWORD, "is_active": False}, format="json"
        ).status_code
        == 200
    )
    assert worker.get("/api/cases/").status_code == 401
    assert (
        admin.patch(
            f"/api/users/{target}/", {"current_password": PASSWORD, "is_active": True}, format="json"
        ).status_code
        == 200
    )
    assert worker.get("/api/auth/me/").status_code == 401
    event = AuditEvent.objects.filter(action="user.update", object_id=str(target)).order_by("seq").first()
    assert event is not None
    assert event.changes["sessions_ended"] == 1


def test_password_spraying_from_one_address_is_throttled(world: World, settings: Any) -> None:
    """Issue 11: failures across many usernames from one address end in 429 for every username there, recorded;
    another address is unaffected. (axes alone locks one username at one address.)"""
    settings.LOGIN_FAILURES_PER_IP = 5
    client, token = _csrf_client()
    for n in range(5):
        response = client.post(
            "/api/auth/login/", {"username": f"guess{n}", "password": "Spring2026!"}, HTTP_X_CSRFTOKEN=token
        )
        assert response.status_code == 400
    refused = client.post("/api/auth/login/", {"username": "caseworker", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token)
    assert refused.status_code == 429
    assert "Too many failed sign-ins" in refused.json()["detail"]
    assert AuditEvent.objects.filter(action="auth.throttled", actor_username="caseworker").exists()
    assert not AuditEvent.objects.filter(action="auth.login", actor_username="caseworker").exists()
    elsewhere, other_token = _csrf_client()
    ok = elsewhere.post(
        "/api/auth/login/",
        {"username": "caseworker", "password": PASSWORD},
        HTTP_X_CSRFTOKEN=other_token,
        REMOTE_ADDR="10.9.8.7",
    )
    assert ok.status_code == 200
