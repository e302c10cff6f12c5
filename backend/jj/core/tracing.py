"""Optional OpenTelemetry traces: every Django request as a span, sent over OTLP/HTTP to a collector.

Off unless JJ_OTEL_TRACES=1 (settings.OTEL_TRACES); when off nothing of OpenTelemetry is imported. The exporter
reads the standard variables: OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318), OTEL_EXPORTER_OTLP_HEADERS,
OTEL_SERVICE_NAME (default "jj"), OTEL_RESOURCE_ATTRIBUTES. Spans are named by route (the URL pattern), and the
request hook below cuts the query string from the URL attributes: a search for a child's name never leaves the
server in a trace. Database spans are not recorded (their SQL would name the tables a person was looked up in,
and the audit-append and request metrics already time the database)."""

import os
from typing import Any

from django.conf import settings

_QUERYLESS = ("http.url", "url.full")
_TARGETS = ("http.target",)


def _without_query(span: Any, request: Any) -> None:
    """Request hook: the URL attributes without their query string."""
    if not span.is_recording():
        return
    path = request.path
    for key in _QUERYLESS:
        span.set_attribute(key, request.build_absolute_uri(path))
    for key in _TARGETS:
        span.set_attribute(key, path)
    span.set_attribute("url.query", "")


def configure_tracing(*, processor: Any = None) -> bool:
    """Instrument Django when settings.OTEL_TRACES is on (called from jj.core's AppConfig.ready, before the WSGI
    handler loads the middleware). `processor` replaces the batching OTLP exporter (tests pass an in-memory one).
    Returns whether tracing is on."""
    if not settings.OTEL_TRACES:
        return False
    from opentelemetry.instrumentation.django import DjangoInstrumentor
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider

    if processor is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        processor = BatchSpanProcessor(OTLPSpanExporter())
    resource = Resource.create({SERVICE_NAME: os.environ.get("OTEL_SERVICE_NAME", "jj")})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(processor)
    instrumentor = DjangoInstrumentor()
    if instrumentor.is_instrumented_by_opentelemetry:
        instrumentor.uninstrument()
    instrumentor.instrument(tracer_provider=provider, request_hook=_without_query)
    return True


def stop_tracing() -> None:
    """Undo configure_tracing (tests)."""
    from opentelemetry.instrumentation.django import DjangoInstrumentor

    instrumentor = DjangoInstrumentor()
    if instrumentor.is_instrumented_by_opentelemetry:
        instrumentor.uninstrument()
