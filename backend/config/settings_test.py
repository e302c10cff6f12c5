"""The test suite's settings: the real settings, with a throwaway secret and a fast password hasher
(Argon2 is deliberately slow; the suite checks behaviour, not hash cost). Everything else is as deployed."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-never-used-outside-the-test-suite-0123456789")
os.environ.setdefault("JJ_AUDIT_HMAC_KEY", "test-only-audit-chain-key-never-used-outside-the-test-suite")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Reads chained at once, on either database, so a test sees a read's event on the chain right after the request;
# jj/audit/tests/test_pending_reads.py turns deferral on to test it.
AUDIT_DEFER_READS = False

# A file, not SQLite's shared in-memory database: concurrency tests need real locking, as in `make run`.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    import tempfile

    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), f"jj-test-{os.getpid()}.sqlite3")}  # noqa: F405

# The replica alias exists in the tests as a mirror of the default database (Django's test mirror: no second
# database, but its own connection), so the router's choices can be seen by which connection ran a query.
if "replica" not in DATABASES:  # noqa: F405
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
# No route reads from it unless a test asks (a test's own uncommitted data is invisible to another connection).
DATABASE_REPLICA_ROUTES = []

# Documents written by the tests go to a throwaway folder, never the checkout's media/.
import tempfile as _tempfile  # noqa: E402

MEDIA_ROOT = os.path.join(_tempfile.gettempdir(), f"jj-test-media-{os.getpid()}")
