from django.utils import timezone

from jj.core.tasks import background_task
from jj.custody.records import records_sweep


@background_task("jj.records.sweep")
def sweep_records() -> int:
    """REC-3, hourly (Celery beat in production; the in-process timer in `make run`): seal the records of children
    whose process ended, remove the identity of those who reached the removal age. Idempotent (a sealed child is not
    sealed twice, a removed one never looked at again); one sweep at a time (background_task: -1 when another one is
    running)."""
    result = records_sweep(now=timezone.now())
    return result.sealed + result.removed
