"""Who may see which child, and which of a child's fields. Children are visible through the cases the caller
may see, plus (caseworkers, supervisors) the children their agency registered and has not opened a case for."""

from django.db.models import Q, QuerySet
from django.http import Http404

from jj.accounts.capabilities import roles_for
from jj.accounts.models import Role, User
from jj.audit.services import audit_denied
from jj.cases.access import (
    SHARE_IS_READ_ONLY,
    case_scope_q,
    case_write_scope_q,
    is_write_action,
    shared_case_id_list,
)
from jj.cases.models import Case
from jj.core.context import request_memo
from jj.core.exceptions import ActionNotAllowed
from jj.people.models import Child, Guardian, RecordContest

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
    {
        "disability",
        "disability_consent",
        "accommodation_needs",
        "health_notes",
        "developmental_disorder",
        "pregnant",
        "child_in_care",
    }
)
# CAF-1: the people who decide on prosecution and detention must know it; no one else needs to.
HISTORY = frozenset({"armed_forces_association"})
ORIGIN = frozenset(
    {"nationality", "migration_status", "migration_status_consent", "minority_status", "minority_status_consent"}
)

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

GUARDIAN_READER_ROLES = roles_for("child.guardians")
# REC-1 rectification: the people who act for the child record a contest; a supervisor, who did not record it,
# decides it. Those who read the file read the contests in it.
CONTEST_READER_ROLES = roles_for("record_contest.open")
# The fields of the child's record a decision may correct (the consent flag is the child's, not a fact).
CORRECTABLE_FIELDS = frozenset(
    {
        "given_name",
        "family_name",
        "other_names",
        "date_of_birth",
        "dob_certainty",
        "dob_earliest",
        "dob_latest",
        "sex",
        "languages",
        "interpreter_needed",
        "disability",
        "accommodation_needs",
        "health_notes",
        "developmental_disorder",
        "address",
        "nationality",
        "migration_status",
        "minority_status",
    }
)


def child_fields_for(user: User) -> frozenset[str]:
    return CHILD_FIELDS_BY_ROLE.get(user.role, ALWAYS)


def shows_names(user: User) -> bool:
    return "given_name" in child_fields_for(user)


def child_scope_q(user: User, *, write: bool = False) -> Q:
    """Children seen through the caller's cases, plus those their agency (supervisor) or they (caseworker)
    registered: `pk IN (a UNION b)`, which the primary key drives, never an OR with a sub-query."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    scope = case_write_scope_q(user) if write else case_scope_q(user)
    via_case = Case.objects.filter(scope).values_list("child_id", flat=True)
    if user.role == Role.CASEWORKER:
        return Q(pk__in=via_case.union(Child.objects.filter(registered_by=user).values_list("pk", flat=True)))
    if user.role == Role.SUPERVISOR and user.agency_id is not None:
        own = Child.objects.filter(agency_id=user.agency_id).values_list("pk", flat=True)
        return Q(pk__in=via_case.union(own))
    return Q(pk__in=via_case)


def child_queryset_for(user: User) -> QuerySet[Child]:
    if not user.is_authenticated or not user.is_active:
        return Child.objects.none()
    # Sealed children (REC-3) are outside every ordinary scope; only a break-glass read reaches them.
    return Child.objects.filter(
        request_memo(("child_scope_q", user.pk), lambda: child_scope_q(user)), sealed_at__isnull=True
    )


def child_get_for_user(*, user: User, child_id: int, action: str = "child.read") -> Child:
    """The child, if the caller may read them (a read action) or record on them (any other action: seeing the
    child only through a read-only share is not enough, 403). Otherwise 404, audited."""
    child = child_queryset_for(user).filter(pk=child_id).first()
    if child is None:
        audit_denied(actor=user, action=action, object_type="child", object_id=child_id, reason="not in caller's scope")
        raise Http404
    if (
        is_write_action(action)
        and shared_case_id_list(user)
        and not Child.objects.filter(child_scope_q(user, write=True), pk=child_id).exists()
    ):
        audit_denied(actor=user, action=action, object_type="child", object_id=child_id, reason="read-only share")
        raise ActionNotAllowed(SHARE_IS_READ_ONLY)
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


def record_contest_queryset_for(user: User) -> QuerySet[RecordContest]:
    if user.role not in CONTEST_READER_ROLES:
        return RecordContest.objects.none()
    return RecordContest.objects.filter(child__in=child_queryset_for(user))


def record_contest_get_for_user(*, user: User, contest_id: int, action: str = "record_contest.read") -> RecordContest:
    contest = record_contest_queryset_for(user).select_related("child").filter(pk=contest_id).first()
    if contest is None:
        audit_denied(
            actor=user,
            action=action,
            object_type="record_contest",
            object_id=contest_id,
            reason="not in caller's scope",
        )
        raise Http404
    if is_write_action(action):
        # Deciding writes to the child's record: the same check as any other write on the child (a read-only share
        # is refused).
        child_get_for_user(user=user, child_id=contest.child_id, action=action)
    return contest
