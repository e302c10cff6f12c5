"""Settings for every environment. Integrations are switched by environment variables (config/env.py);
nothing exists only in production. See docs/configuration.md for the variables."""

import hashlib
from datetime import timedelta

import dj_database_url
import django_stubs_ext
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from config.env import BASE_DIR, REPO_DIR, env_bool, env_int, env_list, env_str

django_stubs_ext.monkeypatch()

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-dev-key-change-me" if DEBUG else None)
if not DEBUG and len(SECRET_KEY) < 32:
    # An empty or short key would sign sessions and keyed child pseudonyms with something guessable.
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to at least 32 random characters.")
# Keyed hash for pseudonymous child references in audit and oversight. Rotating it breaks links across exports.
PSEUDONYM_KEY = env_str("JJ_PSEUDONYM_KEY", SECRET_KEY)
# Key of the audit chain's HMAC (jj.audit.chain). Kept outside the database, so the application's database user
# cannot rewrite an event and recompute the chain. Only DEBUG derives a development key; production refuses to
# start without one. Changing it makes every earlier event fail verification: see docs/audit.md.
AUDIT_HMAC_KEY = env_str(
    "JJ_AUDIT_HMAC_KEY", hashlib.sha256(b"jj-audit-dev-only:" + SECRET_KEY.encode()).hexdigest() if DEBUG else None
)
if not DEBUG and len(AUDIT_HMAC_KEY) < 32:
    raise ImproperlyConfigured("JJ_AUDIT_HMAC_KEY must be set to at least 32 random characters.")
# Master key that wraps every child's data key (jj.audit.shredding: crypto-shredding of identifying values in the
# audit trail). Kept outside the database like the chain key. When unset it is derived from the chain key, so an
# upgrade starts; production should set its own (docs/audit.md, "Forgetting a child"). Rotation: set the new key
# here, the old ones in JJ_RECORDS_MASTER_KEYS_PREVIOUS, run `manage.py records_rewrap_keys`, then drop the old ones.
RECORDS_MASTER_KEY = (
    env_str("JJ_RECORDS_MASTER_KEY", "") or hashlib.sha256(b"jj-records-master:" + AUDIT_HMAC_KEY.encode()).hexdigest()
)
if len(RECORDS_MASTER_KEY) < 32:
    raise ImproperlyConfigured("JJ_RECORDS_MASTER_KEY must be at least 32 random characters.")
RECORDS_MASTER_KEYS_PREVIOUS = env_list("JJ_RECORDS_MASTER_KEYS_PREVIOUS", [])
# The placeholders of docker/.env.example are long enough to pass the length checks above: refuse them by name, so a
# copied example never runs a production site with published keys or database passwords.
PLACEHOLDER_MARK = "change-me"
if not DEBUG:
    for _name, _value in (
        ("DJANGO_SECRET_KEY", SECRET_KEY),
        ("JJ_PSEUDONYM_KEY", PSEUDONYM_KEY),
        ("JJ_AUDIT_HMAC_KEY", AUDIT_HMAC_KEY),
        ("JJ_RECORDS_MASTER_KEY", RECORDS_MASTER_KEY),
        *((_k, env_str(_k, "")) for _k in ("JJ_RECORDS_MASTER_KEYS_PREVIOUS", "DATABASE_URL", "DATABASE_REPLICA_URL")),
    ):
        if PLACEHOLDER_MARK in _value.lower():
            raise ImproperlyConfigured(
                f"{_name} still holds the placeholder of docker/.env.example: set it to a random value "
                '(python3 -c "import secrets; print(secrets.token_urlsafe(50))").'
            )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "pgtrigger",
    "jj.core",
    "jj.accounts",
    "jj.audit",
    "jj.rules",
    "jj.people",
    "jj.cases",
    "jj.deadlines",
    "jj.compliance",
    "jj.custody",
    "jj.diversion",
    "jj.oversight",
    "jj.documents",
    "jj.hearings",
    "jj.reports",
    "jj.simulation",
    "jj.imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, which answers the app shell (index.html) and its assets itself: they get the frame
    # protection and the Content-Security-Policy too, not only the API.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "jj.core.middleware.RequestContextMiddleware",
    "jj.core.observability.RequestMetricsMiddleware",
    "jj.core.replica.ReplicaRoutesMiddleware",
    "jj.core.middleware.RejectNulQueryMiddleware",
    "jj.core.middleware.NoStoreApiMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "jj.core.i18n.DisplayZoneMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "jj.accounts.middleware.SessionTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "jj.accounts.middleware.MfaMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# A refused CSRF check answers JSON like every other refusal (Django's default is an HTML page the web app cannot
# read: sign-in failed with a JSON parse error).
CSRF_FAILURE_VIEW = "jj.core.views.json_csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

FRONTEND_DIST = REPO_DIR / "frontend" / "dist"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
            ],
        },
    },
]

# SQLite unless DATABASE_URL is set. SQLite runs in IMMEDIATE mode so concurrent writers queue at BEGIN
# instead of failing mid-transaction (the audit chain relies on writers being serialised).
_database_url = env_str("DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"},
        }
    }

# A streaming replica for statistics and reporting reads (jj/core/replica.py, config/db_router.py). It is only read
# from when asked; authorization, sessions and the audit trail always read from the primary.
_replica_url = env_str("DATABASE_REPLICA_URL", "")
if _replica_url:
    DATABASES["replica"] = dj_database_url.parse(_replica_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
DATABASE_REPLICA_ROUTES = env_list("DATABASE_REPLICA_ROUTES", ["/api/oversight/", "/api/statistics/"])

# Reads and lists of children's records are audited with one INSERT into a pending table and chained moments later by
# jj.audit.seal (docs/audit.md, "Reads without the chain lock"), so readers never wait on the chain lock. Default on
# PostgreSQL; on SQLite every writer is serialised anyway and reads are chained at once.
AUDIT_DEFER_READS = env_bool("JJ_AUDIT_DEFER_READS", DATABASES["default"]["ENGINE"].endswith("postgresql"))

# True when DATABASE_URL points at a PgBouncer in transaction mode: no session-level advisory locks are taken.
DB_TRANSACTION_POOLING = env_bool("DB_TRANSACTION_POOLING", False)
# The cache holds rate-limit counters (sign-in failures per address, export throttles). Shared across processes
# through Redis when CACHE_URL is set (Docker); otherwise each process keeps its own (make run has one).
_cache_url = env_str("CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The languages of the interface and of server text (jj/core/i18n.py); the catalogues are in backend/locale.
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = env_str("JJ_MEDIA_ROOT", str(BASE_DIR / "media"))
# Documents attached to children's records (jj.documents): the largest file accepted, checked on the content.
DOCUMENT_MAX_BYTES = env_int("JJ_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)
# The built frontend is served from the site root by WhiteNoise in the same process as the API.
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.exists() else None
WHITENOISE_INDEX_FILE = True

# Sessions: cookie-based auth for the browser app, no tokens in local storage.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_ABSOLUTE_TIMEOUT_SECONDS", 8 * 3600)  # absolute timeout
SESSION_IDLE_TIMEOUT_SECONDS = env_int("SESSION_IDLE_TIMEOUT_SECONDS", 30 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# With a shared cache (Redis, CACHE_URL) a request reads its session from the cache, not the database; writes (sign
# in, the activity stamp at most once a minute, logout) go to both. Without one (make run) sessions stay in the
# database: a per-process cache would let one worker keep a session that another has ended.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if _cache_url else "django.contrib.sessions.backends.db"

# Request bodies: 2.5 MB at most (Django's default, stated here); a larger one is answered 413 with a message.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024 + 512 * 1024)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", False)
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# HSTS is on by default outside debug (one year). Browsers honour it only over HTTPS, and Django sends it only on
# requests it sees as secure, so `make run` on plain http://localhost is unaffected.
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)

# django-csp 4: MUI injects style elements at run time, so styles allow 'unsafe-inline'; scripts never do.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# django-axes: lock out by username and IP together, so one office behind NAT is not locked out by one user.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "jj.accounts.apis.lockout_response"
# The same client address as the audit trail: X-Real-IP from our nginx when DJANGO_BEHIND_PROXY is set.
AXES_CLIENT_IP_CALLABLE = "jj.core.middleware.client_ip"

# Password spraying: many usernames from one address. Failed sign-ins per client address (any username) within the
# window, before that address is refused (429) until the window ends. High enough for an office behind one NAT.
LOGIN_FAILURES_PER_IP = env_int("JJ_LOGIN_FAILURES_PER_IP", 20)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("JJ_LOGIN_FAILURE_WINDOW_MINUTES", 15) * 60

# Password reset by e-mail (jj.accounts.services.password_reset_request): how long a link stays valid, and how many
# requests one client address may make per hour (the answer is the same whether or not the address is known).
PASSWORD_RESET_TIMEOUT = env_int("JJ_PASSWORD_RESET_MINUTES", 60) * 60
PASSWORD_RESETS_PER_IP = env_int("JJ_PASSWORD_RESETS_PER_IP", 5)
PASSWORD_RESETS_PER_ACCOUNT = 3  # e-mails to one account per hour, whoever asks (no mailbox flooding)
PASSWORD_RESET_WINDOW_SECONDS = 3600

# Multi-factor authentication (TOTP + recovery codes): required for supervisors, administrators and oversight
# monitors unless turned off (`make run`'s demo and the browser tests do, and say so). See docs/security.md.
MFA_REQUIRED = env_bool("JJ_MFA_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = env_str("JJ_MFA_ISSUER", "Juvenile justice case management")
# WebAuthn (security keys, platform authenticators) as a second factor beside TOTP (jj.accounts.security_keys). The
# relying party id is the site's host name (never an IP address: browsers refuse those), and the origins are the
# exact scheme://host[:port] the browser shows; a credential made for one RP id works for no other.
WEBAUTHN_RP_ID = env_str("JJ_WEBAUTHN_RP_ID", "localhost")
WEBAUTHN_RP_NAME = env_str("JJ_WEBAUTHN_RP_NAME", "Juvenile justice case management")
WEBAUTHN_ORIGINS = env_list(
    "JJ_WEBAUTHN_ORIGINS",
    [f"https://{WEBAUTHN_RP_ID}"] + (["http://localhost:8000", "http://localhost:5173"] if DEBUG else []),
)

GUARDIAN_RAISE_403 = False
GUARDIAN_MONKEY_PATCH_USER = False
ANONYMOUS_USER_NAME = None

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["jj.core.authentication.CsrfSessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "jj.core.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "jj.core.filters.ViewSearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "jj.core.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "jj.core.schema.JJAutoSchema",
    "EXCEPTION_HANDLER": "jj.core.exceptions.api_exception_handler",
    # Expensive reads (views set throttle_scope); per user, counted in the cache.
    "DEFAULT_THROTTLE_RATES": {
        "export": env_str("JJ_EXPORT_RATE", "10/hour"),
        "statistics": env_str("JJ_STATISTICS_RATE", "600/hour"),
        "oversight_export": env_str("JJ_OVERSIGHT_EXPORT_RATE", "30/hour"),
        "simulation": env_str("JJ_SIMULATION_RATE", "30/hour"),
    },
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Juvenile justice case management API",
    "DESCRIPTION": (
        "Tracks every child in contact with the justice system and enforces the international standards "
        "(CRC, CRC/C/GC/24, A/RES/79/172, A/RES/76/184) at every step. Session authentication with CSRF: "
        "GET /api/auth/csrf/, then POST /api/auth/login/ with the X-CSRFToken header."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "UserRoleEnum": "jj.accounts.models.Role",
        "AssignmentRoleEnum": "jj.cases.models.AssignmentRole",
        "CaseKindEnum": "jj.cases.models.CaseKind",
        "EpisodeKindEnum": "jj.custody.models.EpisodeKind",
        "FacilityKindEnum": "jj.custody.models.FacilityKind",
        "AppearanceKindEnum": "jj.custody.serializers.APPEARANCE_KINDS",
        "AppearanceOutcomeEnum": "jj.custody.serializers.APPEARANCE_OUTCOMES",
        "DetentionOrderKindEnum": "jj.custody.serializers.DETENTION_ORDER_KINDS",
        "ContactKindEnum": "jj.custody.serializers.CONTACT_KINDS",
        "IncidentKindEnum": "jj.custody.serializers.INCIDENT_KINDS",
        "StrictnessEnum": ["block", "warn"],
        "CountingUnitEnum": ["child", "event"],  # arrest, sentence and diversion units of the indicators
        "StrictnessJustifyEnum": ["block", "justify"],
        "AuditOutcomeEnum": "jj.audit.models.Outcome",
        "DiversionStageEnum": "jj.diversion.models.Stage",
        "ReferralStatusEnum": "jj.diversion.models.ReferralStatus",
        "ProgrammeKindEnum": "jj.diversion.models.ProgrammeKind",
        "SimulationStatusEnum": "jj.simulation.models.SimulationStatus",
        "ProtectionReferralStatusEnum": "jj.cases.models.ProtectionReferralStatus",
        "ExportKindEnum": "jj.oversight.models.ExportKind",
        "RemovalReviewOutcomeEnum": "jj.custody.models.RemovalReviewOutcome",
    },
}

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = None
# Without a broker (make run, tests) tasks run in-process: the embedded default needs nothing installed.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# At-least-once delivery: a task is acknowledged only when it has finished, and a task whose worker process died
# (SIGKILL, out of memory) goes back on the queue. Every task is therefore idempotent (see jj/core/tasks.py).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis redelivers a task that was taken but never acknowledged (its worker was killed outright) after this many
# seconds. It must exceed the longest task's run time, or a slow task is delivered twice (harmless, but wasted).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 600)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 660)
CELERY_TASK_DEFAULT_QUEUE = "default"
# One queue per kind of work, so each can be given its own workers (docs/deployment.md).
CELERY_TASK_ROUTES = {"jj.deadlines.*": {"queue": "deadlines"}}
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    # expires: a sweep that waited longer than its period in the queue is dropped, the next one does its work.
    "sweep-deadlines": {"task": "jj.deadlines.sweep", "schedule": 60.0, "options": {"expires": 55}},
    # Read events written to the pending table are chained within seconds (jj.audit.services.audit_seal_pending).
    "seal-audit": {"task": "jj.audit.seal", "schedule": 5.0, "options": {"expires": 4}},
    # REC-3: hourly, so a child who turns 18 today is gone from every list by the next morning at the latest.
    "sweep-records": {"task": "jj.records.sweep", "schedule": 3600.0, "options": {"expires": 3500}},
    # Files of indicator exports past their expiry are deleted (jj/oversight/services.export_jobs_purge).
    "purge-exports": {"task": "jj.oversight.purge_exports", "schedule": 3600.0, "options": {"expires": 3500}},
    # Deadlines due within 24 hours and hearings within 24 hours: told once each to the people on the case.
    "remind-deadlines": {"task": "jj.deadlines.remind", "schedule": 60.0, "options": {"expires": 55}},
    "remind-hearings": {"task": "jj.hearings.remind", "schedule": 60.0, "options": {"expires": 55}},
    # The e-mail outbox: sends what is due, retries what failed (the mail server may be down).
    "deliver-outbox": {"task": "jj.deadlines.deliver_outbox", "schedule": 60.0, "options": {"expires": 55}},
    # One digest a day for the people who chose it (07:00 UTC).
    "email-digests": {
        "task": "jj.deadlines.digest",
        "schedule": crontab(hour=7, minute=0),
        "options": {"expires": 3500},
    },
}

DEMO_ALLOWED = env_bool("JJ_ALLOW_DEMO", DEBUG)

# Prometheus metrics at /api/metrics/: with METRICS_TOKEN set, only for `Authorization: Bearer <token>`; without it,
# only for clients in METRICS_ALLOWED_NETWORKS (behind nginx, the address nginx saw: see DJANGO_BEHIND_PROXY).
METRICS_TOKEN = env_str("METRICS_TOKEN", "")
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", ["127.0.0.1/32", "::1/128"])
# What /api/metrics/ computes at scrape time, from the database and the broker.
METRICS_COLLECTORS = ["jj.deadlines.metrics.DeadlineCollector", "jj.core.observability.QueueCollector"]

# Mail over SMTP: e-mail notifications, sent from the outbox by jj.deadlines.deliver_outbox (docs/configuration.md).
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS, port 587) or EMAIL_USE_SSL (port 465), not both.")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address people open the application at: e-mails carry a link there (and a case reference), never a name.
PUBLIC_URL = env_str("JJ_PUBLIC_URL", "http://localhost:8000").rstrip("/")

# Optional OpenTelemetry traces of the requests (jj/core/tracing.py; the OTEL_EXPORTER_OTLP_* variables say where).
OTEL_TRACES = env_bool("JJ_OTEL_TRACES", False)

# Logs: JSON lines (LOG_FORMAT=json) or text (plain), with the request id, without personal data
# (jj/core/observability.py).
LOG_FORMAT = env_str("LOG_FORMAT", "json")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured("LOG_FORMAT must be json or plain.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "jj.core.observability.RequestIdFilter"},
        "personal_data": {"()": "jj.core.observability.PersonalDataFilter"},
    },
    "formatters": {
        "json": {
            "()": "jj.core.observability.JsonLogFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {
            "()": "jj.core.observability.PlainLogFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id", "personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
