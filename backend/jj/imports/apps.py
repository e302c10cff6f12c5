from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "jj.imports"
    label = "imports"
