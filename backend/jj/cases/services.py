"""Case use cases: intake, offences, assignments, sharing. Each one transaction, audited as its last step."""

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from guardian.shortcuts import assign_perm

from jj.accounts.capabilities import can, require
from jj.accounts.models import Role, User
from jj.audit.services import audit_append, audit_denied, changed_fields
from jj.audit.shredding import Identifying
from jj.cases.access import break_glass_refusal, can_write_case
from jj.cases.lifecycle import case_status_change, case_transition_check, protection_referral_status_change
from jj.cases.models import (
    Assignment,
    AssignmentRole,
    Case,
    CaseEvent,
    CaseStatus,
    CaseUserObjectPermission,
    ChildProtectionReferral,
    Interview,
    Offence,
    Sentence,
)
from jj.compliance.facts import assignment_facts, case_facts, intake_facts, interview_facts
from jj.compliance.models import ApprovalRequest
from jj.compliance.selectors import policy_for
from jj.compliance.services import (
    APPROVAL_ACTIONS,
    Written,
    act_record,
    approval_request,
    decisions_apply,
    decisions_record,
    refuse_unless_allowed,
    rules_evaluate,
)
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.core.i18n import stored_decision, stored_parts
from jj.core.services import act_time, act_timing, versioned_update
from jj.deadlines.services import deadlines_from_decisions, deadlines_meet, notification_create
from jj.people.models import Child
from jj.rules.checks.common import CHILD_PROTECTION, INDEPENDENT_OVERSIGHT, SUPERVISOR
from jj.rules.checks.sentencing import CUSTODIAL
from jj.rules.engine import Decision, Trigger, needing_approval, unmet
from jj.rules.facts import NonCustodialOption, SentenceFacts
from jj.rules.policy import Policy
from jj.rules.text import msgid, t

NOT_A_CASE_WRITER = msgid("Only caseworkers and supervisors can record case information.")
ONLY_SUPERVISOR = msgid("Only a supervisor of the case's agency can do this.")
ROLE_MISMATCH = msgid("This person's role is {user_role}; they cannot be assigned as {role}.")
OTHER_JURISDICTION = msgid("This person works in another jurisdiction and cannot be assigned to this case.")
CASEWORKER_OTHER_AGENCY = msgid(
    "A caseworker can only be assigned to cases of their own agency; share the case instead."
)
ALREADY_ASSIGNED = msgid("This person is already assigned to the case.")
ASSIGNMENT_ENDED = msgid("This assignment has already ended.")
LEGAL_AID_COUNSEL_ONLY = msgid("Legal aid is recorded on a legal counsel assignment only.")


def _require_case_writer(actor: User) -> None:
    if not can_write_case(actor):
        raise ActionNotAllowed(NOT_A_CASE_WRITER)


def _require_supervisor_of(actor: User, case: Case) -> None:
    if not can(actor, "case.supervise") or actor.agency_id != case.agency_id:
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
        case=case,
        kind=kind,
        summary=summary,
        summary_parts=stored_parts(summary),
        actor=actor,
        data=data or {},
        occurred_at=occurred_at or timezone.now(),
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


def _offence_new(*, case: Case, data: dict[str, Any], policy: Policy) -> Offence:
    """STA-1: whether the offence is a status offence is derived from the jurisdiction's list of codes, never
    taken from the caller (a flag sent by hand is refused by the serializer and ignored here)."""
    fields = {k: v for k, v in data.items() if k != "is_status_offence"}
    return Offence(case=case, **fields, is_status_offence=policy.is_status_offence_code(fields.get("local_code") or ""))


def case_open(
    *,
    actor: User,
    child: Child,
    kind: str,
    offences: Sequence[dict[str, Any]],
    summary: str = "",
    opened_at: datetime | None = None,
) -> Case:
    """Intake: one episode of contact for one child, with its alleged offences.

    The intake rules run first (MACR-1, MACR-2, MACR-5, STA-1, DEV-1...). A child below the minimum age, or
    alleged only a status offence, gets a child-protection referral instead of a criminal case (422)."""
    _require_case_writer(actor)
    now = timezone.now()
    # When the arrest or referral happened: the intake rules run as of then and DEL-1's deadlines count from then.
    at = act_time(opened_at, now=now, not_before=None, after="")
    facts = intake_facts(child=child, offences=offences, opened_at=at)
    decisions = rules_evaluate(trigger=Trigger.INTAKE, jurisdiction_id=child.jurisdiction_id, facts=facts, as_of=at)
    if unmet(decisions):
        extra = {}
        if any(CHILD_PROTECTION in d.notify for d in unmet(decisions)):
            referral = protection_referral_create(actor=actor, child=child, decisions=decisions, circumstances=summary)
            extra = {"protection_referral": referral.pk}
        refuse_unless_allowed(
            decisions=decisions,
            actor=actor,
            action="case.create",
            object_type="case",
            child_id=child.pk,
            extra=extra,
        )
    with transaction.atomic():
        return _case_open_write(
            actor=actor,
            child=child,
            kind=kind,
            offences=offences,
            summary=summary,
            opened_at=at,
            now=now,
            decisions=decisions,
        )


def _case_open_write(
    *,
    actor: User,
    child: Child,
    kind: str,
    offences: Sequence[dict[str, Any]],
    summary: str,
    opened_at: datetime,
    now: datetime,
    decisions: Sequence[Decision],
) -> Case:
    case = Case(
        child=child,
        jurisdiction_id=child.jurisdiction_id,
        agency_id=child.agency_id,
        kind=kind,
        summary=summary,
        opened_at=opened_at,
        opened_by=actor,
        reference=f"PENDING-{now.timestamp()}",
    )
    case.full_clean(exclude=["reference"])
    case.save()
    case.reference = f"{child.jurisdiction.code.upper()}-{case.opened_at.year}-{case.pk:06d}"
    case.save(update_fields=["reference"])
    created = []
    policy = policy_for(case.jurisdiction_id)
    for data in offences:
        offence = _offence_new(case=case, data=data, policy=policy)
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
        summary=t("Case opened ({kind})", kind=case.get_kind_display()),
        actor=actor,
        data={"offences": [o.pk for o in created]},
        occurred_at=opened_at,  # the case's one opening date (a case recorded late showed two: issue 15)
    )
    decisions_apply(  # DEL-1's deadlines to charge or divert, and to a final decision
        decisions=decisions,
        trigger=Trigger.INTAKE,
        case=case,
        object_type="case",
        object_id=case.pk,
        actor=actor,
        at=opened_at,
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
            **act_timing(opened_at, now),
        },
        decisions=decisions,
    )
    return case


def protection_referral_create(
    *, actor: User, child: Child, decisions: Sequence[Decision], circumstances: str = ""
) -> ChildProtectionReferral:
    """MACR-1 / STA-1: the child goes to child protection, not into a criminal case. Committed on its own, so it
    stands although the refused intake writes nothing."""
    reasons = [d for d in unmet(decisions) if CHILD_PROTECTION in d.notify]
    with transaction.atomic():
        referral = ChildProtectionReferral.objects.create(
            child=child,
            agency_id=child.agency_id,
            referred_by=actor,
            reason=" ".join(d.message for d in reasons),
            circumstances=circumstances,
            decisions=[stored_decision(d) for d in decisions],
        )
        audit_append(
            actor=actor,
            action="protection_referral.create",
            object_type="protection_referral",
            object_id=referral.pk,
            child_id=child.pk,
            decisions=decisions,
        )
    return referral


NOT_A_REFERRAL_FOLLOWER = msgid("Only the caseworker who made the referral and supervisors can follow it up.")
NOTHING_TO_RECORD = msgid("Give a new status or a follow-up note.")
REFERRAL_FREE_TEXT = frozenset({"follow_up_notes"})


def protection_referral_follow_up(
    *,
    actor: User,
    referral: ChildProtectionReferral,
    status: str = "",
    receiving_service: str = "",
    note: str = "",
) -> ChildProtectionReferral:
    """Follow a child-protection referral up: move it on (sent to a service, received, accepted, closed) through
    the lifecycle function, and/or add a dated follow-up note. The note is free text about the child: kept on the
    referral for those who may read it, masked in the audit trail (encrypted under the child's data key) and blanked
    when the child's identity is removed (jj.cases.records)."""
    require(actor, "protection_referral.follow_up", NOT_A_REFERRAL_FOLLOWER)
    note = note.strip()
    if not status and not note:
        raise ApplicationError(NOTHING_TO_RECORD, extra={"note": [NOTHING_TO_RECORD]})
    now = timezone.now()
    if status:
        referral = protection_referral_status_change(
            referral=referral, to=status, actor=actor, at=now, receiving_service=receiving_service
        )
    if note:
        with transaction.atomic():
            locked = ChildProtectionReferral.objects.select_for_update().get(pk=referral.pk)
            before = locked.follow_up_notes
            entry = f"{now.date().isoformat()} {actor.username}: {note}"
            locked.follow_up_notes = f"{before}\n\n{entry}" if before else entry
            locked.save(update_fields=["follow_up_notes", "updated_at"])
            audit_append(
                actor=actor,
                action="protection_referral.note",
                object_type="protection_referral",
                object_id=locked.pk,
                child_id=locked.child_id,
                changes=changed_fields({"follow_up_notes": ""}, {"follow_up_notes": entry}, masked=REFERRAL_FREE_TEXT),
            )
        referral = locked
    return referral


CASE_FREE_TEXT = frozenset({"summary"})


def _offence_state_json(offence: Offence) -> dict[str, Any]:
    """The offence for the audit trail; its description is free text about the child, stored encrypted under the
    child's data key (crypto-shredding)."""
    state = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in _offence_state(offence).items()}
    return {**state, "description": Identifying(state["description"])}


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
        # The summary is free text about the child: encrypted under the child's data key (crypto-shredding).
        changes=changed_fields(before, after, masked=CASE_FREE_TEXT),
    )
    return case


def offence_add(*, actor: User, case: Case, data: dict[str, Any]) -> Offence:
    """A further alleged offence: its date may put the child below the minimum age (MACR-1), so the intake (or,
    once charged, the charge) rules run again on the whole case."""
    _require_case_writer(actor)
    now = timezone.now()
    stage = "charge" if case.status == CaseStatus.CHARGED else "intake"
    trigger = Trigger.CHARGE if stage == "charge" else Trigger.INTAKE
    facts = case_facts(case, stage=stage, extra_offences=[data])
    decisions = [
        d
        for d in rules_evaluate(trigger=trigger, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=now)
        if d.rule_id != "DEV-1"  # DEV-1 was decided when the case was opened or charged
    ]
    refuse_unless_allowed(
        decisions=decisions,
        actor=actor,
        action="offence.create",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
    )
    with transaction.atomic():
        offence = _offence_new(case=case, data=data, policy=policy_for(case.jurisdiction_id))
        offence.full_clean()
        offence.save()
        case_event_record(
            case=case,
            kind="offence.added",
            summary=t("Offence recorded: {category}", category=offence.get_category_display()),
            actor=actor,
            data={"offence": offence.pk},
        )
        decisions_record(
            decisions=decisions,
            trigger=trigger,
            object_type="offence",
            object_id=offence.pk,
            jurisdiction_id=case.jurisdiction_id,
            actor=actor,
            at=now,
            case=case,
        )
        audit_append(
            actor=actor,
            action="offence.create",
            object_type="offence",
            object_id=offence.pk,
            child_id=case.child_id,
            changes={"case_id": case.pk, **_offence_state_json(offence)},
            decisions=decisions,
        )
    return offence


_ROLE_FOR_ASSIGNMENT = {
    AssignmentRole.CASEWORKER: Role.CASEWORKER,
    AssignmentRole.LEGAL_COUNSEL: Role.LEGAL_COUNSEL,
    AssignmentRole.COURT_OFFICER: Role.COURT_OFFICER,
}


@transaction.atomic
def case_assign(
    *,
    actor: User,
    case: Case,
    user: User,
    role: str,
    legal_aid: bool = False,
    occurred_at: datetime | None = None,
) -> Assignment:
    """Assignment and reassignment are the supervisor's; counsel and court officers may be of other agencies
    in the same jurisdiction, caseworkers only of the case's agency. A legal counsel's assignment records whether
    it is legal aid and meets CNS-1's deadline to assign counsel (time to counsel: from custody to the assignment).
    Dated when it was made (`occurred_at`, when recorded later: the deadline is met, or not, as of then, and the audit
    trail says it was recorded late), so the median time to counsel counts the real wait."""
    _require_supervisor_of(actor, case)
    if user.role != _ROLE_FOR_ASSIGNMENT[AssignmentRole(role)]:
        raise ApplicationError(
            t(ROLE_MISMATCH, user_role=user.get_role_display(), role=role),
            extra={"user": [t("The person's role does not match the assignment.")]},
        )
    if user.agency is None or user.agency.jurisdiction_id != case.jurisdiction_id:
        raise ApplicationError(OTHER_JURISDICTION, extra={"user": [OTHER_JURISDICTION]})
    if role == AssignmentRole.CASEWORKER and user.agency_id != case.agency_id:
        raise ApplicationError(CASEWORKER_OTHER_AGENCY, extra={"user": [CASEWORKER_OTHER_AGENCY]})
    Case.objects.select_for_update().filter(pk=case.pk).first()
    if Assignment.objects.filter(case=case, user=user, ended_at__isnull=True).exists():
        raise ApplicationError(ALREADY_ASSIGNED, extra={"user": [ALREADY_ASSIGNED]})
    counsel = role == AssignmentRole.LEGAL_COUNSEL
    if legal_aid and not counsel:
        raise ApplicationError(LEGAL_AID_COUNSEL_ONLY, extra={"legal_aid": [LEGAL_AID_COUNSEL_ONLY]})
    now = timezone.now()
    at = act_time(occurred_at, now=now, not_before=case.opened_at, after=t("the case was opened"))
    decisions = rules_evaluate(  # TRN-1: a caseworker not recorded as trained in child justice warns
        trigger=Trigger.ASSIGNMENT,
        jurisdiction_id=case.jurisdiction_id,
        facts=assignment_facts(user=user, role=role, legal_aid=legal_aid),
        as_of=at,
    )
    assignment = Assignment.objects.create(
        case=case, user=user, role=role, assigned_at=at, assigned_by=actor, legal_aid=legal_aid
    )
    if counsel:  # CNS-1: counsel from the outset
        deadlines_meet(case=case, kinds=["legal_counsel"], at=at, by=actor, note="legal counsel assigned")
    case_event_record(
        case=case,
        kind="assignment.started",
        summary=t("{username} assigned as {role}", username=user.username, role=role.replace("_", " ")),
        actor=actor,
        data={"assignment": assignment.pk},
        occurred_at=at,
    )
    decisions_apply(
        decisions=decisions,
        trigger=Trigger.ASSIGNMENT,
        case=case,
        object_type="assignment",
        object_id=assignment.pk,
        actor=actor,
        at=at,
    )
    audit_append(
        actor=actor,
        action="case.assign",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
        changes={"assignment_id": assignment.pk, "user_id": user.pk, "role": role}
        | ({"legal_aid": legal_aid} if counsel else {})
        | act_timing(at, now),
        decisions=decisions,
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
        summary=t("{username} unassigned", username=locked.user.username),
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
        raise ApplicationError(t("Say why the case is shared."), extra={"reason": [t("This field is required.")]})
    if expires_at is not None and expires_at <= timezone.now():
        raise ApplicationError(
            t("The end of access must be in the future."), extra={"expires_at": [t("Must be in the future.")]}
        )
    assign_perm("cases.view_case", user, case)
    row = CaseUserObjectPermission.objects.get(content_object=case, user=user, permission__codename="view_case")
    row.expires_at = expires_at
    row.reason = reason
    row.save(update_fields=["expires_at", "reason"])
    case_event_record(
        case=case,
        kind="case.shared",
        summary=t("Shared with {username}", username=user.username),
        actor=actor,
        data={"user": user.pk},
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


CLOSED_ALREADY = msgid("This case is already closed.")


def case_close(*, actor: User, case: Case, reason: str, occurred_at: datetime | None = None) -> Case:
    """Closing is a supervisor's decision with a stated reason (dismissal, withdrawal, end of measures), dated when
    it was taken (`occurred_at`, when recorded later: audited as recorded late)."""
    _require_supervisor_of(actor, case)
    if not reason.strip():
        raise ApplicationError(t("Say why the case is closed."), extra={"reason": [t("This field is required.")]})
    if case.status in (CaseStatus.CLOSED, CaseStatus.CLOSED_FINAL):
        raise ApplicationError(CLOSED_ALREADY)
    case_transition_check(case=case, to=CaseStatus.CLOSED, actor=actor, action="case.close")
    now = timezone.now()
    at = act_time(occurred_at, now=now, not_before=case.opened_at, after=t("the case was opened"))
    with transaction.atomic():
        locked = case_status_change(
            case=case,
            to=CaseStatus.CLOSED,
            actor=actor,
            at=at,
            action="case.close",
            summary=t("Case closed"),
            reason=reason,
        )
        audit_append(
            actor=actor,
            action="case.close",
            object_type="case",
            object_id=locked.pk,
            child_id=locked.child_id,
            changes={"status": {"before": case.status, "after": locked.status}, **act_timing(at, now)},
            reason=reason,
        )
    return locked


# --- Charge, transfer and sentence ---------------------------------------------------------------------------------

NOT_OPEN = msgid("Only an open case can be charged; this one is {status}.")
NOT_A_COURT_RECORDER = msgid("Only the case's caseworker, supervisor or court officer can record a court decision.")
ALREADY_FINAL = msgid("This case is closed or already sentenced.")


def _require_court_recorder(actor: User) -> None:
    require(actor, "case.court_decision", NOT_A_COURT_RECORDER)


def case_charge(
    *,
    actor: User,
    case: Case,
    version: int,
    justification: str = "",
    individual_assessment: str = "",
    diversion_not_offered_reason: str = "",
    armed_forces_justification: str = "",
    no_counsel_justification: str = "",
    approval: ApprovalRequest | None = None,
    occurred_at: datetime | None = None,
) -> Case | ApprovalRequest:
    """Formal charge. The charge rules run (MACR-1, MACR-5, STA-1, DEV-1, CNS-1, ...), as of the time of the charge
    (given as `occurred_at` when it is recorded later); a justification the policy reserves to a supervisor holds
    the charge as an approval request until a second person approves it."""
    _require_case_writer(actor)
    case = Case.objects.select_related("child", "jurisdiction").get(pk=case.pk)  # fresh: the facts may have moved
    if case.status != CaseStatus.OPEN:
        raise ApplicationError(t(NOT_OPEN, status=case.get_status_display().lower()))
    now = timezone.now()
    at = act_time(occurred_at, now=now, not_before=case.opened_at, after=t("the case was opened"))
    facts = case_facts(
        case,
        stage="charge",
        justification=justification,
        individual_assessment=individual_assessment,
        diversion_not_offered_reason=diversion_not_offered_reason,
        armed_forces_justification=armed_forces_justification,
        no_counsel_justification=no_counsel_justification,
    )

    def hold(decisions: Sequence[Decision]) -> ApprovalRequest | None:
        if not needing_approval(decisions):
            return None
        return approval_request(
            actor=actor,
            case=case,
            action="case.charge",
            payload={
                "version": version,
                "individual_assessment": individual_assessment,
                "diversion_not_offered_reason": diversion_not_offered_reason,
                "armed_forces_justification": armed_forces_justification,
                "no_counsel_justification": no_counsel_justification,
                "occurred_at": at.isoformat() if occurred_at else None,
            },
            justification=justification,
            decisions=decisions,
        )

    def write(decisions: Sequence[Decision]) -> Written[Case]:
        locked = case_status_change(
            case=case,
            to=CaseStatus.CHARGED,
            actor=actor,
            at=at,
            action="case.charge",
            summary=t("Formally charged"),
            expected_version=version,
        )
        deadlines_meet(case=locked, kinds=["formal_charge"], at=at, by=actor, note="charged")
        return Written(
            locked,
            "case",
            locked.pk,
            {"status": {"before": CaseStatus.OPEN, "after": CaseStatus.CHARGED}, **act_timing(at, now)},
            case=locked,
        )

    return act_record(
        actor=actor,
        case=case,
        trigger=Trigger.CHARGE,
        facts=facts,
        as_of=at,
        action="case.charge",
        refused_object=("case", case.pk),
        write=write,
        justification={
            "DEV-1": justification,
            "DIV-1": diversion_not_offered_reason,
            "CAF-1": armed_forces_justification,
            "CNS-1": no_counsel_justification,
        },
        reason=justification,
        approval=approval,
        hold=hold,
    )


def _charge_on_approval(approval: ApprovalRequest, approver: User) -> Case | Any:
    return case_charge(
        actor=approval.requested_by,
        case=Case.objects.get(pk=approval.case_id),
        version=approval.payload["version"],
        justification=approval.justification,
        individual_assessment=approval.payload.get("individual_assessment", ""),
        diversion_not_offered_reason=approval.payload.get("diversion_not_offered_reason", ""),
        armed_forces_justification=approval.payload.get("armed_forces_justification", ""),
        no_counsel_justification=approval.payload.get("no_counsel_justification", ""),
        approval=approval,
        occurred_at=datetime.fromisoformat(approval.payload["occurred_at"])
        if approval.payload.get("occurred_at")
        else None,
    )


APPROVAL_ACTIONS["case.charge"] = _charge_on_approval


def case_transfer_to_adult_procedure(
    *, actor: User, case: Case, reason: str, occurred_at: datetime | None = None
) -> Case:
    """MACR-6: refused for anyone who was under 18 at an alleged offence; otherwise the case leaves the system. The
    rules run as of the transfer (`occurred_at`, when recorded later: audited as recorded late)."""
    _require_supervisor_of(actor, case)
    case_transition_check(case=case, to=CaseStatus.CLOSED, actor=actor, action="case.adult_transfer")
    now = timezone.now()
    at = act_time(occurred_at, now=now, not_before=case.opened_at, after=t("the case was opened"))
    facts = case_facts(case, stage="charge")
    decisions = rules_evaluate(
        trigger=Trigger.ADULT_TRANSFER, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=at
    )
    refuse_unless_allowed(
        decisions=decisions,
        actor=actor,
        action="case.adult_transfer",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
    )
    with transaction.atomic():
        before = case.status
        locked = case_status_change(
            case=case,
            to=CaseStatus.CLOSED,
            actor=actor,
            at=at,
            action="case.adult_transfer",
            summary=t("Transferred to the adult procedure"),
            reason=reason,
        )
        decisions_record(
            decisions=decisions,
            trigger=Trigger.ADULT_TRANSFER,
            object_type="case",
            object_id=locked.pk,
            jurisdiction_id=locked.jurisdiction_id,
            actor=actor,
            at=at,
            case=locked,
        )
        audit_append(
            actor=actor,
            action="case.adult_transfer",
            object_type="case",
            object_id=locked.pk,
            child_id=locked.child_id,
            changes={"status": {"before": before, "after": locked.status}, **act_timing(at, now)},
            decisions=decisions,
            reason=reason,
        )
    return locked


# What a sentence changes outside the case (a custodial sentence makes a held child's episode "sentenced"):
# registered by the apps above cases (custody), run inside the sentence's transaction.
SENTENCE_EFFECTS: list[Callable[[Case, Sentence, User], None]] = []


def sentence_record(*, actor: User, case: Case, data: dict[str, Any]) -> Sentence:
    """SEN-1..4: prohibited sentences are refused whatever domestic law says; custody needs the non-custodial
    options considered; custodial sentences get review deadlines. CNS-1: no active counsel needs a reason (or is
    refused, by policy); HRD-1: the child's views, or why the child could not be heard."""
    _require_court_recorder(actor)
    case = Case.objects.select_related("child", "jurisdiction").get(pk=case.pk)  # fresh: the facts may have moved
    if case.status in (CaseStatus.CLOSED, CaseStatus.CLOSED_FINAL, CaseStatus.SENTENCED):
        raise ApplicationError(ALREADY_FINAL)
    case_transition_check(case=case, to=CaseStatus.SENTENCED, actor=actor, action="sentence.create")
    imposed_at = data.get("imposed_at") or timezone.now()
    options = tuple(
        NonCustodialOption(o["option"], o.get("reason_rejected", ""))
        for o in data.get("non_custodial_options_considered", [])
    )
    facts = SentenceFacts(
        case=case_facts(case, stage="charge", no_counsel_justification=data.get("no_counsel_justification", "")),
        sentence_type=data["sentence_type"],
        length_months=data.get("length_months"),
        non_custodial_options_considered=options,
        justification=data.get("justification", ""),
        mandatory_minimum_applied=data.get("mandatory_minimum_applied", False),
        parole_eligibility_date=data.get("parole_eligibility_date"),
        child_views=data.get("child_views", ""),
        views_not_heard_reason=data.get("views_not_heard_reason", ""),
    )
    decided: list[str] = []

    def write(decisions: Sequence[Decision]) -> Written[Sentence]:
        before = case.status
        sentence = Sentence(case=case, recorded_by=actor, **{**data, "imposed_at": imposed_at})
        sentence.full_clean()
        sentence.save()
        locked = case_status_change(
            case=case,
            to=CaseStatus.SENTENCED,
            actor=actor,
            at=imposed_at,
            action="sentence.create",
            summary=t("Sentence: {sentence}", sentence=sentence.get_sentence_type_display()),
            data={"sentence": sentence.pk},
        )
        deadlines_meet(case=locked, kinds=["final_decision"], at=imposed_at, by=actor, note="sentenced")
        for effect in SENTENCE_EFFECTS:
            effect(locked, sentence, actor)
        decided.extend(d.rule_id for d in decisions)
        return Written(
            sentence,
            "sentence",
            sentence.pk,
            {
                "case_id": locked.pk,
                "sentence_type": sentence.sentence_type,
                "length_months": sentence.length_months,
                "status": {"before": before, "after": locked.status},
            },
            case=locked,
        )

    def justification(sentence: Sentence) -> dict[str, str]:
        """The sentence's justification answers the sentencing rules; CNS-1 and HRD-1 have their own fields."""
        return {
            **dict.fromkeys(decided, sentence.justification),
            "CNS-1": sentence.no_counsel_justification,
            "HRD-1": sentence.views_not_heard_reason or sentence.child_views,
        }

    return act_record(
        actor=actor,
        case=case,
        trigger=Trigger.SENTENCE,
        facts=facts,
        as_of=imposed_at,
        action="sentence.create",
        refused_object=("case", case.pk),
        write=write,
        justification=justification,
        reason=lambda sentence: sentence.justification,
    )


SENTENCE_NOT_CUSTODIAL = msgid("Only a custodial sentence is reviewed for early release (SEN-4).")
SENTENCE_REVIEWED = {
    "continued": msgid("Sentence reviewed for early release: it continues"),
    "early_release": msgid("Sentence reviewed: early release"),
}
SENTENCE_REVIEW_OUTCOMES = tuple(SENTENCE_REVIEWED)


def sentence_review_record(
    *, actor: User, case: Case, sentence: Sentence, outcome: str, authority: str, reasons: str, at: datetime | None
) -> CaseEvent:
    """SEN-4: the competent authority reviews a custodial sentence for early release. Meets the open review
    deadline; when the sentence continues, SEN-4 opens the next review at the policy's interval from this one. An
    early release ends the series (the release itself is recorded on the custody episode, which frees the child).
    A new act, never an edit of the sentence; its reasons are the authority's, kept in the case's timeline."""
    _require_court_recorder(actor)
    if sentence.case_id != case.pk:
        raise Http404
    if sentence.sentence_type not in CUSTODIAL:
        raise ApplicationError(t(SENTENCE_NOT_CUSTODIAL), extra={"sentence": [t(SENTENCE_NOT_CUSTODIAL)]})
    if outcome not in SENTENCE_REVIEW_OUTCOMES:
        raise ApplicationError(t("Choose an outcome."), extra={"outcome": [t("Choose an outcome.")]})
    now = timezone.now()
    moment = act_time(at, now=now, not_before=sentence.imposed_at, after=t("the sentence was imposed"))
    facts = SentenceFacts(
        case=case_facts(case, stage="charge"),
        sentence_type=sentence.sentence_type,
        length_months=sentence.length_months,
        parole_eligibility_date=sentence.parole_eligibility_date,
    )
    # The next review, from this one (SEN-4 is the only rule on this trigger); none after an early release.
    decisions = (
        rules_evaluate(trigger=Trigger.SENTENCE_REVIEW, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=moment)
        if outcome == "continued"
        else []
    )
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        met = deadlines_meet(case=locked, kinds=["sentence_review"], at=moment, by=actor, note=f"reviewed: {outcome}")
        event = case_event_record(
            case=locked,
            kind="sentence.review",
            summary=t(SENTENCE_REVIEWED[outcome]),
            actor=actor,
            data={"sentence": sentence.pk, "outcome": outcome, "authority": authority},
            occurred_at=moment,
        )
        decisions_record(
            decisions=decisions,
            trigger=Trigger.SENTENCE_REVIEW,
            object_type="sentence",
            object_id=sentence.pk,
            jurisdiction_id=locked.jurisdiction_id,
            actor=actor,
            at=now,
            case=locked,
        )
        deadlines_from_decisions(case=locked, decisions=decisions, subject_type="sentence", subject_id=sentence.pk)
        audit_append(
            actor=actor,
            action="sentence.review",
            object_type="sentence",
            object_id=sentence.pk,
            child_id=locked.child_id,
            changes={"outcome": outcome, "authority": authority, "deadlines_met": [d.pk for d in met]},
            reason=reasons,
        )
    return event


def interview_record(*, actor: User, case: Case, data: dict[str, Any]) -> Interview:
    """DET-2: questioning without a lawyer (or a judicially supervised waiver), without an appropriate adult (or the
    recorded reason why not), or without the interpreter the child needs is refused."""
    _require_case_writer(actor)
    facts = interview_facts(case, data)
    now = timezone.now()
    decisions = rules_evaluate(trigger=Trigger.INTERVIEW, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=now)
    refuse_unless_allowed(
        decisions=decisions,
        actor=actor,
        action="interview.create",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
    )
    with transaction.atomic():
        interview = Interview.objects.create(case=case, recorded_by=actor, **data)
        case_event_record(
            case=case,
            kind="interview.recorded",
            summary=t("Questioning recorded"),
            actor=actor,
            data={"interview": interview.pk},
            occurred_at=interview.at,
        )
        decisions_record(
            decisions=decisions,
            trigger=Trigger.INTERVIEW,
            object_type="interview",
            object_id=interview.pk,
            jurisdiction_id=case.jurisdiction_id,
            actor=actor,
            at=now,
            case=case,
        )
        audit_append(
            actor=actor,
            action="interview.create",
            object_type="interview",
            object_id=interview.pk,
            child_id=case.child_id,
            changes={k: v for k, v in data.items() if isinstance(v, bool)},
            decisions=decisions,
        )
    return interview


BREAK_GLASS_HOURS = 24


def case_break_glass(*, actor: User, case_id: int, reason: str) -> CaseUserObjectPermission:
    """Emergency access to a case outside the caller's scope (a child arrested far from home, say): granted for 24
    hours with a stated reason, audited, and reported to the case's supervisors and to oversight."""
    require(actor, "case.break_glass", "Only caseworkers and supervisors can request emergency access.")
    if len(reason.strip()) < 20:
        raise ApplicationError(
            t("Say why you need this file now."), extra={"reason": [t("Give the reason in at least 20 characters.")]}
        )
    case = (
        Case.objects.filter(pk=case_id, jurisdiction_id=actor.agency.jurisdiction_id).first() if actor.agency else None
    )
    if case is None:
        audit_denied(actor=actor, action="case.break_glass", object_type="case", object_id=case_id, reason=reason)
        raise Http404
    if refusal := break_glass_refusal(actor, case):
        audit_denied(actor=actor, action="case.break_glass", object_type="case", object_id=case_id, reason=refusal)
        raise ActionNotAllowed(refusal)
    expires = timezone.now() + timedelta(hours=BREAK_GLASS_HOURS)
    with transaction.atomic():
        assign_perm("cases.view_case", actor, case)
        row = CaseUserObjectPermission.objects.get(content_object=case, user=actor, permission__codename="view_case")
        row.expires_at = expires
        row.reason = f"break-glass: {reason}"
        row.save(update_fields=["expires_at", "reason"])
        notification_create(
            case=case,
            kind="case.break_glass",
            message=f"Emergency access to {case.reference} by {actor.username}: {reason}",
            targets=(SUPERVISOR, INDEPENDENT_OVERSIGHT),
            actor=actor,
            at=timezone.now(),
        )
        audit_append(
            actor=actor,
            action="case.break_glass",
            object_type="case",
            object_id=case.pk,
            child_id=case.child_id,
            changes={"expires_at": expires.isoformat()},
            reason=reason,
        )
    return row
