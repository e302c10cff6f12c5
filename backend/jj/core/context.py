"""Per-request context (request id, client IP) that services read when they write audit events.

Held in a ContextVar so it follows the request through services without threading it through every call."""

from contextvars import ContextVar
from dataclasses import dataclass


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
