from django.conf import settings
from django.db import models
from guardian.models import UserObjectPermissionBase

from jj.accounts.models import Agency, Jurisdiction
from jj.core.models import TimeStampedModel, VersionedModel
from jj.people.models import Child
from jj.rules.text import msgid


class OffenceCategory(models.TextChoices):
    """UNODC International Classification of Crime for Statistical Purposes (ICCS, 2015), level-1 sections."""

    ICCS_01 = "01", msgid("01 Acts leading to death or intending to cause death")
    ICCS_02 = "02", msgid("02 Acts causing harm or intending to cause harm to the person")
    ICCS_03 = "03", msgid("03 Injurious acts of a sexual nature")
    ICCS_04 = "04", msgid("04 Acts against property involving violence or threat against a person")
    ICCS_05 = "05", msgid("05 Acts against property only")
    ICCS_06 = "06", msgid("06 Acts involving controlled drugs or other psychoactive substances")
    ICCS_07 = "07", msgid("07 Acts involving fraud, deception or corruption")
    ICCS_08 = "08", msgid("08 Acts against public order, authority and provisions of the State")
    ICCS_09 = "09", msgid("09 Acts against public safety and state security")
    ICCS_10 = "10", msgid("10 Acts against the natural environment")
    ICCS_11 = "11", msgid("11 Other criminal acts not elsewhere classified")


class CaseKind(models.TextChoices):
    ARREST = "arrest", msgid("Arrest")
    REFERRAL = "referral", msgid("Referral")


class CaseStatus(models.TextChoices):
    OPEN = "open", msgid("Open")
    CHARGED = "charged", msgid("Charged")
    DIVERTED = "diverted", msgid("In diversion")
    SENTENCED = "sentenced", msgid("Sentenced")
    CLOSED = "closed", msgid("Closed")
    CLOSED_FINAL = "closed_final", msgid("Closed finally (no criminal record)")


class AssignmentRole(models.TextChoices):
    CASEWORKER = "caseworker", msgid("Caseworker")
    LEGAL_COUNSEL = "legal_counsel", msgid("Legal counsel")
    COURT_OFFICER = "court_officer", msgid("Court officer")


class Case(VersionedModel):
    """One episode of contact of one child with the justice system (a referral or an arrest)."""

    reference = models.CharField(max_length=40, unique=True)
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="cases")
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="cases")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="cases")
    kind = models.CharField(max_length=16, choices=CaseKind.choices)
    status = models.CharField(max_length=16, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    summary = models.TextField(blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        indexes = [
            models.Index(fields=["agency", "opened_at"], name="case_agency_opened_idx"),
            models.Index(fields=["child", "opened_at"], name="case_child_opened_idx"),
            models.Index(fields=["status"], name="case_status_idx"),
        ]

    def __str__(self) -> str:
        return self.reference


class Offence(TimeStampedModel):
    """An alleged offence. Its date (or date range) fixes the age that governs (MACR-2)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="offences")
    description = models.CharField(max_length=500)
    category = models.CharField(max_length=2, choices=OffenceCategory.choices)
    local_code = models.CharField(max_length=50, blank=True)
    offence_date = models.DateField()
    offence_date_end = models.DateField(null=True, blank=True)
    is_status_offence = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(offence_date_end__isnull=True)
                | models.Q(offence_date_end__gte=models.F("offence_date")),
                name="offence_date_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"Offence {self.pk}"


class Assignment(models.Model):
    """Who works on a case. Active while `ended_at` is null; ending keeps the history."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(max_length=32, choices=AssignmentRole.choices)
    assigned_at = models.DateTimeField()
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    ended_at = models.DateTimeField(null=True, blank=True)
    legal_aid = models.BooleanField(default=False, help_text="CNS-1: legal counsel provided under legal aid.")

    class Meta:
        indexes = [models.Index(fields=["user", "ended_at", "case"], name="assignment_user_active_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "user"],
                condition=models.Q(ended_at__isnull=True),
                name="assignment_one_active_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"Assignment {self.pk} ({self.role})"


class CaseEvent(models.Model):
    """The case timeline: what happened, when, recorded by the service that made it happen."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=64)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    summary = models.CharField(max_length=500)
    # The summary's template and fields (jj.rules.text), to show it again in the reader's language (jj.core.i18n).
    summary_parts = models.JSONField(default=list, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [models.Index(fields=["case", "occurred_at"], name="case_event_case_time_idx")]

    def __str__(self) -> str:
        return f"{self.kind} at {self.occurred_at:%Y-%m-%d %H:%M}"


class CaseUserObjectPermission(UserObjectPermissionBase):
    """An explicit exception to agency scoping: one case shared with one user of another agency
    (django-guardian direct-foreign-key model, so lookups join on an integer key). Optional expiry."""

    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)
    expires_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=500, blank=True)


class ProtectionReferralStatus(models.TextChoices):
    """A child-protection referral's way to the receiving service: written when intake is refused (to send), sent to
    a child protection service, received by it, accepted (the child is in its care), closed. Changed only by
    jj.cases.services.protection_referral_transition."""

    TO_SEND = "to_send", msgid("To send")
    SENT = "sent", msgid("Sent")
    RECEIVED = "received", msgid("Received")
    ACCEPTED = "accepted", msgid("Accepted")
    CLOSED = "closed", msgid("Closed")


class ChildProtectionReferral(TimeStampedModel):
    """Where a child below the minimum age of criminal responsibility goes instead of a criminal case (MACR-1):
    a referral to child protection, not a criminal record."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="protection_referrals")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField()
    circumstances = models.TextField(blank=True)
    decisions = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=16, choices=ProtectionReferralStatus.choices, default=ProtectionReferralStatus.TO_SEND
    )
    receiving_service = models.CharField(
        max_length=200, blank=True, help_text="The child protection service the child is referred to."
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    follow_up_notes = models.TextField(
        blank=True,
        help_text="Follow-up with the receiving service: free text about the child, masked in the audit trail and "
        "blanked when the child's identity is removed.",
    )


class SentenceType(models.TextChoices):
    WARNING = "warning", msgid("Warning or reprimand")
    COMMUNITY_SERVICE = "community_service", msgid("Community service")
    PROBATION = "probation", msgid("Probation")
    SUPERVISION = "supervision", msgid("Supervision order")
    FINE = "fine", msgid("Fine")
    RESTORATIVE = "restorative", msgid("Restorative justice measure")
    EDUCATION_ORDER = "education_order", msgid("Education or training order")
    CUSTODY = "custody", msgid("Custodial sentence (fixed term)")
    INDETERMINATE = "indeterminate", msgid("Indeterminate custodial sentence")
    LIFE_WITH_PAROLE = "life_with_parole", msgid("Life imprisonment with possibility of release")
    FORCED_LABOUR = "forced_labour", msgid("Forced labour")
    LIFE_WITHOUT_PAROLE = "life_without_parole", msgid("Life imprisonment without possibility of release")
    DEATH = "death", msgid("Capital punishment")
    CORPORAL = "corporal", msgid("Corporal punishment")


class Sentence(TimeStampedModel):
    """A final decision (notwithstanding appeal) on the measures a child is subject to (SEN-1..4). The prohibited
    types exist so an attempt to record one is refused with its citation, never silently impossible."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="sentences")
    sentence_type = models.CharField(max_length=32, choices=SentenceType.choices)
    imposed_at = models.DateTimeField()
    length_months = models.PositiveIntegerField(null=True, blank=True)
    parole_eligibility_date = models.DateField(null=True, blank=True)
    non_custodial_options_considered = models.JSONField(default=list, blank=True)
    justification = models.TextField(blank=True)
    mandatory_minimum_applied = models.BooleanField(default=False)
    court = models.CharField(max_length=200, blank=True)
    child_views = models.TextField(blank=True, help_text="HRD-1: the child's views on this decision.")
    views_not_heard_reason = models.TextField(blank=True, help_text="HRD-1: why the child could not be heard.")
    no_counsel_justification = models.TextField(blank=True, help_text="CNS-1: why sentenced without counsel.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Sentence {self.pk} ({self.sentence_type})"


class Interview(TimeStampedModel):
    """Questioning of a child (DET-2): who was there, whether a waiver of counsel was judicially supervised."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="interviews")
    at = models.DateTimeField()
    conducted_by = models.CharField(max_length=200)
    lawyer_present = models.BooleanField(default=False)
    appropriate_adult_present = models.BooleanField(default=False)
    appropriate_adult_relationship = models.CharField(max_length=100, blank=True)
    appropriate_adult_absence_reason = models.TextField(
        blank=True,
        help_text="DET-2: why the presence of a parent or appropriate adult was against the child's interests.",
    )
    lawyer_waived = models.BooleanField(default=False)
    waiver_under_judicial_supervision = models.BooleanField(default=False)
    audio_visual_recorded = models.BooleanField(default=False)
    interpreter_present = models.BooleanField(default=False)
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member of staff who questioned the child, when a user (TRN-1).",
    )
    accommodation_provided = models.TextField(blank=True, help_text="DIS-1: the accommodation provided.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Interview {self.pk}"
