from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jj.diversion.models import DiversionReferral, DiversionSession, Programme, ReferralStatus, Stage

INFORMED_OF = ["nature", "content", "duration", "consequences"]


class ProgrammeSerializer(serializers.ModelSerializer[Programme]):
    class Meta:
        model = Programme
        fields = [
            "id",
            "name",
            "kind",
            "provider",
            "capacity",
            "typical_duration_days",
            "eligibility_notes",
            "involves_deprivation_of_liberty",
            "active",
            "agency",
            "version",
        ]
        read_only_fields = ["id", "agency", "version"]


class SessionSerializer(serializers.ModelSerializer[DiversionSession]):
    class Meta:
        model = DiversionSession
        fields = [
            "id",
            "at",
            "attended",
            "conditions_met",
            "provider_note",
            "victim_participated",
            "victim_consent",
            "created_at",
        ]
        read_only_fields = ["id", "created_at"]


class ReferralSerializer(serializers.ModelSerializer[DiversionReferral]):
    """Never the acknowledgement of responsibility itself. Whether it was recorded is shown only to the diversion
    worker and the supervisor, and to nobody once the diversion failed (DIV-2, CRC/C/GC/24 para. 18(a)): the rows
    come from `selectors.referral_list`, which decides `acknowledgement_visible`; anyone else reads null."""

    programme_name = serializers.CharField(source="programme.name", read_only=True)
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    acknowledgement_recorded = serializers.SerializerMethodField()
    sessions = SessionSerializer(many=True, read_only=True)

    class Meta:
        model = DiversionReferral
        fields = [
            "id",
            "case",
            "case_reference",
            "programme",
            "programme_name",
            "status",
            "stage_offered",
            "offered_at",
            "stage_accepted",
            "activated_at",
            "ends_on",
            "compelling_evidence",
            "acknowledgement_recorded",
            "child_consent_at",
            "guardian_consent_at",
            "informed_of",
            "legal_advice_offered_at",
            "review_route_explained",
            "child_views",
            "views_not_heard_reason",
            "accommodation_provided",
            "outcome_at",
            "outcome_reason",
            "sessions",
            "version",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.BooleanField(allow_null=True))
    def get_acknowledgement_recorded(self, referral: DiversionReferral) -> bool | None:
        if not getattr(referral, "acknowledgement_visible", False):
            return None
        return bool(referral.acknowledgement_of_responsibility)


class OfferSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all())
    stage = serializers.ChoiceField(choices=Stage.choices)
    child_views = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="HRD-1: the child's views on the referral"
    )
    views_not_heard_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="HRD-1: why the child could not be heard"
    )
    occurred_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When it happened, if earlier than now (recorded late: audited as such).",
    )


class ActivateSerializer(serializers.Serializer):
    compelling_evidence = serializers.CharField(required=False, allow_blank=True, default="")
    acknowledgement_of_responsibility = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        write_only=True,
        help_text="Stored apart and never shown, exported or usable in later proceedings.",
    )
    child_consent = serializers.BooleanField(default=False)
    guardian_consent = serializers.BooleanField(default=False)
    informed_of = serializers.ListField(child=serializers.ChoiceField(choices=INFORMED_OF), default=list)
    legal_advice_offered = serializers.BooleanField(default=False)
    review_route_explained = serializers.BooleanField(default=False)
    stage_accepted = serializers.ChoiceField(choices=Stage.choices, required=False)
    accommodation_provided = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="DIS-1: the accommodation provided for the child's needs",
    )
    occurred_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When it happened, if earlier than now (recorded late: audited as such).",
    )


class DeclineSerializer(serializers.Serializer):
    reason = serializers.CharField()
    occurred_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When it happened, if earlier than now (recorded late: audited as such).",
    )


class OutcomeSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=[ReferralStatus.COMPLETED, ReferralStatus.NOT_COMPLETED, ReferralStatus.WITHDRAWN]
    )
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    occurred_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When it happened, if earlier than now (recorded late: audited as such).",
    )
