"""Multi-factor authentication (TOTP, with single-use recovery codes), on django-otp; WebAuthn security keys are
the other factor (jj.accounts.security_keys) and count as enrolment here.

Required for supervisors, administrators and oversight monitors (JJ_MFA_REQUIRED, on by default outside debug);
optional for every other role, and once someone has enrolled, their sign-ins always ask for a code. A signed-in
session that still needs its second factor reaches only the endpoints that finish it (MfaMiddleware). Every step
is audited: enrolment, each verification (and which kind), failures, recovery-code use, and resets."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from jj.accounts.models import Role, User, WebAuthnCredential
from jj.accounts.sessions import sessions_end_for_user
from jj.audit.models import Outcome
from jj.audit.services import audit_append
from jj.core.exceptions import ApplicationError
from jj.rules.text import msgid

MFA_ROLES = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR, Role.OVERSIGHT_MONITOR})
RECOVERY_CODES = 10
TOTP_NAME = "authenticator app"
RECOVERY_NAME = "recovery codes"
RECOVERY_SALT = "jj.accounts.mfa.recovery-code"

WRONG_CODE = msgid("That code is not right, or was already used. Codes change every 30 seconds.")
NO_SETUP = msgid("Start the enrolment first: your authenticator app needs the secret.")
ALREADY_ENROLLED = msgid("An authenticator app is already enrolled. Ask an administrator to reset it to enrol another.")
WRONG_PASSWORD = msgid("Your password is not right.")
SECOND_FACTOR_FIRST = msgid(
    "Give your second factor first: security keys and authenticators change only from a verified session."
)


@dataclass(frozen=True)
class MfaStatus:
    required: bool
    enrolled: bool
    verified: bool
    recovery_codes_left: int
    totp: bool
    security_keys: int


def mfa_required_for(user: User) -> bool:
    return bool(settings.MFA_REQUIRED) and user.role in MFA_ROLES


def totp_enrolled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def mfa_enrolled(user: User) -> bool:
    """An authenticator app or at least one security key (WebAuthn, jj.accounts.security_keys)."""
    # One query, not one per kind of factor: this runs on every request of a password-only session (the middleware).
    return (
        User.objects.filter(pk=user.pk)
        .filter(
            Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
            | Exists(WebAuthnCredential.objects.filter(user=OuterRef("pk"), confirmed=True))
        )
        .exists()
    )


def session_verified(request: HttpRequest) -> bool:
    """This session gave a second factor of this user (django-otp keeps the device's id in the session)."""
    device_id = request.session.get(DEVICE_ID_SESSION_KEY)
    if not device_id:
        return False
    device = Device.from_persistent_id(device_id, for_verify=False)
    return device is not None and device.user_id == request.user.pk


def mfa_pending(request: HttpRequest) -> bool:
    """Signed in with a password, but the second factor this account needs is still missing."""
    user = request.user
    if not isinstance(user, User) or session_verified(request):
        return False
    return mfa_required_for(user) or mfa_enrolled(user)


def mfa_status(request: HttpRequest) -> MfaStatus:
    user = request.user
    assert isinstance(user, User)
    left = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    return MfaStatus(
        required=mfa_required_for(user),
        enrolled=mfa_enrolled(user),
        verified=session_verified(request),
        recovery_codes_left=left,
        totp=totp_enrolled(user),
        security_keys=WebAuthnCredential.objects.filter(user=user).count(),
    )


def reauthenticate(*, actor: User, password: str, action: str) -> None:
    """Sensitive account changes need the actor's password again, even in a live session; a wrong one is a 400
    on `current_password`, recorded."""
    if not actor.check_password(password):
        audit_append(
            actor=actor,
            action="auth.reauth_failed",
            object_type="user",
            object_id=actor.pk,
            outcome=Outcome.DENIED,
            reason=action,
        )
        raise ApplicationError(WRONG_PASSWORD, extra={"current_password": [WRONG_PASSWORD]})


@transaction.atomic
def totp_setup(*, actor: User) -> TOTPDevice:
    """A new, unconfirmed authenticator for the actor (replacing any unconfirmed one). Its secret is shown once;
    it counts only after a code from it is confirmed."""
    if totp_enrolled(actor):
        raise ApplicationError(ALREADY_ENROLLED)
    TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=actor, name=TOTP_NAME, confirmed=False)
    audit_append(actor=actor, action="mfa.setup", object_type="user", object_id=actor.pk)
    return device


def totp_confirm(*, request: HttpRequest, actor: User, code: str) -> list[str]:
    """Confirm the pending authenticator with a code from it; returns new recovery codes (shown once only)."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None:
        raise ApplicationError(NO_SETUP)
    if mfa_enrolled(actor) and not session_verified(request):  # a security key is enrolled: give it first
        raise ApplicationError(SECOND_FACTOR_FIRST)
    if not device.verify_token(code):
        audit_append(
            actor=actor, action="mfa.enrol_failed", object_type="user", object_id=actor.pk, outcome=Outcome.DENIED
        )
        raise ApplicationError(WRONG_CODE, extra={"code": [WRONG_CODE]})
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_recovery_codes(actor)
        audit_append(
            actor=actor,
            action="mfa.enrol",
            object_type="user",
            object_id=actor.pk,
            changes={"recovery_codes": len(codes)},
        )
    otp_login(request, device)
    return codes


def recovery_code_digest(code: str, *, secret: str | None = None) -> str:
    """What the database keeps of a recovery code (ASVS 6.5.2: lookup secrets hashed): a keyed one-way digest, so
    someone who reads the database cannot use the codes. 16 hex characters fit django-otp's token column."""
    return salted_hmac(RECOVERY_SALT, code.lower(), secret=secret, algorithm="sha256").hexdigest()[:16]


def _recovery_digests(code: str) -> list[str]:
    """The digest under the current secret key and under each fallback, so rotating the key (with the old one kept
    in DJANGO_SECRET_KEY_FALLBACKS for a while) does not lock anyone out."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [recovery_code_digest(code, secret=secret) for secret in secrets]


def new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=recovery_code_digest(code)) for code in codes])
    return codes


def _spend_recovery_code(device: StaticDevice, code: str) -> bool:
    """django-otp's verify_token (throttling, last use, the token deleted) on the digest, never the code itself."""
    digests = _recovery_digests(code)
    stored = next((d for d in digests if device.token_set.filter(token=d).exists()), digests[0])
    return bool(device.verify_token(stored))  # one attempt counted by the throttle, whichever key matched


def mfa_verify(*, request: HttpRequest, actor: User, code: str) -> None:
    """The second step of a sign-in: a code from the authenticator, or one recovery code (then spent)."""
    code = code.strip().replace(" ", "")
    for device in TOTPDevice.objects.filter(user=actor, confirmed=True):
        if device.verify_token(code):
            otp_login(request, device)
            audit_append(actor=actor, action="mfa.verify", object_type="user", object_id=actor.pk)
            return
    for static in StaticDevice.objects.filter(user=actor, confirmed=True):
        if _spend_recovery_code(static, code):  # deletes the token it matched
            otp_login(request, static)
            left = StaticToken.objects.filter(device=static).count()
            audit_append(
                actor=actor,
                action="mfa.recovery_code_used",
                object_type="user",
                object_id=actor.pk,
                changes={"recovery_codes_left": left},
            )
            return
    audit_append(
        actor=actor, action="mfa.verify_failed", object_type="user", object_id=actor.pk, outcome=Outcome.DENIED
    )
    raise ApplicationError(WRONG_CODE, extra={"code": [WRONG_CODE]})


@transaction.atomic
def mfa_reset(*, actor: User, user: User) -> None:
    """An administrator removes a user's authenticator and recovery codes (a lost phone); the user's sessions end
    and the next sign-in enrols again. The caller has fetched `user` through the administrator's scope."""
    removed = (
        TOTPDevice.objects.filter(user=user).delete()[0]
        + StaticDevice.objects.filter(user=user).delete()[0]
        + WebAuthnCredential.objects.filter(user=user).delete()[0]
    )
    ended = sessions_end_for_user(user_id=user.pk)
    audit_append(
        actor=actor,
        action="mfa.reset",
        object_type="user",
        object_id=user.pk,
        changes={"devices_removed": removed, "sessions_ended": ended},
    )
