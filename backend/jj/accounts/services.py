"""Use cases on accounts: login/logout (audited), user and agency management by administrators."""

from typing import Any
from zoneinfo import available_timezones

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from jj.accounts.capabilities import can
from jj.accounts.models import Agency, Jurisdiction, Role, User
from jj.accounts.sessions import session_stamp_sign_in, sessions_end_for_user
from jj.audit.models import Outcome
from jj.audit.services import audit_append, changed_fields
from jj.core.context import current_request_context
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.core.i18n import localize
from jj.rules.text import msgid, t


def auth_login(*, request: HttpRequest, user: User) -> None:
    login(request, user)
    session_stamp_sign_in(request.session)
    audit_append(actor=user, action="auth.login", object_type="user", object_id=user.pk)


def _failures_key(ip: str) -> str:
    return f"jj:login-failures:{ip}"


def auth_address_throttled(*, username: str) -> bool:
    """Too many failed sign-ins from this client address, whatever the usernames (password spraying): refused
    until the window ends, and the refusal is recorded. axes separately locks one username at one address."""
    ip = current_request_context().ip
    if not ip or cache.get(_failures_key(ip), 0) < settings.LOGIN_FAILURES_PER_IP:
        return False
    audit_append(
        actor=None,
        actor_username=username[:150],
        action="auth.throttled",
        object_type="user",
        outcome=Outcome.DENIED,
        reason=f"more than {settings.LOGIN_FAILURES_PER_IP} failed sign-ins from this address",
    )
    return True


def auth_login_failed(*, username: str, locked_out: bool) -> None:
    ip = current_request_context().ip
    if ip:
        key = _failures_key(ip)
        cache.add(key, 0, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    audit_append(
        actor=None,
        actor_username=username[:150],
        action="auth.lockout" if locked_out else "auth.login_failed",
        object_type="user",
        outcome=Outcome.DENIED,
    )


def auth_logout(*, request: HttpRequest, user: User, reason: str = "") -> None:
    audit_append(actor=user, action="auth.logout", object_type="user", object_id=user.pk, reason=reason)
    logout(request)


_USER_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "role",
    "agency_id",
    "is_active",
    "trained_in_child_justice_on",
)


def _user_state(user: User) -> dict[str, Any]:
    return {name: getattr(user, name) for name in _USER_FIELDS}


AGENCY_REQUIRED = msgid("Choose the agency this person works for.")
OTHER_JURISDICTION = msgid("There is no such agency in your jurisdiction.")


def _check_role_agency(*, actor: User, agency: Agency | None) -> None:
    """Every account belongs to an agency of the administrator's own jurisdiction (a hard boundary: the API
    resolves the agency through the administrator's scope, and this check holds for any other caller too)."""
    if agency is None:
        raise ApplicationError(AGENCY_REQUIRED, extra={"agency": [t("This field is required.")]})
    if actor.agency is None or agency.jurisdiction_id != actor.agency.jurisdiction_id:
        raise ApplicationError(OTHER_JURISDICTION, extra={"agency": [OTHER_JURISDICTION]})


@transaction.atomic
def user_create(
    *,
    actor: User,
    username: str,
    password: str,
    role: str,
    agency: Agency | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    _check_role_agency(actor=actor, agency=agency)
    user = User(username=username, role=role, agency=agency, first_name=first_name, last_name=last_name, email=email)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    audit_append(
        actor=actor,
        action="user.create",
        object_type="user",
        object_id=user.pk,
        changes=changed_fields({}, _user_state(user)),
    )
    return user


@transaction.atomic
def user_update(*, actor: User, user: User, data: dict[str, Any]) -> User:
    locked = User.objects.select_for_update().get(pk=user.pk)
    _check_role_agency(actor=actor, agency=locked.agency)
    before = _user_state(locked)
    for name, value in data.items():
        setattr(locked, name, value)
    _check_role_agency(actor=actor, agency=locked.agency)
    if locked.pk == actor.pk and (locked.role != before["role"] or not locked.is_active):
        raise ApplicationError(t("You cannot change your own role or deactivate yourself; ask another administrator."))
    locked.full_clean()
    locked.save()
    changes = changed_fields(before, _user_state(locked))
    if before["is_active"] and not locked.is_active:
        # A disabled account's sessions end now (and stay ended if it is enabled again).
        changes["sessions_ended"] = sessions_end_for_user(user_id=locked.pk)
    action = "user.role_change" if "role" in changes or "agency_id" in changes else "user.update"
    audit_append(actor=actor, action=action, object_type="user", object_id=locked.pk, changes=changes)
    return locked


@transaction.atomic
def user_set_password(*, actor: User, user: User, password: str) -> None:
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    # Whoever held a session of this account with the old password no longer does.
    ended = sessions_end_for_user(user_id=user.pk, keep=None)
    audit_append(
        actor=actor,
        action="user.password_change",
        object_type="user",
        object_id=user.pk,
        changes={"sessions_ended": ended},
    )


@transaction.atomic
def agency_create(*, actor: User, jurisdiction: Jurisdiction, name: str) -> Agency:
    if actor.agency is None or jurisdiction.pk != actor.agency.jurisdiction_id:
        raise ApplicationError(OTHER_JURISDICTION, extra={"jurisdiction": [OTHER_JURISDICTION]})
    agency = Agency(jurisdiction=jurisdiction, name=name)
    agency.full_clean()
    agency.save()
    audit_append(
        actor=actor,
        action="agency.create",
        object_type="agency",
        object_id=agency.pk,
        changes=changed_fields({}, {"name": name, "jurisdiction_id": jurisdiction.pk}),
    )
    return agency


JURISDICTION_CODE_TAKEN = msgid("A jurisdiction with this code already exists.")
UNKNOWN_TIMEZONE = msgid("Unknown time zone: use an IANA name such as Europe/Paris.")
USERNAME_TAKEN = msgid("A user with that username already exists.")
ONLY_PLATFORM = msgid("Only the platform operator can open a jurisdiction.")


@transaction.atomic
def jurisdiction_create(
    *,
    actor: User,
    code: str,
    name: str,
    timezone: str,
    agency_name: str,
    admin_username: str,
    admin_password: str,
    admin_first_name: str = "",
    admin_last_name: str = "",
    admin_email: str = "",
) -> tuple[Jurisdiction, Agency, User]:
    """Open a jurisdiction: the legal order, its first agency and its first administrator, in one transaction.

    Jurisdiction is a hard boundary, so only the platform operator opens one (capability `jurisdiction.create`,
    scope platform), and opening it gives the operator no power inside it: the operator's account keeps its own
    agency (or none), and the new jurisdiction is managed by the administrator created here, who then creates its
    other agencies and accounts."""
    if not can(actor, "jurisdiction.create"):
        raise ActionNotAllowed(t(ONLY_PLATFORM))
    errors: dict[str, list[str]] = {}
    if Jurisdiction.objects.filter(code=code).exists():
        errors["code"] = [t(JURISDICTION_CODE_TAKEN)]
    if timezone not in available_timezones():
        errors["timezone"] = [t(UNKNOWN_TIMEZONE)]
    if User.objects.filter(username=admin_username).exists():
        errors["admin_username"] = [t(USERNAME_TAKEN)]
    admin = User(
        username=admin_username,
        role=Role.ADMINISTRATOR,
        first_name=admin_first_name,
        last_name=admin_last_name,
        email=admin_email,
    )
    try:
        validate_password(admin_password, admin)
    except DjangoValidationError as error:
        errors["admin_password"] = list(error.messages)
    if errors:
        raise ApplicationError(next(iter(errors.values()))[0], extra=errors)
    jurisdiction = Jurisdiction(code=code, name=name, timezone=timezone)
    jurisdiction.full_clean()
    jurisdiction.save()
    agency = Agency(jurisdiction=jurisdiction, name=agency_name)
    agency.full_clean()
    agency.save()
    admin.agency = agency
    admin.set_password(admin_password)
    admin.full_clean()
    admin.save()
    audit_append(
        actor=actor,
        action="jurisdiction.create",
        object_type="jurisdiction",
        object_id=jurisdiction.code,
        changes=changed_fields({}, {"code": code, "name": name, "timezone": timezone}),
    )
    audit_append(
        actor=actor,
        action="agency.create",
        object_type="agency",
        object_id=agency.pk,
        changes=changed_fields({}, {"name": agency_name, "jurisdiction_id": jurisdiction.pk}),
    )
    audit_append(
        actor=actor,
        action="user.create",
        object_type="user",
        object_id=admin.pk,
        changes=changed_fields({}, _user_state(admin)),
        reason="first administrator of a new jurisdiction",
    )
    return jurisdiction, agency, admin


# --- One's own password: change it (signed in) or reset it by e-mail (signed out) ----------------------------------

PASSWORD_RESET_KIND = "password_reset"  # an outbox e-mail whose body is blanked once sent (it holds a live link)
RESET_THROTTLED = msgid("Too many password reset requests from your network. Wait an hour, or ask an administrator.")
RESET_LINK_INVALID = msgid("This link is not valid or has expired (links work once, for a limited time). Ask again.")
RESET_SUBJECT = msgid("Reset your password")
RESET_BODY = msgid(
    "Someone (we hope you) asked to reset the password of the account {username}.\n\n"
    "Open this link within {minutes} minutes to choose a new password (it works once):\n{link}\n\n"
    "If you did not ask, ignore this e-mail: your password stays as it is."
)


def _validate_new_password(password: str, user: User) -> None:
    """Django's password validators, their messages put on the `new_password` field."""
    try:
        validate_password(password, user)
    except DjangoValidationError as exc:
        raise DjangoValidationError({"new_password": exc.messages}) from exc


def password_change(*, request: HttpRequest, user: User, new_password: str) -> int:
    """A signed-in user's new password (the caller has checked the current one): validated by Django's validators,
    then every other session of the account ends (a stolen session dies with the old password) while this one
    stays open. Returns how many sessions ended."""
    _validate_new_password(new_password, user)
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        update_session_auth_hash(request, user)  # this session survives, with a new key
        ended = sessions_end_for_user(user_id=user.pk, keep=request.session.session_key)
        audit_append(
            actor=user,
            action="auth.password_change",
            object_type="user",
            object_id=user.pk,
            changes={"sessions_ended": ended},
        )
    return ended


def _count(key: str) -> int:
    cache.add(key, 0, timeout=settings.PASSWORD_RESET_WINDOW_SECONDS)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.PASSWORD_RESET_WINDOW_SECONDS)
        return 1


def password_reset_throttled() -> bool:
    """More reset requests from this client address within the hour than allowed: refused (429) and recorded. The
    refusal does not depend on the address asked for, so it tells nothing about which accounts exist."""
    ip = current_request_context().ip
    if not ip or _count(f"jj:password-resets:{ip}") <= settings.PASSWORD_RESETS_PER_IP:
        return False
    audit_append(
        actor=None,
        action="auth.password_reset_throttled",
        object_type="user",
        outcome=Outcome.DENIED,
        reason=f"more than {settings.PASSWORD_RESETS_PER_IP} password reset requests from this address in an hour",
    )
    return True


def password_reset_request(*, email: str) -> int:
    """E-mail a one-time reset link to every active account with this address (Django's PasswordResetTokenGenerator:
    the link dies when the password changes, or after PASSWORD_RESET_TIMEOUT), through the e-mail outbox (sent by
    the outbox task, retried while the mail server is down; the link is blanked from the outbox once sent). The
    caller answers the same whether or not any account matched (no user enumeration); the request is recorded
    either way, without the address asked for. Returns how many e-mails were queued."""
    from jj.deadlines.models import OutboxEmail  # the outbox is the deadlines app's; accounts sits below it

    users = [
        u
        for u in User.objects.filter(email__iexact=email.strip(), is_active=True).order_by("pk")
        if u.has_usable_password() and u.email
    ]
    now = timezone.now()
    minutes = settings.PASSWORD_RESET_TIMEOUT // 60
    queued = 0
    with transaction.atomic():
        for user in users:
            if _count(f"jj:password-resets:user:{user.pk}") > settings.PASSWORD_RESETS_PER_ACCOUNT:
                audit_append(
                    actor=None,
                    actor_username=user.username,
                    action="auth.password_reset_throttled",
                    object_type="user",
                    object_id=user.pk,
                    outcome=Outcome.DENIED,
                    reason="too many reset e-mails to this account in an hour",
                )
                continue
            uid = urlsafe_base64_encode(force_bytes(user.pk))
            token = default_token_generator.make_token(user)
            link = f"{settings.PUBLIC_URL}/#/reset-password/{uid}/{token}"
            OutboxEmail.objects.create(
                recipient=user,
                to_address=user.email,
                subject="[JJ] " + localize(t(RESET_SUBJECT)),
                body=localize(t(RESET_BODY, username=user.username, minutes=minutes, link=link)),
                kind=PASSWORD_RESET_KIND,
                next_attempt_at=now,
            )
            audit_append(
                actor=None,
                actor_username=user.username,
                action="auth.password_reset_requested",
                object_type="user",
                object_id=user.pk,
            )
            queued += 1
        if not users:
            audit_append(
                actor=None,
                action="auth.password_reset_requested",
                object_type="user",
                outcome=Outcome.DENIED,
                reason="no active account with this address",
            )
    return queued


def _user_from_link(uid: str, token: str) -> User | None:
    try:
        pk = int(urlsafe_base64_decode(uid).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


def password_reset_confirm(*, uid: str, token: str, new_password: str) -> User:
    """The new password from a reset link: the token must be valid (not expired, not used: it is bound to the
    current password, so it works once). Validated by Django's validators; every session of the account ends and
    its sign-in lockouts are lifted. An invalid link is a 400, recorded."""
    user = _user_from_link(uid, token)
    if user is None:
        audit_append(
            actor=None,
            action="auth.password_reset_failed",
            object_type="user",
            outcome=Outcome.DENIED,
            reason="invalid or expired reset link",
        )
        raise ApplicationError(RESET_LINK_INVALID, extra={"token": [RESET_LINK_INVALID]})
    _validate_new_password(new_password, user)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if not default_token_generator.check_token(locked, token):  # used meanwhile by a concurrent request
            raise ApplicationError(RESET_LINK_INVALID, extra={"token": [RESET_LINK_INVALID]})
        locked.set_password(new_password)
        locked.save(update_fields=["password"])
        ended = sessions_end_for_user(user_id=locked.pk)
        AccessAttempt.objects.filter(username=locked.username).delete()
        audit_append(
            actor=None,
            actor_username=locked.username,
            action="auth.password_reset",
            object_type="user",
            object_id=locked.pk,
            changes={"sessions_ended": ended},
        )
    return locked
