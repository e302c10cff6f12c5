"""Deadline figures for /api/metrics/, computed at scrape time (METRICS_COLLECTORS in config/settings.py)."""

from collections.abc import Iterator

from django.db.models import Count, Min
from django.utils import timezone
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from jj.deadlines.models import Deadline


class DeadlineCollector(Collector):
    def collect(self) -> Iterator[Metric]:
        now = timezone.now()
        overdue = GaugeMetricFamily("jj_deadlines_overdue", "Open deadlines past their due time", labels=["agency_id"])
        rows = (
            Deadline.objects.filter(met_at__isnull=True, due_at__lt=now)
            .values("case__agency_id")
            .annotate(n=Count("id"))
            .order_by("case__agency_id")
        )
        for row in rows:
            overdue.add_metric([str(row["case__agency_id"])], row["n"])
        yield overdue
        oldest = Deadline.objects.filter(
            met_at__isnull=True, overdue_notified_at__isnull=True, due_at__lt=now
        ).aggregate(oldest=Min("due_at"))["oldest"]
        yield GaugeMetricFamily(
            "jj_deadline_sweep_lag_seconds",
            "How long the oldest overdue deadline has waited for its alert (0: the sweep is up to date)",
            value=(now - oldest).total_seconds() if oldest else 0.0,
        )
