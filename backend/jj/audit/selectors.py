import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet

from jj.accounts.models import Agency, Role, User
from jj.audit.models import AuditEvent, ChildDataKey
from jj.core.filters import UtcIsoDateTimeFilter


class AuditEventFilter(django_filters.FilterSet):
    """Oversight questions as filters, e.g. every overridden REQUIRE_JUSTIFICATION of one agency last quarter:
    ?agency_id=3&decision_outcome=require_justification&occurred_after=2026-07-01&occurred_before=2026-10-01"""

    occurred_after = UtcIsoDateTimeFilter(field_name="occurred_at", lookup_expr="gte")
    occurred_before = UtcIsoDateTimeFilter(field_name="occurred_at", lookup_expr="lt")
    action_prefix = django_filters.CharFilter(field_name="action", lookup_expr="startswith")
    rule_id = django_filters.CharFilter(method="filter_rule_id")
    decision_outcome = django_filters.CharFilter(method="filter_decision_outcome")

    class Meta:
        model = AuditEvent
        fields = [
            "actor_id",
            "actor_username",
            "actor_role",
            "agency_id",
            "action",
            "object_type",
            "object_id",
            "child_ref",
            "outcome",
        ]

    def filter_rule_id(self, queryset: QuerySet[AuditEvent], name: str, value: str) -> QuerySet[AuditEvent]:
        return queryset.filter(rule_ids__contains=f",{value},")

    def filter_decision_outcome(self, queryset: QuerySet[AuditEvent], name: str, value: str) -> QuerySet[AuditEvent]:
        return queryset.filter(decision_outcomes__contains=f",{value},")


def audit_event_list(*, user: User) -> QuerySet[AuditEvent]:
    """Oversight monitors read the trail of their jurisdiction's agencies, plus events with no agency
    (failed sign-ins). Nobody else reads the whole trail."""
    if user.role != Role.OVERSIGHT_MONITOR or user.agency is None:
        return AuditEvent.objects.none()
    agencies = Agency.objects.filter(jurisdiction_id=user.agency.jurisdiction_id).values("pk")
    return (
        AuditEvent.objects.filter(Q(agency_id__in=agencies) | Q(agency_id__isnull=True))
        .annotate(child_key_shredded=_child_key_shredded())
        .order_by("-seq")
    )


def _child_key_shredded() -> Exists:
    """Whether the event's child was forgotten (data key destroyed): evaluated for the page's rows only, in the
    list's own query, so its encrypted values read `[removed]` without another query."""
    return Exists(ChildDataKey.objects.filter(child_ref=OuterRef("child_ref"), shredded_at__isnull=False))


def audit_scope_agency_ids(*, user: User) -> frozenset[int] | None:
    """The agencies whose events an oversight monitor may read in full (with events of no agency, as in
    audit_event_list); None for anyone else."""
    if user.role != Role.OVERSIGHT_MONITOR or user.agency is None:
        return None
    return frozenset(Agency.objects.filter(jurisdiction_id=user.agency.jurisdiction_id).values_list("pk", flat=True))


def child_access_log(*, child_ref: str) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(child_ref=child_ref).order_by("-seq")
