"""Appending to the audit trail. Services call these inside their own transaction, as their last step, so
the event commits or rolls back with the change and the chain lock is held only briefly."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from jj.accounts.models import User
from jj.audit.chain import GENESIS_HASH, event_hash
from jj.audit.models import AuditEvent, Outcome
from jj.audit.shredding import (
    Identifying,
    child_key_for_write,
    contains_identifying,
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
    ctx = current_request_context()
    decision_rows = [decision_to_json(d) if isinstance(d, Decision) else dict(d) for d in decisions]
    # No savepoint: inside a service's transaction the event commits or rolls back with the change, and a
    # savepoint would cost two more round trips on every audited request.
    with transaction.atomic(savepoint=False):
        last = _lock_chain_and_read_head()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
        child_ref = child_pseudonym(child_id) if child_id is not None else ""
        change_values: dict[str, Any] = dict(changes or {})
        if contains_identifying(change_values):
            # Crypto-shredding: identifying values are stored encrypted under the child's data key (one more
            # query, two the first time, and only for events that carry such values).
            key = child_key_for_write(child_ref=child_ref) if child_ref else None
            change_values = seal_identifying(change_values, key=key, child_ref=child_ref)
        fields: dict[str, Any] = {
            "seq": seq,
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
            "reason": reason,
            "request_id": ctx.request_id,
            "ip": ctx.ip or "",
            "prev_hash": prev_hash,
        }
        fields["hash"] = event_hash(fields, key=audit_key())
        fields["occurred_at"] = datetime.fromisoformat(fields["occurred_at"])
        return AuditEvent.objects.create(**fields)


def _tags(values: Iterable[object]) -> str:
    unique = sorted({str(v) for v in values if v})
    return f",{','.join(unique)}," if unique else ""


def audit_read(*, actor: User, object_type: str, object_id: object, child_id: int | None) -> AuditEvent:
    """A read of a child's record (REC-1: every read audited)."""
    return audit_append(
        actor=actor, action=f"{object_type}.read", object_type=object_type, object_id=object_id, child_id=child_id
    )


def audit_list(*, actor: User, object_type: str, ids: Iterable[object], query: Mapping[str, Any]) -> AuditEvent:
    """A list or search that showed records: which ids were shown, and the query that found them. What a person
    typed into a search box (often a child's name) is kept only as a keyed hash, never in clear."""
    return audit_append(
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
