"""Who may see which case. Every case query goes through `case_queryset_for`; one condition per line so the
tests can prove each is exercised. No permission -> 404 (the record's existence is not revealed)."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from jj.accounts.models import Role, User
from jj.audit.services import audit_denied
from jj.cases.models import Assignment, Case, CaseUserObjectPermission

# Roles that see a case because they are assigned to it.
ASSIGNED_ROLES = frozenset({Role.CASEWORKER, Role.LEGAL_COUNSEL, Role.COURT_OFFICER})
# Roles that may record case content (intake, offences, assignments).
CASE_WRITER_ROLES = frozenset({Role.CASEWORKER, Role.SUPERVISOR})


def _shared_with(user: User) -> Exists:
    """An explicit share of the case with this user (django-guardian direct-FK row), not expired."""
    now = timezone.now()
    return Exists(
        CaseUserObjectPermission.objects.filter(
            content_object=OuterRef("pk"), user=user, permission__codename="view_case"
        ).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
    )


def _held_in_facility_of(user: User) -> Exists:
    """A child of this case is held now in a facility where this officer works."""
    from jj.custody.models import CustodyEpisode  # custody depends on cases; imported late to avoid a cycle

    return Exists(
        CustodyEpisode.objects.filter(case=OuterRef("pk"), ended_at__isnull=True, current_facility__staff=user)
    )


def case_scope_q(user: User) -> Q:
    """The condition on Case rows this user may see, as one indexed WHERE clause."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    shared = Q(_shared_with(user))
    if user.role in ASSIGNED_ROLES:
        assigned = Exists(Assignment.objects.filter(case=OuterRef("pk"), user=user, ended_at__isnull=True))
        return Q(assigned) | shared
    if user.role == Role.SUPERVISOR and user.agency_id is not None:
        return Q(agency_id=user.agency_id) | shared
    if user.role == Role.FACILITY_OFFICER:
        return Q(_held_in_facility_of(user)) | shared
    # oversight_monitor reads pseudonymised aggregates and audit only; administrator manages users, not cases.
    return Q(pk__in=[])


def case_queryset_for(user: User) -> QuerySet[Case]:
    return Case.objects.filter(case_scope_q(user))


def case_get_for_user(*, user: User, case_id: int, action: str = "case.read", for_update: bool = False) -> Case:
    qs = case_queryset_for(user).select_related("child", "agency", "jurisdiction")
    case = qs.filter(pk=case_id).first()
    if case is None:
        audit_denied(actor=user, action=action, object_type="case", object_id=case_id, reason="not in caller's scope")
        raise Http404
    return case


def can_write_case(user: User) -> bool:
    return user.role in CASE_WRITER_ROLES
