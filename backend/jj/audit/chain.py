"""Canonical form and keyed hashing of audit events. Kept free of Django so the standalone verifier
(docs/audit/verify_export.py) can use exactly the same definition.

Each event's `hash` is HMAC-SHA256, under a key kept outside the database (JJ_AUDIT_HMAC_KEY), of its canonical
form, which includes the previous event's hash. Someone who can write to the database but does not hold the key
cannot rewrite an event and recompute the hashes after it: the first rewritten event fails verification."""

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

GENESIS_HASH = "0" * 64

# The fields that are hashed, in this order of meaning; the canonical JSON sorts keys anyway.
HASHED_FIELDS = (
    "seq",
    "occurred_at",
    "actor_id",
    "actor_username",
    "actor_role",
    "agency_id",
    "action",
    "object_type",
    "object_id",
    "child_ref",
    "outcome",
    "changes",
    "decisions",
    "rule_ids",
    "decision_outcomes",
    "reason",
    "request_id",
    "ip",
    "prev_hash",
)


# What a read event written before it is chained (jj.audit.models.PendingAuditEvent) is authenticated by: every
# hashed field except the two the chain gives it when it is sealed (its place and its predecessor's hash).
CONTENT_FIELDS = tuple(name for name in HASHED_FIELDS if name not in ("seq", "prev_hash"))


def canonical(event: Mapping[str, Any], fields: tuple[str, ...] = HASHED_FIELDS) -> bytes:
    """Compact JSON with sorted keys; `occurred_at` must already be an ISO-8601 UTC string."""
    return json.dumps(
        {name: event[name] for name in fields}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


_BLOCK = 64  # SHA-256's block size


def chain_hasher(key: bytes, fields: tuple[str, ...] = HASHED_FIELDS) -> Callable[[Mapping[str, Any]], str]:
    """HMAC-SHA256 (RFC 2104) for one key, equal to `hmac.new(key, msg, "sha256")`. The padded inner and outer
    states are computed once and copied per event (two C-level hash copies), which keeps verifying a million
    events close to plain SHA-256; `hmac`'s own copy() costs about twice as much per event."""
    if not key:
        raise ValueError("The audit chain needs a non-empty key.")
    if len(key) > _BLOCK:
        key = hashlib.sha256(key).digest()
    padded = key.ljust(_BLOCK, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    def mac(event: Mapping[str, Any]) -> str:
        state = inner.copy()
        state.update(canonical(event, fields))
        result = outer.copy()
        result.update(state.digest())
        return result.hexdigest()

    return mac


def event_hash(event: Mapping[str, Any], *, key: bytes) -> str:
    return chain_hasher(key)(event)


def content_mac(event: Mapping[str, Any], *, key: bytes) -> str:
    """HMAC of a pending event's content (CONTENT_FIELDS), computed when it is written: the sealer chains only
    events whose content still matches, so a row written into the pending table without the key is never sealed
    as if the application had written it."""
    return chain_hasher(key, CONTENT_FIELDS)(event)
