"""An import of the spreadsheets agencies keep today: the job (its file until it has run, its progress and
counts), one report row per line of the file, and the external reference of each record imported, so a second run
of the same file creates nothing twice. No name is kept here: the report says row numbers, outcomes, field messages
and rule decisions; the children and cases themselves are written by the people and cases services."""

from django.conf import settings
from django.db import models

from jj.accounts.models import Agency
from jj.cases.models import Case
from jj.core.models import TimeStampedModel
from jj.people.models import Child
from jj.rules.text import msgid


class ImportStatus(models.TextChoices):
    QUEUED = "queued", msgid("Queued")
    RUNNING = "running", msgid("Running")
    DONE = "done", msgid("Done")
    FAILED = "failed", msgid("Failed")


class RowOutcome(models.TextChoices):
    CREATED = "created", msgid("Created")
    SKIPPED_DUPLICATE = "skipped_duplicate", msgid("Skipped: already registered")
    REFUSED = "refused", msgid("Refused by a rule")
    INVALID = "invalid", msgid("Invalid")


class ImportJob(TimeStampedModel):
    """One uploaded file, imported (or tried, for a dry run) into the requester's agency in the background."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dry_run = models.BooleanField(default=True)
    file_format = models.CharField(max_length=8, choices=[("csv", "CSV"), ("xlsx", "XLSX")])
    # The uploaded file, only until the import has run: then it is deleted (set to null).
    content = models.BinaryField(null=True, editable=False)
    status = models.CharField(max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    invalid = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["requested_by", "-created_at"], name="import_job_requester_idx"),
            models.Index(fields=["agency", "-created_at"], name="import_job_agency_idx"),
        ]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.status})"


class ImportRow(models.Model):
    """What happened to one line of the file (row 2 is the first line under the header, as a spreadsheet numbers
    it): the outcome, the field messages, the rule decisions (rule, outcome, message, citation), and the records
    written, by id. Never a name."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    row = models.PositiveIntegerField()
    outcome = models.CharField(max_length=20, choices=RowOutcome.choices)
    messages = models.JSONField(default=dict, blank=True)
    decisions = models.JSONField(default=list, blank=True)
    child = models.ForeignKey(Child, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["job", "row"]
        constraints = [models.UniqueConstraint(fields=["job", "row"], name="import_row_once")]

    def __str__(self) -> str:
        return f"Import {self.job_id} row {self.row}: {self.outcome}"


class ImportedRecord(TimeStampedModel):
    """The agency's own reference of an imported child (the `external_ref` column): unique per agency, so running
    the same file again skips what is already there. Moves with the child on a merge, goes with the child."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    external_ref = models.CharField(max_length=100)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="imported_records")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    job = models.ForeignKey(ImportJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "external_ref"], name="imported_record_ref_per_agency")
        ]

    def __str__(self) -> str:
        return f"Imported record {self.pk}"
