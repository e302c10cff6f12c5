"""Who may see and record what about custody. Episodes are visible exactly when their case is (cases.access)."""

from django.db.models import QuerySet
from django.http import Http404

from jj.accounts.models import Role, User
from jj.audit.services import audit_denied
from jj.cases.access import SHARE_IS_READ_ONLY, case_related_scope_q, case_writable_by, is_write_action
from jj.core.exceptions import ActionNotAllowed
from jj.custody.models import CustodyEpisode, Facility
from jj.rules.text import t

CUSTODY_RECORDERS = frozenset({Role.CASEWORKER, Role.SUPERVISOR})
COURT_RECORDERS = frozenset({Role.CASEWORKER, Role.SUPERVISOR, Role.COURT_OFFICER})
FACILITY_RECORDERS = frozenset({Role.CASEWORKER, Role.SUPERVISOR, Role.FACILITY_OFFICER})


def episode_queryset_for(user: User) -> QuerySet[CustodyEpisode]:
    # A sealed child's episodes (REC-3) are in no ordinary scope.
    return CustodyEpisode.objects.filter(case_related_scope_q(user), child__sealed_at__isnull=True)


def episode_get_for_user(*, user: User, episode_id: int, action: str = "custody_episode.read") -> CustodyEpisode:
    episode = (
        episode_queryset_for(user)
        .select_related("case", "child", "current_facility", "case__jurisdiction")
        .filter(pk=episode_id)
        .first()
    )
    if episode is None:
        audit_denied(actor=user, action=action, object_type="custody_episode", object_id=episode_id)
        raise Http404
    if is_write_action(action) and not case_writable_by(user, episode.case):
        audit_denied(
            actor=user, action=action, object_type="custody_episode", object_id=episode_id, reason="read-only share"
        )
        raise ActionNotAllowed(SHARE_IS_READ_ONLY)
    return episode


def require_role(user: User, roles: frozenset[str], what: str) -> None:
    if user.role not in roles:
        raise ActionNotAllowed(t("Your role cannot record {what}.", what=what))


def facility_queryset_for(user: User) -> QuerySet[Facility]:
    """Facilities of the caller's jurisdiction (a list of places, no child data)."""
    if user.agency_id is None:
        return Facility.objects.none()
    return Facility.objects.filter(jurisdiction_id=user.agency.jurisdiction_id)  # type: ignore[union-attr]
