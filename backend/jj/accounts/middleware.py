from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from jj.accounts import sessions
from jj.accounts.sessions import LAST_ACTIVITY as _LAST_ACTIVITY
from jj.accounts.sessions import SIGNED_IN_AT as _SIGNED_IN_AT


class SessionTimeoutMiddleware:
    """Both timeouts, checked on every authenticated request, on the server's clock:

    - absolute (SESSION_COOKIE_AGE, 8 h): counted from sign-in and never renewed by activity (Django's own
      expiry moves forward whenever the session is saved, which the activity stamp does);
    - idle (SESSION_IDLE_TIMEOUT_SECONDS, 30 min): counted from the last request, the first gap after sign-in
      included (sign-in stamps both)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = sessions.now_seconds()
            signed_in = request.session.get(_SIGNED_IN_AT)
            last = request.session.get(_LAST_ACTIVITY)
            reason = ""
            if isinstance(signed_in, int) and now - signed_in > settings.SESSION_COOKIE_AGE:
                reason = "absolute session timeout"
            elif isinstance(last, int) and now - last > settings.SESSION_IDLE_TIMEOUT_SECONDS:
                reason = "idle session timeout"
            if reason:
                from jj.accounts.services import auth_logout

                auth_logout(request=request, user=user, reason=reason)
            else:
                if not isinstance(signed_in, int):
                    # A session opened without our sign-in (none in production): its limits count from now.
                    request.session[_SIGNED_IN_AT] = now
                if not isinstance(last, int) or now - last >= 60:
                    # Touch at most once a minute so a busy user does not cost a session write per request.
                    request.session[_LAST_ACTIVITY] = now
        return self.get_response(request)


MFA_NEEDED = "Enter the code from your authenticator app first (or enrol one: your role requires it)."
# What a session that still needs its second factor may reach: enough to finish signing in, or to leave.
MFA_OPEN_PATHS = ("/api/auth/csrf/", "/api/auth/me/", "/api/auth/logout/", "/api/auth/mfa/", "/api/health/")


class MfaMiddleware:
    """A password alone opens nothing for an account that needs a second factor (jj.accounts.mfa): every other
    API answer is 403 with code `mfa_required` until it is given. After django_otp's OTPMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/") and not request.path.startswith(MFA_OPEN_PATHS):
            from jj.accounts.mfa import mfa_pending

            if mfa_pending(request):
                return JsonResponse({"detail": MFA_NEEDED, "code": "mfa_required"}, status=403)
        return self.get_response(request)
