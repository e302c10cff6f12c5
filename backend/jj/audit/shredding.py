"""Crypto-shredding: identifying values in the audit trail are stored encrypted under a per-child data key.

The trail is append-only and hash-chained, yet a child's identity must not follow them into adulthood
(CRC/C/GC/24 paras 66-71; Havana Rules r. 19). Each identifying value (a name, a date of birth, free text of the
child's record) is written as `enc:v1:<base64(nonce || AES-256-GCM ciphertext)>` under the child's data key; the
chain's HMAC covers that ciphertext. Destroying the data key (`child_key_shred`) leaves every event and the chain
intact and the values unreadable for good. Data keys are wrapped by the records master key from the environment;
`master_key_id` names which master key wrapped each one so the master key can be rotated (`child_keys_rewrap`).

Search terms are not identifying values of one child: they never enter the trail in clear, only as a keyed hash
(`search_term_digest`), which lets an investigator holding the key check whether a given term was searched."""

import base64
import hashlib
import hmac
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.utils import timezone

from jj.audit.models import ChildDataKey

SEALED_PREFIX = "enc:v1:"
MASKED = "***"
REMOVED = "[removed]"
_NONCE = 12


@dataclass(frozen=True)
class Identifying:
    """A value that identifies a child: audit_append stores it encrypted under the child's data key."""

    value: Any


def _master_bytes(raw: str) -> bytes:
    return hashlib.sha256(b"jj-records-master-key:" + raw.encode()).digest()


def master_key_id(raw: str) -> str:
    """A fingerprint naming a master key without revealing it."""
    return hashlib.sha256(b"jj-records-master-key-id:" + raw.encode()).hexdigest()[:16]


def _master_keys() -> dict[str, AESGCM]:
    keys = {master_key_id(settings.RECORDS_MASTER_KEY): AESGCM(_master_bytes(settings.RECORDS_MASTER_KEY))}
    for raw in settings.RECORDS_MASTER_KEYS_PREVIOUS:
        keys.setdefault(master_key_id(raw), AESGCM(_master_bytes(raw)))
    return keys


def _aad(child_ref: str) -> bytes:
    return f"jj-child-data-key:{child_ref}".encode()


def _wrap(data_key: bytes, child_ref: str) -> tuple[str, str]:
    key_id = master_key_id(settings.RECORDS_MASTER_KEY)
    nonce = os.urandom(_NONCE)
    wrapped = AESGCM(_master_bytes(settings.RECORDS_MASTER_KEY)).encrypt(nonce, data_key, _aad(child_ref))
    return key_id, base64.b64encode(nonce + wrapped).decode()


def _unwrap(row: ChildDataKey) -> AESGCM | None:
    if row.shredded_at is not None or not row.wrapped_key:
        return None
    return AESGCM(_data_key_bytes(row))


def child_key_for_write(*, child_ref: str) -> AESGCM | None:
    """The child's data key, created on first use; None once it was shredded (nothing identifying is written
    for a forgotten child again). Called under the chain lock, so two appends never race to create it."""
    row = ChildDataKey.objects.filter(child_ref=child_ref).first()
    if row is None:
        key_id, wrapped = _wrap(AESGCM.generate_key(bit_length=256), child_ref)
        row = ChildDataKey.objects.create(child_ref=child_ref, master_key_id=key_id, wrapped_key=wrapped)
    return _unwrap(row)


def seal(value: Any, *, key: AESGCM | None, child_ref: str) -> str:
    if key is None:
        return REMOVED
    nonce = os.urandom(_NONCE)
    plain = json.dumps(value, ensure_ascii=False, default=str).encode()
    return SEALED_PREFIX + base64.b64encode(nonce + key.encrypt(nonce, plain, child_ref.encode())).decode()


def contains_identifying(value: Any) -> bool:
    if isinstance(value, Identifying):
        return True
    if isinstance(value, Mapping):
        return any(contains_identifying(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(contains_identifying(v) for v in value)
    return False


def seal_identifying(value: Any, *, key: AESGCM | None, child_ref: str) -> Any:
    """Replace every Identifying in a JSON-like value by its ciphertext (or MASKED when there is no child)."""
    if isinstance(value, Identifying):
        if value.value in (None, ""):
            return value.value
        return seal(value.value, key=key, child_ref=child_ref) if child_ref else MASKED
    if isinstance(value, Mapping):
        return {k: seal_identifying(v, key=key, child_ref=child_ref) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [seal_identifying(v, key=key, child_ref=child_ref) for v in value]
    return value


def is_sealed(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(SEALED_PREFIX)


def has_sealed(value: Any) -> bool:
    if isinstance(value, Mapping):
        return any(has_sealed(v) for v in value.values())
    if isinstance(value, list):
        return any(has_sealed(v) for v in value)
    return is_sealed(value)


def _open(token: str, *, key: AESGCM | None, child_ref: str) -> Any:
    if key is None:
        return REMOVED
    raw = base64.b64decode(token[len(SEALED_PREFIX) :])
    return json.loads(key.decrypt(raw[:_NONCE], raw[_NONCE:], child_ref.encode()))


def reveal(value: Any, *, key: AESGCM | None, child_ref: str) -> Any:
    """Decrypt every sealed value; `[removed]` where the child's key was shredded."""
    if isinstance(value, Mapping):
        return {k: reveal(v, key=key, child_ref=child_ref) for k, v in value.items()}
    if isinstance(value, list):
        return [reveal(v, key=key, child_ref=child_ref) for v in value]
    return _open(value, key=key, child_ref=child_ref) if is_sealed(value) else value


def mask(value: Any, *, shredded: bool) -> Any:
    """For readers who may not see a child's identity: `***` for a sealed value, `[removed]` once shredded."""
    if isinstance(value, Mapping):
        return {k: mask(v, shredded=shredded) for k, v in value.items()}
    if isinstance(value, list):
        return [mask(v, shredded=shredded) for v in value]
    return (REMOVED if shredded else MASKED) if is_sealed(value) else value


def child_key_for_read(*, child_ref: str) -> AESGCM | None:
    row = ChildDataKey.objects.filter(child_ref=child_ref).first()
    return _unwrap(row) if row is not None else None


def readable(value: Any, *, child_ref: str) -> Any:
    """A stored value as those allowed to see the child's identity read it (one query for the key when sealed):
    decrypted, `[removed]` once the child's key was shredded. For services and tests, not for list views."""
    if not child_ref or not has_sealed(value):
        return value
    return reveal(value, key=child_key_for_read(child_ref=child_ref), child_ref=child_ref)


def child_key_shred(*, child_ref: str) -> bool:
    """Destroy the child's data key for good. A row stays, marked shredded, so no new key is ever made for the
    child. Returns False if it was already shredded. Callers audit the shredding themselves."""
    row = ChildDataKey.objects.select_for_update().filter(child_ref=child_ref).first()
    if row is not None and row.shredded_at is not None:
        return False
    if row is None:
        ChildDataKey.objects.create(child_ref=child_ref, shredded_at=timezone.now())
    else:
        ChildDataKey.objects.filter(pk=row.pk).update(wrapped_key="", master_key_id="", shredded_at=timezone.now())
    return True


def child_keys_rewrap() -> int:
    """Re-wrap every live data key under the current master key (after a rotation). Returns how many changed."""
    current = master_key_id(settings.RECORDS_MASTER_KEY)
    changed = 0
    for row in ChildDataKey.objects.filter(shredded_at__isnull=True).exclude(master_key_id=current).iterator():
        data_key = _data_key_bytes(row)
        key_id, wrapped = _wrap(data_key, row.child_ref)
        ChildDataKey.objects.filter(pk=row.pk).update(master_key_id=key_id, wrapped_key=wrapped)
        changed += 1
    return changed


def _data_key_bytes(row: ChildDataKey) -> bytes:
    master = _master_keys().get(row.master_key_id)
    if master is None:
        raise RuntimeError(
            f"The data key of {row.child_ref} is wrapped by master key {row.master_key_id}, which is not configured: "
            "add it to JJ_RECORDS_MASTER_KEYS_PREVIOUS (docs/audit.md)."
        )
    raw = base64.b64decode(row.wrapped_key)
    return master.decrypt(raw[:_NONCE], raw[_NONCE:], _aad(row.child_ref))


def search_term_digest(term: str) -> str:
    """A keyed hash of a search term (HMAC-SHA256 under the audit chain's key, which is outside the database):
    equal terms give equal digests, and nobody without the key can test a guess against it."""
    digest = hmac.new(
        b"jj-search-term:" + str(settings.AUDIT_HMAC_KEY).encode(), term.strip().casefold().encode(), "sha256"
    )
    return f"hmac:{digest.hexdigest()[:32]}"
