"""What oversight needs beyond the case records: the child population (the denominator of the UNODC/UNICEF rates)
and the jurisdiction's policy facts (indicators 14 and 15)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from jj.accounts.models import Jurisdiction
from jj.core.models import TimeStampedModel, VersionedModel
from jj.oversight.suppression import DEFAULT_THRESHOLD
from jj.people.models import Sex
from jj.rules.text import msgid


class AgeGroup(models.TextChoices):
    """Age bands of the population figures and of every disaggregation by age (under-18 bands add up to the
    child population; 18 and over appears only for records of young adults still in the system)."""

    UNDER_10 = "under_10", msgid("Under 10")
    AGE_10_13 = "10_13", msgid("10 to 13")
    AGE_14_15 = "14_15", msgid("14 to 15")
    AGE_16_17 = "16_17", msgid("16 to 17")


class ChildPopulation(TimeStampedModel):
    """The number of children living in a jurisdiction in a year, by sex and age group (the official estimate),
    entered or imported from CSV by an administrator."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="child_population")
    year = models.PositiveIntegerField()
    sex = models.CharField(max_length=16, choices=Sex.choices)
    age_group = models.CharField(max_length=16, choices=AgeGroup.choices)
    count = models.PositiveIntegerField()
    source = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["jurisdiction", "year", "sex", "age_group"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "year", "sex", "age_group"], name="child_population_unique_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id} {self.year} {self.sex} {self.age_group}: {self.count}"


class JurisdictionProfile(VersionedModel):
    """Policy facts of a jurisdiction for UNODC/UNICEF indicators 14 (specialised juvenile justice system,
    CRC/C/GC/24 paras 106-108) and 15 (a plan for the prevention of child involvement in crime).
    Unknown (null) is not "no": the indicator says "not recorded"."""

    jurisdiction = models.OneToOneField(Jurisdiction, on_delete=models.PROTECT, related_name="oversight_profile")
    specialised_system = models.BooleanField(null=True, blank=True)
    specialised_system_note = models.TextField(blank=True)
    prevention_plan = models.BooleanField(null=True, blank=True)
    prevention_plan_reference = models.CharField(max_length=300, blank=True)
    # The smallest published count of children: statistics never show a count from 1 to this number. A reader may
    # ask for a higher threshold, never a lower one.
    suppression_threshold = models.PositiveSmallIntegerField(
        default=DEFAULT_THRESHOLD, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Oversight profile of {self.jurisdiction_id}"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", msgid("Queued")
    RUNNING = "running", msgid("Running")
    DONE = "done", msgid("Done")
    FAILED = "failed", msgid("Failed")
    EXPIRED = "expired", msgid("Expired")


class ExportKind(models.TextChoices):
    INDICATORS = "indicators", msgid("Indicators")
    DATASET = "dataset", msgid("Pseudonymised dataset")


class ExportJob(TimeStampedModel):
    """An oversight export computed in the background: its progress while it runs, then the file, kept until
    `expires_at` for the person who asked for it only. The indicator table (aggregates, suppressed) or the
    pseudonymised dataset (one row per case, keyed pseudonyms, no name, date of birth or address: jj.oversight
    .microdata), never a child's identifying record."""

    kind = models.CharField(max_length=16, choices=ExportKind.choices, default=ExportKind.INDICATORS)

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="+")
    file_format = models.CharField(max_length=8, choices=[("csv", "CSV"), ("xlsx", "XLSX")])
    # The validated query (period, conventions, disaggregation) as JSON text values.
    query = models.JSONField(default=dict)
    status = models.CharField(max_length=16, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])  # percent
    content = models.BinaryField(null=True, editable=False)
    filename = models.CharField(max_length=200, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["requested_by", "-created_at"], name="export_job_requester_idx"),
            models.Index(fields=["status", "expires_at"], name="export_job_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"Export {self.pk} ({self.file_format}, {self.status})"
