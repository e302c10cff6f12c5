from django.conf import settings
from django.db import models

from jj.accounts.models import Jurisdiction
from jj.cases.models import Case
from jj.core.models import TimeStampedModel, VersionedModel
from jj.rules.text import msgid


class JurisdictionPolicy(VersionedModel):
    """A jurisdiction's departures from the international standard. Only overrides are stored, so a parameter
    nobody touched follows the standard's default (jj.rules.policy.Policy)."""

    jurisdiction = models.OneToOneField(Jurisdiction, on_delete=models.PROTECT, related_name="policy")
    values = models.JSONField(default=dict, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Policy of {self.jurisdiction_id}"


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", msgid("Awaiting approval")
    APPROVED = "approved", msgid("Approved")
    REJECTED = "rejected", msgid("Rejected")


class ApprovalRequest(TimeStampedModel):
    """An action held until a second person approves the justification its rules reserved to a supervisor."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="approval_requests")
    action = models.CharField(max_length=64)
    payload = models.JSONField(default=dict)
    justification = models.TextField()
    rule_ids = models.CharField(max_length=200)
    decisions = models.JSONField(default=list)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=ApprovalStatus.choices, default=ApprovalStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "case"], name="approval_status_case_idx")]

    def __str__(self) -> str:
        return f"Approval {self.pk} ({self.action}, {self.status})"


class DecisionInputs(models.Model):
    """The complete facts one act was decided on (one call of the rules engine), stored with its decisions so the
    act can be decided again under another policy (jj.simulation). `excluded_rules`: rules the engine answered
    that the service did not record for this act (decided at another act), left out of any replay."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    trigger = models.CharField(max_length=32)
    as_of = models.DateTimeField()
    facts = models.JSONField()
    excluded_rules = models.JSONField(default=list, blank=True)
    object_type = models.CharField(max_length=32)
    object_id = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["jurisdiction", "as_of"], name="decision_inputs_period_idx")]

    def __str__(self) -> str:
        return f"Inputs of {self.trigger} on {self.object_type} {self.object_id}"


class DecisionRecord(models.Model):
    """One decision of the rules engine, stored with the record it concerns: which rule fired, on which facts,
    citing what, and who justified or approved it (79/172 paras 5-6: explainable results, human oversight)."""

    decided_at = models.DateTimeField()
    trigger = models.CharField(max_length=32)
    rule_id = models.CharField(max_length=16)
    outcome = models.CharField(max_length=32)
    message = models.TextField()
    # The message's template and fields (jj.rules.text), to show it again in the reader's language (jj.core.i18n).
    message_parts = models.JSONField(default=list, blank=True)
    citation = models.JSONField()
    further_citations = models.JSONField(default=list, blank=True)
    facts = models.JSONField(default=dict, blank=True)
    below_standard = models.BooleanField(default=False)
    object_type = models.CharField(max_length=32)
    object_id = models.BigIntegerField()
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="decision_records")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    justification = models.TextField(blank=True)
    approval = models.ForeignKey(
        ApprovalRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="decision_records"
    )
    # The facts the act was decided on (recorded from the simulation's release on; older decisions have none).
    inputs = models.ForeignKey(
        DecisionInputs, null=True, blank=True, on_delete=models.SET_NULL, related_name="decision_records"
    )

    class Meta:
        ordering = ["decided_at", "id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="decision_object_idx"),
            models.Index(fields=["case", "decided_at"], name="decision_case_idx"),
            models.Index(fields=["rule_id", "outcome"], name="decision_rule_outcome_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} {self.outcome} on {self.object_type} {self.object_id}"
