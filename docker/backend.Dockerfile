# Backend image: Django API (gunicorn), Celery worker and Celery beat all run from it.
# Build context is the repository root: docker build -f docker/backend.Dockerfile .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings

# An unprivileged user that owns nothing in the image: the code is read-only to the processes that run it.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app

# pg_dump and pg_restore for `manage.py backup` and `restore`, of the server's major version (compose: postgres:16),
# from the PostgreSQL project's Debian repository (Debian 12's own client is 15, which refuses to dump a 16 server).
ARG PG_MAJOR=16
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-common ca-certificates \
    && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
    && apt-get install -y --no-install-recommends postgresql-client-${PG_MAJOR} \
    && rm -rf /var/lib/apt/lists/*

# The lock first, so a code change does not reinstall the dependencies.
# (The lock's --extra-index-url/--find-links lines name developer-machine paths; pip ignores them here with a warning.)
COPY backend/requirements/base.txt /tmp/requirements/base.txt
RUN pip install -r /tmp/requirements/base.txt && rm -rf /tmp/requirements

WORKDIR /app/backend
COPY backend/ /app/backend/

# Static files (Swagger UI assets etc.) are collected at build time and served by WhiteNoise.
# The key below exists only for this one build step; the containers get the real one from the environment.
RUN DJANGO_SECRET_KEY=build-time-only-dummy-key-never-used-at-run-time \
    JJ_AUDIT_HMAC_KEY=build-time-only-dummy-key-never-used-at-run-time \
    python manage.py collectstatic --noinput -v0

USER app
EXPOSE 8000

# Workers: gunicorn reads WEB_CONCURRENCY; more flags can be given in GUNICORN_CMD_ARGS.
# No gunicorn access log: its request line carries query strings (searches by name); Django logs every request
# as JSON by route, with its request id (jj/core/observability.py).
# --forwarded-allow-ips='*': only nginx reaches this port (it is not published), so its X-Forwarded-* are trusted.
CMD ["gunicorn", "config.wsgi", "--config", "python:config.gunicorn_production", "--bind", "0.0.0.0:8000", "--forwarded-allow-ips", "*", "--timeout", "60"]
