from django.utils import timezone

from jj.core.tasks import background_task
from jj.deadlines.services import deadlines_due_soon_sweep, deadlines_sweep, digests_build, outbox_deliver


@background_task("jj.deadlines.sweep")
def sweep_deadlines() -> int:
    """Periodic (Celery beat in production; an in-process timer in `make run`).

    Idempotent: the sweep marks each deadline it alerted, in the transaction that writes the alert, so a second
    delivery (a worker killed before it acknowledged, two beats) finds nothing left to do. One sweep at a time
    (background_task): a sweep that finds another running returns at once (SKIPPED, -1), the running one covers it."""
    return deadlines_sweep(now=timezone.now())


@background_task("jj.deadlines.remind")
def remind_deadlines() -> int:
    """Every minute: deadlines now due within 24 hours, told once each (marked in the alert's transaction)."""
    return deadlines_due_soon_sweep(now=timezone.now())


@background_task("jj.deadlines.deliver_outbox")
def deliver_outbox() -> int:
    """Every minute: send the e-mails due from the outbox. A failed send stays queued with a later next attempt
    (the task itself does not fail, so the mail server being down costs nothing but the wait)."""
    return outbox_deliver(now=timezone.now())


@background_task("jj.deadlines.digest")
def build_digests() -> int:
    """Daily: one digest e-mail per person who chose it (idempotent: a notification is put in one digest only)."""
    return digests_build(now=timezone.now())
