"""Case use cases: intake, offences, assignments, sharing. Each one transaction, audited as its last step."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm

from jj.accounts.models import Role, User
from jj.audit.services import audit_append, changed_fields
from jj.cases.access import can_write_case
from jj.cases.models import (
    Assignment,
    AssignmentRole,
    Case,
    CaseEvent,
    CaseStatus,
    CaseUserObjectPermission,
    Offence,
)
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.core.services import versioned_update
from jj.people.models import Child

NOT_A_CASE_WRITER = "Only caseworkers and supervisors can record case information."
ONLY_SUPERVISOR = "Only a supervisor of the case's agency can do this."
ROLE_MISMATCH = "This person's role is {user_role}; they cannot be assigned as {role}."
OTHER_JURISDICTION = "This person works in another jurisdiction and cannot be assigned to this case."
CASEWORKER_OTHER_AGENCY = "A caseworker can only be assigned to cases of their own agency; share the case instead."
ALREADY_ASSIGNED = "This person is already assigned to the case."
ASSIGNMENT_ENDED = "This assignment has already ended."


def _require_case_writer(actor: User) -> None:
    if not can_write_case(actor):
        raise ActionNotAllowed(NOT_A_CASE_WRITER)


def _require_supervisor_of(actor: User, case: Case) -> None:
    if actor.role != Role.SUPERVISOR or actor.agency_id != case.agency_id:
        raise ActionNotAllowed(ONLY_SUPERVISOR)


def case_event_record(
    *,
    case: Case,
    kind: str,
    summary: str,
    actor: User | None,
    data: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case, kind=kind, summary=summary, actor=actor, data=data or {}, occurred_at=occurred_at or timezone.now()
    )


def _offence_state(offence: Offence) -> dict[str, Any]:
    return {
        "description": offence.description,
        "category": offence.category,
        "offence_date": offence.offence_date,
        "offence_date_end": offence.offence_date_end,
        "is_status_offence": offence.is_status_offence,
        "local_code": offence.local_code,
    }


@transaction.atomic
def case_open(
    *,
    actor: User,
    child: Child,
    kind: str,
    offences: Sequence[dict[str, Any]],
    summary: str = "",
    opened_at: datetime | None = None,
) -> Case:
    """Intake: one episode of contact for one child, with its alleged offences."""
    _require_case_writer(actor)
    now = timezone.now()
    case = Case(
        child=child,
        jurisdiction_id=child.jurisdiction_id,
        agency_id=child.agency_id,
        kind=kind,
        summary=summary,
        opened_at=opened_at or now,
        opened_by=actor,
        reference=f"PENDING-{now.timestamp()}",
    )
    case.full_clean(exclude=["reference"])
    case.save()
    case.reference = f"{child.jurisdiction.code.upper()}-{case.opened_at.year}-{case.pk:06d}"
    case.save(update_fields=["reference"])
    created = []
    for data in offences:
        offence = Offence(case=case, **data)
        offence.full_clean()
        offence.save()
        created.append(offence)
    if actor.role == Role.CASEWORKER:
        Assignment.objects.create(
            case=case, user=actor, role=AssignmentRole.CASEWORKER, assigned_at=now, assigned_by=actor
        )
    case_event_record(
        case=case,
        kind="case.opened",
        summary=f"Case opened ({case.get_kind_display()})",
        actor=actor,
        data={"offences": [o.pk for o in created]},
    )
    audit_append(
        actor=actor,
        action="case.create",
        object_type="case",
        object_id=case.pk,
        child_id=child.pk,
        changes={
            **changed_fields({}, {"kind": kind, "reference": case.reference, "agency_id": case.agency_id}),
            "offences": [_offence_state_json(o) for o in created],
        },
    )
    return case


def _offence_state_json(offence: Offence) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in _offence_state(offence).items()}


@transaction.atomic
def case_update(*, actor: User, case: Case, version: int, data: dict[str, Any]) -> Case:
    _require_case_writer(actor)
    case, before, after = versioned_update(instance=case, version=version, data=data)
    audit_append(
        actor=actor,
        action="case.update",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
        changes=changed_fields(before, after),
    )
    return case


@transaction.atomic
def offence_add(*, actor: User, case: Case, data: dict[str, Any]) -> Offence:
    _require_case_writer(actor)
    offence = Offence(case=case, **data)
    offence.full_clean()
    offence.save()
    case_event_record(
        case=case,
        kind="offence.added",
        summary=f"Offence recorded: {offence.get_category_display()}",
        actor=actor,
        data={"offence": offence.pk},
    )
    audit_append(
        actor=actor,
        action="offence.create",
        object_type="offence",
        object_id=offence.pk,
        child_id=case.child_id,
        changes={"case_id": case.pk, **_offence_state_json(offence)},
    )
    return offence


_ROLE_FOR_ASSIGNMENT = {
    AssignmentRole.CASEWORKER: Role.CASEWORKER,
    AssignmentRole.LEGAL_COUNSEL: Role.LEGAL_COUNSEL,
    AssignmentRole.COURT_OFFICER: Role.COURT_OFFICER,
}


@transaction.atomic
def case_assign(*, actor: User, case: Case, user: User, role: str) -> Assignment:
    """Assignment and reassignment are the supervisor's; counsel and court officers may be of other agencies
    in the same jurisdiction, caseworkers only of the case's agency."""
    _require_supervisor_of(actor, case)
    if user.role != _ROLE_FOR_ASSIGNMENT[AssignmentRole(role)]:
        raise ApplicationError(
            ROLE_MISMATCH.format(user_role=user.get_role_display(), role=role),
            extra={"user": ["The person's role does not match the assignment."]},
        )
    if user.agency is None or user.agency.jurisdiction_id != case.jurisdiction_id:
        raise ApplicationError(OTHER_JURISDICTION, extra={"user": [OTHER_JURISDICTION]})
    if role == AssignmentRole.CASEWORKER and user.agency_id != case.agency_id:
        raise ApplicationError(CASEWORKER_OTHER_AGENCY, extra={"user": [CASEWORKER_OTHER_AGENCY]})
    Case.objects.select_for_update().filter(pk=case.pk).first()
    if Assignment.objects.filter(case=case, user=user, ended_at__isnull=True).exists():
        raise ApplicationError(ALREADY_ASSIGNED, extra={"user": [ALREADY_ASSIGNED]})
    now = timezone.now()
    assignment = Assignment.objects.create(case=case, user=user, role=role, assigned_at=now, assigned_by=actor)
    case_event_record(
        case=case,
        kind="assignment.started",
        summary=f"{user.username} assigned as {role}",
        actor=actor,
        data={"assignment": assignment.pk},
    )
    audit_append(
        actor=actor,
        action="case.assign",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
        changes={"assignment_id": assignment.pk, "user_id": user.pk, "role": role},
    )
    return assignment


@transaction.atomic
def case_unassign(*, actor: User, case: Case, assignment: Assignment, reason: str = "") -> Assignment:
    _require_supervisor_of(actor, case)
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk, case=case)
    if locked.ended_at is not None:
        raise ApplicationError(ASSIGNMENT_ENDED)
    locked.ended_at = timezone.now()
    locked.save(update_fields=["ended_at"])
    case_event_record(
        case=case,
        kind="assignment.ended",
        summary=f"{locked.user.username} unassigned",
        actor=actor,
        data={"assignment": locked.pk},
    )
    audit_append(
        actor=actor,
        action="case.unassign",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
        changes={"assignment_id": locked.pk, "user_id": locked.user_id},
        reason=reason,
    )
    return locked


@transaction.atomic
def case_share(
    *, actor: User, case: Case, user: User, reason: str, expires_at: datetime | None = None
) -> CaseUserObjectPermission:
    """An explicit, audited exception to agency scoping: one case shown to one person of another agency."""
    _require_supervisor_of(actor, case)
    if not reason.strip():
        raise ApplicationError("Say why the case is shared.", extra={"reason": ["This field is required."]})
    if expires_at is not None and expires_at <= timezone.now():
        raise ApplicationError(
            "The end of access must be in the future.", extra={"expires_at": ["Must be in the future."]}
        )
    assign_perm("cases.view_case", user, case)
    row = CaseUserObjectPermission.objects.get(content_object=case, user=user, permission__codename="view_case")
    row.expires_at = expires_at
    row.reason = reason
    row.save(update_fields=["expires_at", "reason"])
    case_event_record(
        case=case, kind="case.shared", summary=f"Shared with {user.username}", actor=actor, data={"user": user.pk}
    )
    audit_append(
        actor=actor,
        action="case.share",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
        changes={"user_id": user.pk, "expires_at": expires_at.isoformat() if expires_at else None},
        reason=reason,
    )
    return row


CLOSED_ALREADY = "This case is already closed."


@transaction.atomic
def case_close(*, actor: User, case: Case, reason: str) -> Case:
    """Closing is a supervisor's decision with a stated reason (dismissal, withdrawal, end of measures)."""
    _require_supervisor_of(actor, case)
    if not reason.strip():
        raise ApplicationError("Say why the case is closed.", extra={"reason": ["This field is required."]})
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.status in (CaseStatus.CLOSED, CaseStatus.CLOSED_FINAL):
        raise ApplicationError(CLOSED_ALREADY)
    before = locked.status
    locked.status = CaseStatus.CLOSED
    locked.closed_at = timezone.now()
    locked.version += 1
    locked.save(update_fields=["status", "closed_at", "version", "updated_at"])
    case_event_record(case=locked, kind="case.closed", summary="Case closed", actor=actor, data={"reason": reason})
    audit_append(
        actor=actor,
        action="case.close",
        object_type="case",
        object_id=locked.pk,
        child_id=locked.child_id,
        changes={"status": {"before": before, "after": locked.status}},
        reason=reason,
    )
    return locked
