"""gunicorn settings for production (docker/backend.Dockerfile's CMD: --config python:config.gunicorn_production).

Several worker processes each count requests for /api/metrics/; prometheus-client's multiprocess mode adds them
up through files in PROMETHEUS_MULTIPROC_DIR, emptied when gunicorn starts and pruned when a worker exits."""

import os
import shutil
from pathlib import Path
from typing import Any

METRICS_DIR = os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", "/tmp/jj-prometheus")  # noqa: S108


def on_starting(server: Any) -> None:
    path = Path(METRICS_DIR)
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)


def child_exit(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]
