"""Reads that may be served by a streaming replica (statistics, reporting, the oversight views).

A replica lags the primary by a little, so only reads that can be slightly stale go there, and only when asked:
`with replica_reads(): ...` in a selector, or a GET to a route listed in DATABASE_REPLICA_ROUTES. Authorization,
sessions and the audit trail are always read from the primary, and so is every read inside a write transaction.
With no replica configured (DATABASE_REPLICA_URL unset) everything reads from the primary, as before."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REPLICA_ALIAS = "replica"
# Never from the replica: who someone is and what they may see, and the audit chain.
PRIMARY_ONLY_APPS = frozenset({"auth", "sessions", "contenttypes", "accounts", "axes", "guardian", "audit"})

_replica_reads: ContextVar[bool] = ContextVar("jj_replica_reads", default=False)


@contextmanager
def replica_reads() -> Iterator[None]:
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def replica_reads_requested() -> bool:
    return _replica_reads.get()


def replica_configured() -> bool:
    return REPLICA_ALIAS in settings.DATABASES


class ReplicaRoutesMiddleware:
    """GET and HEAD requests to DATABASE_REPLICA_ROUTES (path prefixes) read from the replica."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method in {"GET", "HEAD"}
            and replica_configured()
            and request.path.startswith(tuple(settings.DATABASE_REPLICA_ROUTES))
        ):
            with replica_reads():
                return self.get_response(request)
        return self.get_response(request)
