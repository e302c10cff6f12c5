from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jj.accounts.models import Role, User
from jj.core.exceptions import decision_to_json
from jj.core.i18n import localize_decision_json
from jj.core.pseudonym import child_pseudonym
from jj.core.serializers import CachedFieldsMixin
from jj.custody.facts import aftercare_given
from jj.custody.models import (
    AftercarePlan,
    Complaint,
    ContactLog,
    CustodyEpisode,
    DetentionGround,
    DetentionOrder,
    EducationEnrolment,
    EpisodeKind,
    Facility,
    FamilyNotification,
    HealthExamination,
    Incident,
    IndividualPlan,
    Inspection,
    JudicialAppearance,
    LegalityChallenge,
    Placement,
    Release,
)
from jj.rules.text import t


class FacilitySerializer(serializers.ModelSerializer[Facility]):
    occupancy = serializers.IntegerField(read_only=True, default=None)
    staff = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=User.objects.filter(role=Role.FACILITY_OFFICER, is_active=True)
    )

    class Meta:
        model = Facility
        fields = [
            "id",
            "name",
            "kind",
            "capacity",
            "occupancy",
            "children_wholly_separated",
            "separated_by_sex",
            "has_complaints_mechanism",
            "city",
            "operator",
            "staff",
            "version",
        ]
        read_only_fields = ["id", "occupancy", "version"]


class FacilityUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    name = serializers.CharField(required=False)
    capacity = serializers.IntegerField(required=False, min_value=0)
    children_wholly_separated = serializers.BooleanField(required=False)
    separated_by_sex = serializers.BooleanField(required=False)
    has_complaints_mechanism = serializers.BooleanField(required=False)
    city = serializers.CharField(required=False, allow_blank=True)
    staff = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=User.objects.filter(role=Role.FACILITY_OFFICER, is_active=True)
    )


class PlacementSerializer(serializers.ModelSerializer[Placement]):
    facility_name = serializers.CharField(source="facility.name", read_only=True)

    class Meta:
        model = Placement
        fields = [
            "id",
            "facility",
            "facility_name",
            "started_at",
            "ended_at",
            "commitment_order_reference",
            "best_interests_justification",
            "emergency",
            "condition_note",
            "child_views",
            "views_not_heard_reason",
            "accommodation_provided",
            "mixed_facility_justification",
            "protective_transfer",
        ]
        read_only_fields = fields


class AlternativeSerializer(serializers.Serializer):
    alternative = serializers.CharField(max_length=100)
    reason_rejected = serializers.CharField()


class DetentionOrderSerializer(serializers.ModelSerializer[DetentionOrder]):
    grounds = serializers.ListField(child=serializers.ChoiceField(choices=DetentionGround.choices), allow_empty=True)
    alternatives_considered = AlternativeSerializer(many=True, required=False)
    kind = serializers.ChoiceField(
        choices=["pretrial_detention", "electronic_monitoring"], default="pretrial_detention"
    )
    charge_delay_justification = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        write_only=True,
        help_text="PTD-5: why the child is detained again although the 30 days to charge have passed",
    )

    class Meta:
        model = DetentionOrder
        fields = [
            "id",
            "kind",
            "grounds",
            "legal_basis",
            "alternatives_considered",
            "justification",
            "age_floor_justification",
            "charge_delay_justification",
            "judicial_authority",
            "ordered_at",
            "grounds_for_detention_found",
            "monetary_bail_condition",
            "child_views",
            "views_not_heard_reason",
            "no_counsel_justification",
            "armed_forces_justification",
            "created_at",
        ]
        read_only_fields = ["id", "created_at"]
        extra_kwargs = {
            "ordered_at": {"required": False},
            "justification": {"required": False, "help_text": "PTD-2: why no alternative suffices"},
            "age_floor_justification": {"required": False, "help_text": "PTD-9"},
        }


APPEARANCE_KINDS = ["first_appearance", "review", "charge", "final"]
APPEARANCE_OUTCOMES = ["released", "detention_continued", "charged", "decided"]
DETENTION_ORDER_KINDS = ["pretrial_detention", "electronic_monitoring"]
CONTACT_KINDS = ["visit", "call", "letter", "video_call"]
RELEASE_REASONS = [
    "judicial_order",
    "bail",
    "charges_dropped",
    "acquitted",
    "sentence_served",
    "diversion",
    "mandatory_release",
    "other",
]
NOTIFICATION_EVENTS = ["arrest", "admission", "transfer", "release"]


class AppearanceSerializer(serializers.ModelSerializer[JudicialAppearance]):
    kind = serializers.ChoiceField(choices=APPEARANCE_KINDS)
    outcome = serializers.ChoiceField(choices=APPEARANCE_OUTCOMES)
    justification = serializers.CharField(required=False, allow_blank=True, default="", write_only=True)

    class Meta:
        model = JudicialAppearance
        fields = ["id", "kind", "at", "authority", "outcome", "justification", "accommodation_provided", "created_at"]
        read_only_fields = ["id", "created_at"]


class AftercareSerializer(serializers.Serializer):
    """The reintegration plan (A/RES/79/172 para 30; A/RES/76/184 para 10)."""

    education = serializers.BooleanField(default=False)
    vocational_training = serializers.BooleanField(default=False)
    health = serializers.BooleanField(default=False)
    mental_health = serializers.BooleanField(default=False)
    substance_use = serializers.BooleanField(default=False)
    family_support = serializers.BooleanField(default=False)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class ReleaseSerializer(serializers.ModelSerializer[Release]):
    aftercare = AftercareSerializer(required=False)
    reason = serializers.ChoiceField(
        choices=[
            "judicial_order",
            "bail",
            "charges_dropped",
            "acquitted",
            "sentence_served",
            "diversion",
            "mandatory_release",
            "other",
        ]
    )

    class Meta:
        model = Release
        fields = ["id", "at", "reason", "aftercare", "created_at"]
        read_only_fields = ["id", "created_at"]
        extra_kwargs = {"at": {"required": False}}


class FamilyNotificationSerializer(serializers.ModelSerializer[FamilyNotification]):
    event = serializers.ChoiceField(choices=NOTIFICATION_EVENTS)
    method = serializers.ChoiceField(choices=["phone", "in_person", "letter", "email", "message"])

    class Meta:
        model = FamilyNotification
        fields = ["id", "event", "guardian", "person_notified", "at", "method", "created_at"]
        read_only_fields = ["id", "created_at"]


class ContactSerializer(serializers.ModelSerializer[ContactLog]):
    kind = serializers.ChoiceField(choices=CONTACT_KINDS)
    direction = serializers.ChoiceField(choices=["incoming", "outgoing"], default="incoming")

    class Meta:
        model = ContactLog
        fields = ["id", "kind", "at", "relationship", "visitor_name", "direction", "created_at"]
        read_only_fields = ["id", "created_at"]


class HealthExaminationSerializer(serializers.ModelSerializer[HealthExamination]):
    class Meta:
        model = HealthExamination
        fields = ["id", "at", "examiner", "gender_specific", "created_at"]
        read_only_fields = ["id", "created_at"]


INCIDENT_KINDS = [
    "death",
    "disappearance",
    "serious_injury",
    "self_harm",
    "use_of_force",
    "restraint",
    "separation",
    "isolation",
    "medical_isolation",
    "disciplinary",
    "other",
]


class IncidentSerializer(serializers.ModelSerializer[Incident]):
    kind = serializers.ChoiceField(choices=INCIDENT_KINDS)
    details = serializers.DictField(
        required=False,
        help_text="Kind-specific facts: purpose, reason, supervising_staff, hours_without_meaningful_contact, measure, "
        "imminent_threat, means_tried_first, professional_in_charge, injuries.",
    )

    class Meta:
        model = Incident
        fields = [
            "id",
            "kind",
            "occurred_at",
            "ended_at",
            "description",
            "staff_involved",
            "details",
            "outcome",
            "investigation_opened_at",
            "investigation_body",
            "allegation_kind",
            "implicated_staff",
            "created_at",
        ]
        read_only_fields = ["id", "investigation_opened_at", "investigation_body", "implicated_staff", "created_at"]


class ComplaintSerializer(serializers.ModelSerializer[Complaint]):
    class Meta:
        model = Complaint
        fields = [
            "id",
            "lodged_at",
            "subject",
            "responded_at",
            "response",
            "investigation_opened_at",
            "investigation_body",
            "allegation_kind",
            "implicated_staff",
            "created_at",
        ]
        read_only_fields = [
            "id",
            "responded_at",
            "response",
            "investigation_opened_at",
            "investigation_body",
            "implicated_staff",
            "created_at",
        ]
        extra_kwargs = {"lodged_at": {"required": False}}


class ImplicatedStaffSerializer(serializers.Serializer):
    staff = serializers.PrimaryKeyRelatedField(
        many=True, allow_empty=False, queryset=User.objects.all(), help_text="Staff implicated (ILL-1)."
    )


class InvestigationOpenSerializer(serializers.Serializer):
    body = serializers.CharField(
        max_length=200, help_text="ILL-1: the independent body or unit leading the investigation (no one implicated)."
    )


class ComplaintResponseSerializer(serializers.Serializer):
    response = serializers.CharField()


class CustodyStartSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all())
    kind = serializers.ChoiceField(
        choices=[(k, str(k.label)) for k in (EpisodeKind.POLICE_CUSTODY, EpisodeKind.SENTENCED_DETENTION)],
        default=EpisodeKind.POLICE_CUSTODY,
        help_text="Pretrial detention begins with a detention order on the episode (PTD-2).",
    )
    started_at = serializers.DateTimeField(required=False)
    commitment_order_reference = serializers.CharField(required=False, allow_blank=True, default="")
    best_interests_justification = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="DET-4: why a place not apart from adults"
    )
    police_cell_justification = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="PTD-11: why a police or court cell"
    )
    age_floor_justification = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="PTD-9: why deprive a child under the age floor"
    )
    emergency = serializers.BooleanField(default=False)
    accommodation_provided = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="DIS-1: the accommodation provided for the child's needs",
    )
    mixed_facility_justification = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="GIR-1: why a girl is placed where girls are not held apart (where the policy allows it)",
    )
    child_views = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="HRD-1: the child's views on this decision"
    )
    views_not_heard_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="HRD-1: why the child could not be heard"
    )


class TransferSerializer(serializers.Serializer):
    facility = serializers.PrimaryKeyRelatedField(queryset=Facility.objects.all())
    police_cell_justification = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="PTD-11: why a police or court cell"
    )
    at = serializers.DateTimeField(required=False)
    commitment_order_reference = serializers.CharField(required=False, allow_blank=True, default="")
    best_interests_justification = serializers.CharField(required=False, allow_blank=True, default="")
    emergency = serializers.BooleanField(default=False)
    condition_note = serializers.CharField(required=False, allow_blank=True, default="")
    mixed_facility_justification = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="GIR-1: why a girl is placed where girls are not held apart (where the policy allows it)",
    )
    protective_transfer = serializers.BooleanField(
        default=False, help_text="A move to a safer place or for health care: never refused (INV-5), the checks warn"
    )
    child_views = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="HRD-1: the child's views on this decision"
    )
    views_not_heard_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="HRD-1: why the child could not be heard"
    )


class CustodyEpisodeSerializer(CachedFieldsMixin, serializers.ModelSerializer[CustodyEpisode]):
    child_display = serializers.SerializerMethodField()
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    facility_name = serializers.CharField(source="current_facility.name", default=None, read_only=True)
    elapsed_hours = serializers.SerializerMethodField()
    final_decision_overdue = serializers.BooleanField(read_only=True, default=False)

    class Meta:
        model = CustodyEpisode
        fields = [
            "id",
            "case",
            "case_reference",
            "child",
            "child_display",
            "kind",
            "legal_status",
            "started_at",
            "ended_at",
            "current_facility",
            "facility_name",
            "first_appearance_at",
            "pretrial_detention_started_at",
            "elapsed_hours",
            "mandatory_release_flag",
            "final_decision_overdue",
            "evidence_frozen",
            "version",
        ]
        read_only_fields = fields

    def __init__(self, *args: Any, show_names: bool = False, now: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_names = show_names
        self.now = now

    def get_child_display(self, episode: CustodyEpisode) -> str:
        if self.show_names:
            return f"{episode.child.given_name} {episode.child.family_name}".strip()
        return child_pseudonym(episode.child_id)

    def get_elapsed_hours(self, episode: CustodyEpisode) -> float:
        end = episode.ended_at or self.now
        return round((end - episode.started_at).total_seconds() / 3600, 1) if end else 0.0


class LegalityChallengeSerializer(serializers.ModelSerializer[LegalityChallenge]):
    class Meta:
        model = LegalityChallenge
        fields = ["id", "filed_at", "filed_by", "authority", "decided_at", "outcome", "created_at"]
        read_only_fields = ["id", "decided_at", "outcome", "created_at"]
        extra_kwargs = {"filed_at": {"required": False}}


class IndividualPlanSerializer(serializers.ModelSerializer[IndividualPlan]):
    class Meta:
        model = IndividualPlan
        fields = ["id", "assessed_at", "needs", "risks", "plan", "assessed_by", "created_at"]
        read_only_fields = ["id", "created_at"]
        extra_kwargs = {"assessed_at": {"required": False}}


class EducationEnrolmentSerializer(serializers.ModelSerializer[EducationEnrolment]):
    class Meta:
        model = EducationEnrolment
        fields = ["id", "enrolled_on", "provider", "programme", "ended_on", "created_at"]
        read_only_fields = ["id", "created_at"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        ended = attrs.get("ended_on")
        if ended is not None and ended < attrs["enrolled_on"]:
            raise serializers.ValidationError({"ended_on": [t("The enrolment cannot end before it starts.")]})
        return attrs


class AftercarePlanSerializer(serializers.ModelSerializer[AftercarePlan]):
    items = AftercareSerializer()

    class Meta:
        model = AftercarePlan
        fields = ["id", "made_at", "items", "responsible", "created_at"]
        read_only_fields = ["id", "created_at"]
        extra_kwargs = {"made_at": {"required": False}}

    def validate_items(self, value: dict[str, Any]) -> dict[str, Any]:
        if not aftercare_given(value):
            raise serializers.ValidationError(
                t("Choose at least one kind of support, or describe the plan in the notes.")
            )
        return value


class CustodyEpisodeDetailSerializer(CustodyEpisodeSerializer):
    placements = PlacementSerializer(many=True, read_only=True)
    detention_orders = DetentionOrderSerializer(many=True, read_only=True)
    appearances = AppearanceSerializer(many=True, read_only=True)
    family_notifications = FamilyNotificationSerializer(many=True, read_only=True)
    contacts = ContactSerializer(many=True, read_only=True)
    health_examinations = HealthExaminationSerializer(many=True, read_only=True)
    incidents = IncidentSerializer(many=True, read_only=True)
    complaints = ComplaintSerializer(many=True, read_only=True)
    legality_challenges = LegalityChallengeSerializer(many=True, read_only=True)
    individual_plans = IndividualPlanSerializer(many=True, read_only=True)
    education_enrolments = EducationEnrolmentSerializer(many=True, read_only=True)
    aftercare_plans = AftercarePlanSerializer(many=True, read_only=True)
    checks = serializers.SerializerMethodField(
        help_text="Decisions computed on read: DET-5 family contact, REI-1 education."
    )
    release = ReleaseSerializer(read_only=True, default=None)

    class Meta(CustodyEpisodeSerializer.Meta):
        fields = [
            *CustodyEpisodeSerializer.Meta.fields,
            "placements",
            "detention_orders",
            "appearances",
            "family_notifications",
            "contacts",
            "health_examinations",
            "incidents",
            "complaints",
            "legality_challenges",
            "individual_plans",
            "education_enrolments",
            "aftercare_plans",
            "checks",
            "release",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_checks(self, episode: CustodyEpisode) -> list[dict[str, Any]]:
        from jj.custody.services import episode_review  # services import serializers' models only

        if episode.ended_at:
            return []
        return [localize_decision_json(decision_to_json(d), d.message) for d in episode_review(episode)]


class InspectionSerializer(serializers.ModelSerializer[Inspection]):
    facility_name = serializers.CharField(source="facility.name", read_only=True)
    recommendations = serializers.ListField(child=serializers.CharField(), required=False)

    class Meta:
        model = Inspection
        fields = [
            "id",
            "facility",
            "facility_name",
            "visited_on",
            "body",
            "unannounced",
            "private_interviews_held",
            "children_interviewed",
            "findings",
            "recommendations",
            "follow_up_due",
            "follow_up_done_on",
            "follow_up_note",
            "created_at",
        ]
        read_only_fields = ["id", "facility_name", "follow_up_done_on", "follow_up_note", "created_at"]


class InspectionFollowUpSerializer(serializers.Serializer):
    done_on = serializers.DateField(help_text="When the recommendations were followed up.")
    note = serializers.CharField(help_text="What was found on follow-up.")


class ChallengeDecisionSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=["upheld", "dismissed"])
