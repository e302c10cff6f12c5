import django_filters
from django.db.models import QuerySet

from jj.accounts.models import User
from jj.core.filters import IdInFilter
from jj.people.access import child_queryset_for, guardian_queryset_for
from jj.people.models import Child, Guardian


class ChildFilter(django_filters.FilterSet):
    id__in = IdInFilter()

    class Meta:
        model = Child
        fields = ["sex", "dob_certainty", "agency", "interpreter_needed"]


class GuardianFilter(django_filters.FilterSet):
    id__in = IdInFilter()

    class Meta:
        model = Guardian
        fields = ["child", "relationship"]


def child_list(*, user: User) -> QuerySet[Child]:
    return child_queryset_for(user).order_by("-created_at", "-id")


def guardian_list(*, user: User) -> QuerySet[Guardian]:
    return guardian_queryset_for(user).order_by("child_id", "id")
