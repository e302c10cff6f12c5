"""Sessions read from the cache (issue 12): with CACHE_URL (Redis in production) the session engine is cached_db, so a
request reads its session without a database query. The session rules must hold exactly as with database sessions:
the tests of timeouts, logout and disabled accounts from test_auth_api run again here under the cached engine (the
cache in the tests is the process's own, as one process serves them)."""

from importlib import import_module
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jj.accounts.sessions import sessions_end_for_user
from jj.accounts.tests.test_auth_api import (  # noqa: F401  (collected again here, under the cached engine)
    test_absolute_timeout_is_not_renewed_by_activity,
    test_disabled_users_sessions_end_at_once_and_stay_ended,
    test_first_idle_gap_after_sign_in_is_checked,
    test_idle_session_times_out,
    test_logout_ends_the_session_and_is_audited,
)

CACHED = "django.contrib.sessions.backends.cached_db"


@pytest.fixture(autouse=True)
def _cached_sessions(settings: Any) -> None:
    settings.SESSION_ENGINE = CACHED


def test_deployed_settings_choose_the_cached_engine_only_with_a_shared_cache() -> None:
    from config import settings as deployed

    shared = deployed.CACHES["default"]["BACKEND"].endswith("RedisCache")
    expected = CACHED if shared else "django.contrib.sessions.backends.db"
    assert expected == deployed.SESSION_ENGINE


def _queries(client: Any, path: str) -> list[str]:
    client.get(path)  # warm: the session is in the cache from now on
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_a_request_reads_its_session_from_the_cache(make_case: Any, client_for: Any, settings: Any) -> None:
    case = make_case()
    cached = _queries(client_for("caseworker"), f"/api/children/{case.child_id}/")
    assert not any("django_session" in sql for sql in cached)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    uncached = _queries(client_for("caseworker"), f"/api/children/{case.child_id}/")
    assert sum("django_session" in sql for sql in uncached) == 1
    assert len(cached) == len(uncached) - 1


def test_ending_a_users_sessions_removes_the_cached_copy(world: Any, client_for: Any) -> None:
    client = client_for("caseworker2")
    assert client.get("/api/auth/me/").status_code == 200
    key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    store = import_module(CACHED).SessionStore
    assert store(session_key=key).load()  # in the cache and the database
    assert sessions_end_for_user(user_id=world["caseworker2"].pk) == 1
    assert store(session_key=key).load() == {}  # neither from the cache nor from the database
    assert client.get("/api/auth/me/").status_code == 401
