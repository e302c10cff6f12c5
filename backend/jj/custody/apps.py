from django.apps import AppConfig


class CustodyConfig(AppConfig):
    name = "jj.custody"
    label = "custody"
