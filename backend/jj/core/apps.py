from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jj.core"
    label = "core"

    def ready(self) -> None:
        from jj.core import schema  # noqa: F401  (registers the OpenAPI extension)
        from jj.core.tracing import configure_tracing

        configure_tracing()  # OpenTelemetry, when JJ_OTEL_TRACES=1
