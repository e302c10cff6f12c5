import django_filters
from django.db.models import Prefetch, QuerySet

from jj.accounts.models import User
from jj.cases.access import case_queryset_for
from jj.cases.models import Assignment, Case, CaseEvent
from jj.core.filters import IdInFilter, UtcIsoDateTimeFilter


class CaseFilter(django_filters.FilterSet):
    id__in = IdInFilter()
    opened_after = UtcIsoDateTimeFilter(field_name="opened_at", lookup_expr="gte")
    opened_before = UtcIsoDateTimeFilter(field_name="opened_at", lookup_expr="lt")

    class Meta:
        model = Case
        fields = ["status", "kind", "child", "agency"]


def case_list(*, user: User) -> QuerySet[Case]:
    """Scoped cases with what the list shows, in a constant number of queries whatever the page size."""
    active = Assignment.objects.filter(ended_at__isnull=True).select_related("user").order_by("assigned_at")
    return (
        case_queryset_for(user)
        .select_related("child", "agency")
        .prefetch_related("offences", Prefetch("assignments", queryset=active, to_attr="active_assignments"))
        .order_by("-opened_at", "-id")
    )


def case_timeline(*, case: Case) -> QuerySet[CaseEvent]:
    return CaseEvent.objects.filter(case=case).select_related("actor").order_by("occurred_at", "id")
