"""Settings for the benchmark server: the deployed settings, plus the bare reference endpoints (bench_urls) and a
middleware that reports each request's query count and SQL time in response headers (X-Queries, X-SQL-ms), so
the harness can split server time into SQL and Python. Never used outside `make bench` / `make bench-data`."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-any-deployment-0123456789abcdef")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
os.environ.setdefault("AXES_ENABLED", "0")
# Supervisors need a second factor when deployed; the bench signs in with a password only. The per-request cost is
# the same query either way: django_otp loads a verified session's device, an unverified one is asked whether it
# has one (jj.accounts.mfa.mfa_pending).
os.environ.setdefault("JJ_MFA_REQUIRED", "0")
# The chain key of the benchmark's own trail (bench-data writes a valid chain with it; the server appends with it).
os.environ.setdefault("JJ_AUDIT_HMAC_KEY", "bench-only-audit-chain-key-not-for-any-deployment-0123456789")

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
MIDDLEWARE = ["bench_middleware.QueryStatsMiddleware", *MIDDLEWARE]  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
