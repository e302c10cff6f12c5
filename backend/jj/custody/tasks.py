from celery import shared_task
from django.utils import timezone

from jj.core.tasks import RETRY_OPTIONS, single_flight
from jj.custody.records import records_sweep


@shared_task(name="jj.records.sweep", **RETRY_OPTIONS)
def sweep_records() -> int:
    """REC-3, hourly (Celery beat in production; the in-process timer in `make run`): seal the records of children
    whose process ended, remove the identity of those who reached the removal age. Idempotent (a sealed child is not
    sealed twice, a removed one never looked at again); one sweep at a time (-1: another one is running)."""
    with single_flight("jj.records.sweep") as mine:
        if not mine:
            return -1
        result = records_sweep(now=timezone.now())
        return result.sealed + result.removed
