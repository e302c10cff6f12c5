from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Printable documents: the court report / case summary as PDF (reads only; no tables of its own)."""

    name = "jj.reports"
    label = "reports"
