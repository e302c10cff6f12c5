import django_filters
from django.db.models import QuerySet

from jj.accounts.models import User
from jj.core.filters import IdInFilter
from jj.people.access import child_queryset_for, guardian_queryset_for, record_contest_queryset_for
from jj.people.models import Child, Guardian, RecordContest


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


class RecordContestFilter(django_filters.FilterSet):
    id__in = IdInFilter()

    class Meta:
        model = RecordContest
        fields = ["child", "status", "subject"]


def record_contest_list(*, user: User) -> QuerySet[RecordContest]:
    return record_contest_queryset_for(user).order_by("-created_at", "-id")


def child_list(*, user: User) -> QuerySet[Child]:
    return child_queryset_for(user).order_by("-created_at", "-id")


def guardian_list(*, user: User) -> QuerySet[Guardian]:
    return guardian_queryset_for(user).order_by("child_id", "id")


def names_to_keep_out_of_logs() -> list[tuple[str, str]]:
    """Every word of every child's and guardian's name, with where it came from ("child 7 family_name"): for the
    operators' check that no log holds a name (jj.core.logscan). Not scoped: a system check, never an endpoint."""
    found: list[tuple[str, str]] = []
    children = Child.objects.filter(removed_at__isnull=True)  # a removed child's name is gone (REC-3), not a word
    for pk, *values in children.order_by("pk").values_list("pk", "given_name", "family_name", "other_names"):
        for field, value in zip(("given_name", "family_name", "other_names"), values, strict=True):
            found.extend((word, f"child {pk} {field}") for word in value.split())
    guardians = Guardian.objects.filter(child__removed_at__isnull=True)
    for pk, name in guardians.order_by("pk").values_list("pk", "name"):
        found.extend((word, f"guardian {pk} name") for word in name.split())
    return found
