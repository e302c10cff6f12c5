from django.conf import settings
from django.db import models

from jj.accounts.models import Agency, Jurisdiction
from jj.cases.models import Case
from jj.core.models import TimeStampedModel, VersionedModel
from jj.rules.text import msgid


class ProgrammeKind(models.TextChoices):
    CAUTION = "caution", msgid("Police caution or warning")
    COMMUNITY = "community", msgid("Community programme")
    MEDIATION = "mediation", msgid("Victim-offender mediation")
    FAMILY_GROUP_CONFERENCE = "family_group_conference", msgid("Family group conferencing")
    SENTENCING_CIRCLE = "sentencing_circle", msgid("Sentencing circle")
    EDUCATION = "education", msgid("Education or treatment programme")
    OTHER_RESTORATIVE = "other_restorative", msgid("Other restorative process")


class Programme(VersionedModel):
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="diversion_programmes")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="diversion_programmes")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=ProgrammeKind.choices)
    provider = models.CharField(max_length=200)
    capacity = models.PositiveIntegerField(null=True, blank=True)
    typical_duration_days = models.PositiveIntegerField(default=90)
    eligibility_notes = models.TextField(blank=True)
    involves_deprivation_of_liberty = models.BooleanField(default=False)
    active = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.name


class Stage(models.TextChoices):
    INTAKE = "intake", msgid("At intake")
    CHARGE = "charge", msgid("At charge")
    TRIAL = "trial", msgid("During trial")
    LATER = "later", msgid("Later")


class ReferralStatus(models.TextChoices):
    OFFERED = "offered", msgid("Offered")
    ACTIVE = "active", msgid("Active")
    DECLINED = "declined", msgid("Declined by the child")
    COMPLETED = "completed", msgid("Completed")
    NOT_COMPLETED = "not_completed", msgid("Not completed")
    WITHDRAWN = "withdrawn", msgid("Withdrawn by the child")


class DiversionReferral(VersionedModel):
    """A diversion offered on a case. The stage of offer and acceptance feed indicator 10 (pre-sentence diversion)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="diversion_referrals")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="referrals")
    status = models.CharField(max_length=16, choices=ReferralStatus.choices, default=ReferralStatus.OFFERED)
    stage_offered = models.CharField(max_length=16, choices=Stage.choices)
    offered_at = models.DateTimeField()
    offered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    case_status_before = models.CharField(max_length=16)
    child_views = models.TextField(blank=True, help_text="HRD-1: the child's views on this decision.")
    views_not_heard_reason = models.TextField(blank=True, help_text="HRD-1: why the child could not be heard.")
    accommodation_provided = models.TextField(blank=True, help_text="DIS-1: the accommodation provided.")
    compelling_evidence = models.TextField(blank=True)
    # The child's acknowledgement of responsibility. Never shown, exported or audited in clear: it may not be used in
    # later proceedings (CRC/C/GC/24 para 18(a)). Only whether it was recorded is visible, and only to the diversion
    # worker and the supervisor while the diversion has not failed (DIV-2; jj.diversion.access).
    acknowledgement_of_responsibility = models.TextField(blank=True)
    child_consent_at = models.DateTimeField(null=True, blank=True)
    guardian_consent_at = models.DateTimeField(null=True, blank=True)
    informed_of = models.JSONField(default=list, blank=True)
    legal_advice_offered_at = models.DateTimeField(null=True, blank=True)
    review_route_explained = models.BooleanField(default=False)
    stage_accepted = models.CharField(max_length=16, choices=Stage.choices, blank=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)
    outcome_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["case", "status"], name="diversion_case_status_idx")]

    def __str__(self) -> str:
        return f"Diversion referral {self.pk}"


class DiversionSession(TimeStampedModel):
    referral = models.ForeignKey(DiversionReferral, on_delete=models.CASCADE, related_name="sessions")
    at = models.DateTimeField()
    attended = models.BooleanField()
    conditions_met = models.BooleanField(null=True, blank=True)
    provider_note = models.TextField(blank=True)
    victim_participated = models.BooleanField(default=False)
    victim_consent = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Session {self.pk}"
