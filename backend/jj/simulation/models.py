"""A policy impact simulation: a proposed policy replayed over a period's stored acts (jj.simulation.replay)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models

from jj.accounts.models import Jurisdiction
from jj.core.models import TimeStampedModel


class SimulationStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class PolicySimulation(TimeStampedModel):
    """What a proposed policy would have changed over a period, computed in the background. The result holds
    aggregates only, suppressed like every statistic (counts from 1 to the threshold hidden), never a child."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The proposed parameters (only those that differ from the policy in force when asked), as the policy API takes.
    parameters = models.JSONField(default=dict)
    period_from = models.DateField()
    period_to = models.DateField()  # inclusive
    status = models.CharField(max_length=16, choices=SimulationStatus.choices, default=SimulationStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])  # percent
    result = models.JSONField(null=True, blank=True)
    # The share of the period's acts whose facts were recorded, so they could be decided again (0 to 1).
    coverage = models.FloatField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["jurisdiction", "-created_at"], name="simulation_jurisdiction_idx")]

    def __str__(self) -> str:
        return f"Simulation {self.pk} ({self.status})"
