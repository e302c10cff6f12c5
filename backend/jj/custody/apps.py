from django.apps import AppConfig


class CustodyConfig(AppConfig):
    name = "jj.custody"
    label = "custody"

    def ready(self) -> None:
        import jj.custody.services  # noqa: F401  registers its actions that a supervisor's approval can release
