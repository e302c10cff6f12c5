from typing import Any

from rest_framework import serializers

from jj.compliance.models import ApprovalRequest, DecisionRecord
from jj.core.i18n import quoted
from jj.core.pseudonym import child_pseudonym
from jj.core.serializers import LocalizedDecisionsField, LocalizedTextField
from jj.rules.masking import mask_identity
from jj.rules.policy import PARAMETERS, Direction, Parameter
from jj.rules.text import t


class DecisionRecordSerializer(serializers.ModelSerializer[DecisionRecord]):
    message = LocalizedTextField(parts_source="message_parts")
    actor_username = serializers.CharField(source="actor.username", default=None, read_only=True)
    approved_by = serializers.CharField(source="approval.decided_by.username", default=None, read_only=True)

    class Meta:
        model = DecisionRecord
        fields = [
            "id",
            "decided_at",
            "trigger",
            "rule_id",
            "outcome",
            "message",
            "citation",
            "further_citations",
            "facts",
            "below_standard",
            "object_type",
            "object_id",
            "case",
            "actor_username",
            "justification",
            "approval",
            "approved_by",
        ]
        read_only_fields = fields

    def to_representation(self, instance: DecisionRecord) -> dict[str, Any]:
        """The quoted words of the sources keep the language in which they were checked, and say which."""
        data = super().to_representation(instance)
        if isinstance(data.get("citation"), dict):
            data["citation"] = quoted(data["citation"])
        if isinstance(data.get("further_citations"), list):
            data["further_citations"] = [quoted(c) for c in data["further_citations"] if isinstance(c, dict)]
        return data


def _field_for(p: Parameter) -> serializers.Field:
    help_text = f"{p.label}. Standard: {p.default} ({p.source})."
    if p.choices:
        return serializers.ChoiceField(choices=list(p.choices), required=False, help_text=help_text)
    if isinstance(p.default, bool):
        return serializers.BooleanField(required=False, help_text=help_text)
    if isinstance(p.default, tuple):
        return serializers.ListField(child=serializers.CharField(), required=False, help_text=help_text)
    return serializers.IntegerField(
        required=False,
        allow_null=p.default is None or p.direction is Direction.NONE,
        help_text=help_text,
        min_value=p.minimum if p.minimum is not None else 0,
        max_value=p.maximum if p.maximum is not None else 10_000,
    )


class PolicyUpdateSerializer(serializers.Serializer):
    """Generated from the parameters, so every one is validated (type, range, choices) with its standard shown."""

    version = serializers.IntegerField(min_value=0)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for name, parameter in PARAMETERS.items():
            fields[name] = _field_for(parameter)
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if len(attrs) == 1:
            raise serializers.ValidationError({"non_field_errors": [t("Change at least one parameter.")]})
        return attrs


class ApprovalSerializer(serializers.ModelSerializer[ApprovalRequest]):
    requested_by_username = serializers.CharField(source="requested_by.username", read_only=True)
    decided_by_username = serializers.CharField(source="decided_by.username", default=None, read_only=True)
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    decisions = LocalizedDecisionsField()

    class Meta:
        model = ApprovalRequest
        fields = [
            "id",
            "case",
            "case_reference",
            "action",
            "justification",
            "rule_ids",
            "decisions",
            "status",
            "requested_by_username",
            "decided_by_username",
            "decided_at",
            "decision_note",
            "created_at",
        ]
        read_only_fields = fields


class ApprovalDecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class OversightDecisionSerializer(DecisionRecordSerializer):
    """For oversight bodies: the child as a pseudonym, never a name."""

    child_ref = serializers.SerializerMethodField()
    agency = serializers.IntegerField(source="case.agency_id", default=None, read_only=True)

    class Meta(DecisionRecordSerializer.Meta):
        fields = [*DecisionRecordSerializer.Meta.fields, "child_ref", "agency"]
        read_only_fields = fields

    def get_child_ref(self, record: DecisionRecord) -> str:
        return child_pseudonym(record.case.child_id) if record.case_id and record.case else ""

    def to_representation(self, instance: DecisionRecord) -> dict[str, Any]:
        """REC-2: a justification is the caseworker's free text; oversight reads it with the child's known names and
        date of birth masked (the child is loaded with the case, no query more)."""
        data = super().to_representation(instance)
        child = instance.case.child if instance.case_id and instance.case else None
        if child is not None and data.get("justification"):
            data["justification"] = mask_identity(
                data["justification"],
                names=(child.given_name, child.family_name, child.other_names),
                dates=[child.date_of_birth],
            )
        return data
