from datetime import date, datetime, time, timedelta

import django_filters
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from jj.accounts.models import User
from jj.core.filters import IdInFilter
from jj.custody.access import episode_queryset_for, facility_queryset_for
from jj.custody.models import CustodyEpisode, Facility, Placement, SealedReadRequest, SealedReadStatus
from jj.deadlines.models import Deadline


def episode_list(*, user: User, now: datetime | None = None) -> QuerySet[CustodyEpisode]:
    """Scoped episodes with the PTD-6 red flag computed from data (an overdue final-decision deadline)."""
    moment = now or timezone.now()
    overdue = Deadline.objects.filter(
        case=OuterRef("case"), kind="final_decision", met_at__isnull=True, due_at__lt=moment
    )
    return (
        episode_queryset_for(user)
        .select_related("child", "case__jurisdiction", "current_facility")
        .annotate(final_decision_overdue=Exists(overdue))
    )


class EpisodeFilter(django_filters.FilterSet):
    id__in = IdInFilter()
    open = django_filters.BooleanFilter(field_name="ended_at", lookup_expr="isnull")

    class Meta:
        model = CustodyEpisode
        fields = ["case", "child", "kind", "current_facility", "mandatory_release_flag"]


def facility_list(*, user: User) -> QuerySet[Facility]:
    return facility_queryset_for(user).annotate(
        occupancy=Count("current_episodes", filter=Q(current_episodes__ended_at__isnull=True))
    )


def occupancy_series(*, facilities: QuerySet[Facility], start: date, end: date) -> dict[int, list[dict[str, object]]]:
    """Children held at the end of each day (stock at census time, as indicators 2 and 3 count), per facility."""
    first = timezone.make_aware(datetime.combine(start, time.min))
    last = timezone.make_aware(datetime.combine(end, time.max))
    placements = list(
        Placement.objects.filter(facility__in=facilities, started_at__lte=last)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gte=first))
        .values_list("facility_id", "started_at", "ended_at")
    )
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    series: dict[int, list[dict[str, object]]] = {f.pk: [] for f in facilities}
    for day in days:
        census = timezone.make_aware(datetime.combine(day, time.max))
        for facility_id in series:
            held = sum(
                1
                for fid, began, ended in placements
                if fid == facility_id and began <= census and (ended is None or ended > census)
            )
            series[facility_id].append({"date": day.isoformat(), "held": held})
    return series


SEALED_READ_SCOPES = ("mine", "to_decide")


def sealed_read_requests_for(*, user: User, scope: str) -> QuerySet[SealedReadRequest]:
    """Break-glass reads of sealed records (REC-3), scoped: `mine`, the caller's own requests, whatever their state;
    `to_decide`, the requests of the caller's agency that wait for a second supervisor and that the caller did not
    ask (they may not approve their own). Nothing of the record itself: the child's id and the request's state."""
    if user.agency_id is None:
        return SealedReadRequest.objects.none()
    if scope == "to_decide":
        rows = SealedReadRequest.objects.filter(agency_id=user.agency_id, status=SealedReadStatus.PENDING).exclude(
            requested_by=user
        )
    else:
        rows = SealedReadRequest.objects.filter(requested_by=user, agency_id=user.agency_id)
    return rows.select_related("requested_by", "decided_by").order_by("-created_at", "-id")
