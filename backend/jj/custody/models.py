"""Deprivation of liberty: where children are held, for how long, on what legal basis, and what happened."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from jj.accounts.models import Agency, Jurisdiction
from jj.cases.models import Case
from jj.core.models import TimeStampedModel, VersionedModel
from jj.people.models import Child, Guardian
from jj.rules.text import msgid


class FacilityKind(models.TextChoices):
    POLICE_STATION = "police_station", msgid("Police station")
    COURT_HOLDING = "court_holding", msgid("Court holding cell")
    JUVENILE_DETENTION = "juvenile_detention", msgid("Juvenile detention centre")
    JUVENILE_RESIDENTIAL = "juvenile_residential", msgid("Juvenile residential facility")
    ADULT_PRISON = "adult_prison", msgid("Adult prison or jail")
    OTHER = "other", msgid("Other")


class Facility(VersionedModel):
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="facilities")
    operator = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="facilities")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=FacilityKind.choices)
    capacity = models.PositiveIntegerField()
    children_wholly_separated = models.BooleanField(
        help_text="Children are held wholly apart from adults (CRC art. 37(c); UNODC/UNICEF indicator 7)."
    )
    separated_by_sex = models.BooleanField(
        default=True,
        help_text="Girls are held apart from boys: a girls' facility, or a separate unit for girls (GIR-1).",
    )
    has_complaints_mechanism = models.BooleanField(default=False)
    city = models.CharField(max_length=120, blank=True)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilities", help_text="Facility officers working here."
    )

    class Meta:
        verbose_name_plural = "facilities"
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "name"], name="facility_unique_name")]

    def __str__(self) -> str:
        return self.name


class EpisodeKind(models.TextChoices):
    POLICE_CUSTODY = "police_custody", msgid("Police custody")
    PRETRIAL_DETENTION = "pretrial_detention", msgid("Pretrial detention")
    SENTENCED_DETENTION = "sentenced_detention", msgid("Sentenced detention")


class LegalStatus(models.TextChoices):
    PRE_SENTENCE = "pre_sentence", msgid("Pre-sentence")
    SENTENCED = "sentenced", msgid("Sentenced")


class EpisodeEndReason(models.TextChoices):
    RELEASED = "released", msgid("Released")
    DEATH = "death", msgid("Death in custody")


class CustodyEpisode(VersionedModel):
    """One continuous period of deprivation of liberty of one child, from start to release, to the minute."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="custody_episodes")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="custody_episodes")
    kind = models.CharField(max_length=32, choices=EpisodeKind.choices)
    legal_status = models.CharField(max_length=16, choices=LegalStatus.choices, default=LegalStatus.PRE_SENTENCE)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    # How the episode ended, written once by custody.lifecycle.episode_end (UNODC/UNICEF indicator 6 counts deaths);
    # blank while it lasts.
    end_reason = models.CharField(max_length=16, choices=EpisodeEndReason.choices, blank=True)
    # Denormalised from the open placement, so "children in my facility now" is one indexed query.
    current_facility = models.ForeignKey(
        Facility, null=True, blank=True, on_delete=models.PROTECT, related_name="current_episodes"
    )
    first_appearance_at = models.DateTimeField(null=True, blank=True)
    pretrial_detention_started_at = models.DateTimeField(null=True, blank=True)
    mandatory_release_flag = models.BooleanField(default=False)
    evidence_frozen = models.BooleanField(default=False)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        indexes = [
            models.Index(
                fields=["current_facility"], condition=Q(ended_at__isnull=True), name="episode_open_facility_idx"
            ),
            models.Index(fields=["case", "started_at"], name="episode_case_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=Q(ended_at__isnull=True), name="one_open_episode_per_child"
            )
        ]

    def __str__(self) -> str:
        return f"Custody episode {self.pk}"


class Placement(models.Model):
    """Where the child was held, from when to when: every admission and transfer."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.CASCADE, related_name="placements")
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="placements")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    commitment_order_reference = models.CharField(max_length=120, blank=True)
    best_interests_justification = models.TextField(blank=True)
    emergency = models.BooleanField(default=False)
    condition_note = models.CharField(max_length=500, blank=True)
    # One justification answers one rule (INV-9): PTD-11 (why a police cell), PTD-9 (why deprive a child under the
    # age floor of liberty); DET-4's best-interests justification above.
    police_cell_justification = models.TextField(blank=True)
    age_floor_justification = models.TextField(blank=True)
    child_views = models.TextField(blank=True, help_text="HRD-1: the child's views on this decision.")
    views_not_heard_reason = models.TextField(blank=True, help_text="HRD-1: why the child could not be heard.")
    accommodation_provided = models.TextField(blank=True, help_text="DIS-1: the accommodation provided.")
    mixed_facility_justification = models.TextField(
        blank=True, help_text="GIR-1: why a girl is placed where girls are not held apart (where the policy allows)."
    )
    protective_transfer = models.BooleanField(
        default=False, help_text="A transfer to a safer place or for health care (INV-5: never refused)."
    )

    class Meta:
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        return f"Placement {self.pk}"


class LegalStatusChange(models.Model):
    """Timestamped legal status history, so pre-sentence and sentenced durations can be recomputed."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=32)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.status} at {self.at:%Y-%m-%d %H:%M}"


class DetentionGround(models.TextChoices):
    COURT_APPEARANCE = "court_appearance", msgid("To ensure appearance at court proceedings")
    DANGER_TO_OTHERS = "danger_to_others", msgid("Immediate danger to others")
    DANGER_TO_SELF = "danger_to_self", msgid("Danger to himself or herself")
    FAMILY_TIES = "family_ties", msgid("Relative of a suspect")
    MANDATORY_BY_STATUTE = "mandatory_by_statute", msgid("Mandatory by statute")
    OTHER = "other", msgid("Other")


class DetentionOrder(TimeStampedModel):
    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="detention_orders")
    kind = models.CharField(max_length=32, default="pretrial_detention")  # or electronic_monitoring
    grounds = models.JSONField(default=list)
    legal_basis = models.CharField(max_length=300)
    alternatives_considered = models.JSONField(default=list)  # [{"alternative": ..., "reason_rejected": ...}]
    justification = models.TextField(blank=True)  # PTD-2: why no alternative suffices
    age_floor_justification = models.TextField(blank=True)  # PTD-9 (INV-9: its own text)
    judicial_authority = models.CharField(max_length=200)
    ordered_at = models.DateTimeField()
    grounds_for_detention_found = models.BooleanField(default=False)
    monetary_bail_condition = models.BooleanField(default=False)
    child_views = models.TextField(blank=True, help_text="HRD-1: the child's views on this decision.")
    views_not_heard_reason = models.TextField(blank=True, help_text="HRD-1: why the child could not be heard.")
    no_counsel_justification = models.TextField(blank=True, help_text="CNS-1: why ordered without counsel.")
    armed_forces_justification = models.TextField(
        blank=True, help_text="CAF-1: why a child associated with armed forces or groups is detained."
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Detention order {self.pk}"


class JudicialAppearance(TimeStampedModel):
    """The child brought before a competent authority (PTD-1), or a periodic review (PTD-4)."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="appearances")
    kind = models.CharField(max_length=32, default="first_appearance")  # first_appearance | review | charge | final
    at = models.DateTimeField()
    authority = models.CharField(max_length=200)
    outcome = models.CharField(max_length=32)  # released | detention_continued | charged | decided
    accommodation_provided = models.TextField(blank=True, help_text="DIS-1: the accommodation provided.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"{self.kind} at {self.at:%Y-%m-%d %H:%M}"


class ReleaseReason(models.TextChoices):
    JUDICIAL_ORDER = "judicial_order", msgid("Judicial order")
    BAIL = "bail", msgid("Bail")
    CHARGES_DROPPED = "charges_dropped", msgid("Charges dropped")
    ACQUITTED = "acquitted", msgid("Acquitted")
    SENTENCE_SERVED = "sentence_served", msgid("Sentence served")
    DIVERSION = "diversion", msgid("Diversion")
    MANDATORY_RELEASE = "mandatory_release", msgid("Mandatory release")
    OTHER = "other", msgid("Other")


class Release(TimeStampedModel):
    episode = models.OneToOneField(CustodyEpisode, on_delete=models.PROTECT, related_name="release")
    at = models.DateTimeField()
    reason = models.CharField(max_length=64, choices=ReleaseReason.choices)
    aftercare = models.JSONField(default=dict)  # {"education": bool, ..., "notes": str}
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Release {self.pk}"


class FamilyNotification(TimeStampedModel):
    """Parents or guardian told of an arrest, admission, transfer or release (DET-1; Havana r. 21(d), 22)."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="family_notifications")
    event = models.CharField(max_length=32)
    guardian = models.ForeignKey(Guardian, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    person_notified = models.CharField(max_length=200)
    at = models.DateTimeField()
    method = models.CharField(max_length=32)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Family notified of {self.event}"


class ContactLog(TimeStampedModel):
    """Visits, calls and letters (DET-5; UNODC/UNICEF indicator 8)."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="contacts")
    kind = models.CharField(max_length=16)  # visit | call | letter
    at = models.DateTimeField()
    relationship = models.CharField(max_length=64)
    visitor_name = models.CharField(max_length=200, blank=True)
    direction = models.CharField(max_length=16, default="incoming")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"{self.kind} at {self.at:%Y-%m-%d}"


class HealthExamination(TimeStampedModel):
    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="health_examinations")
    at = models.DateTimeField()
    examiner = models.CharField(max_length=200)
    gender_specific = models.BooleanField(
        default=False, help_text="A gender-specific health screening of a girl (GIR-1; Bangkok Rules)."
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Health examination {self.pk}"


class AllegationKind(models.TextChoices):
    """ILL-1: what a complaint or incident alleges (A/RES/79/172 paras. 19, 20, 31)."""

    ILL_TREATMENT = "ill_treatment", msgid("Ill-treatment")
    TORTURE = "torture", msgid("Torture")
    STAFF_VIOLENCE = "staff_violence", msgid("Violence by staff")
    PEER_VIOLENCE = "peer_violence", msgid("Violence by other children or detainees")
    SEXUAL_ABUSE = "sexual_abuse", msgid("Sexual abuse")
    SEXUAL_EXPLOITATION = "sexual_exploitation", msgid("Sexual exploitation")


class Incident(TimeStampedModel):
    """Anything that happened to a child in custody that oversight must be able to see."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="incidents")
    facility = models.ForeignKey(Facility, null=True, on_delete=models.PROTECT, related_name="incidents")
    kind = models.CharField(max_length=32)
    occurred_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    description = models.TextField()
    staff_involved = models.CharField(max_length=500, blank=True)
    details = models.JSONField(default=dict)  # kind-specific facts (purpose, reason, supervising staff, ...)
    outcome = models.CharField(max_length=500, blank=True)
    investigation_opened_at = models.DateTimeField(null=True, blank=True)
    investigation_body = models.CharField(
        max_length=200, blank=True, help_text="ILL-1: the body or unit leading the investigation (no one implicated)."
    )
    allegation_kind = models.CharField(max_length=32, choices=AllegationKind.choices, blank=True)
    implicated_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        help_text="ILL-1: staff implicated, excluded from the investigation and its records.",
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"{self.kind} incident {self.pk}"


class Complaint(TimeStampedModel):
    """A complaint by the child, recorded uncensored (DET-10)."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="complaints")
    lodged_at = models.DateTimeField()
    subject = models.TextField()
    responded_at = models.DateTimeField(null=True, blank=True)
    response = models.TextField(blank=True)
    investigation_opened_at = models.DateTimeField(null=True, blank=True)
    investigation_body = models.CharField(
        max_length=200, blank=True, help_text="ILL-1: the body or unit leading the investigation (no one implicated)."
    )
    allegation_kind = models.CharField(max_length=32, choices=AllegationKind.choices, blank=True)
    implicated_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        help_text="ILL-1: staff implicated, excluded from the investigation and its records.",
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Complaint {self.pk}"


class Inspection(TimeStampedModel):
    """A visit by an independent monitoring body (DET-11; Havana r. 14; A/RES/73/177 para 10). Feeds indicator 12."""

    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="inspections")
    visited_on = models.DateField()
    body = models.CharField(max_length=200, help_text="The inspecting body, independent of the facility.")
    unannounced = models.BooleanField()
    private_interviews_held = models.BooleanField(default=False)
    children_interviewed = models.PositiveIntegerField(default=0)
    findings = models.TextField(blank=True)
    recommendations = models.JSONField(default=list, blank=True)
    follow_up_due = models.DateField(null=True, blank=True)
    follow_up_done_on = models.DateField(null=True, blank=True)
    follow_up_note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["facility", "visited_on"], name="inspection_facility_idx")]

    def __str__(self) -> str:
        return f"Inspection of {self.facility_id} on {self.visited_on}"


class LegalityChallenge(TimeStampedModel):
    """A challenge to the legality of the deprivation of liberty (CRC art. 37(d); PTD-10)."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="legality_challenges")
    filed_at = models.DateTimeField()
    filed_by = models.CharField(max_length=200, help_text="Who brought it: the child, counsel, a parent...")
    authority = models.CharField(max_length=200)
    decided_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=32, blank=True)  # upheld (release) | dismissed
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Legality challenge {self.pk}"


class IndividualPlan(TimeStampedModel):
    """The individual needs-and-risk assessment and plan after admission (REI-1; A/RES/76/184 para. 10;
    Havana Rules r. 27)."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="individual_plans")
    assessed_at = models.DateTimeField()
    needs = models.TextField(help_text="Education, health, mental health, substance use, family, disability...")
    risks = models.TextField(blank=True)
    plan = models.TextField()
    assessed_by = models.CharField(max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Individual plan {self.pk}"


class EducationEnrolment(TimeStampedModel):
    """Education or vocational training of a child held (REI-1; Havana Rules r. 38; A/RES/79/172 para. 30)."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="education_enrolments")
    enrolled_on = models.DateField()
    provider = models.CharField(max_length=200)
    programme = models.CharField(max_length=200, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("enrolled_on")),
                name="education_enrolment_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"Education enrolment {self.pk}"


class AftercarePlan(TimeStampedModel):
    """An aftercare plan made after release when none was given at release (REI-1; Havana Rules rr. 79-80)."""

    episode = models.ForeignKey(CustodyEpisode, on_delete=models.PROTECT, related_name="aftercare_plans")
    made_at = models.DateTimeField()
    items = models.JSONField(default=dict)  # the shape of Release.aftercare: {"education": bool, ..., "notes": str}
    responsible = models.CharField(max_length=200, help_text="Who follows the child after release.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Aftercare plan {self.pk}"


class SealedReadStatus(models.TextChoices):
    PENDING = "pending", msgid("Waiting for a second supervisor")
    APPROVED = "approved", msgid("Approved: can be opened once")
    REJECTED = "rejected", msgid("Rejected")
    OPENED = "opened", msgid("Opened")


class SealedReadRequest(TimeStampedModel):
    """A break-glass read of a sealed record held until a second supervisor of the child's agency approves it
    (where the jurisdiction's policy asks for a second person, REC-3). Approved, it opens the record once, for the
    person who asked. The stated reason is not kept here: it is in the audit trail, encrypted under the child's data
    key (so removal makes it unreadable)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=SealedReadStatus.choices, default=SealedReadStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["agency", "status"], name="sealed_read_agency_status_idx")]

    def __str__(self) -> str:
        return f"Sealed read {self.pk} ({self.status})"


class RemovalReviewOutcome(models.TextChoices):
    REMOVE = "remove", msgid("Remove the records now")
    RETAIN = "retain", msgid("Retain them until a later review")


class RecordsRemovalReview(TimeStampedModel):
    """The independent review REC-3 asks for before a child's records are removed, where the jurisdiction's policy
    says `records_removal = "review"` (CRC/C/GC/24 para. 71: removal automatically at 18, or in exceptional cases
    after an independent review). Opened by the records sweep on the removal day, decided by a court officer of the
    jurisdiction who was never assigned to any of the child's cases (`custody.records.removal_review_decide`).
    `remove` removes the identity at once; `retain` keeps the records until `retain_until` (at most a year ahead),
    when REC-3 asks for a review again. The reason is free text about the child: blanked here when the identity is
    removed, and kept in the audit trail only encrypted under the child's data key."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField()
    due_at = models.DateTimeField()  # the deadline for deciding (policy `records_removal_review_days`)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(max_length=8, choices=RemovalReviewOutcome.choices, blank=True)
    reason = models.TextField(blank=True)
    retain_until = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=Q(decided_at__isnull=True), name="removal_review_one_open_per_child"
            ),
            models.CheckConstraint(
                condition=~Q(outcome="retain") | Q(retain_until__isnull=False), name="removal_review_retain_has_date"
            ),
        ]
        indexes = [models.Index(fields=["decided_at", "due_at"], name="removal_review_open_due_idx")]

    def __str__(self) -> str:
        return f"Removal review {self.pk} ({self.outcome or 'open'})"
