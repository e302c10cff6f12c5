"""Canonical form and hashing of audit events. Kept free of Django so the standalone verifier
(docs/audit/verify_export.py) can use exactly the same definition."""

import hashlib
import json
from collections.abc import Mapping
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


def canonical(event: Mapping[str, Any]) -> bytes:
    """Compact JSON with sorted keys; `occurred_at` must already be an ISO-8601 UTC string."""
    return json.dumps(
        {name: event[name] for name in HASHED_FIELDS}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


def event_hash(event: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(event)).hexdigest()
