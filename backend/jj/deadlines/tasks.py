from django.utils import timezone

from jj.core.tasks import background_task
from jj.deadlines.services import deadlines_sweep


@background_task("jj.deadlines.sweep")
def sweep_deadlines() -> int:
    """Periodic (Celery beat in production; an in-process timer in `make run`).

    Idempotent: the sweep marks each deadline it alerted, in the transaction that writes the alert, so a second
    delivery (a worker killed before it acknowledged, two beats) finds nothing left to do. One sweep at a time
    (background_task): a sweep that finds another running returns at once (SKIPPED, -1), the running one covers it."""
    return deadlines_sweep(now=timezone.now())
