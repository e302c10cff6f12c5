"""Issue 11: TOTP with recovery codes, required for supervisors, administrators and oversight monitors."""

import time
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from conftest import PASSWORD, World
from jj.audit.models import AuditEvent, Outcome


def _sign_in(username: str) -> APIClient:
    client = APIClient(enforce_csrf_checks=True)
    token = client.get("/api/auth/csrf/").cookies["csrftoken"].value
    response = client.post("/api/auth/login/", {"username": username, "password": PASSWORD}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200, response.content
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    return client


def _code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The app's code now (or a step later: a code is accepted once, within a step of the server's clock)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def _enrol(client: APIClient) -> tuple[TOTPDevice, list[str]]:
    setup = client.post("/api/auth/mfa/totp/setup/", {"current_password": PASSWORD}, format="json")
    assert setup.status_code == 201, setup.content
    assert setup.json()["otpauth_uri"].startswith("otpauth://totp/")
    device = TOTPDevice.objects.get(confirmed=False)
    confirmed = client.post("/api/auth/mfa/totp/confirm/", {"code": _code(device)}, format="json")
    assert confirmed.status_code == 201, confirmed.content
    device.refresh_from_db()
    return device, confirmed.json()["recovery_codes"]


@pytest.mark.parametrize("role", ["supervisor", "administrator", "oversight_monitor"])
def test_privileged_roles_get_nothing_with_a_password_alone(role: str, world: World) -> None:
    client = _sign_in(role)
    me = client.get("/api/auth/me/").json()
    assert me["mfa"] == {
        "required": True,
        "enrolled": False,
        "verified": False,
        "recovery_codes_left": 0,
        "totp": False,
        "security_keys": 0,
    }
    for url in ["/api/cases/", "/api/children/", "/api/users/", "/api/audit/events/", "/api/deadlines/"]:
        response = client.get(url)
        assert response.status_code == 403
        assert response.json()["code"] == "mfa_required"


def test_enrolment_then_every_sign_in_asks_for_the_code(world: World) -> None:
    client = _sign_in("supervisor")
    device, recovery = _enrol(client)
    assert len(recovery) == 10
    assert client.get("/api/cases/").status_code == 200  # enrolment verifies this session
    assert AuditEvent.objects.filter(action="mfa.enrol", actor_username="supervisor").exists()

    again = _sign_in("supervisor")
    assert again.get("/api/cases/").status_code == 403
    ok = again.post("/api/auth/mfa/verify/", {"code": _code(device, steps_ahead=1)}, format="json")
    assert ok.status_code == 200, ok.content
    assert ok.json()["mfa"]["verified"] is True
    assert again.get("/api/cases/").status_code == 200
    assert AuditEvent.objects.filter(action="mfa.verify", actor_username="supervisor").exists()


def test_a_wrong_code_is_refused_and_recorded(world: World) -> None:
    _enrol(_sign_in("supervisor"))
    client = _sign_in("supervisor")
    wrong = client.post("/api/auth/mfa/verify/", {"code": "000000"}, format="json")
    assert wrong.status_code == 400
    assert "code" in wrong.json()
    assert client.get("/api/cases/").status_code == 403
    assert AuditEvent.objects.filter(action="mfa.verify_failed", outcome=Outcome.DENIED).count() == 1


def test_a_recovery_code_works_once(world: World) -> None:
    _, recovery = _enrol(_sign_in("oversight_monitor"))
    first = _sign_in("oversight_monitor")
    assert first.post("/api/auth/mfa/verify/", {"code": recovery[0]}, format="json").status_code == 200
    assert first.get("/api/audit/events/").status_code == 200
    event = AuditEvent.objects.get(action="mfa.recovery_code_used")
    assert event.changes == {"recovery_codes_left": 9}
    second = _sign_in("oversight_monitor")
    assert second.post("/api/auth/mfa/verify/", {"code": recovery[0]}, format="json").status_code == 400
    assert second.get("/api/audit/events/").status_code == 403


def test_recovery_codes_are_kept_only_as_keyed_digests(world: World) -> None:
    """ASVS 6.5.2: someone who reads the database cannot use the recovery codes."""
    _, recovery = _enrol(_sign_in("oversight_monitor"))
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert len(stored) == 10
    assert not stored & set(recovery)
    assert all(len(t) == 16 and int(t, 16) >= 0 for t in stored)
    # The stored value itself is not a code.
    stolen = _sign_in("oversight_monitor")
    assert stolen.post("/api/auth/mfa/verify/", {"code": next(iter(stored))}, format="json").status_code == 400


def test_a_recovery_code_still_works_after_the_secret_key_is_rotated(world: World, settings: Any) -> None:
    _, recovery = _enrol(_sign_in("oversight_monitor"))
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    client = _sign_in("oversight_monitor")
    assert client.post("/api/auth/mfa/verify/", {"code": recovery[3].upper()}, format="json").status_code == 200
    assert StaticToken.objects.count() == 9


def test_codes_handed_out_before_hashing_keep_working_once(world: World) -> None:
    """The migration replaces each code kept in clear by its digest."""
    import importlib

    from django.apps import apps
    from django_otp.plugins.otp_static.models import StaticDevice

    _enrol(_sign_in("oversight_monitor"))
    device = StaticDevice.objects.get()
    device.token_set.all().delete()
    device.token_set.create(token="abcdefgh")  # as django-otp stored them before
    migration = importlib.import_module("jj.accounts.migrations.0003_recovery_codes_hashed")
    migration.hash_clear_codes(apps, None)
    assert StaticToken.objects.get().token != "abcdefgh"
    client = _sign_in("oversight_monitor")
    assert client.post("/api/auth/mfa/verify/", {"code": "abcdefgh"}, format="json").status_code == 200
    again = _sign_in("oversight_monitor")
    assert again.post("/api/auth/mfa/verify/", {"code": "abcdefgh"}, format="json").status_code == 400


def test_enrolment_needs_the_password_again(world: World) -> None:
    client = _sign_in("supervisor")
    response = client.post("/api/auth/mfa/totp/setup/", {"current_password": "not-it"}, format="json")
    assert response.status_code == 400
    assert "current_password" in response.json()
    assert not TOTPDevice.objects.exists()
    assert AuditEvent.objects.filter(action="auth.reauth_failed", outcome=Outcome.DENIED).exists()


def test_optional_for_other_roles_until_they_enrol(world: World) -> None:
    client = _sign_in("caseworker")
    assert client.get("/api/auth/me/").json()["mfa"]["required"] is False
    assert client.get("/api/cases/").status_code == 200
    _enrol(client)
    assert _sign_in("caseworker").get("/api/cases/").status_code == 403  # enrolled: always asked


def test_administrator_resets_a_colleagues_authenticator(world: World, client_for: Any) -> None:
    _enrol(_sign_in("supervisor"))
    stale = _sign_in("supervisor")
    admin = client_for("administrator")
    target = world["supervisor"].pk
    refused = admin.post(f"/api/users/{target}/mfa-reset/", {"current_password": "wrong"}, format="json")
    assert refused.status_code == 400
    assert TOTPDevice.objects.filter(user_id=target).exists()
    done = admin.post(f"/api/users/{target}/mfa-reset/", {"current_password": PASSWORD}, format="json")
    assert done.status_code == 204
    assert not TOTPDevice.objects.filter(user_id=target).exists()
    assert not StaticToken.objects.filter(device__user_id=target).exists()
    assert stale.get("/api/auth/me/").status_code == 401  # the user's sessions ended
    event = AuditEvent.objects.get(action="mfa.reset")
    assert event.actor_username == "administrator"
    assert event.object_id == str(target)


def test_no_reset_in_another_jurisdiction(world: World, client_for: Any) -> None:
    other = world["sp_supervisor"]
    TOTPDevice.objects.create(user=other, name="app", confirmed=True)
    response = client_for("administrator").post(
        f"/api/users/{other.pk}/mfa-reset/", {"current_password": PASSWORD}, format="json"
    )
    assert response.status_code == 404
    assert TOTPDevice.objects.filter(user=other).exists()
    assert not AuditEvent.objects.filter(action="mfa.reset").exists()


def test_mfa_can_be_turned_off_for_a_demo(world: World, settings: Any) -> None:
    settings.MFA_REQUIRED = False
    client = _sign_in("supervisor")
    assert client.get("/api/cases/").status_code == 200
