"""gunicorn settings for `make run`: one process, with the deadline sweep (every minute), the purge of expired
exports, the sealing of pending audit reads and the records sweep (REC-3, every hour) on an in-process timer
(production runs them from Celery beat instead)."""

import logging
import threading
from typing import Any

workers = 1
threads = 8
timeout = 60
SWEEP_SECONDS = 60
RECORDS_SWEEP_EVERY = 60  # deadline sweeps, i.e. hourly


def post_worker_init(worker: Any) -> None:
    from django.utils import timezone

    from jj.audit.services import audit_seal_pending
    from jj.custody.records import records_sweep
    from jj.deadlines.services import deadlines_sweep
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

    threading.Thread(target=loop, name="deadline-sweep", daemon=True).start()
