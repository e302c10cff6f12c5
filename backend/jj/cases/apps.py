from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "jj.cases"
    label = "cases"
