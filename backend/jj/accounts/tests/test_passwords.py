"""One's own password (issue 15): changed when signed in (the current one first, Django's validators, every other
session ends), and reset by e-mail when signed out (Django's PasswordResetTokenGenerator, through the e-mail
outbox; the same answer whether the address is known; throttled; audited; a link works once and expires)."""

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.contrib.sessions.models import Session
from django.core import mail
from django.utils import timezone
from rest_framework.test import APIClient

from conftest import PASSWORD, World
from jj.accounts.models import User
from jj.audit.models import AuditEvent
from jj.deadlines.models import OutboxEmail
from jj.deadlines.services import outbox_deliver

NEW = "a-much-longer-passphrase-2026"
LINK = re.compile(r"/#/reset-password/(?P<uid>[^/\s]+)/(?P<token>[^/\s]+)")


def _anonymous() -> tuple[APIClient, str]:
    client = APIClient(enforce_csrf_checks=True)
    token = client.get("/api/auth/csrf/").cookies["csrftoken"].value
    client.credentials(HTTP_X_CSRFTOKEN=token)
    return client, token


def _signed_in(username: str) -> APIClient:
    client, _token = _anonymous()
    response = client.post("/api/auth/login/", {"username": username, "password": PASSWORD}, format="json")
    assert response.status_code == 200
    # Signing in rotates the CSRF token.
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    return client


def _sessions_of(user: User) -> int:
    return sum(1 for s in Session.objects.all() if str(s.get_decoded().get("_auth_user_id")) == str(user.pk))


def _with_email(world: World, username: str = "caseworker", email: str = "amina@example.org") -> User:
    user = world[username]
    user.email = email
    user.save(update_fields=["email"])
    return user


# --- Change, signed in -------------------------------------------------------------------------------------------


def test_change_needs_the_current_password_and_ends_every_other_session(world: World) -> None:
    here = _signed_in("caseworker")
    elsewhere = _signed_in("caseworker")
    assert _sessions_of(world["caseworker"]) == 2
    response = here.post("/api/auth/password/", {"current_password": PASSWORD, "new_password": NEW}, format="json")
    assert response.status_code == 200
    assert response.json() == {"sessions_ended": 1}
    assert User.objects.get(username="caseworker").check_password(NEW)
    assert here.get("/api/auth/me/").status_code == 200  # this session stays open
    assert elsewhere.get("/api/auth/me/").status_code == 401  # the other one ended
    event = AuditEvent.objects.get(action="auth.password_change")
    assert event.changes == {"sessions_ended": 1}


def test_change_with_a_wrong_current_password_is_refused_recorded_and_changes_nothing(world: World) -> None:
    client = _signed_in("caseworker")
    response = client.post("/api/auth/password/", {"current_password": "wrong", "new_password": NEW}, format="json")
    assert response.status_code == 400
    assert "current_password" in response.json()
    assert User.objects.get(username="caseworker").check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="auth.password_change").exists()
    assert AuditEvent.objects.filter(action="auth.reauth_failed", reason="auth.password_change").count() == 1


@pytest.mark.parametrize(
    "weak",
    [
        "short-1",  # shorter than 12
        "password1234",  # common
        "123456789012345",  # numeric
        "caseworker12",  # like the username
    ],
)
def test_change_applies_djangos_validators_on_the_new_password_field(world: World, weak: str) -> None:
    client = _signed_in("caseworker")
    response = client.post("/api/auth/password/", {"current_password": PASSWORD, "new_password": weak}, format="json")
    assert response.status_code == 400
    assert "new_password" in response.json()
    assert User.objects.get(username="caseworker").check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="auth.password_change").exists()


def test_change_needs_a_session() -> None:
    client, _ = _anonymous()
    response = client.post("/api/auth/password/", {"current_password": PASSWORD, "new_password": NEW}, format="json")
    assert response.status_code in (401, 403)


def test_an_administrator_setting_a_password_ends_that_accounts_sessions(world: World, client_for: Any) -> None:
    target = _signed_in("caseworker2")
    response = client_for("administrator").patch(
        f"/api/users/{world['caseworker2'].pk}/",
        {"current_password": PASSWORD, "password": NEW},
        format="json",
    )
    assert response.status_code == 200
    assert target.get("/api/auth/me/").status_code == 401
    assert AuditEvent.objects.get(action="user.password_change").changes == {"sessions_ended": 1}


# --- Reset by e-mail ---------------------------------------------------------------------------------------------


def _ask(client: APIClient, email: str) -> Any:
    return client.post("/api/auth/password-reset/", {"email": email}, format="json")


def _link_from_mail() -> tuple[str, str]:
    assert outbox_deliver(now=timezone.now()) >= 1
    match = LINK.search(str(mail.outbox[-1].body))
    assert match is not None
    return match["uid"], match["token"]


def test_the_answer_is_the_same_whether_the_address_is_known(world: World) -> None:
    _with_email(world)
    client, _ = _anonymous()
    known = _ask(client, "Amina@Example.org")
    unknown = _ask(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert OutboxEmail.objects.count() == 1  # one e-mail, for the known address only
    requested = AuditEvent.objects.filter(action="auth.password_reset_requested").order_by("seq")
    assert [(e.actor_username, e.outcome) for e in requested] == [("caseworker", "success"), ("", "denied")]
    assert not any("nobody@example.org" in (e.reason + str(e.changes)) for e in requested)


def test_a_disabled_account_gets_no_link(world: World) -> None:
    user = _with_email(world)
    user.is_active = False
    user.save(update_fields=["is_active"])
    client, _ = _anonymous()
    assert _ask(client, "amina@example.org").status_code == 202
    assert not OutboxEmail.objects.exists()


def test_the_link_goes_through_the_outbox_and_is_blanked_there_once_sent(world: World) -> None:
    _with_email(world)
    client, _ = _anonymous()
    _ask(client, "amina@example.org")
    queued = OutboxEmail.objects.get()
    assert queued.kind == "password_reset"
    assert "/#/reset-password/" in queued.body
    assert mail.outbox == []  # sent by the outbox task, not in the request
    _link_from_mail()
    queued.refresh_from_db()
    assert queued.sent_at is not None
    assert "reset-password" not in queued.body


def test_a_reset_sets_the_password_ends_every_session_and_is_recorded(world: World) -> None:
    user = _with_email(world)
    session = _signed_in("caseworker")
    client, _ = _anonymous()
    _ask(client, "amina@example.org")
    uid, token = _link_from_mail()
    response = client.post(
        "/api/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": NEW}, format="json"
    )
    assert response.status_code == 204
    assert User.objects.get(pk=user.pk).check_password(NEW)
    assert session.get("/api/auth/me/").status_code == 401
    event = AuditEvent.objects.get(action="auth.password_reset")
    assert (event.actor_username, event.changes) == ("caseworker", {"sessions_ended": 1})


def test_a_used_link_does_not_work_again(world: World) -> None:
    _with_email(world)
    client, _ = _anonymous()
    _ask(client, "amina@example.org")
    uid, token = _link_from_mail()
    body = {"uid": uid, "token": token, "new_password": NEW}
    assert client.post("/api/auth/password-reset/confirm/", body, format="json").status_code == 204
    again = client.post(
        "/api/auth/password-reset/confirm/", {**body, "new_password": "yet-another-passphrase-77"}, format="json"
    )
    assert again.status_code == 400
    assert "token" in again.json()
    assert User.objects.get(username="caseworker").check_password(NEW)  # the second did not write
    assert AuditEvent.objects.filter(action="auth.password_reset_failed", outcome="denied").count() == 1


@pytest.mark.parametrize(("after", "works"), [(timedelta(0), True), (timedelta(seconds=1), False)])
def test_a_link_expires_after_the_timeout(
    world: World, settings: Any, monkeypatch: pytest.MonkeyPatch, after: timedelta, works: bool
) -> None:
    user = _with_email(world)
    issued = datetime(2026, 3, 1, 9, 0, 0)
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: issued)
    client, _ = _anonymous()
    _ask(client, "amina@example.org")
    uid, token = _link_from_mail()
    expiry = issued + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT) + after
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: expiry)
    response = client.post(
        "/api/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": NEW}, format="json"
    )
    assert response.status_code == (204 if works else 400)
    assert User.objects.get(pk=user.pk).check_password(NEW if works else PASSWORD)


@pytest.mark.parametrize(("uid", "token"), [("MQ", "nope-nope"), ("!!!", "x"), ("OTk5OTk", "abc-def")])
def test_a_forged_link_is_refused_and_recorded(world: World, uid: str, token: str) -> None:
    client, _ = _anonymous()
    response = client.post(
        "/api/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": NEW}, format="json"
    )
    assert response.status_code == 400
    assert AuditEvent.objects.filter(action="auth.password_reset_failed").count() == 1
    assert not AuditEvent.objects.filter(action="auth.password_reset").exists()


def test_a_weak_new_password_is_refused_on_its_field_and_the_link_still_works(world: World) -> None:
    _with_email(world)
    client, _ = _anonymous()
    _ask(client, "amina@example.org")
    uid, token = _link_from_mail()
    weak = client.post(
        "/api/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": "short"}, format="json"
    )
    assert weak.status_code == 400
    assert "new_password" in weak.json()
    assert User.objects.get(username="caseworker").check_password(PASSWORD)
    good = client.post(
        "/api/auth/password-reset/confirm/", {"uid": uid, "token": token, "new_password": NEW}, format="json"
    )
    assert good.status_code == 204


def test_requests_are_throttled_per_address_whatever_is_asked(world: World, settings: Any) -> None:
    settings.PASSWORD_RESETS_PER_IP = 2
    _with_email(world)
    client, _ = _anonymous()
    assert _ask(client, "nobody@example.org").status_code == 202
    assert _ask(client, "other@example.org").status_code == 202
    refused = _ask(client, "amina@example.org")
    assert refused.status_code == 429
    assert not OutboxEmail.objects.exists()  # the refused one wrote nothing
    assert AuditEvent.objects.filter(action="auth.password_reset_throttled", outcome="denied").count() == 1


def test_one_account_gets_at_most_a_few_e_mails_an_hour(world: World, settings: Any) -> None:
    settings.PASSWORD_RESETS_PER_IP = 100
    settings.PASSWORD_RESETS_PER_ACCOUNT = 2
    _with_email(world)
    client, _ = _anonymous()
    answers = {_ask(client, "amina@example.org").status_code for _ in range(3)}
    assert answers == {202}  # still the same answer
    assert OutboxEmail.objects.count() == 2


def test_the_reset_request_needs_the_csrf_token() -> None:
    client = APIClient(enforce_csrf_checks=True)
    client.get("/api/auth/csrf/")
    assert client.post("/api/auth/password-reset/", {"email": "a@example.org"}, format="json").status_code == 403
