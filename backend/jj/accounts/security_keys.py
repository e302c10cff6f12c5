"""WebAuthn (security keys and platform authenticators) as a second factor beside TOTP, on py_webauthn.

Two ceremonies, each in two steps: the server hands out options with a fresh challenge (kept in the session, used
once), the browser's authenticator answers, and the server verifies the answer against that challenge, the relying
party id and origins from settings (JJ_WEBAUTHN_RP_ID, JJ_WEBAUTHN_ORIGINS), and for a sign-in the stored public key
and signature counter: a counter that does not move forward means a cloned key and is refused. A verified sign-in
marks the session exactly as a TOTP code does (django-otp's device id in the session), so the MFA middleware and
JJ_MFA_REQUIRED treat both factors alike. Every step is audited; removing a key needs the password again."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from jj.accounts.mfa import SECOND_FACTOR_FIRST, mfa_enrolled, new_recovery_codes, session_verified
from jj.accounts.models import User, WebAuthnCredential
from jj.audit.models import Outcome
from jj.audit.services import audit_append
from jj.core.exceptions import ApplicationError
from jj.rules.text import msgid

REGISTRATION_CHALLENGE = "jj_webauthn_registration_challenge"
AUTHENTICATION_CHALLENGE = "jj_webauthn_authentication_challenge"
DEFAULT_NAME = "security key"

NOT_VERIFIED = msgid("The security key's answer could not be verified. Try again, with a key enrolled here.")
NO_CHALLENGE = msgid("Start again: the security key was not asked first, or the request expired.")


def _descriptors(user: User) -> list[PublicKeyCredentialDescriptor]:
    return [
        PublicKeyCredentialDescriptor(
            id=bytes(c.credential_id),
            transports=[
                AuthenticatorTransport(t) for t in c.transports if t in AuthenticatorTransport._value2member_map_
            ],
        )
        for c in WebAuthnCredential.objects.filter(user=user)
    ]


def _pop_challenge(request: HttpRequest, key: str) -> bytes:
    """The challenge handed out for this session, forgotten as it is read: each one answers one ceremony only."""
    encoded = request.session.pop(key, None)
    if not encoded:
        raise ApplicationError(NO_CHALLENGE)
    return base64url_to_bytes(encoded)


def registration_options(*, request: HttpRequest, actor: User) -> str:
    """Options for enrolling a new key (JSON for navigator.credentials.create). The caller has re-authenticated
    the actor. Someone already enrolled adds a key only from a session their second factor verified."""
    if mfa_enrolled(actor) and not session_verified(request):
        raise ApplicationError(SECOND_FACTOR_FIRST)
    options = generate_registration_options(
        rp_id=settings.WEBAUTHN_RP_ID,
        rp_name=settings.WEBAUTHN_RP_NAME,
        user_name=actor.username,
        user_id=str(actor.pk).encode(),
        user_display_name=actor.get_full_name() or actor.username,
        exclude_credentials=_descriptors(actor),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.DISCOURAGED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    request.session[REGISTRATION_CHALLENGE] = bytes_to_base64url(options.challenge)
    audit_append(actor=actor, action="mfa.webauthn_register_options", object_type="user", object_id=actor.pk)
    return options_to_json(options)


def registration_verify(
    *, request: HttpRequest, actor: User, credential: dict[str, Any], name: str
) -> tuple[WebAuthnCredential, list[str]]:
    """Verify the new key's answer and keep its public key. Returns the credential and, when this is the account's
    first second factor and it has no recovery codes yet, new recovery codes (shown once)."""
    challenge = _pop_challenge(request, REGISTRATION_CHALLENGE)
    if mfa_enrolled(actor) and not session_verified(request):
        raise ApplicationError(SECOND_FACTOR_FIRST)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=settings.WEBAUTHN_RP_ID,
            expected_origin=list(settings.WEBAUTHN_ORIGINS),
        )
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as exc:
        audit_append(
            actor=actor,
            action="mfa.webauthn_register_failed",
            object_type="user",
            object_id=actor.pk,
            outcome=Outcome.DENIED,
            reason=str(exc)[:200],
        )
        raise ApplicationError(NOT_VERIFIED, extra={"credential": [NOT_VERIFIED]}) from exc
    if WebAuthnCredential.objects.filter(credential_id=verified.credential_id).exists():
        audit_append(
            actor=actor,
            action="mfa.webauthn_register_failed",
            object_type="user",
            object_id=actor.pk,
            outcome=Outcome.DENIED,
            reason="credential already registered",
        )
        raise ApplicationError(NOT_VERIFIED, extra={"credential": [NOT_VERIFIED]})
    transports = credential.get("response", {}).get("transports") or []
    with transaction.atomic():
        codes: list[str] = []
        if not StaticDevice.objects.filter(user=actor, confirmed=True).exists():
            codes = new_recovery_codes(actor)
        key = WebAuthnCredential.objects.create(
            user=actor,
            name=(name.strip() or DEFAULT_NAME)[:64],
            confirmed=True,
            credential_id=verified.credential_id,
            public_key=verified.credential_public_key,
            sign_count=verified.sign_count,
            transports=[str(t) for t in transports][:8],
        )
        audit_append(
            actor=actor,
            action="mfa.webauthn_register",
            object_type="user",
            object_id=actor.pk,
            changes={"credential": key.pk, "recovery_codes": len(codes)},
        )
    otp_login(request, key)  # enrolling with the key is also giving it
    return key, codes


def authentication_options(*, request: HttpRequest, actor: User) -> str:
    """Options for the second step of a sign-in with one of the actor's keys (navigator.credentials.get)."""
    allowed = _descriptors(actor)
    if not allowed:
        raise ApplicationError(NOT_VERIFIED)
    options = generate_authentication_options(
        rp_id=settings.WEBAUTHN_RP_ID,
        allow_credentials=allowed,
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    request.session[AUTHENTICATION_CHALLENGE] = bytes_to_base64url(options.challenge)
    return options_to_json(options)


def _authentication_failed(actor: User, reason: str) -> ApplicationError:
    audit_append(
        actor=actor,
        action="mfa.verify_failed",
        object_type="user",
        object_id=actor.pk,
        outcome=Outcome.DENIED,
        reason=f"webauthn: {reason}"[:200],
    )
    return ApplicationError(NOT_VERIFIED, extra={"credential": [NOT_VERIFIED]})


def authentication_verify(*, request: HttpRequest, actor: User, credential: dict[str, Any]) -> WebAuthnCredential:
    """Verify a key's answer to this session's challenge: only the actor's own keys count, and the signature counter
    must move forward (unless the authenticator keeps none: both zero)."""
    challenge = _pop_challenge(request, AUTHENTICATION_CHALLENGE)
    raw_id = credential.get("rawId") or credential.get("id") if isinstance(credential, dict) else None
    try:
        credential_id = base64url_to_bytes(str(raw_id))
    except (ValueError, TypeError) as exc:
        raise _authentication_failed(actor, "malformed credential id") from exc
    key = WebAuthnCredential.objects.filter(user=actor, credential_id=credential_id).first()
    if key is None:
        raise _authentication_failed(actor, "not a key of this account")
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=settings.WEBAUTHN_RP_ID,
            expected_origin=list(settings.WEBAUTHN_ORIGINS),
            credential_public_key=bytes(key.public_key),
            credential_current_sign_count=key.sign_count,
        )
    except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError) as exc:
        raise _authentication_failed(actor, str(exc)) from exc
    with transaction.atomic():
        updated = WebAuthnCredential.objects.filter(pk=key.pk, sign_count=key.sign_count).update(
            sign_count=verified.new_sign_count, last_used_at=timezone.now()
        )
        if not updated:  # a concurrent sign-in with the same counter: one of them is a replay
            raise _authentication_failed(actor, "sign count raced")
        audit_append(
            actor=actor,
            action="mfa.verify",
            object_type="user",
            object_id=actor.pk,
            changes={"method": "webauthn", "credential": key.pk},
        )
    otp_login(request, key)
    return key


@transaction.atomic
def credential_remove(*, request: HttpRequest, actor: User, credential_id: int) -> None:
    """The actor removes one of their own keys (the caller has re-authenticated them), from a session their second
    factor verified (else a password alone could strip the second factor). Another user's key is not found.
    Removing the last factor of a role that requires one means enrolling again at the next sign-in."""
    if not session_verified(request):
        raise ApplicationError(SECOND_FACTOR_FIRST)
    key = WebAuthnCredential.objects.filter(user=actor, pk=credential_id).first()
    if key is None:
        raise Http404
    key.delete()
    audit_append(
        actor=actor,
        action="mfa.webauthn_remove",
        object_type="user",
        object_id=actor.pk,
        changes={"credential": credential_id},
    )
