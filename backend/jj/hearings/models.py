from django.conf import settings
from django.db import models
from django.db.models import Q

from jj.cases.models import Case
from jj.core.models import TimeStampedModel
from jj.custody.models import JudicialAppearance


class HearingPurpose(models.TextChoices):
    FIRST_APPEARANCE = "first_appearance", "First appearance before a judge"
    REVIEW = "review", "Detention review"
    CHARGE = "charge", "Charge hearing"
    FINAL = "final", "Trial or final decision"
    OTHER = "other", "Other"


class HearingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    ADJOURNED = "adjourned", "Adjourned"
    CANCELLED = "cancelled", "Cancelled"


class Hearing(TimeStampedModel):
    """A hearing planned on a case. Its status moves once, from scheduled, through `hearings.services` only; a held
    hearing of a child in custody is recorded as the episode's court appearance (linked here), which meets the
    deadlines an appearance meets (PTD-1, PTD-4)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hearings")
    court = models.CharField(max_length=200)
    at = models.DateTimeField()
    purpose = models.CharField(max_length=32, choices=HearingPurpose.choices)
    status = models.CharField(max_length=16, choices=HearingStatus.choices, default=HearingStatus.SCHEDULED)
    notes = models.CharField(max_length=500, blank=True)
    outcome_note = models.CharField(max_length=500, blank=True)
    appearance = models.OneToOneField(
        JudicialAppearance, null=True, blank=True, on_delete=models.PROTECT, related_name="hearing"
    )
    scheduled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # Set once when the 24-hour reminder was sent, so it is sent exactly once.
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["case", "at"], name="hearing_case_at_idx"),
            models.Index(fields=["at"], condition=Q(status="scheduled"), name="hearing_scheduled_at_idx"),
        ]

    def __str__(self) -> str:
        return f"Hearing {self.pk} at {self.at:%Y-%m-%d %H:%M}"
