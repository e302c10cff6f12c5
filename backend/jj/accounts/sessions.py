"""Session lifetimes: sign-in time and last activity stamps, and ending every session of one user."""

import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.models import Session
from django.utils import timezone

LAST_ACTIVITY = "jj_last_activity"
SIGNED_IN_AT = "jj_signed_in_at"


def now_seconds() -> int:
    return int(time.time())


def session_stamp_sign_in(session: SessionBase) -> None:
    """At sign-in: the absolute timeout counts from now, and so does the first idle gap."""
    now = now_seconds()
    session[SIGNED_IN_AT] = now
    session[LAST_ACTIVITY] = now


def sessions_end_for_user(*, user_id: int, keep: str | None = None) -> int:
    """Delete every unexpired session of the user; returns how many ended. Runs when an account is disabled, so
    that re-enabling it later does not revive a session opened before. Every session is also in the database
    (cached_db writes through), so the table finds them; each is ended through the session engine, which removes
    the cached copy as well (deleting the row alone would leave it readable from the cache). `keep` names a session
    left open (the one in which the user has just changed their own password)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.session_key == keep:
            continue
        if str(session.get_decoded().get(SESSION_KEY)) == str(user_id):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended
