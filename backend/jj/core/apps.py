from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jj.core"
    label = "core"

    def ready(self) -> None:
        from jj.core import schema  # noqa: F401  (registers the OpenAPI extension)
