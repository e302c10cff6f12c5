import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from jj.core.context import (
    RequestContext,
    end_request_memo,
    reset_request_context,
    set_request_context,
    start_request_memo,
)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for the audit trail and the login lockout (axes uses this too).

    Behind our nginx (DJANGO_BEHIND_PROXY=1), REMOTE_ADDR is the proxy's own address; nginx sets X-Real-IP to the
    peer it saw and overwrites any value a client sent, so that header is trusted then, and only then."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR") or None


class RequestContextMiddleware:
    """Gives every request an id (echoed as X-Request-ID) and records the client IP for the audit trail."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if 0 < len(incoming) <= 64 and incoming.isprintable() else uuid.uuid4().hex
        token = set_request_context(RequestContext(request_id=request_id, ip=client_ip(request)))
        memo = start_request_memo()
        try:
            response = self.get_response(request)
        finally:
            end_request_memo(memo)
            reset_request_context(token)
        response["X-Request-ID"] = request_id
        return response


NUL_IN_QUERY = "The query string contains a NUL character, which no field accepts."


class RejectNulQueryMiddleware:
    """A NUL byte in a query parameter is a 400: PostgreSQL cannot store or compare it, and search and ordering
    parameters reach the database without passing through a form field that would refuse it (issue 11)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()):
            return JsonResponse({"detail": NUL_IN_QUERY}, status=400)
        return self.get_response(request)


class NoStoreApiMiddleware:
    """API answers carry children's records: no browser, proxy or shared cache may keep them (Cache-Control:
    no-store, private), and a cached page is never reused for another signed-in user (Vary: Cookie)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response
