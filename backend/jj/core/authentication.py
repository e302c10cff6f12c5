from rest_framework.authentication import SessionAuthentication


class CsrfSessionAuthentication(SessionAuthentication):
    """Session auth that always enforces CSRF (DRF's does for authenticated users; this makes it explicit)."""

    def authenticate_header(self, request: object) -> str:
        # Makes DRF answer 401 (not 403) to unauthenticated requests, so the browser app knows to log in.
        return 'Session realm="api"'
