"""gunicorn settings for `make run`: one process, with the deadline sweep and the purge of expired exports on an
in-process timer (production runs it from Celery beat instead)."""

import logging
import threading
from typing import Any

workers = 1
threads = 8
timeout = 60
SWEEP_SECONDS = 60


def post_worker_init(worker: Any) -> None:
    from django.utils import timezone

    from jj.deadlines.services import deadlines_sweep
    from jj.oversight.services import export_jobs_purge

    log = logging.getLogger("jj.sweep")

    def loop() -> None:
        stop = threading.Event()
        while not stop.wait(SWEEP_SECONDS):
            try:
                deadlines_sweep(now=timezone.now())
            except Exception:  # the timer must outlive one failed sweep; the next one retries
                log.exception("deadline sweep failed")
            try:
                export_jobs_purge(now=timezone.now())
            except Exception:
                log.exception("export purge failed")

    threading.Thread(target=loop, name="deadline-sweep", daemon=True).start()
