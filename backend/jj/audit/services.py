"""Appending to the audit trail. Services call these inside their own transaction, as their last step, so
the event commits or rolls back with the change and the chain lock is held only briefly."""

import logging
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from jj.accounts.models import User
from jj.audit.chain import CONTENT_FIELDS, GENESIS_HASH, chain_hasher, content_mac, event_hash
from jj.audit.models import AuditEvent, Outcome, PendingAuditEvent
from jj.audit.shredding import (
    Identifying,
    child_key_for_write,
    contains_identifying,
    seal,
    seal_identifying,
    search_term_digest,
)
from jj.core.context import current_request_context
from jj.core.exceptions import decision_to_json
from jj.core.pseudonym import child_pseudonym
from jj.rules.engine import Decision

# Any constant will do; it names the one advisory lock that serialises appends to the chain on PostgreSQL.
_CHAIN_LOCK_KEY = 7_319_020_001


def _lock_chain_and_read_head() -> tuple[int, str] | None:
    """Serialise appenders so the chain never forks, and read the current head under that lock.
    PostgreSQL: an advisory lock held to the end of the transaction (one round trip, see migration 0003).
    SQLite: the IMMEDIATE transaction already holds the database's write lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT head_seq, head_hash FROM jj_audit_lock_head(%s)", [_CHAIN_LOCK_KEY])
            row = cursor.fetchone()
        return (row[0], row[1]) if row else None
    return AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()


def audit_key() -> bytes:
    """The chain's MAC key (JJ_AUDIT_HMAC_KEY): from the environment, never stored in the database."""
    return str(settings.AUDIT_HMAC_KEY).encode()


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def audit_append(
    *,
    actor: User | None,
    action: str,
    object_type: str = "",
    object_id: object = "",
    child_id: int | None = None,
    changes: Mapping[str, Any] | None = None,
    decisions: Sequence[Decision] | Sequence[Mapping[str, Any]] = (),
    outcome: str = Outcome.SUCCESS,
    reason: str = "",
    actor_username: str = "",
) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction (the chain lock is held to its end)."""
    # No savepoint: inside a service's transaction the event commits or rolls back with the change, and a
    # savepoint would cost two more round trips on every audited request.
    with transaction.atomic(savepoint=False):
        last = _lock_chain_and_read_head()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        fields = _event_fields(
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=object_id,
            child_id=child_id,
            changes=changes,
            decisions=decisions,
            outcome=outcome,
            reason=reason,
            actor_username=actor_username,
        )
        fields["seq"] = seq
        fields["prev_hash"] = prev_hash
        fields["hash"] = event_hash(fields, key=audit_key())
        fields["occurred_at"] = datetime.fromisoformat(fields["occurred_at"])
        return AuditEvent.objects.create(**fields)


def _event_fields(
    *,
    actor: User | None,
    action: str,
    object_type: str,
    object_id: object,
    child_id: int | None,
    changes: Mapping[str, Any] | None,
    decisions: Sequence[Decision] | Sequence[Mapping[str, Any]],
    outcome: str,
    reason: str,
    actor_username: str,
) -> dict[str, Any]:
    """An event's content (CONTENT_FIELDS), `occurred_at` as its ISO-8601 UTC string."""
    ctx = current_request_context()
    decision_rows = [decision_to_json(d) if isinstance(d, Decision) else dict(d) for d in decisions]
    child_ref = child_pseudonym(child_id) if child_id is not None else ""
    change_values: dict[str, Any] = dict(changes or {})
    stored_reason = reason
    if contains_identifying(change_values) or (reason and child_ref):
        # Crypto-shredding: identifying values are stored encrypted under the child's data key (one more
        # query, two the first time, and only for events that carry such values). The reason of an event about a
        # child is free text about the child (a break-glass reason, why a case was shared): encrypted too.
        key = child_key_for_write(child_ref=child_ref) if child_ref else None
        change_values = seal_identifying(change_values, key=key, child_ref=child_ref)
        if reason and child_ref:
            stored_reason = seal(reason, key=key, child_ref=child_ref)
    return {
        "occurred_at": iso_utc(timezone.now()),
        "actor_id": actor.pk if actor is not None else None,
        "actor_username": actor.username if actor is not None else actor_username,
        "actor_role": actor.role if actor is not None else "",
        "agency_id": actor.agency_id if actor is not None else None,
        "action": action,
        "object_type": object_type,
        "object_id": str(object_id),
        "child_ref": child_ref,
        "outcome": str(outcome),
        "changes": change_values,
        "decisions": decision_rows,
        "rule_ids": _tags(row.get("rule_id") for row in decision_rows),
        "decision_outcomes": _tags(row.get("outcome") for row in decision_rows),
        "reason": stored_reason,
        "request_id": ctx.request_id,
        "ip": ctx.ip or "",
    }


def audit_append_read(
    *,
    actor: User,
    action: str,
    object_type: str,
    object_id: object = "",
    child_id: int | None = None,
    changes: Mapping[str, Any] | None = None,
) -> AuditEvent | PendingAuditEvent:
    """A read or list event. With AUDIT_DEFER_READS (PostgreSQL's default): one INSERT into the pending table in
    the caller's transaction (it commits or rolls back with the request), no lock and no read of the chain head,
    so readers never wait for one another or for writers; `audit_seal_pending` chains it within seconds.
    Without it (SQLite, where writers are serialised anyway, and the test suite): chained at once."""
    if not settings.AUDIT_DEFER_READS:
        return audit_append(
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=object_id,
            child_id=child_id,
            changes=changes,
        )
    fields = _event_fields(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        child_id=child_id,
        changes=changes,
        decisions=(),
        outcome=Outcome.SUCCESS,
        reason="",
        actor_username="",
    )
    fields["mac"] = content_mac(fields, key=audit_key())
    fields["occurred_at"] = datetime.fromisoformat(fields["occurred_at"])
    return PendingAuditEvent.objects.create(**fields)


log = logging.getLogger("jj.audit")
SEAL_BATCH = 2000


def audit_seal_pending(*, batch: int = SEAL_BATCH) -> int:
    """Chain every committed pending read, oldest id first, in batches of `batch` (one transaction each: the
    chain lock, the head, the batch, one INSERT of the chained events and one DELETE of the pending rows).
    Returns how many were sealed. Idempotent and safe to run from several processes: the chain lock serialises
    sealers and writers, and a pending row is gone once sealed. A row committed after a batch was read (its
    transaction began earlier) is simply sealed by the next run: the chain's order is the order of sealing, and
    each event keeps its own `occurred_at`. A row whose content does not match its `mac` (written without the
    key) is not chained as written: an `audit.pending_forged` event records its id in its place."""
    total = 0
    while True:
        with transaction.atomic():
            sealed = _seal_batch(batch)
        total += sealed
        if sealed < batch:
            return total


def _seal_batch(batch: int) -> int:
    last = _lock_chain_and_read_head()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    rows = list(PendingAuditEvent.objects.order_by("id").values("id", "mac", *CONTENT_FIELDS)[:batch])
    if not rows:
        return 0
    key = audit_key()
    check = chain_hasher(key, CONTENT_FIELDS)
    ctx = current_request_context()
    events: list[AuditEvent] = []
    for row in rows:
        pending_id, mac = row.pop("id"), row.pop("mac")
        row["occurred_at"] = iso_utc(row["occurred_at"])
        if check(row) != mac:
            log.error("pending audit event %s does not match its MAC: recorded as forged, not chained", pending_id)
            row = {
                **dict.fromkeys(CONTENT_FIELDS, ""),
                "occurred_at": iso_utc(timezone.now()),
                "actor_id": None,
                "agency_id": None,
                "action": "audit.pending_forged",
                "object_type": "pending_audit_event",
                "object_id": str(pending_id),
                "outcome": Outcome.FAILED,
                "changes": {},
                "decisions": [],
                "reason": "content does not match its MAC",
                "request_id": ctx.request_id,
                "ip": ctx.ip or "",
            }
        row["seq"], row["prev_hash"] = seq, prev_hash
        row["hash"] = event_hash(row, key=key)
        row["occurred_at"] = datetime.fromisoformat(row["occurred_at"])
        events.append(AuditEvent(pending_id=pending_id, **row))
        seq, prev_hash = seq + 1, row["hash"]
    AuditEvent.objects.bulk_create(events)
    PendingAuditEvent.objects.filter(id__in=[e.pending_id for e in events]).delete()
    return len(events)


def audit_seal_before_reading() -> None:
    """Before the trail is shown, exported or verified: chain what is pending, so it is complete up to now."""
    if settings.AUDIT_DEFER_READS:
        audit_seal_pending()


def _tags(values: Iterable[object]) -> str:
    unique = sorted({str(v) for v in values if v})
    return f",{','.join(unique)}," if unique else ""


def audit_read(
    *, actor: User, object_type: str, object_id: object, child_id: int | None
) -> AuditEvent | PendingAuditEvent:
    """A read of a child's record (REC-1: every read audited)."""
    return audit_append_read(
        actor=actor, action=f"{object_type}.read", object_type=object_type, object_id=object_id, child_id=child_id
    )


def audit_list(
    *, actor: User, object_type: str, ids: Iterable[object], query: Mapping[str, Any]
) -> AuditEvent | PendingAuditEvent:
    """A list or search that showed records: which ids were shown, and the query that found them. What a person
    typed into a search box (often a child's name) is kept only as a keyed hash, never in clear."""
    return audit_append_read(
        actor=actor,
        action=f"{object_type}.list",
        object_type=object_type,
        changes={"shown_ids": [str(i) for i in ids], "query": query_for_audit(query)},
    )


# Query parameters whose values are what someone typed (react-admin's `q`, DRF's `search`, name filters).
SEARCH_PARAMS = frozenset({"search", "q"})


def _typed_by_a_person(param: str) -> bool:
    """A search box, or a filter on a person's name (not a staff username, which the trail records anyway)."""
    return param in SEARCH_PARAMS or ("name" in param and "username" not in param)


def query_for_audit(query: Mapping[str, Any]) -> dict[str, str]:
    return {k: search_term_digest(str(v)) if _typed_by_a_person(k) and str(v) else str(v) for k, v in query.items()}


def audit_denied(*, actor: User | None, action: str, object_type: str, object_id: object, reason: str = "") -> None:
    """A refused attempt (not found for this caller, or forbidden): recorded, then the caller gets its 404/403."""
    audit_append(
        actor=actor, action=action, object_type=object_type, object_id=object_id, outcome=Outcome.DENIED, reason=reason
    )


def changed_fields(
    before: Mapping[str, Any], after: Mapping[str, Any], *, masked: Iterable[str] = ()
) -> dict[str, Any]:
    """Before/after of the fields that changed. Sensitive values are marked Identifying: audit_append stores them
    encrypted under the child's data key (crypto-shredding), so the trail never holds them in clear."""
    masked_set = set(masked)
    out: dict[str, Any] = {}
    for name, new in after.items():
        old = before.get(name)
        if old != new:
            if name in masked_set:
                out[name] = {
                    "before": Identifying(_plain(old)) if old not in (None, "") else "",
                    "after": Identifying(_plain(new)) if new not in (None, "") else "",
                }
            else:
                out[name] = {"before": _plain(old), "after": _plain(new)}
    return out


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)
