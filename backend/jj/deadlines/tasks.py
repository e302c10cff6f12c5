from celery import shared_task
from django.utils import timezone

from jj.deadlines.services import deadlines_sweep


@shared_task(name="jj.deadlines.sweep")
def sweep_deadlines() -> int:
    """Periodic (Celery beat in production; an in-process timer in `make run`)."""
    return deadlines_sweep(now=timezone.now())
