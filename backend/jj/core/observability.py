"""Logs, metrics and probes for operators.

Logs: one JSON object per line (LOG_FORMAT=json, the default; `plain` for people reading a terminal), every record
carrying the request id of the request or task that wrote it, the same id the audit events store. Nothing a
person typed reaches the logs: requests are logged by route (the URL pattern, never the query string or body),
SQL is logged without its parameters, and database error details (which quote the offending values) are cut.

Metrics (Prometheus text format at /api/metrics/, for a scraper on the internal network or with METRICS_TOKEN):
requests and latency per route, deadlines overdue per agency, how far the deadline sweep is behind, queue depth,
and the time spent appending to the audit chain. Figures read from the database are computed at scrape time, so
every web process reports the same and nothing is lost on restart."""

import hmac
import ipaddress
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from prometheus_client import Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from pythonjsonlogger.json import JsonFormatter

from jj.core.context import current_request_context
from jj.core.middleware import client_ip

# --- Logs ------------------------------------------------------------------------------------------------------

# Keys whose values are personal data wherever they appear in a log record's extras or dict arguments.
PERSONAL_KEYS = frozenset(
    {
        "given_name",
        "family_name",
        "other_names",
        "first_name",
        "last_name",
        "date_of_birth",
        "address",
        "phone",
        "email",
        "guardian",
        "notes",
        "description",
        "params",
        "sql",
        "body",
        "data",
        "query",
    }
)
REDACTED = "[redacted]"
# PostgreSQL quotes values in error details: `Key (x)=(value)`, `Failing row contains (...)`.
_DB_DETAIL = re.compile(r"(DETAIL:\s*)(.*)")
_KEY_VALUE = re.compile(r"\)=\((.*?)\)")
_FAILING_ROW = re.compile(r"(Failing row contains )\(.*\)")


def redact_text(text: str) -> str:
    text = _FAILING_ROW.sub(r"\1(" + REDACTED + ")", text)
    text = _KEY_VALUE.sub(")=(" + REDACTED + ")", text)
    return _DB_DETAIL.sub(lambda m: m.group(1) + _KEY_VALUE.sub(")=(" + REDACTED + ")", m.group(2)), text)


class RequestIdFilter(logging.Filter):
    """Adds `request_id`: the request's (X-Request-ID) or the task's ("task:<id>"), "" elsewhere."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_context().request_id
        return True


class PersonalDataFilter(logging.Filter):
    """Keeps personal data out of the logs (see the module docstring). Never drops a record, only values."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("django.db.backends") and "sql" in record.__dict__:
            # Django's query log: the SQL has the parameters inlined. Keep only the duration and the alias.
            record.msg = "query (%.3f s, alias %s)"
            record.args = (record.__dict__.get("duration") or 0.0, record.__dict__.get("alias", ""))
        for key in PERSONAL_KEYS & record.__dict__.keys():
            setattr(record, key, REDACTED)
        if isinstance(record.args, dict):
            record.args = {k: (REDACTED if k in PERSONAL_KEYS else v) for k, v in record.args.items()}
        if isinstance(record.msg, str):
            record.msg = redact_text(record.msg)
        elif isinstance(record.args, tuple):
            record.args = tuple(redact_text(a) if isinstance(a, str) else a for a in record.args)  # type: ignore[assignment]
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact_text(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None  # formatters use the redacted text above
        return True


class JsonLogFormatter(JsonFormatter):
    """python-json-logger, with redacted exception text (exceptions quote the values that caused them)."""

    def formatException(self, ei: Any) -> str:  # type: ignore[override]
        return redact_text(logging.Formatter.formatException(self, ei))


class PlainLogFormatter(logging.Formatter):
    def formatException(self, ei: Any) -> str:
        return redact_text(super().formatException(ei))


# --- Metrics ---------------------------------------------------------------------------------------------------

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
REQUESTS = Counter("jj_http_requests", "HTTP requests by route and status", ["method", "route", "status"])
LATENCY = Histogram(
    "jj_http_request_duration_seconds", "Time to answer, by route", ["method", "route"], buckets=LATENCY_BUCKETS
)
AUDIT_APPEND = Histogram(
    "jj_audit_append_db_seconds",
    "Database time of an audit append, by step: lock (waiting for and reading the chain head) and insert",
    ["step"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0),
)

request_log = logging.getLogger("jj.request")


def _route(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return f"/{match.route}" if match is not None and match.route else "<unmatched>"


class RequestMetricsMiddleware:
    """Counts and times every request by route (the URL pattern, so ids and names never become labels) and logs
    one line per request: method, route, status, duration, user id. Never the query string or the body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        route = _route(request)
        REQUESTS.labels(request.method, route, str(response.status_code)).inc()
        LATENCY.labels(request.method, route).observe(elapsed)
        user = getattr(request, "user", None)
        request_log.info(
            "%s %s %s",
            request.method,
            route,
            response.status_code,
            extra={
                "method": request.method,
                "route": route,
                "status": response.status_code,
                "duration_ms": round(elapsed * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response


def _audit_timer(execute: Callable[..., Any], sql: Any, params: Any, many: bool, context: Any) -> Any:
    if not isinstance(sql, str):  # psycopg's composed SQL (sql.SQL(...).format(...)): never an audit append
        return execute(sql, params, many, context)
    if "jj_audit_lock_head" in sql:
        step = "lock"
    elif sql.startswith('INSERT INTO "audit_auditevent"'):
        step = "insert"
    elif sql.startswith('SELECT "audit_auditevent"."seq", "audit_auditevent"."hash"'):
        step = "lock"  # SQLite reads the head inside its IMMEDIATE transaction
    else:
        return execute(sql, params, many, context)
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        AUDIT_APPEND.labels(step).observe(time.perf_counter() - started)


def _instrument_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
    if _audit_timer not in connection.execute_wrappers:
        connection.execute_wrappers.append(_audit_timer)


connection_created.connect(_instrument_connection, dispatch_uid="jj-audit-append-timer")


def broker_queues() -> list[str]:
    routed = {route["queue"] for route in getattr(settings, "CELERY_TASK_ROUTES", {}).values()}
    return sorted(routed | {settings.CELERY_TASK_DEFAULT_QUEUE})


def _redis(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)


class QueueCollector(Collector):
    """Tasks waiting on the broker, by queue (Redis brokers; nothing without a broker)."""

    def collect(self) -> Iterator[Metric]:
        if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
            depth = GaugeMetricFamily("jj_queue_depth", "Tasks waiting on the broker, by queue", labels=["queue"])
            client = _redis(settings.CELERY_BROKER_URL)
            for queue in broker_queues():
                depth.add_metric([queue], client.llen(queue))
            yield depth


# --- Access to the metrics ---------------------------------------------------------------------------------------


def metrics_allowed(request: HttpRequest) -> bool:
    """A bearer token (METRICS_TOKEN) when one is set; otherwise a client address in METRICS_ALLOWED_NETWORKS."""
    token = settings.METRICS_TOKEN
    if token:
        sent = request.headers.get("Authorization", "")
        return hmac.compare_digest(sent.encode(), f"Bearer {token}".encode())
    address = client_ip(request)
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(settings.METRICS_ALLOWED_NETWORKS))


def _networks(specs: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(spec, strict=False) for spec in specs]
