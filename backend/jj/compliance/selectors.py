from typing import Any

import django_filters
from django.db.models import QuerySet

from jj.compliance.models import DecisionRecord, JurisdictionPolicy
from jj.core.filters import UtcIsoDateTimeFilter
from jj.rules.policy import PARAMETERS, STANDARD, Policy


def _from_json(values: dict[str, Any]) -> dict[str, Any]:
    known = {k: v for k, v in values.items() if k in PARAMETERS}
    return {k: tuple(v) if isinstance(v, list) else v for k, v in known.items()}


def policy_for(jurisdiction_id: int) -> Policy:
    """The jurisdiction's policy: the standard, with the jurisdiction's stored overrides applied."""
    row = JurisdictionPolicy.objects.filter(jurisdiction_id=jurisdiction_id).only("values").first()
    return STANDARD.with_values(_from_json(row.values)) if row else STANDARD


def policy_row(jurisdiction_id: int) -> JurisdictionPolicy | None:
    return JurisdictionPolicy.objects.filter(jurisdiction_id=jurisdiction_id).first()


def decisions_for_case(case_id: int) -> QuerySet[DecisionRecord]:
    return DecisionRecord.objects.filter(case_id=case_id).select_related("actor", "approval")


def decisions_for_policy(jurisdiction_id: int) -> QuerySet[DecisionRecord]:
    return DecisionRecord.objects.filter(object_type="policy", jurisdiction_id=jurisdiction_id).select_related(
        "actor", "approval"
    )


class OversightDecisionFilter(django_filters.FilterSet):
    """e.g. every justified REQUIRE_JUSTIFICATION by one agency last quarter:
    ?outcome=require_justification&justified=true&agency=3&decided_after=...&decided_before=..."""

    agency = django_filters.NumberFilter(field_name="case__agency_id")
    decided_after = UtcIsoDateTimeFilter(field_name="decided_at", lookup_expr="gte")
    decided_before = UtcIsoDateTimeFilter(field_name="decided_at", lookup_expr="lt")
    justified = django_filters.BooleanFilter(method="filter_justified")

    class Meta:
        model = DecisionRecord
        fields = ["rule_id", "outcome", "trigger", "below_standard", "object_type"]

    def filter_justified(self, queryset: QuerySet[DecisionRecord], name: str, value: bool) -> QuerySet[DecisionRecord]:
        return queryset.exclude(justification="") if value else queryset.filter(justification="")


def decisions_for_oversight(jurisdiction_id: int) -> QuerySet[DecisionRecord]:
    return DecisionRecord.objects.filter(jurisdiction_id=jurisdiction_id).select_related(
        "actor",
        "approval__decided_by",
        "case__child",  # the child only to mask its identity in free text (REC-2)
    )
