from datetime import datetime, timedelta

import django_filters
from django.db.models import Count, Q, QuerySet

from jj.accounts.capabilities import can
from jj.accounts.models import Agency, Role, User
from jj.cases.access import case_related_scope_q, shared_case_id_list
from jj.cases.models import Assignment
from jj.core.filters import IdInFilter
from jj.deadlines.models import Deadline, Notification

BUCKETS = ("overdue", "due_24h", "due_week", "open", "met")
WORKLIST_BANDS = ("overdue", "due_24h", "due_week")


def deadline_scope_q(user: User) -> Q:
    """A supervisor's: the deadlines of their agency (the copied `agency_id`, read from the (agency_id, due_at)
    index of open deadlines, not through the agency's cases), plus any case shared with them. Everyone else's:
    those of their cases by id (assigned, held in their facility, shared), through the (case, due_at) index."""
    if user.is_authenticated and user.is_active and user.role == Role.SUPERVISOR and user.agency_id is not None:
        shared = shared_case_id_list(user)
        own = Q(agency_id=user.agency_id)
        return own | Q(case_id__in=shared) if shared else own
    return case_related_scope_q(user)


# REC-3: the independent review before removal, on the worklist of the court officers who may decide it.
REMOVAL_REVIEW = "records_removal_review"


def removal_review_deadlines_q(user: User) -> Q | None:
    """The removal-review deadlines of the caller's jurisdiction, for a role that decides them, except those of a
    child whose case they are or were assigned to (they may not decide it). The child is sealed: the worklist shows
    the pseudonym only."""
    if not can(user, "records.removal_review") or user.agency_id is None:
        return None
    # The jurisdiction as a subquery on the agency (not user.jurisdiction_id, which would read the agency first).
    jurisdiction = Agency.objects.filter(pk=user.agency_id).values("jurisdiction_id")
    mine = Assignment.objects.filter(user=user).values("case__child_id")
    return Q(kind=REMOVAL_REVIEW, case__jurisdiction_id__in=jurisdiction) & ~Q(case__child_id__in=mine)


def deadline_list(*, user: User) -> QuerySet[Deadline]:
    """Deadlines of the caller's cases (deadline_scope_q), never by walking the nation's open deadlines. A sealed
    child's (REC-3) are in no list, but for the removal review's deadline on the worklist of who decides it."""
    visible = deadline_scope_q(user) & Q(case__child__sealed_at__isnull=True)
    reviews = removal_review_deadlines_q(user)
    return Deadline.objects.filter(visible | reviews if reviews is not None else visible).select_related(
        "case", "case__child", "met_by"
    )


def worklist_counts(*, deadlines: QuerySet[Deadline], now: datetime) -> dict[str, int]:
    """The three urgent bands counted in one query over the caller's open deadlines due within the week."""
    week = now + timedelta(days=7)
    counts = deadlines.filter(met_at__isnull=True, due_at__lt=week).aggregate(
        **{band: Count("pk", filter=bucket_q(band, now)) for band in WORKLIST_BANDS}
    )
    return {band: int(counts[band] or 0) for band in WORKLIST_BANDS}


def bucket_q(bucket: str, now: datetime) -> Q:
    open_ = Q(met_at__isnull=True)
    return {
        "overdue": open_ & Q(due_at__lt=now),
        "due_24h": open_ & Q(due_at__gte=now, due_at__lt=now + timedelta(hours=24)),
        # Due later this week: after the next 24 hours (those are their own bucket), so no line shows twice.
        "due_week": open_ & Q(due_at__gte=now + timedelta(hours=24), due_at__lt=now + timedelta(days=7)),
        "open": open_,
        "met": Q(met_at__isnull=False),
    }[bucket]


class DeadlineFilter(django_filters.FilterSet):
    id__in = IdInFilter()
    bucket = django_filters.ChoiceFilter(choices=[(b, b) for b in BUCKETS], method="filter_bucket")

    class Meta:
        model = Deadline
        fields = ["case", "kind", "rule_id", "priority"]

    def filter_bucket(self, queryset: QuerySet[Deadline], name: str, value: str) -> QuerySet[Deadline]:
        from django.utils import timezone

        return queryset.filter(bucket_q(value, timezone.now()))


def notification_list(*, user: User) -> QuerySet[Notification]:
    mine = Q(recipient=user)
    my_role = Q(recipient__isnull=True, recipient_role=user.role, agency_id=user.agency_id)
    return Notification.objects.filter(mine | my_role).select_related("case").order_by("-created_at", "-id")


def notification_unread_count(*, user: User) -> int:
    return notification_list(user=user).filter(read_at__isnull=True).count()


class NotificationFilter(django_filters.FilterSet):
    id__in = IdInFilter()
    unread = django_filters.BooleanFilter(field_name="read_at", lookup_expr="isnull")

    class Meta:
        model = Notification
        fields = ["kind", "case"]
