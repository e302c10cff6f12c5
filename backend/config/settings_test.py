"""The test suite's settings: the real settings, with a throwaway secret and a fast password hasher
(Argon2 is deliberately slow; the suite checks behaviour, not hash cost). Everything else is as deployed."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-never-used-outside-the-test-suite-0123456789")
os.environ.setdefault("JJ_AUDIT_HMAC_KEY", "test-only-audit-chain-key-never-used-outside-the-test-suite")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A file, not SQLite's shared in-memory database: concurrency tests need real locking, as in `make run`.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    import tempfile

    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), f"jj-test-{os.getpid()}.sqlite3")}  # noqa: F405
