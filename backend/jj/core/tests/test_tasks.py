"""Background-task plumbing: retry options, single flight, request ids of task-written audit events."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from config.celery import app
from jj.audit.models import AuditEvent
from jj.core import tasks as core_tasks
from jj.core.tasks import RETRY_OPTIONS, SKIPPED, BackgroundTask, background_task, lock_key, single_flight
from jj.deadlines.services import deadlines_from_decisions
from jj.deadlines.tasks import sweep_deadlines
from jj.rules.engine import Citation, DeadlineSpec, Decision, Outcome

CITE = Citation("CRC/C/GC/24", "para. 90", "brought before a competent authority within 24 hours")


def _overdue(case: Any) -> None:
    spec = DeadlineSpec(kind="k", due_at=timezone.now() - timedelta(hours=1), description="Before a judge")
    decision = Decision(rule_id="PTD-1", outcome=Outcome.ALLOW, message="m", citation=CITE, facts={}, deadlines=(spec,))
    deadlines_from_decisions(case=case, decisions=[decision])


def test_the_sweep_task_is_retried_with_backoff_and_redelivered_if_its_worker_dies() -> None:
    assert sweep_deadlines.acks_late is True
    assert sweep_deadlines.reject_on_worker_lost is True
    assert sweep_deadlines.autoretry_for == RETRY_OPTIONS["autoretry_for"]
    assert sweep_deadlines.retry_backoff == 5
    assert sweep_deadlines.retry_jitter is True


def test_lock_keys_are_stable_and_distinct() -> None:
    assert lock_key("jj.deadlines.sweep") == lock_key("jj.deadlines.sweep")
    assert lock_key("jj.deadlines.sweep") != lock_key("jj.other")
    assert 0 < lock_key("x") < 2**63


def test_a_task_run_eagerly_records_its_task_id_as_the_audit_request_id(make_case: Any) -> None:
    _overdue(make_case())
    result = sweep_deadlines.delay()
    assert result.get() == 1
    event = AuditEvent.objects.get(action="deadline.overdue_alerts")
    assert event.request_id == f"task:{result.id}"[:64]
    assert sweep_deadlines.delay().get() == 0  # idempotent: nothing left to alert


@pytest.mark.django_db(transaction=True)
def test_single_flight_lets_one_holder_run_at_a_time() -> None:
    seen: list[bool] = []
    inside = threading.Event()
    release = threading.Event()

    def holder() -> None:
        try:
            with single_flight("jj.test.work") as mine:
                seen.append(mine)
                inside.set()
                release.wait(60)
        finally:
            connection.close()

    thread = threading.Thread(target=holder)
    thread.start()
    assert inside.wait(60)
    try:
        with single_flight("jj.test.work") as second:
            # PostgreSQL refuses a second holder; SQLite (one process, writers serialised) has no lock to take.
            assert second is (connection.vendor != "postgresql")
    finally:
        release.set()
        thread.join()
    assert seen == [True]
    with single_flight("jj.test.work") as again:  # released at the end of the first
        assert again is True


@pytest.mark.django_db(transaction=True)
def test_behind_transaction_pooling_single_flight_takes_no_session_lock(settings: Any) -> None:
    settings.DB_TRANSACTION_POOLING = True
    with single_flight("jj.test.work") as first, single_flight("jj.test.work") as second:
        assert (first, second) == (True, True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
            assert cursor.fetchone()[0] == 0


def _jj_tasks() -> dict[str, Any]:
    app.loader.import_default_modules()  # autodiscovery: every installed app's tasks module
    return {name: task for name, task in app.tasks.items() if name.startswith("jj.")}


def test_every_background_job_is_declared_through_the_one_wrapper() -> None:
    jobs = _jj_tasks()
    assert "jj.deadlines.sweep" in jobs
    for name, task in jobs.items():
        assert BackgroundTask in type(task).__mro__, f"{name}: declare it with jj.core.tasks.background_task"
        assert task.acks_late is True, name
        assert task.reject_on_worker_lost is True, name
        assert set(RETRY_OPTIONS["autoretry_for"]) <= set(task.autoretry_for), name
        assert task.retry_backoff, name
        assert (task.max_retries or 0) > 0, name


def _lock_taken(monkeypatch: Any, taken: set[str]) -> list[str]:
    asked: list[str] = []

    @contextmanager
    def fake(name: str) -> Iterator[bool]:
        asked.append(name)
        yield name not in taken

    monkeypatch.setattr(core_tasks, "single_flight", fake)
    return asked


def test_a_background_job_whose_lock_another_worker_holds_returns_at_once_without_running(
    monkeypatch: Any, db: None
) -> None:
    ran: list[int] = []

    @background_task("jj.test.exclusive")
    def job(n: int) -> int:
        ran.append(n)
        return n

    asked = _lock_taken(monkeypatch, {"jj.test.exclusive"})
    assert job.delay(1).get() == SKIPPED
    assert ran == []
    assert asked == ["jj.test.exclusive"]
    monkeypatch.undo()
    assert job.delay(2).get() == 2
    assert ran == [2]
    app.tasks.unregister("jj.test.exclusive")


def test_a_background_job_may_lock_per_argument_so_runs_on_different_arguments_proceed(monkeypatch: Any) -> None:
    @background_task("jj.test.per_agency", lock=lambda agency_id: f"agency:{agency_id}")
    def job(agency_id: int) -> int:
        return agency_id

    asked = _lock_taken(monkeypatch, {"jj.test.per_agency:agency:1"})
    assert job.delay(1).get() == SKIPPED
    assert job.delay(2).get() == 2
    assert asked == ["jj.test.per_agency:agency:1", "jj.test.per_agency:agency:2"]
    app.tasks.unregister("jj.test.per_agency")


def test_a_non_exclusive_background_job_takes_no_lock_but_keeps_the_delivery_guarantees(monkeypatch: Any) -> None:
    @background_task("jj.test.free", exclusive=False, max_retries=3)
    def job() -> str:
        return "done"

    asked = _lock_taken(monkeypatch, {"jj.test.free"})
    assert job.delay().get() == "done"
    assert asked == []
    assert (job.acks_late, job.reject_on_worker_lost, job.max_retries) == (True, True, 3)
    app.tasks.unregister("jj.test.free")
