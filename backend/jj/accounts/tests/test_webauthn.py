"""Issue 11: WebAuthn security keys as a second factor beside TOTP, against a software authenticator (ES256, 'none'
attestation) built here with cryptography and cbor2, so every check of the ceremonies runs for real."""

import base64
import hashlib
import json
import os
import struct
from dataclasses import dataclass, field
from typing import Any

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from conftest import PASSWORD, World
from jj.accounts.models import WebAuthnCredential
from jj.accounts.tests.test_mfa import _code
from jj.audit.models import AuditEvent, Outcome

ORIGIN = "https://localhost"  # the test settings' JJ_WEBAUTHN_ORIGINS default for RP id "localhost"
RP_ID = "localhost"
REGISTER_OPTIONS = "/api/auth/mfa/webauthn/register/options/"
REGISTER_VERIFY = "/api/auth/mfa/webauthn/register/verify/"
AUTH_OPTIONS = "/api/auth/mfa/webauthn/authenticate/options/"
AUTH_VERIFY = "/api/auth/mfa/webauthn/authenticate/verify/"
KEYS = "/api/auth/mfa/webauthn/keys/"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class SoftKey:
    """A software authenticator holding one ES256 credential."""

    private: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    credential_id: bytes = field(default_factory=lambda: os.urandom(32))
    sign_count: int = 0

    def _cose(self) -> bytes:
        numbers = self.private.public_key().public_numbers()
        return cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})

    @staticmethod
    def _client_data(kind: str, challenge: str, origin: str) -> bytes:
        return json.dumps({"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": False}).encode()

    def create(self, options: dict[str, Any], *, origin: str = ORIGIN, rp_id: str = RP_ID) -> dict[str, Any]:
        client_data = self._client_data("webauthn.create", options["challenge"], origin)
        attested = bytes(16) + struct.pack(">H", len(self.credential_id)) + self.credential_id + self._cose()
        auth_data = hashlib.sha256(rp_id.encode()).digest() + bytes([0x45]) + struct.pack(">I", 0) + attested
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "attestationObject": b64url(attestation),
                "transports": ["usb"],
            },
            "clientExtensionResults": {},
        }

    def get(
        self, options: dict[str, Any], *, origin: str = ORIGIN, count: int | None = None, challenge: str | None = None
    ) -> dict[str, Any]:
        self.sign_count = self.sign_count + 1 if count is None else count
        client_data = self._client_data("webauthn.get", challenge or options["challenge"], origin)
        auth_data = hashlib.sha256(RP_ID.encode()).digest() + bytes([0x05]) + struct.pack(">I", self.sign_count)
        signature = self.private.sign(auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256()))
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "authenticatorData": b64url(auth_data),
                "signature": b64url(signature),
                "userHandle": None,
            },
            "clientExtensionResults": {},
        }


def _sign_in(username: str) -> APIClient:
    client = APIClient(enforce_csrf_checks=True)
    token = client.get("/api/auth/csrf/").cookies["csrftoken"].value
    response = client.post("/api/auth/login/", {"username": username, "password": PASSWORD}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200, response.content
    client.credentials(HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    return client


def _enrol(client: APIClient, key: SoftKey, name: str = "blue key") -> dict[str, Any]:
    options = client.post(REGISTER_OPTIONS, {"current_password": PASSWORD}, format="json")
    assert options.status_code == 200, options.content
    assert options.json()["rp"]["id"] == RP_ID
    done = client.post(REGISTER_VERIFY, {"credential": key.create(options.json()), "name": name}, format="json")
    assert done.status_code == 201, done.content
    body: dict[str, Any] = done.json()
    return body


def _second_step(client: APIClient, key: SoftKey, **kwargs: Any) -> Any:
    options = client.post(AUTH_OPTIONS, format="json")
    assert options.status_code == 200, options.content
    return client.post(AUTH_VERIFY, {"credential": key.get(options.json(), **kwargs)}, format="json")


def test_enrol_a_key_then_sign_in_with_password_and_key(world: World) -> None:
    key = SoftKey()
    client = _sign_in("supervisor")
    assert client.get("/api/cases/").status_code == 403  # required role, nothing enrolled yet
    enrolled = _enrol(client, key)
    assert len(enrolled["recovery_codes"]) == 10  # the first factor comes with recovery codes
    assert enrolled["key"]["name"] == "blue key"
    assert client.get("/api/cases/").status_code == 200  # enrolling verified this session
    stored = WebAuthnCredential.objects.get(user=world.users["supervisor"])
    assert bytes(stored.credential_id) == key.credential_id
    assert stored.transports == ["usb"]

    again = _sign_in("supervisor")
    mfa = again.get("/api/auth/me/").json()["mfa"]
    assert mfa["enrolled"]
    assert not mfa["verified"]
    assert mfa["security_keys"] == 1
    assert not mfa["totp"]
    assert again.get("/api/cases/").status_code == 403
    answer = _second_step(again, key)
    assert answer.status_code == 200, answer.content
    assert again.get("/api/cases/").status_code == 200
    stored.refresh_from_db()
    assert stored.sign_count == 1
    assert stored.last_used_at is not None
    actions = set(AuditEvent.objects.filter(actor_username="supervisor").values_list("action", flat=True))
    assert {"mfa.webauthn_register_options", "mfa.webauthn_register", "mfa.verify"} <= actions


def test_an_answer_to_another_challenge_is_refused(world: World) -> None:
    key = SoftKey()
    _enrol(_sign_in("supervisor"), key)
    client = _sign_in("supervisor")
    options = client.post(AUTH_OPTIONS, format="json").json()
    forged = key.get(options, challenge=b64url(os.urandom(32)))
    answer = client.post(AUTH_VERIFY, {"credential": forged}, format="json")
    assert answer.status_code == 400
    assert client.get("/api/cases/").status_code == 403
    assert WebAuthnCredential.objects.get().sign_count == 0
    assert AuditEvent.objects.filter(action="mfa.verify_failed", outcome=Outcome.DENIED).exists()


def test_a_challenge_answers_one_ceremony_only(world: World) -> None:
    key = SoftKey()
    _enrol(_sign_in("supervisor"), key)
    client = _sign_in("supervisor")
    options = client.post(AUTH_OPTIONS, format="json").json()
    assert client.post(AUTH_VERIFY, {"credential": key.get(options)}, format="json").status_code == 200
    replay = client.post(AUTH_VERIFY, {"credential": key.get(options)}, format="json")
    assert replay.status_code == 400  # the challenge was spent


def test_an_answer_from_another_origin_is_refused(world: World) -> None:
    key = SoftKey()
    client = _sign_in("supervisor")
    options = client.post(REGISTER_OPTIONS, {"current_password": PASSWORD}, format="json").json()
    phished = key.create(options, origin="https://evil.example")
    assert client.post(REGISTER_VERIFY, {"credential": phished}, format="json").status_code == 400
    assert not WebAuthnCredential.objects.exists()

    _enrol(client, key)
    again = _sign_in("supervisor")
    assert _second_step(again, key, origin="https://evil.example").status_code == 400
    assert again.get("/api/cases/").status_code == 403


def test_a_key_for_another_rp_id_is_refused(world: World) -> None:
    client = _sign_in("supervisor")
    options = client.post(REGISTER_OPTIONS, {"current_password": PASSWORD}, format="json").json()
    other = SoftKey().create(options, rp_id="evil.example")
    assert client.post(REGISTER_VERIFY, {"credential": other}, format="json").status_code == 400
    assert not WebAuthnCredential.objects.exists()


def test_a_signature_counter_that_goes_back_means_a_cloned_key_and_is_refused(world: World) -> None:
    key = SoftKey()
    _enrol(_sign_in("supervisor"), key)
    assert _second_step(_sign_in("supervisor"), key, count=5).status_code == 200
    clone = _sign_in("supervisor")
    assert _second_step(clone, key, count=5).status_code == 400  # same counter: replayed or cloned
    assert _second_step(clone, key, count=3).status_code == 400  # lower counter
    assert clone.get("/api/cases/").status_code == 403
    assert WebAuthnCredential.objects.get().sign_count == 5


def test_another_users_key_does_not_sign_anyone_else_in(world: World) -> None:
    key = SoftKey()
    _enrol(_sign_in("supervisor"), key)
    admin = _sign_in("administrator")
    other = SoftKey()
    _enrol(admin, other)
    intruder = _sign_in("administrator")
    options = intruder.post(AUTH_OPTIONS, format="json").json()
    assert [c["id"] for c in options["allowCredentials"]] == [b64url(other.credential_id)]
    answer = intruder.post(AUTH_VERIFY, {"credential": key.get(options)}, format="json")
    assert answer.status_code == 400
    assert intruder.get("/api/cases/").status_code == 403
    supervisor_key = WebAuthnCredential.objects.get(user=world.users["supervisor"])
    assert supervisor_key.sign_count == 0
    # nor can anyone list or remove it
    assert [k["id"] for k in intruder.get(KEYS).json()] == [
        WebAuthnCredential.objects.get(user__username="administrator").pk
    ]
    verified = _sign_in("administrator")
    assert _second_step(verified, other).status_code == 200
    removal = verified.post(f"{KEYS}{supervisor_key.pk}/remove/", {"current_password": PASSWORD}, format="json")
    assert removal.status_code == 404
    assert WebAuthnCredential.objects.filter(pk=supervisor_key.pk).exists()


def test_removing_a_key_needs_the_password_and_a_verified_session(world: World) -> None:
    key = SoftKey()
    _enrol(_sign_in("caseworker"), key)
    stored = WebAuthnCredential.objects.get()
    pending = _sign_in("caseworker")  # password only: enrolled, so the second factor is still owed
    refused = pending.post(f"{KEYS}{stored.pk}/remove/", {"current_password": PASSWORD}, format="json")
    assert refused.status_code == 400
    assert WebAuthnCredential.objects.filter(pk=stored.pk).exists()
    assert _second_step(pending, key).status_code == 200
    wrong = pending.post(f"{KEYS}{stored.pk}/remove/", {"current_password": "not it"}, format="json")
    assert wrong.status_code == 400
    assert WebAuthnCredential.objects.filter(pk=stored.pk).exists()
    assert AuditEvent.objects.filter(action="auth.reauth_failed", reason="mfa.webauthn_remove").exists()
    removed = pending.post(f"{KEYS}{stored.pk}/remove/", {"current_password": PASSWORD}, format="json")
    assert removed.status_code == 204
    assert not WebAuthnCredential.objects.exists()
    assert AuditEvent.objects.filter(action="mfa.webauthn_remove", actor_username="caseworker").exists()


def test_a_password_alone_cannot_add_a_key_or_an_app_beside_an_enrolled_key(world: World) -> None:
    _enrol(_sign_in("caseworker"), SoftKey())
    pending = _sign_in("caseworker")
    options = pending.post(REGISTER_OPTIONS, {"current_password": PASSWORD}, format="json")
    assert options.status_code == 400
    assert pending.post("/api/auth/mfa/totp/setup/", {"current_password": PASSWORD}, format="json").status_code == 201
    device = TOTPDevice.objects.get(confirmed=False)
    confirm = pending.post("/api/auth/mfa/totp/confirm/", {"code": _code(device)}, format="json")
    assert confirm.status_code == 400
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert WebAuthnCredential.objects.count() == 1


def test_an_administrators_mfa_reset_removes_security_keys_too(world: World) -> None:
    _enrol(_sign_in("caseworker"), SoftKey())
    admin = _sign_in("administrator")
    _enrol(admin, SoftKey())
    target = world.users["caseworker"]
    reset = admin.post(f"/api/users/{target.pk}/mfa-reset/", {"current_password": PASSWORD}, format="json")
    assert reset.status_code == 204, reset.content
    assert not WebAuthnCredential.objects.filter(user=target).exists()
