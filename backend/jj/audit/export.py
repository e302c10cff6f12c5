"""JSON Lines export of the audit trail for an oversight body, verifiable offline with
docs/audit/verify_export.py (which does not need this system)."""

import json
from collections.abc import Iterator
from datetime import datetime

from jj.audit.chain import HASHED_FIELDS
from jj.audit.models import AuditEvent
from jj.audit.services import iso_utc

EXPORT_FIELDS = (*HASHED_FIELDS, "hash")


def export_lines(
    *, agency_ids: frozenset[int], occurred_after: datetime | None, occurred_before: datetime | None
) -> Iterator[str]:
    """One JSON object per line, in chain order, each with its hash and its predecessor's hash.

    Events of the caller's jurisdiction (agency in `agency_ids`, or no agency: failed sign-ins) are exported in
    full. Any other event is exported as a stub, `{"seq", "prev_hash", "hash", "omitted": true}`: it shows
    nothing of another jurisdiction, yet the links of the chain (and any gap) can still be checked."""
    qs = AuditEvent.objects.order_by("seq")
    if occurred_after is not None:
        qs = qs.filter(occurred_at__gte=occurred_after)
    if occurred_before is not None:
        qs = qs.filter(occurred_at__lt=occurred_before)
    for row in qs.values_list(*EXPORT_FIELDS).iterator(chunk_size=5000):
        event = dict(zip(EXPORT_FIELDS, row, strict=True))
        if event["agency_id"] is not None and event["agency_id"] not in agency_ids:
            stub = {"seq": event["seq"], "prev_hash": event["prev_hash"], "hash": event["hash"], "omitted": True}
            yield json.dumps(stub, sort_keys=True) + "\n"
            continue
        event["occurred_at"] = iso_utc(event["occurred_at"])
        yield json.dumps(event, sort_keys=True, ensure_ascii=False) + "\n"
