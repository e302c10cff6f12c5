from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "jj.cases"
    label = "cases"

    def ready(self) -> None:
        import jj.cases.services  # noqa: F401  registers its actions that a supervisor's approval can release
