"""The production gunicorn configuration, run for real: several worker processes, one set of metrics."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

BACKEND = Path(__file__).resolve().parents[1]
BOUND = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return response.status, response.read().decode()


@pytest.mark.django_db(transaction=True)
def test_metrics_add_up_across_gunicorn_worker_processes(tmp_path: Path) -> None:
    s = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
        db_env = {"DATABASE_URL": f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"}
    else:
        db_env = {"DATABASE_URL": "", "SQLITE_PATH": str(s["NAME"])}
    port = free_port()
    env = {
        **os.environ,
        **db_env,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        "WEB_CONCURRENCY": "2",
    }
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "python:config.gunicorn_production"]
    log = (tmp_path / "gunicorn.log").open("wb")
    server = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}"],
        cwd=BACKEND,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + BOUND
        while True:
            try:
                if get(f"{base}/api/health/live/")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not answer"
            time.sleep(0.2)
        for _ in range(29):
            assert get(f"{base}/api/health/live/")[0] == 200
        status, body = get(f"{base}/api/metrics/")
        assert status == 200
        line = next(
            line
            for line in body.splitlines()
            if line.startswith("jj_http_requests_total{") and 'route="/api/health/live/"' in line
        )
        assert float(line.rsplit(" ", 1)[1]) >= 30  # the ready-wait's successful probe and the 29 after it
        assert "jj_deadlines_overdue" in body
        assert get(f"{base}/api/health/ready/")[1] == '{"status":"ok","database":"ok","broker":"not used"}'
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=BOUND)
        log.close()
