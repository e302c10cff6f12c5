from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jj.compliance.serializers import _field_for
from jj.rules.policy import PARAMETERS
from jj.simulation.models import PolicySimulation
from jj.simulation.services import MAX_PERIOD_DAYS


class SimulationCreateSerializer(serializers.Serializer):
    """A period and the proposed parameters, each validated as the policy API validates it (type, range, choices),
    with a message on the field. Only the parameters sent are proposed; the others stay as they are in force."""

    period_from = serializers.DateField()
    period_to = serializers.DateField()

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for name, parameter in PARAMETERS.items():
            fields[name] = _field_for(parameter)
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["period_to"] < attrs["period_from"]:
            raise serializers.ValidationError({"period_to": ["The period ends before it starts."]})
        if (attrs["period_to"] - attrs["period_from"]).days > MAX_PERIOD_DAYS:
            raise serializers.ValidationError({"period_to": ["At most three years at a time."]})
        if not set(attrs) & set(PARAMETERS):
            raise serializers.ValidationError({"non_field_errors": ["Propose at least one parameter."]})
        return attrs


class SimulationSerializer(serializers.ModelSerializer[PolicySimulation]):
    jurisdiction = serializers.CharField(source="jurisdiction.code", read_only=True)
    requested_by_username = serializers.CharField(source="requested_by.username", read_only=True)
    totals = serializers.SerializerMethodField()

    class Meta:
        model = PolicySimulation
        fields = [
            "id",
            "jurisdiction",
            "requested_by_username",
            "parameters",
            "period_from",
            "period_to",
            "status",
            "progress",
            "coverage",
            "error",
            "created_at",
            "finished_at",
            "totals",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_totals(self, simulation: PolicySimulation) -> dict[str, float | None] | None:
        """The headline numbers of a finished simulation (suppressed counts are null)."""
        return simulation.result.get("totals") if isinstance(simulation.result, dict) else None


class SimulationDetailSerializer(SimulationSerializer):
    class Meta(SimulationSerializer.Meta):
        fields = [*SimulationSerializer.Meta.fields, "result"]
        read_only_fields = fields
