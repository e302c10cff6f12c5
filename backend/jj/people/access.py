"""Who may see which child, and which of a child's fields. Children are visible through the cases the caller
may see, plus (caseworkers, supervisors) the children their agency registered and has not opened a case for."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from jj.accounts.models import Role, User
from jj.audit.services import audit_denied
from jj.cases.access import case_scope_q
from jj.cases.models import Case
from jj.people.models import Child, Guardian

ALWAYS = frozenset(
    {"id", "pseudonym", "version", "created_at", "updated_at", "agency", "jurisdiction", "sex", "dob_certainty"}
)
IDENTITY = frozenset(
    {
        "given_name",
        "family_name",
        "other_names",
        "date_of_birth",
        "dob_earliest",
        "dob_latest",
        "age_assessment_method",
        "languages",
        "interpreter_needed",
    }
)
ADDRESS = frozenset({"address"})
HEALTH = frozenset(
    {"disability", "accommodation_needs", "health_notes", "developmental_disorder", "pregnant", "child_in_care"}
)
# CAF-1: the people who decide on prosecution and detention must know it; no one else needs to.
HISTORY = frozenset({"armed_forces_association"})
ORIGIN = frozenset({"nationality", "migration_status", "minority_status", "minority_status_consent"})

# Need to know (CRC/C/GC/24 para 67; Havana Rules r. 19): each role gets only what its work requires.
CHILD_FIELDS_BY_ROLE: dict[str, frozenset[str]] = {
    Role.CASEWORKER: ALWAYS | IDENTITY | ADDRESS | HEALTH | ORIGIN | HISTORY,
    Role.SUPERVISOR: ALWAYS | IDENTITY | ADDRESS | HEALTH | ORIGIN | HISTORY,
    Role.LEGAL_COUNSEL: ALWAYS | IDENTITY | ADDRESS | HEALTH | ORIGIN | HISTORY,
    Role.COURT_OFFICER: ALWAYS | IDENTITY | HISTORY | frozenset({"accommodation_needs"}),
    Role.FACILITY_OFFICER: ALWAYS | IDENTITY | HEALTH,
    Role.OVERSIGHT_MONITOR: ALWAYS,
    Role.ADMINISTRATOR: ALWAYS,
}
# Values never written in clear into the audit trail (which oversight bodies read).
MASKED_IN_AUDIT = IDENTITY | ADDRESS | HEALTH | ORIGIN | HISTORY | frozenset({"name", "phone", "email"})

CHILD_REGISTRAR_ROLES = frozenset({Role.CASEWORKER, Role.SUPERVISOR})
GUARDIAN_READER_ROLES = frozenset({Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL_COUNSEL, Role.FACILITY_OFFICER})


def child_fields_for(user: User) -> frozenset[str]:
    return CHILD_FIELDS_BY_ROLE.get(user.role, ALWAYS)


def shows_names(user: User) -> bool:
    return "given_name" in child_fields_for(user)


def child_scope_q(user: User) -> Q:
    via_case = Q(Exists(Case.objects.filter(case_scope_q(user), child=OuterRef("pk"))))
    if user.role == Role.CASEWORKER:
        return via_case | Q(registered_by=user)
    if user.role == Role.SUPERVISOR and user.agency_id is not None:
        return via_case | Q(agency_id=user.agency_id)
    return via_case


def child_queryset_for(user: User) -> QuerySet[Child]:
    if not user.is_authenticated or not user.is_active:
        return Child.objects.none()
    return Child.objects.filter(child_scope_q(user))


def child_get_for_user(*, user: User, child_id: int, action: str = "child.read") -> Child:
    child = child_queryset_for(user).filter(pk=child_id).first()
    if child is None:
        audit_denied(actor=user, action=action, object_type="child", object_id=child_id, reason="not in caller's scope")
        raise Http404
    return child


def guardian_queryset_for(user: User) -> QuerySet[Guardian]:
    if user.role not in GUARDIAN_READER_ROLES:
        return Guardian.objects.none()
    return Guardian.objects.filter(child__in=child_queryset_for(user))


def guardian_get_for_user(*, user: User, guardian_id: int) -> Guardian:
    guardian = guardian_queryset_for(user).select_related("child").filter(pk=guardian_id).first()
    if guardian is None:
        audit_denied(
            actor=user,
            action="guardian.read",
            object_type="guardian",
            object_id=guardian_id,
            reason="not in caller's scope",
        )
        raise Http404
    return guardian
