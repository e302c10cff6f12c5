"""gunicorn settings for `make run`: one process, with the deadline sweep, the 24-hour reminders (deadlines and
hearings), the e-mail outbox and the sealing of pending audit reads (every minute), the purge of expired exports,
the records sweep (REC-3) and the e-mail digests (every hour; a digest is built once a day) on an in-process timer
(production runs them from Celery beat instead)."""

import logging
import threading
from typing import Any

workers = 1
threads = 8
timeout = 60
SWEEP_SECONDS = 60
RECORDS_SWEEP_EVERY = 60  # deadline sweeps, i.e. hourly
DIGEST_HOUR_UTC = 7  # as the beat schedule (config/settings.py)


def post_worker_init(worker: Any) -> None:
    from django.utils import timezone

    from jj.audit.services import audit_seal_pending
    from jj.custody.records import records_sweep
    from jj.deadlines.services import deadlines_due_soon_sweep, deadlines_sweep, digests_build, outbox_deliver
    from jj.hearings.services import hearings_remind
    from jj.oversight.services import export_jobs_purge

    log = logging.getLogger("jj.sweep")

    def loop() -> None:
        stop = threading.Event()
        ticks = 0
        while not stop.wait(SWEEP_SECONDS):
            try:
                deadlines_sweep(now=timezone.now())
            except Exception:  # the timer must outlive one failed sweep; the next one retries
                log.exception("deadline sweep failed")
            ticks += 1
            if ticks % RECORDS_SWEEP_EVERY == 1:  # the first minute after start, then hourly
                try:
                    records_sweep(now=timezone.now())
                except Exception:
                    log.exception("records sweep failed")
            try:
                export_jobs_purge(now=timezone.now())
            except Exception:
                log.exception("export purge failed")
            try:  # only with JJ_AUDIT_DEFER_READS (PostgreSQL without a worker): the trail is sealed before reading too
                audit_seal_pending()
            except Exception:
                log.exception("audit sealing failed")
            for name, job in (
                ("deadline reminders", deadlines_due_soon_sweep),
                ("hearing reminders", hearings_remind),
                ("e-mail outbox", outbox_deliver),
            ):
                try:
                    job(now=timezone.now())
                except Exception:
                    log.exception("%s failed", name)
            if ticks % RECORDS_SWEEP_EVERY == 1 and timezone.now().hour == DIGEST_HOUR_UTC:
                try:
                    digests_build(now=timezone.now())
                except Exception:
                    log.exception("e-mail digests failed")

    threading.Thread(target=loop, name="deadline-sweep", daemon=True).start()
