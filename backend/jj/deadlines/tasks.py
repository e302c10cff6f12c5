from celery import shared_task
from django.utils import timezone

from jj.core.tasks import RETRY_OPTIONS, single_flight
from jj.deadlines.services import deadlines_sweep


@shared_task(name="jj.deadlines.sweep", **RETRY_OPTIONS)
def sweep_deadlines() -> int:
    """Periodic (Celery beat in production; an in-process timer in `make run`).

    Idempotent: the sweep marks each deadline it alerted, in the transaction that writes the alert, so a second
    delivery (a worker killed before it acknowledged, two beats) finds nothing left to do. One sweep at a time:
    a sweep that finds another running returns at once (-1), the running one covers it."""
    with single_flight("jj.deadlines.sweep") as mine:
        if not mine:
            return -1
        return deadlines_sweep(now=timezone.now())
