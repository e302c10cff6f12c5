import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_LAST_ACTIVITY = "jj_last_activity"


class SessionTimeoutMiddleware:
    """Idle timeout (the absolute one is SESSION_COOKIE_AGE): a session unused for too long is logged out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(_LAST_ACTIVITY)
            if isinstance(last, int) and now - last > settings.SESSION_IDLE_TIMEOUT_SECONDS:
                from jj.accounts.services import auth_logout

                auth_logout(request=request, user=user, reason="idle session timeout")
            elif not isinstance(last, int) or now - last >= 60:
                # Touch at most once a minute so a busy user does not cost a session write per request.
                request.session[_LAST_ACTIVITY] = now
        return self.get_response(request)
