from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, TypeVar

from jj.core.exceptions import ApplicationError, VersionConflict
from jj.core.models import VersionedModel
from jj.rules.text import msgid, t

M = TypeVar("M", bound=VersionedModel)

STALE_VERSION = msgid(
    "Someone else changed this record after you opened it. Reload it to see their changes, then make yours again."
)


def versioned_update(*, instance: M, version: int, data: Mapping[str, Any]) -> tuple[M, dict[str, Any], dict[str, Any]]:
    """Apply `data` to a row locked for update, only if the client read the current version.

    Returns the saved instance and the before/after values of the fields in `data`. Call inside a transaction."""
    locked = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    if locked.version != version:
        raise VersionConflict(STALE_VERSION, extra={"current_version": locked.version})
    before = {name: getattr(locked, name) for name in data}
    for name, value in data.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.version += 1
    locked.save()
    after = {name: getattr(locked, name) for name in data}
    return locked, before, after


# --- When an act happened ------------------------------------------------------------------------------------------

# A time a little ahead of the server's clock is a clock difference, not a future act.
CLOCK_SKEW = timedelta(minutes=1)
# An act recorded this long after it happened is audited as recorded late.
RECORDED_LATE_AFTER = timedelta(minutes=15)


def act_time(occurred_at: datetime | None, *, now: datetime, not_before: datetime | None, after: str) -> datetime:
    """When the act happened: the time given (recorded after the fact) or now. Never in the future, never before
    the act it follows (`after` names it). Every rule is then evaluated as of that time."""
    if occurred_at is None:
        return now
    if occurred_at > now + CLOCK_SKEW:
        raise ApplicationError(
            t("This cannot have happened in the future."), extra={"occurred_at": [t("In the future.")]}
        )
    if not_before is not None and occurred_at < not_before:
        message = t("This cannot have happened before {after} ({not_before}).", after=after, not_before=not_before)
        raise ApplicationError(message, extra={"occurred_at": [message]})
    return min(occurred_at, now)


def act_timing(at: datetime, now: datetime) -> dict[str, Any]:
    """What the audit trail says about when: the time of the act, and whether it was recorded late."""
    if now - at <= RECORDED_LATE_AFTER:
        return {}
    return {"occurred_at": at.isoformat(), "recorded_late": True}
