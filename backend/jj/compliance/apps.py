from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    """Where the pure rules engine meets the database: jurisdiction policies, stored decisions, approvals."""

    name = "jj.compliance"
    label = "compliance"
