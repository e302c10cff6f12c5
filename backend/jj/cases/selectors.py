import django_filters
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from jj.accounts.capabilities import Scope, scope_of
from jj.accounts.models import User
from jj.audit.services import audit_denied
from jj.cases.access import case_queryset_for
from jj.cases.models import Assignment, Case, CaseEvent, ChildProtectionReferral, ProtectionReferralStatus
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


def protection_referral_list(*, user: User) -> QuerySet[ChildProtectionReferral]:
    """The child-protection referrals the caller reaches (capability protection_referral.read): a supervisor's
    agency's, a caseworker's own; a sealed child's (REC-3) are in no list."""
    reach = scope_of(user.role, "protection_referral.read")
    if reach is None:
        return ChildProtectionReferral.objects.none()
    scope = Q(agency_id=user.agency_id) if reach == Scope.AGENCY else Q(referred_by=user)
    return (
        ChildProtectionReferral.objects.filter(scope, child__sealed_at__isnull=True)
        .select_related("child", "referred_by")
        .order_by("-created_at", "-id")
    )


def protection_referral_get_for_user(
    *, user: User, referral_id: int, action: str = "protection_referral.read"
) -> ChildProtectionReferral:
    """One referral in the caller's reach; 404 (audited) otherwise."""
    referral = protection_referral_list(user=user).filter(pk=referral_id).first()
    if referral is None:
        audit_denied(actor=user, action=action, object_type="protection_referral", object_id=referral_id)
        raise Http404
    return referral


def protection_services_known(*, user: User) -> list[str]:
    """The child protection services the caller's agency has referred children to: the list a new referral's
    receiving service is chosen from (or a new one entered)."""
    if user.agency_id is None:
        return []
    names = (
        ChildProtectionReferral.objects.filter(agency_id=user.agency_id)
        .exclude(receiving_service="")
        .values_list("receiving_service", flat=True)
        .distinct()
    )
    return sorted(set(names), key=str.casefold)


class ProtectionReferralFilter(django_filters.FilterSet):
    id__in = IdInFilter()
    status = django_filters.ChoiceFilter(choices=ProtectionReferralStatus.choices)

    class Meta:
        model = ChildProtectionReferral
        fields = ["child"]
