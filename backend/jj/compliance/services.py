"""Applying the rules engine inside services: evaluate, refuse with every decision, or record the decisions with
the record they concern. Policy changes and second-person approvals live here too."""

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.db import transaction
from django.utils import timezone

from jj.accounts.capabilities import can, require
from jj.accounts.models import Jurisdiction, User
from jj.audit.models import AuditEvent
from jj.audit.models import Outcome as AuditOutcome
from jj.audit.services import audit_append
from jj.cases.models import Case
from jj.compliance.models import ApprovalRequest, ApprovalStatus, DecisionInputs, DecisionRecord, JurisdictionPolicy
from jj.compliance.selectors import policy_for
from jj.core.exceptions import ActionNotAllowed, ApplicationError, RuleViolation, VersionConflict, decision_to_json
from jj.core.i18n import stored_decision, stored_parts
from jj.core.services import STALE_VERSION
from jj.deadlines.services import deadlines_from_decisions, notifications_from_decisions
from jj.rules.engine import Decision, Evaluation, Trigger, needing_approval, unmet
from jj.rules.facts import PolicyChangeFacts
from jj.rules.policy import STANDARD, Policy
from jj.rules.registry import evaluate
from jj.rules.serialize import FactsNotReplayable, facts_dump
from jj.rules.text import msgid


def rules_evaluate(*, trigger: Trigger, jurisdiction_id: int, facts: Any, as_of: datetime) -> list[Decision]:
    return evaluate(trigger, policy_for(jurisdiction_id), facts, as_of)


def refuse_unless_allowed(
    *,
    decisions: Sequence[Decision],
    actor: User,
    action: str,
    object_type: str,
    object_id: object = "",
    child_id: int | None = None,
    extra: dict[str, Any] | None = None,
    audit_decisions: Sequence[Mapping[str, Any]] | None = None,
) -> None:
    """Raise a 422 with every decision when one is unmet. Call outside the write's transaction: the refusal is
    audited and stays recorded although nothing else is written. `audit_decisions`: the decisions as the trail may
    keep them, when a fact in them must not reach the trail's readers (DIV-2's acknowledgement)."""
    missing = unmet(decisions)
    if not missing:
        return
    audit: dict[str, Any] = {
        "actor": actor,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "child_id": child_id,
        "decisions": decisions if audit_decisions is None else audit_decisions,
        "outcome": AuditOutcome.REFUSED,
        "reason": "refused by " + ", ".join(d.rule_id for d in missing),
    }
    violation = RuleViolation(decisions, unmet=missing, extra=extra, audit=audit)
    event = audit_append(**audit)
    violation.audit_seq, violation.audit_hash = event.seq, event.hash
    raise violation


def refusal_audit_keep(violation: RuleViolation) -> None:
    """INV-6: every refusal leaves an audit event. When the refused act ran inside a transaction that rolled back
    (an approval carrying out a held action, say), its event went with it: write it again, outside."""
    if violation.audit is None:
        return
    if AuditEvent.objects.filter(seq=violation.audit_seq or 0, hash=violation.audit_hash).exists():
        return
    event = audit_append(**violation.audit)
    violation.audit_seq, violation.audit_hash = event.seq, event.hash


@contextmanager
def atomic_keeping_refusals() -> Iterator[None]:
    """`transaction.atomic()` for a write that may be refused inside it: the refusal's audit survives rollback."""
    try:
        with transaction.atomic():
            yield
    except RuleViolation as violation:
        refusal_audit_keep(violation)
        raise


def decisions_apply(
    *,
    decisions: Sequence[Decision],
    trigger: Trigger,
    case: Case,
    object_type: str,
    object_id: int,
    actor: User | None,
    at: datetime,
    justification: str | Mapping[str, str] = "",
    subject: tuple[str, int] | None = None,
    priority: bool = False,
    approval: ApprovalRequest | None = None,
    notify_kind: str = "rule.alert",
) -> list[DecisionRecord]:
    """The one place that applies a list of decisions: the timers they ask for, the people they ask to be told,
    and the decisions stored with their record. Call inside the write's transaction."""
    subject = subject or (object_type, object_id)
    deadlines_from_decisions(
        case=case, decisions=decisions, subject_type=subject[0], subject_id=subject[1], priority=priority
    )
    notifications_from_decisions(case=case, decisions=decisions, kind=notify_kind, actor=actor, at=at, subject=subject)
    return decisions_record(
        decisions=decisions,
        trigger=trigger,
        object_type=object_type,
        object_id=object_id,
        jurisdiction_id=case.jurisdiction_id,
        actor=actor,
        at=at,
        case=case,
        justification=justification,
        approval=approval,
    )


def decisions_record(
    *,
    decisions: Sequence[Decision],
    trigger: Trigger,
    object_type: str,
    object_id: int,
    jurisdiction_id: int,
    actor: User | None,
    at: datetime,
    case: Case | None = None,
    justification: str | Mapping[str, str] = "",
    approval: ApprovalRequest | None = None,
) -> list[DecisionRecord]:
    """Store the decisions with the record they concern. Call inside the write's transaction. `justification` is
    one text for every satisfied decision, or one per rule id when a write answers several rules differently.
    The complete facts of each engine call behind the decisions are stored once with them (DecisionInputs)."""
    inputs = _inputs_record(
        decisions=decisions,
        object_type=object_type,
        object_id=object_id,
        jurisdiction_id=jurisdiction_id,
        case=case,
    )
    rows = []
    for decision in decisions:
        data = decision_to_json(decision)
        rows.append(
            DecisionRecord(
                decided_at=at,
                trigger=trigger.value,
                rule_id=decision.rule_id,
                outcome=decision.outcome.value,
                message=decision.message,
                message_parts=stored_parts(decision.message),
                citation=data["citation"],
                further_citations=data["further_citations"],
                facts=data["facts"],
                below_standard=decision.below_standard,
                object_type=object_type,
                object_id=object_id,
                case=case,
                jurisdiction_id=jurisdiction_id,
                actor=actor,
                justification=(
                    (justification.get(decision.rule_id, "") if isinstance(justification, Mapping) else justification)
                    if decision.satisfied
                    else ""
                ),
                approval=approval if decision.needs_approval else None,
                inputs=inputs.get(id(decision.evaluation)),
            )
        )
    return DecisionRecord.objects.bulk_create(rows)


T = TypeVar("T")
H = TypeVar("H")


@dataclass(frozen=True)
class Written(Generic[T]):
    """What the write of an act produced, for `act_record` to apply its decisions to and audit."""

    record: T
    object_type: str  # what the decisions are stored with
    object_id: int
    changes: dict[str, Any] = field(default_factory=dict)
    case: Case | None = None  # the case as the write left it (locked, a new status), when the write changed it
    audit_object: tuple[str, object] | None = None  # when the audit event names another object than the decisions
    subject: tuple[str, int] | None = None  # what the deadlines and notifications concern (default: the object)
    rule_subjects: Mapping[str, tuple[str, int]] = field(default_factory=dict)  # per rule id, when one differs


def act_record(
    *,
    actor: User,
    case: Case,
    trigger: Trigger,
    facts: Any,
    as_of: datetime,
    action: str,
    refused_object: tuple[str, object],
    write: Callable[[Sequence[Decision]], Written[T]],
    at: datetime | None = None,
    justification: str | Mapping[str, str] | Callable[[T], str | Mapping[str, str]] = "",
    reason: str | Callable[[T], str] | None = None,
    priority: bool = False,
    approval: ApprovalRequest | None = None,
    notify_kind: str = "rule.alert",
    on_decisions: Callable[[Sequence[Decision]], None] | None = None,
    hold: Callable[[Sequence[Decision]], H | None] | None = None,
) -> T | H:
    """Record an act under the rules, the one sequence every rule-checked write follows: evaluate the trigger's
    checks on `facts`; refuse (422, audited, outside any transaction) unless every decision is met; hold the act
    for a second person's approval when `hold` returns the request that holds it; then, in one transaction,
    `write` the records, apply the decisions (deadlines, notifications, stored decisions) and append the audit
    event.

    `on_decisions` sees the decisions before any refusal (a red flag that must stand although the act is refused);
    `justification` and `reason` may be computed from the written record. `at` is when the decisions are taken
    (default: `as_of`)."""
    decisions = rules_evaluate(trigger=trigger, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=as_of)
    if on_decisions is not None:
        on_decisions(decisions)
    refuse_unless_allowed(
        decisions=decisions,
        actor=actor,
        action=action,
        object_type=refused_object[0],
        object_id=refused_object[1],
        child_id=case.child_id,
    )
    if hold is not None and approval is None:  # an approval carrying out the act holds nothing again
        held = hold(decisions)
        if held is not None:
            return held
    decided_at = at or as_of
    with transaction.atomic():
        written = write(decisions)
        target = written.case or case
        given = justification(written.record) if callable(justification) else justification
        groups: dict[tuple[str, int] | None, list[Decision]] = {}
        for decision in decisions:
            groups.setdefault(written.rule_subjects.get(decision.rule_id, written.subject), []).append(decision)
        for subject, concerned in groups.items():
            decisions_apply(
                decisions=concerned,
                trigger=trigger,
                case=target,
                object_type=written.object_type,
                object_id=written.object_id,
                actor=actor,
                at=decided_at,
                justification=given,
                subject=subject,
                priority=priority,
                approval=approval,
                notify_kind=notify_kind,
            )
        if reason is None:
            why = given if isinstance(given, str) else " | ".join(v for v in given.values() if v)
        else:
            why = reason(written.record) if callable(reason) else reason
        audit_object = written.audit_object or (written.object_type, written.object_id)
        audit_append(
            actor=actor,
            action=action,
            object_type=audit_object[0],
            object_id=audit_object[1],
            child_id=target.child_id,
            changes=written.changes,
            decisions=decisions,
            reason=why,
        )
    return written.record


def _inputs_record(
    *,
    decisions: Sequence[Decision],
    object_type: str,
    object_id: int,
    jurisdiction_id: int,
    case: Case | None,
) -> dict[int, DecisionInputs]:
    """One DecisionInputs per engine call behind `decisions` (keyed by the evaluation's id), in one query. A call
    whose facts cannot be stored is skipped: the act is then simply not replayable, never refused."""
    evaluations: dict[int, Evaluation] = {}
    for decision in decisions:
        if decision.evaluation is not None and decision.evaluation.trigger != Trigger.POLICY_CHANGE:
            evaluations.setdefault(id(decision.evaluation), decision.evaluation)
    if not evaluations:
        return {}
    rows: dict[int, DecisionInputs] = {}
    for key, evaluation in evaluations.items():
        try:
            stored = facts_dump(evaluation.facts)
        except FactsNotReplayable:
            continue
        recorded = {d.rule_id for d in decisions if d.evaluation is evaluation}
        rows[key] = DecisionInputs(
            jurisdiction_id=jurisdiction_id,
            case=case,
            trigger=evaluation.trigger,
            as_of=evaluation.as_of,
            facts=stored,
            excluded_rules=sorted(set(evaluation.rule_ids) - recorded),
            object_type=object_type,
            object_id=object_id,
        )
    DecisionInputs.objects.bulk_create(rows.values())
    return rows


# --- Policy -------------------------------------------------------------------------------------------------------


def _overrides(policy: Policy) -> dict[str, Any]:
    out = {}
    for f in fields(Policy):
        value = getattr(policy, f.name)
        if value != getattr(STANDARD, f.name):
            out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def policy_update(
    *, actor: User, jurisdiction: Jurisdiction, version: int, values: dict[str, Any]
) -> tuple[JurisdictionPolicy, list[Decision]]:
    """Change a jurisdiction's policy. Non-protective values are accepted with a POL-1 WARN (domestic law rules);
    exceptions to the minimum age are refused (MACR-3). The change and its decisions are audited."""
    require(actor, "policy.change", "Only an administrator can change a jurisdiction's policy.")
    before = policy_for(jurisdiction.pk)
    after = before.with_values({k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})
    changed = tuple(f.name for f in fields(Policy) if getattr(before, f.name) != getattr(after, f.name))
    now = timezone.now()
    decisions = evaluate(Trigger.POLICY_CHANGE, after, PolicyChangeFacts(before, after, changed), now)
    refuse_unless_allowed(
        decisions=decisions, actor=actor, action="policy.update", object_type="policy", object_id=jurisdiction.code
    )
    with transaction.atomic():
        row, _ = JurisdictionPolicy.objects.select_for_update().get_or_create(
            jurisdiction=jurisdiction, defaults={"version": 0}
        )
        if row.version != version:
            raise VersionConflict(STALE_VERSION, extra={"current_version": row.version})
        row.values = _overrides(after)
        row.version += 1
        row.updated_by = actor
        row.save()
        decisions_record(
            decisions=decisions,
            trigger=Trigger.POLICY_CHANGE,
            object_type="policy",
            object_id=row.pk,
            jurisdiction_id=jurisdiction.pk,
            actor=actor,
            at=now,
        )
        audit_append(
            actor=actor,
            action="policy.update",
            object_type="policy",
            object_id=jurisdiction.code,
            changes={
                name: {"before": _plain(getattr(before, name)), "after": _plain(getattr(after, name))}
                for name in changed
            },
            decisions=decisions,
        )
    return row, decisions


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


# --- Second-person approval ---------------------------------------------------------------------------------------

# action name -> executor(approval, approver). Registered by the apps whose services can be held for approval.
APPROVAL_ACTIONS: dict[str, Callable[[ApprovalRequest, User], Any]] = {}

NOT_A_SUPERVISOR = msgid("Only a supervisor of the case's agency can approve or reject this.")
OWN_REQUEST = msgid("A justification must be approved by a second person, not by the person who gave it.")
NOT_PENDING = msgid("This request has already been decided.")


def approval_request(
    *,
    actor: User,
    case: Case,
    action: str,
    payload: dict[str, Any],
    justification: str,
    decisions: Sequence[Decision],
) -> ApprovalRequest:
    """Hold the action until a supervisor approves; the request and its decisions are audited."""
    held = needing_approval(decisions)
    with transaction.atomic():
        approval = ApprovalRequest.objects.create(
            case=case,
            action=action,
            payload=payload,
            justification=justification,
            rule_ids=",".join(d.rule_id for d in held),
            decisions=[stored_decision(d) for d in decisions],
            requested_by=actor,
        )
        audit_append(
            actor=actor,
            action="approval.request",
            object_type="approval",
            object_id=approval.pk,
            child_id=case.child_id,
            changes={"action": action, "case_id": case.pk},
            decisions=decisions,
            reason=justification,
        )
    return approval


def approval_decide(*, actor: User, approval: ApprovalRequest, approve: bool, note: str = "") -> Any:
    """Approve (the held action runs now, its rules evaluated again) or reject. Both steps are audited."""
    if not can(actor, "approval.decide") or actor.agency_id != approval.case.agency_id:
        raise ActionNotAllowed(NOT_A_SUPERVISOR)
    if actor.pk == approval.requested_by_id:
        raise ActionNotAllowed(OWN_REQUEST)
    with atomic_keeping_refusals():
        locked = ApprovalRequest.objects.select_for_update().get(pk=approval.pk)
        if locked.status != ApprovalStatus.PENDING:
            raise ApplicationError(NOT_PENDING)
        locked.status = ApprovalStatus.APPROVED if approve else ApprovalStatus.REJECTED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.decision_note = note
        locked.save()
        audit_append(
            actor=actor,
            action="approval.approve" if approve else "approval.reject",
            object_type="approval",
            object_id=locked.pk,
            child_id=locked.case.child_id,
            changes={"action": locked.action, "case_id": locked.case_id},
            reason=note,
        )
        result = APPROVAL_ACTIONS[locked.action](locked, actor) if approve else None
    return locked if result is None else result
