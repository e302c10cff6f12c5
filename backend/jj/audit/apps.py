from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "jj.audit"
    label = "audit"
