from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "jj.oversight"
    label = "oversight"
