"""What every background task shares: at-least-once delivery made safe.

The broker may deliver a task more than once (a worker killed before it acknowledged, Redis's visibility timeout,
two beats scheduling the same run). Tasks are therefore written so that running one twice has the effect of
running it once: each calls a service that checks, in the database and in the same transaction as its change,
whether the work was already done (the deadline sweep marks each deadline it alerted). On top of that,
`single_flight` lets only one copy of a periodic task run at a time, so a duplicate costs nothing.

Retries: `RETRY_OPTIONS` retries on database and broker connection errors, with exponential backoff and jitter.
A rule violation or a bug is not retried: it would fail the same way again.

Every background job (the deadline sweep today; notifications, sealing and removal runs, statistics, simulations,
imports and exports as they arrive) is declared with `background_task`, which applies all of the above: late
acknowledgement, redelivery when a worker dies, retries with backoff, and one copy at a time across all workers.
jj/core/tests/test_tasks.py fails for any `jj.*` task declared another way."""

import functools
import logging
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from celery import Task, shared_task
from celery.signals import task_postrun, task_prerun
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

from jj.core.context import RequestContext, current_request_context, reset_request_context, set_request_context

log = logging.getLogger("jj.tasks")

RETRY_OPTIONS: dict[str, Any] = {
    "autoretry_for": (OperationalError, InterfaceError, ConnectionError, TimeoutError),
    "retry_backoff": 5,  # 5 s, 10 s, 20 s, ... with jitter
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
    "acks_late": True,
    "reject_on_worker_lost": True,
}


def lock_key(name: str) -> int:
    """A stable 63-bit advisory lock key for a name (crc32 is stable across processes, unlike hash())."""
    return 0x4A4A_0000_0000 + zlib.crc32(name.encode())


@contextmanager
def single_flight(name: str) -> Iterator[bool]:
    """Yield True if this process may run the work called `name`, False if another process is running it.

    PostgreSQL: a session-level advisory lock, released at the end, or by PostgreSQL itself when a killed worker's
    connection closes (so it never outlives its holder, unlike a lock with a time-to-live in Redis).
    SQLite (the embedded default, one process): writers are already serialised, so always True.
    Behind a transaction-pooling PgBouncer (DB_TRANSACTION_POOLING) a session lock could be left on a pooled
    server connection, so none is taken: the tasks are idempotent without it, it only saves duplicate work."""
    if connection.vendor != "postgresql" or settings.DB_TRANSACTION_POOLING:
        yield True
        return
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        row = cursor.fetchone()
    acquired = bool(row and row[0])
    if not acquired:
        log.info("task skipped: another worker holds %s", name)
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


class BackgroundTask(Task):  # type: ignore[misc]
    """The base class of every task declared with `background_task` (the test of all tasks looks for it)."""


# What a task declared with `background_task` returns when another worker is already running the same work.
SKIPPED = -1


def background_task(
    name: str, *, lock: Callable[..., str] | None = None, exclusive: bool = True, **options: Any
) -> Callable[[Callable[..., Any]], Any]:
    """Declare a background job: a Celery task named `name` (jj.<app>.<job>) with RETRY_OPTIONS.

    `exclusive` (the default): the body runs inside `single_flight`, so two workers given the same run (two beats,
    a redelivery while the first copy still runs) do the work once; the copy that finds the lock taken returns
    SKIPPED at once. The lock is the task's name, or `lock(*args, **kwargs)` for a job whose runs on different
    arguments may proceed side by side (an export per agency: `lock=lambda agency_id: f"export:{agency_id}"`).
    The body must still be idempotent (see the module docstring): the lock saves duplicate work, the database
    check inside the service is what makes a second run harmless. `options` override RETRY_OPTIONS (a longer
    `max_retries`, say), never to turn off late acknowledgement."""

    def decorate(body: Callable[..., Any]) -> Any:
        @functools.wraps(body)
        def run(*args: Any, **kwargs: Any) -> Any:
            if not exclusive:
                return body(*args, **kwargs)
            held = f"{name}:{lock(*args, **kwargs)}" if lock is not None else name
            with single_flight(held) as mine:
                if not mine:
                    return SKIPPED
                return body(*args, **kwargs)

        return shared_task(name=name, base=BackgroundTask, **{**RETRY_OPTIONS, **options})(run)

    return decorate


@task_prerun.connect
def _task_context_start(task_id: str | None = None, task: Any = None, **kwargs: Any) -> None:
    """Audit events written by a task carry its id as their request id ("task:<id>"), and so do its log lines."""
    if current_request_context().request_id:  # an eager task inside a request keeps the request's id
        return
    token = set_request_context(RequestContext(request_id=f"task:{task_id}"[:64], ip=None))
    if task is not None:
        task.request.jj_context_token = token


@task_postrun.connect
def _task_context_end(task: Any = None, **kwargs: Any) -> None:
    token = getattr(task.request, "jj_context_token", None) if task is not None else None
    if token is not None:
        with suppress(ValueError):  # set in another context: nothing to undo here
            reset_request_context(token)
        task.request.jj_context_token = None
