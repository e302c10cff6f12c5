"""Who may see which case. Every case query goes through `case_queryset_for`; one condition per line so the
tests can prove each is exercised. No permission -> 404 (the record's existence is not revealed).

Scopes an index can drive (ARCHITECTURE.md): a caller's cases are `pk IN (assigned ids UNION shared ids)`, or
`agency_id = X` for a supervisor (plus the few cases shared with them, as a literal list), or the cases of the
children held now in the officer's facility. Never an OR of EXISTS across the national case table, which no
index can drive. A share is read-only: writes go through `case_write_scope_q`, which leaves shares out."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from jj.accounts.capabilities import TABLE, Scope, can
from jj.accounts.models import Role, User
from jj.audit.services import audit_denied
from jj.cases.models import Assignment, Case, CaseUserObjectPermission
from jj.core.context import request_memo
from jj.core.exceptions import ActionNotAllowed
from jj.rules.text import msgid

# Roles that see a case because they are assigned to it: the capability table's scope for reading a case.
ASSIGNED_ROLES = frozenset(r for r, s in TABLE["case.read"].roles.items() if s == Scope.ASSIGNED)
# Verbs of actions that only read; every other action is a write and needs more than a share.
READ_VERBS = frozenset({"read", "list", "timeline", "decisions", "access_log"})
SHARE_IS_READ_ONLY = msgid("This case is shared with you to read only.")

T = TypeVar("T")


def _memo(user: User, key: str, build: Callable[[], T]) -> T:
    return request_memo((key, user.pk), build)


def is_write_action(action: str) -> bool:
    return action.rsplit(".", 1)[-1] not in READ_VERBS


def shared_case_ids(user: User) -> QuerySet[CaseUserObjectPermission, int]:
    """Ids of the cases explicitly shared with this user (django-guardian direct-FK rows), not expired: a
    lookup on the share table's (user, permission, case) unique index."""
    now = timezone.now()
    return (
        CaseUserObjectPermission.objects.filter(user=user, permission__codename="view_case")
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .values_list("content_object_id", flat=True)
    )


def shared_case_id_list(user: User) -> list[int]:
    """The shared ids as a list, once per request: most users have none, and then no share condition is added."""
    return _memo(user, "shared_case_ids", lambda: list(shared_case_ids(user)))


def assigned_case_ids(user: User) -> QuerySet[Any, int]:
    return Assignment.objects.filter(user=user, ended_at__isnull=True).values_list("case_id", flat=True)


def held_case_ids(user: User) -> QuerySet[Any, int]:
    """Cases of the children held now in a facility where this officer works (open episodes, partial index)."""
    from jj.custody.models import CustodyEpisode  # custody depends on cases; imported late to avoid a cycle

    return CustodyEpisode.objects.filter(ended_at__isnull=True, current_facility__staff=user).values_list(
        "case_id", flat=True
    )


def _scope_q(user: User, *, with_shares: bool) -> Q:
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.role in ASSIGNED_ROLES:
        ids = assigned_case_ids(user)
        return Q(pk__in=ids.union(shared_case_ids(user))) if with_shares else Q(pk__in=ids)
    if user.role == Role.SUPERVISOR and user.agency_id is not None:
        shared = shared_case_id_list(user) if with_shares else []
        return Q(agency_id=user.agency_id) | Q(pk__in=shared) if shared else Q(agency_id=user.agency_id)
    if user.role == Role.FACILITY_OFFICER:
        ids = held_case_ids(user)
        return Q(pk__in=ids.union(shared_case_ids(user))) if with_shares else Q(pk__in=ids)
    # oversight_monitor reads pseudonymised aggregates and audit only; administrator manages users, not cases.
    return Q(pk__in=[])


def case_scope_q(user: User) -> Q:
    """The condition on Case rows this user may read, as one index-driven WHERE clause (built once a request)."""
    return _memo(user, "case_scope_q", lambda: _scope_q(user, with_shares=True))


def case_write_scope_q(user: User) -> Q:
    """The cases this user may record on: their own work, never a share (a share is read-only)."""
    return _memo(user, "case_write_scope_q", lambda: _scope_q(user, with_shares=False))


def _related_scope_q(user: User, prefix: str) -> Q:
    """The scope on a model that points at a case (`prefix` is the foreign key), without going back through the
    case table where the ids alone decide: deadlines and episodes of the caller's cases."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.role in ASSIGNED_ROLES:
        return Q(**{f"{prefix}_id__in": assigned_case_ids(user).union(shared_case_ids(user))})
    if user.role == Role.SUPERVISOR and user.agency_id is not None:
        shared = shared_case_id_list(user)
        own = Q(**{f"{prefix}__agency_id": user.agency_id})
        return own | Q(**{f"{prefix}_id__in": shared}) if shared else own
    if user.role == Role.FACILITY_OFFICER:
        return Q(**{f"{prefix}_id__in": held_case_ids(user).union(shared_case_ids(user))})
    return Q(pk__in=[])


def case_related_scope_q(user: User, prefix: str = "case") -> Q:
    """Rows of another model visible exactly when their case is (built once a request)."""
    return _memo(user, f"case_related_scope_q:{prefix}", lambda: _related_scope_q(user, prefix))


def case_queryset_for(user: User) -> QuerySet[Case]:
    """The caller's cases; a sealed child's (REC-3) are in no ordinary scope."""
    return Case.objects.filter(case_scope_q(user), child__sealed_at__isnull=True)


def case_get_for_user(*, user: User, case_id: int, action: str = "case.read", for_update: bool = False) -> Case:
    """The case, if the caller may read it (a read action) or record on it (any other action: a share is not
    enough, 403). Otherwise 404, audited."""
    qs = case_queryset_for(user).select_related("child", "agency", "jurisdiction")
    case = qs.filter(pk=case_id).first()
    if case is None:
        audit_denied(actor=user, action=action, object_type="case", object_id=case_id, reason="not in caller's scope")
        raise Http404
    if is_write_action(action) and not case_writable_by(user, case):
        audit_denied(actor=user, action=action, object_type="case", object_id=case_id, reason="read-only share")
        raise ActionNotAllowed(SHARE_IS_READ_ONLY)
    return case


def case_writable_by(user: User, case: Case) -> bool:
    """Whether the caller reaches this (readable) case through their own work rather than only through a share."""
    if user.role == Role.SUPERVISOR:
        return case.agency_id == user.agency_id
    if case.pk not in shared_case_id_list(user):
        return True
    return Case.objects.filter(case_write_scope_q(user), pk=case.pk).exists()


def can_write_case(user: User) -> bool:
    return can(user, "case.record")


def break_glass_refusal(user: User, case: Case) -> str:
    """Why emergency access to this case is refused ('' when it is not): it is for a case of another agency,
    never a way round need-to-know inside one's own agency (ask the supervisor to assign you instead)."""
    if user.agency_id is not None and case.agency_id == user.agency_id:
        return "Emergency access is for another agency's case; ask your supervisor to assign you to this one."
    return ""
