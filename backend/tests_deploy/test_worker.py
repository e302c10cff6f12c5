"""Real Celery workers: separate processes, the Redis broker, the test's PostgreSQL database.

`make test-worker` runs these (marker `worker`; `make test-backend` leaves them out because they need Redis and
PostgreSQL). The broker is TEST_CELERY_BROKER_URL (default redis://127.0.0.1:6379/15); each test uses a queue of
its own, so tests never take each other's tasks. Every wait is for a condition, with a generous upper bound for a
loaded machine; no test depends on how long something takes.
"""

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
import redis
from celery import Celery
from django.db import connection
from django.utils import timezone

from jj.audit.models import AuditEvent
from jj.audit.verification import verify_chain
from jj.deadlines.models import Deadline, Notification
from jj.deadlines.services import deadlines_from_decisions
from jj.rules.engine import Citation, DeadlineSpec, Decision, Outcome

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("transactional_audit")]

BACKEND = Path(__file__).resolve().parents[1]
BROKER_URL = os.environ.get("TEST_CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
BOUND = 240.0  # seconds: an upper bound on every wait, never an expected duration
AUDIT_CHAIN_LOCK_KEY = 7_319_020_001  # jj.audit.services._CHAIN_LOCK_KEY
CITE = Citation("CRC/C/GC/24", "para. 90", "brought before a competent authority within 24 hours")


def wait_for(what: str, check: Callable[[], Any], bound: float = BOUND) -> Any:
    deadline = time.monotonic() + bound
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"Gave up after {bound:.0f} s waiting for: {what}")
        time.sleep(0.2)


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.fail("The worker tests need PostgreSQL: run them with `make test-worker` (sets DATABASE_URL).")
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class Worker:
    """`celery -A config worker` in its own process group, on the real settings, logging to a file."""

    def __init__(self, queue: str, log: Path, *, visibility_timeout: int) -> None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": database_url(),
            "DB_CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": BROKER_URL,
            "CELERY_VISIBILITY_TIMEOUT": str(visibility_timeout),
            "PYTHONUNBUFFERED": "1",
        }
        self.log = log
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue, "--concurrency=1"]
        command += ["--pool=prefork", "--loglevel=INFO", "--without-gossip", "--without-mingle", "-n", f"{queue}@%h"]
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                command, cwd=BACKEND, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_for(f"worker ready (log {log})", lambda: self.exited_early() or "ready." in log.read_text())

    def exited_early(self) -> bool:
        if self.process.poll() is not None:
            pytest.fail(f"The worker exited with {self.process.returncode}:\n{self.log.read_text()[-4000:]}")
        return False

    def kill(self) -> None:
        """SIGKILL to the whole process group (main process and pool children): nothing gets to clean up."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=BOUND)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=BOUND)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=BOUND)


@pytest.fixture
def queue() -> Iterator[str]:
    name = f"jj-test-{uuid.uuid4().hex[:12]}"
    yield name
    broker = redis.Redis.from_url(BROKER_URL)
    broker.delete(name, f"_kombu.binding.{name}", f"_kombu.binding_permanent.{name}")


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for worker in started:
        worker.stop()


def send(task: str, queue: str) -> None:
    client = Celery("jj-test-client", broker=BROKER_URL)
    client.conf.broker_connection_retry_on_startup = True
    client.send_task(task, queue=queue)
    client.close()


def broker_idle(queue: str) -> bool:
    """Nothing left for this queue: neither waiting nor taken-but-unacknowledged."""
    broker = redis.Redis.from_url(BROKER_URL)
    if broker.llen(queue):
        return False
    return not any(json.loads(raw)[2] == queue for raw in broker.hvals("unacked"))


def overdue_deadlines(case: Any, count: int) -> list[Deadline]:
    due = timezone.now() - timedelta(hours=1)
    specs = tuple(DeadlineSpec(kind=f"k{i}", due_at=due, description=f"Deadline {i}") for i in range(count))
    decision = Decision(rule_id="PTD-1", outcome=Outcome.ALLOW, message="m", citation=CITE, facts={}, deadlines=specs)
    return deadlines_from_decisions(case=case, decisions=[decision], subject_type="custody_episode", subject_id=1)


def sweeps() -> int:
    return AuditEvent.objects.filter(action="deadline.overdue_alerts").count()


def test_a_real_worker_runs_the_deadline_sweep(make_case: Any, queue: str, workers: list[Worker], tmp_path: Path):
    deadlines = overdue_deadlines(make_case(), 3)
    workers.append(Worker(queue, tmp_path / "worker.log", visibility_timeout=3600))
    send("jj.deadlines.sweep", queue)

    wait_for("the sweep's audit event", lambda: sweeps() == 1)
    wait_for("the broker to have nothing left on the queue", lambda: broker_idle(queue))
    assert Deadline.objects.filter(pk__in=[d.pk for d in deadlines], overdue_notified_at__isnull=False).count() == 3
    assert Notification.objects.filter(kind="deadline.overdue", recipient_role="supervisor").count() == 3
    event = AuditEvent.objects.get(action="deadline.overdue_alerts")
    assert event.actor_username == "system:sweep"
    assert event.request_id.startswith("task:")  # the task id links the audit event to the worker's log lines
    assert verify_chain().ok


def test_a_worker_killed_mid_task_leaves_the_task_done_exactly_once(
    make_case: Any, queue: str, workers: list[Worker], tmp_path: Path
):
    deadlines = overdue_deadlines(make_case(), 3)
    # Hold the audit chain's lock: the sweep takes it as its transaction's last step, after it has written the
    # notifications and marked the deadlines, so the worker is stopped there, mid-transaction.
    holder = psycopg.connect(database_url().replace("postgres://", "postgresql://"), autocommit=False)
    holder.execute("SELECT pg_advisory_xact_lock(%s)", [AUDIT_CHAIN_LOCK_KEY])

    def waiting_on_lock() -> bool:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                "WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted"
            )
            return cursor.fetchone()[0] > 0

    first = Worker(queue, tmp_path / "first.log", visibility_timeout=3600)
    workers.append(first)
    send("jj.deadlines.sweep", queue)
    try:
        wait_for("the first worker to be mid-task, waiting for the audit chain lock", waiting_on_lock)
        first.kill()
    finally:
        holder.rollback()
        holder.close()

    def others() -> int:  # database sessions other than this test's own
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
            )
            return int(cursor.fetchone()[0])

    # The killed worker's session ends when PostgreSQL notices the closed connection, rolling its transaction back.
    wait_for("the killed worker's database session to end", lambda: others() == 0)
    assert sweeps() == 0
    assert Notification.objects.count() == 0
    assert not broker_idle(queue), "the killed worker's task must still be on the broker, unacknowledged"

    # A new worker. Redis hands the unacknowledged task out again once it is older than the visibility timeout.
    workers.append(Worker(queue, tmp_path / "second.log", visibility_timeout=2))
    wait_for("the redelivered sweep's audit event", lambda: sweeps() >= 1)
    wait_for("the broker to have nothing left on the queue", lambda: broker_idle(queue))

    assert sweeps() == 1
    assert Notification.objects.filter(kind="deadline.overdue", recipient_role="supervisor").count() == 3
    assert Deadline.objects.filter(pk__in=[d.pk for d in deadlines], overdue_notified_at__isnull=False).count() == 3
    assert verify_chain().ok


def test_readiness_and_queue_depth_read_the_real_broker(queue: str, settings: Any) -> None:
    from django.test import Client

    settings.CELERY_BROKER_URL = BROKER_URL
    settings.CELERY_TASK_ROUTES = {"jj.deadlines.*": {"queue": queue}}
    assert Client().get("/api/health/ready/").json() == {"status": "ok", "database": "ok", "broker": "ok"}
    send("jj.deadlines.sweep", queue)
    send("jj.deadlines.sweep", queue)
    body = Client().get("/api/metrics/", REMOTE_ADDR="127.0.0.1").content.decode()
    assert f'jj_queue_depth{{queue="{queue}"}} 2.0' in body
