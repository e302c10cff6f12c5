"""Observability: OpenTelemetry traces are optional, off by default (JJ_OTEL_TRACES), and carry no query string."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from jj.core.tracing import configure_tracing, stop_tracing

BACKEND = Path(__file__).resolve().parents[3]
OTEL_MIDDLEWARE = "opentelemetry.instrumentation.django.middleware.otel_middleware._DjangoMiddleware"
PROBE = (
    "from django.conf import settings; "
    "print('traced' if any('opentelemetry' in m for m in settings.MIDDLEWARE) else 'untraced')"
)


def _start(**env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "JJ_OTEL_TRACES"}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings_test", **env)
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=BACKEND,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_a_process_started_without_the_variable_has_no_tracing_and_with_it_traces_its_requests() -> None:
    assert _start() == "untraced"
    assert _start(JJ_OTEL_TRACES="0") == "untraced"
    # The exporter only connects when it has spans to send: starting needs no collector.
    assert _start(JJ_OTEL_TRACES="1", OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:9") == "traced"


def test_off_in_these_settings_configuring_does_nothing(settings: Any) -> None:
    assert settings.OTEL_TRACES is False
    assert configure_tracing() is False
    assert not any("opentelemetry" in m for m in settings.MIDDLEWARE)


@pytest.fixture
def traced(settings: Any) -> Iterator[InMemorySpanExporter]:
    settings.OTEL_TRACES = True
    exporter = InMemorySpanExporter()
    assert configure_tracing(processor=SimpleSpanProcessor(exporter)) is True
    try:
        yield exporter
    finally:
        stop_tracing()


@pytest.mark.django_db
def test_turned_on_each_request_is_a_span_named_by_route_without_the_query_string(
    traced: InMemorySpanExporter, settings: Any
) -> None:
    assert settings.MIDDLEWARE[0] == OTEL_MIDDLEWARE
    response = Client().get("/api/health/?q=Amara+Okafor")
    assert response.status_code == 200
    (span,) = traced.get_finished_spans()
    assert span.name == "GET api/health/"
    attributes = dict(span.attributes or {})
    assert attributes["http.route"] == "api/health/"
    assert attributes["http.target"] == "/api/health/"
    assert attributes["http.url"] == attributes["url.full"] == "http://testserver/api/health/"
    assert "Amara" not in repr(attributes)
    assert span.resource.attributes["service.name"] == "jj"
