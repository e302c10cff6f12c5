from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "jj.rules"
    label = "rules"
    verbose_name = "Compliance rules"
