"""Recomputes the audit chain and names the first broken link."""

from dataclasses import dataclass

from jj.audit.chain import GENESIS_HASH, HASHED_FIELDS, chain_hasher
from jj.audit.models import AuditEvent
from jj.audit.services import audit_key, iso_utc

_VALUE_FIELDS = (*HASHED_FIELDS, "hash")


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events_checked: int
    first_broken_seq: int | None = None
    problem: str = ""


def verify_chain(
    *, expected_head: tuple[int, str] | None = None, chunk_size: int = 5000, key: bytes | None = None
) -> ChainReport:
    """Recompute every link. A chain alone cannot show that its newest events were cut off, so a verifier
    that knows an earlier head (the last `seq` and `hash` it exported or published) passes it as
    `expected_head`, and the chain must still contain exactly that event."""
    event_hash = chain_hasher(key if key is not None else audit_key())
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    rows = AuditEvent.objects.order_by("seq").values_list(*_VALUE_FIELDS).iterator(chunk_size=chunk_size)
    for row in rows:
        event = dict(zip(_VALUE_FIELDS, row, strict=True))
        seq = event["seq"]
        if seq != expected_seq:
            return ChainReport(
                False,
                checked,
                expected_seq if seq > expected_seq else seq,
                f"event #{expected_seq} is missing (next event found is #{seq})",
            )
        if event["prev_hash"] != expected_prev:
            return ChainReport(
                False, checked, seq, f"event #{seq} does not link to the event before it (prev_hash differs)"
            )
        event["occurred_at"] = iso_utc(event["occurred_at"])
        recomputed = event_hash(event)
        if recomputed != event["hash"]:
            return ChainReport(False, checked, seq, f"event #{seq} was altered: its content no longer matches its hash")
        if expected_head is not None and seq == expected_head[0] and event["hash"] != expected_head[1]:
            return ChainReport(False, checked, seq, f"event #{seq} differs from the head you were given earlier")
        expected_prev = event["hash"]
        expected_seq += 1
        checked += 1
    if expected_head is not None and checked < expected_head[0]:
        return ChainReport(
            False,
            checked,
            checked + 1,
            f"the trail ends at #{checked} but you were given a head at #{expected_head[0]}: "
            "events were removed from the end",
        )
    return ChainReport(True, checked)
