"""Per-request context (request id, client IP) that services read when they write audit events.

Held in a ContextVar so it follows the request through services without threading it through every call."""

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class RequestContext:
    request_id: str = ""
    ip: str | None = None


_EMPTY = RequestContext()
_current: ContextVar[RequestContext | None] = ContextVar("jj_request_context", default=None)


def current_request_context() -> RequestContext:
    """The current request's context; empty outside a request (management commands, background tasks)."""
    return _current.get() or _EMPTY


def set_request_context(ctx: RequestContext) -> object:
    return _current.set(ctx)


def reset_request_context(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]


_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("jj_request_memo", default=None)


def start_request_memo() -> object:
    """A fresh per-request memo (the middleware opens one per request, so nothing outlives its request)."""
    return _memo.set({})


def end_request_memo(token: object) -> None:
    _memo.reset(token)  # type: ignore[arg-type]


def request_memo(key: Hashable, build: Callable[[], T]) -> T:
    """`build()` once per request for this key (e.g. the caller's row scope); outside a request, every time."""
    memo = _memo.get()
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]  # type: ignore[no-any-return]
