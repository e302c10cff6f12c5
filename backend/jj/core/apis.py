import os

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


class HealthApi(APIView):
    """Liveness and database check for load balancers and the compose healthcheck."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        responses={
            200: inline_serializer("Health", {"status": serializers.CharField(), "database": serializers.CharField()})
        }
    )
    def get(self, request: Request) -> Response:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except Exception:
            return Response({"status": "error", "database": "unreachable"}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        return Response({"status": "ok", "database": connection.vendor})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return False
    return True


def _broker_state() -> str:
    """ "not used" without a broker (tasks run in-process), else "ok" or "unreachable"."""
    url = settings.CELERY_BROKER_URL
    if not url:
        return "not used"
    try:
        if url.startswith(("redis://", "rediss://")):
            from jj.core.observability import _redis

            _redis(url).ping()
        else:
            from kombu import Connection

            with Connection(url, connect_timeout=2) as conn:
                conn.ensure_connection(max_retries=1)
    except Exception:
        return "unreachable"
    return "ok"


class LiveApi(APIView):
    """Liveness: the process answers. Touches nothing else, so a database outage does not get every web
    process restarted (that is what readiness is for)."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(responses={200: inline_serializer("Live", {"status": serializers.CharField()})})
    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


class ReadyApi(APIView):
    """Readiness: the database answers and, when tasks go through a broker, so does the broker. A load balancer
    sends traffic only to ready processes."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        responses={
            200: inline_serializer(
                "Ready",
                {
                    "status": serializers.CharField(),
                    "database": serializers.CharField(),
                    "broker": serializers.CharField(),
                },
            ),
            503: inline_serializer(
                "NotReady",
                {
                    "status": serializers.CharField(),
                    "database": serializers.CharField(),
                    "broker": serializers.CharField(),
                },
            ),
        }
    )
    def get(self, request: Request) -> Response:
        database = "ok" if _database_ok() else "unreachable"
        broker = _broker_state()
        ready = database == "ok" and broker != "unreachable"
        return Response(
            {"status": "ok" if ready else "error", "database": database, "broker": broker},
            status=status.HTTP_200_OK if ready else status.HTTP_503_SERVICE_UNAVAILABLE,
        )


def metrics_view(request: HttpRequest) -> HttpResponse:
    """Prometheus text format. Not a DRF view: no session, no CSRF; access by token or network
    (METRICS_TOKEN, METRICS_ALLOWED_NETWORKS)."""
    from django.utils.module_loading import import_string
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

    from jj.core.observability import metrics_allowed

    if not metrics_allowed(request):
        return HttpResponse("Forbidden\n", status=403, content_type="text/plain")
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Several gunicorn workers: add up what each process wrote to the shared directory.
        process_registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(process_registry)  # type: ignore[no-untyped-call]
    else:
        process_registry = REGISTRY
    scraped = CollectorRegistry()
    for path in settings.METRICS_COLLECTORS:
        scraped.register(import_string(path)())
    body = generate_latest(process_registry) + generate_latest(scraped)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
