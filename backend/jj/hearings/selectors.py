"""Hearings visible exactly when their case is (cases.access); the calendar's filters: per person (`mine`: the cases
the caller is assigned to, or hearings they scheduled), per court, per agency (a supervisor's scope), by dates."""

import django_filters
from django.db.models import Q, QuerySet
from django.http import Http404

from jj.accounts.models import User
from jj.audit.services import audit_denied
from jj.cases.access import assigned_case_ids, case_related_scope_q
from jj.core.filters import IdInFilter
from jj.hearings.models import Hearing, HearingPurpose, HearingStatus


def hearing_list(*, user: User) -> QuerySet[Hearing]:
    """Hearings of the caller's cases; a sealed child's (REC-3) are in no list."""
    return Hearing.objects.filter(case_related_scope_q(user), case__child__sealed_at__isnull=True).select_related(
        "case", "case__child", "case__agency"
    )


def hearing_get_for_user(*, user: User, hearing_id: int, action: str = "hearing.read") -> Hearing:
    hearing = hearing_list(user=user).filter(pk=hearing_id).first()
    if hearing is None:
        audit_denied(actor=user, action=action, object_type="hearing", object_id=hearing_id)
        raise Http404
    return hearing


class HearingFilter(django_filters.FilterSet):
    id__in = IdInFilter()
    at__gte = django_filters.IsoDateTimeFilter(field_name="at", lookup_expr="gte")
    at__lt = django_filters.IsoDateTimeFilter(field_name="at", lookup_expr="lt")
    court = django_filters.CharFilter(field_name="court", lookup_expr="iexact")
    status = django_filters.ChoiceFilter(choices=HearingStatus.choices)
    purpose = django_filters.ChoiceFilter(choices=HearingPurpose.choices)
    agency = django_filters.NumberFilter(field_name="case__agency_id")
    mine = django_filters.BooleanFilter(method="filter_mine")

    class Meta:
        model = Hearing
        fields = ["case"]

    def filter_mine(self, queryset: QuerySet[Hearing], name: str, value: bool | None) -> QuerySet[Hearing]:
        if not value:
            return queryset
        user: User = self.request.user  # type: ignore[union-attr,assignment]
        return queryset.filter(Q(case_id__in=assigned_case_ids(user)) | Q(scheduled_by=user))
