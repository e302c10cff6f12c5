from typing import Any

from rest_framework import serializers

from jj.accounts.models import User
from jj.cases.models import (
    Assignment,
    AssignmentRole,
    Case,
    CaseEvent,
    CaseKind,
    CaseStatus,
    ChildProtectionReferral,
    Interview,
    Offence,
    ProtectionReferralStatus,
    Sentence,
    SentenceType,
)
from jj.core.pseudonym import child_pseudonym
from jj.core.serializers import CachedFieldsMixin, LocalizedDecisionsField, LocalizedTextField
from jj.people.models import Child
from jj.rules.checks.sentencing import NON_CUSTODIAL
from jj.rules.text import msgid, t

STATUS_OFFENCE_DERIVED = msgid(
    "Whether this is a status offence is decided by the jurisdiction's list of offence codes (STA-1), not set by "
    "hand: give the offence's local code instead."
)


class OffenceSerializer(CachedFieldsMixin, serializers.ModelSerializer[Offence]):
    category_label = serializers.CharField(source="get_category_display", read_only=True)

    class Meta:
        model = Offence
        fields = [
            "id",
            "description",
            "category",
            "category_label",
            "local_code",
            "offence_date",
            "offence_date_end",
            "is_status_offence",
        ]
        read_only_fields = ["id", "category_label", "is_status_offence"]

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict) and "is_status_offence" in data:
            raise serializers.ValidationError({"is_status_offence": [STATUS_OFFENCE_DERIVED]})
        return super().to_internal_value(data)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("offence_date"), attrs.get("offence_date_end")
        if start and end and end < start:
            raise serializers.ValidationError(
                {"offence_date_end": t("The end of the date range cannot be before its start.")}
            )
        return attrs


class AssignmentOutputSerializer(CachedFieldsMixin, serializers.ModelSerializer[Assignment]):
    username = serializers.CharField(source="user.username", read_only=True)

    class Meta:
        model = Assignment
        fields = ["id", "user", "username", "role", "assigned_at", "ended_at", "legal_aid"]
        read_only_fields = fields


class CaseOutputSerializer(CachedFieldsMixin, serializers.ModelSerializer[Case]):
    offences = OffenceSerializer(many=True, read_only=True)
    assignments = serializers.SerializerMethodField()
    child_display = serializers.SerializerMethodField()
    agency_name = serializers.CharField(source="agency.name", read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "child",
            "child_display",
            "kind",
            "status",
            "opened_at",
            "closed_at",
            "summary",
            "agency",
            "agency_name",
            "jurisdiction",
            "offences",
            "assignments",
            "no_criminal_record",
            "version",
            "created_at",
        ]
        read_only_fields = fields

    no_criminal_record = serializers.SerializerMethodField(
        help_text="Closed finally after a completed diversion (DIV-4): never a criminal record."
    )

    def get_no_criminal_record(self, case: Case) -> bool:
        return case.status == CaseStatus.CLOSED_FINAL

    def __init__(self, *args: Any, show_names: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_names = show_names

    def get_child_display(self, case: Case) -> str:
        if self.show_names:
            return f"{case.child.given_name} {case.child.family_name}".strip()
        return child_pseudonym(case.child_id)

    def get_assignments(self, case: Case) -> list[dict[str, Any]]:
        rows = getattr(case, "active_assignments", None)
        if rows is None:
            rows = list(case.assignments.filter(ended_at__isnull=True).select_related("user"))
        # One assignment serializer per case serializer (a list reuses its child for every row), not one per row.
        if getattr(self, "_assignment_serializer", None) is None:
            self._assignment_serializer = AssignmentOutputSerializer()
        return [self._assignment_serializer.to_representation(row) for row in rows]


class CaseCreateSerializer(serializers.Serializer):
    child = serializers.PrimaryKeyRelatedField(
        queryset=Child.objects.all(), help_text="The child; must be one you may see."
    )
    kind = serializers.ChoiceField(choices=CaseKind.choices)
    opened_at = serializers.DateTimeField(required=False)
    summary = serializers.CharField(required=False, allow_blank=True)
    offences = OffenceSerializer(many=True, required=False)


class CaseUpdateSerializer(serializers.Serializer):
    summary = serializers.CharField(allow_blank=True)
    version = serializers.IntegerField(min_value=1)


class AssignSerializer(serializers.Serializer):
    user = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True))
    role = serializers.ChoiceField(choices=AssignmentRole.choices)
    legal_aid = serializers.BooleanField(
        default=False, help_text="CNS-1: a legal counsel assigned under legal aid (legal counsel only)."
    )
    occurred_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When the person was assigned, if earlier than now (recorded late: audited as such).",
    )


class LegalAidSerializer(serializers.Serializer):
    legal_aid = serializers.BooleanField(help_text="The counsel assigned works under legal aid (CNS-1).")


class UnassignSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True)


class ShareSerializer(serializers.Serializer):
    user = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True))
    reason = serializers.CharField()
    expires_at = serializers.DateTimeField(required=False, allow_null=True)


class CaseEventSerializer(serializers.ModelSerializer[CaseEvent]):
    summary = LocalizedTextField(parts_source="summary_parts")
    actor_username = serializers.CharField(source="actor.username", read_only=True, default=None)

    class Meta:
        model = CaseEvent
        fields = ["id", "kind", "occurred_at", "summary", "actor_username", "data"]
        read_only_fields = fields


class CloseSerializer(serializers.Serializer):
    reason = serializers.CharField()
    occurred_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When the case was closed, if earlier than now (recorded late: audited as such).",
    )


class ChargeSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    justification = serializers.CharField(required=False, allow_blank=True, default="")
    individual_assessment = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="DEV-1: the individual assessment supporting a charge."
    )
    diversion_not_offered_reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="DIV-1: why diversion was not offered before charging."
    )
    armed_forces_justification = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="CAF-1: why a child associated with armed forces or groups is charged rather than reintegrated.",
    )
    no_counsel_justification = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="CNS-1: why the charge cannot wait for legal counsel to be assigned.",
    )
    occurred_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When the charge was brought, if earlier than now (recorded late: audited as such).",
    )


class NonCustodialOptionSerializer(serializers.Serializer):
    option = serializers.ChoiceField(choices=sorted(NON_CUSTODIAL))
    reason_rejected = serializers.CharField()


class SentenceSerializer(serializers.ModelSerializer[Sentence]):
    non_custodial_options_considered = NonCustodialOptionSerializer(many=True, required=False)
    sentence_type_label = serializers.CharField(source="get_sentence_type_display", read_only=True)

    class Meta:
        model = Sentence
        fields = [
            "id",
            "case",
            "sentence_type",
            "sentence_type_label",
            "imposed_at",
            "length_months",
            "parole_eligibility_date",
            "non_custodial_options_considered",
            "justification",
            "mandatory_minimum_applied",
            "court",
            "child_views",
            "views_not_heard_reason",
            "no_counsel_justification",
            "created_at",
        ]
        read_only_fields = ["id", "case", "sentence_type_label", "created_at"]
        extra_kwargs = {"imposed_at": {"required": False}}

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("sentence_type") == SentenceType.CUSTODY and not attrs.get("length_months"):
            raise serializers.ValidationError(
                {"length_months": t("Enter the length of a custodial sentence in months.")}
            )
        return attrs


class AdultTransferSerializer(serializers.Serializer):
    reason = serializers.CharField()
    occurred_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When the case was transferred, if earlier than now (rules run as of then; recorded late: audited).",
    )


class ProtectionReferralSerializer(serializers.ModelSerializer[ChildProtectionReferral]):
    """A child-protection referral as its workflow shows it. The child is named to roles that may see names and
    pseudonymised otherwise (child_display); the web interface never shows the numeric id."""

    decisions = LocalizedDecisionsField()
    child_display = serializers.SerializerMethodField()
    referred_by_username = serializers.CharField(source="referred_by.username", read_only=True, default="")

    class Meta:
        model = ChildProtectionReferral
        fields = [
            "id",
            "child",
            "child_display",
            "agency",
            "referred_by",
            "referred_by_username",
            "reason",
            "circumstances",
            "decisions",
            "status",
            "receiving_service",
            "sent_at",
            "received_at",
            "accepted_at",
            "closed_at",
            "follow_up_notes",
            "created_at",
        ]
        read_only_fields = fields

    def __init__(self, *args: Any, show_names: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_names = show_names

    def get_child_display(self, referral: ChildProtectionReferral) -> str:
        if self.show_names:
            return f"{referral.child.given_name} {referral.child.family_name}".strip()
        return child_pseudonym(referral.child_id)


class ProtectionReferralFollowUpSerializer(serializers.Serializer):
    """A step of the referral's workflow: a new status (with the receiving service when it is sent), a note, or
    both."""

    status = serializers.ChoiceField(choices=ProtectionReferralStatus.choices, required=False, allow_blank=True)
    receiving_service = serializers.CharField(max_length=200, required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True)


class ProtectionServicesSerializer(serializers.Serializer):
    services = serializers.ListField(child=serializers.CharField())


class InterviewSerializer(serializers.ModelSerializer[Interview]):
    interviewer = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text="The member of staff who questioned the child, when a user (TRN-1).",
    )
    interviewer_trained_in_child_justice_on = serializers.DateField(
        source="interviewer.trained_in_child_justice_on", read_only=True, default=None
    )

    def validate_interviewer(self, value: User | None) -> User | None:
        case = self.context.get("case")
        if value is not None and case is not None and value.jurisdiction_id != case.jurisdiction_id:
            raise serializers.ValidationError(t("Choose a member of staff of this jurisdiction."))
        return value

    class Meta:
        model = Interview
        fields = [
            "id",
            "at",
            "conducted_by",
            "lawyer_present",
            "appropriate_adult_present",
            "appropriate_adult_relationship",
            "appropriate_adult_absence_reason",
            "lawyer_waived",
            "waiver_under_judicial_supervision",
            "audio_visual_recorded",
            "interpreter_present",
            "interviewer",
            "interviewer_trained_in_child_justice_on",
            "accommodation_provided",
            "created_at",
        ]
        read_only_fields = ["id", "interviewer_trained_in_child_justice_on", "created_at"]


class BreakGlassSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    reason = serializers.CharField(help_text="Why you need this file now; recorded and reported to oversight.")


class SentenceReviewSerializer(serializers.Serializer[dict[str, Any]]):
    """SEN-4: the review of a custodial sentence for early release, by the competent authority."""

    outcome = serializers.ChoiceField(choices=["continued", "early_release"])
    authority = serializers.CharField(max_length=200)
    reasons = serializers.CharField()
    reviewed_at = serializers.DateTimeField(required=False, allow_null=True)
