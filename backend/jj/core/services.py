from collections.abc import Mapping
from typing import Any, TypeVar

from jj.core.exceptions import VersionConflict
from jj.core.models import VersionedModel

M = TypeVar("M", bound=VersionedModel)

STALE_VERSION = (
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
