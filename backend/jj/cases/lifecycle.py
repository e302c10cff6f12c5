"""The case lifecycle as data: which status may follow which, and the one function that writes a case's status.

Charging, diversion, sentencing, closing and transfer to the adult procedure all change a case only through
`case_status_change`, inside their own transaction, after their rules have run. A transition the table lacks is
refused (409) and the attempt audited, so no path can, say, sentence a case that was never charged or one whose
diversion is active (INV-4)."""

from datetime import datetime
from typing import Any

from django.db import transaction
from rest_framework import status

from jj.accounts.models import User
from jj.audit.models import Outcome as AuditOutcome
from jj.audit.services import audit_append
from jj.cases.models import Case, CaseEvent, CaseStatus, ChildProtectionReferral, ProtectionReferralStatus
from jj.core.exceptions import ApplicationError, VersionConflict
from jj.core.i18n import stored_parts
from jj.core.services import STALE_VERSION
from jj.deadlines.services import deadlines_meet, deadlines_moot
from jj.rules.text import msgid

S = CaseStatus

# (from, to) -> the act that makes the move. Nothing else moves a case.
CASE_TRANSITIONS: dict[tuple[str, str], str] = {
    (S.OPEN, S.CHARGED): "charge",
    (S.OPEN, S.DIVERTED): "diversion started",
    (S.CHARGED, S.DIVERTED): "diversion started",
    (S.DIVERTED, S.OPEN): "diversion not completed",
    (S.DIVERTED, S.CHARGED): "diversion not completed",
    (S.DIVERTED, S.CLOSED_FINAL): "diversion completed (no criminal record)",
    (S.CHARGED, S.SENTENCED): "sentence",
    (S.OPEN, S.CLOSED): "closure or transfer to the adult procedure",
    (S.CHARGED, S.CLOSED): "closure or transfer to the adult procedure",
    (S.SENTENCED, S.CLOSED): "closure at the end of the measures",
}
CLOSED_STATUSES = frozenset({S.CLOSED, S.CLOSED_FINAL})
# A case in one of these holds no criminal process that could deprive a child of liberty (INV-4).
NO_CUSTODY_STATUSES = frozenset({S.DIVERTED, S.CLOSED, S.CLOSED_FINAL})

# DEL-1's case-level deadlines are met by the transitions that decide the case, never by hand (INV-8).
MEETS_ON_ENTRY: dict[str, tuple[str, ...]] = {
    S.CHARGED: ("charge_or_divert",),
    S.DIVERTED: ("charge_or_divert",),
    S.SENTENCED: ("case_final_decision",),
    S.CLOSED: ("charge_or_divert", "case_final_decision"),
    S.CLOSED_FINAL: ("charge_or_divert", "case_final_decision"),
}
# A diverted case leaves the court process: its final decision is the diversion's outcome (DIV-2 times that).
MOOT_ON_ENTRY: dict[str, tuple[str, ...]] = {S.DIVERTED: ("case_final_decision",)}

NOT_ALLOWED = msgid("A case that is {before} cannot become {after}.")
WHY: dict[tuple[str, str], str] = {
    (S.OPEN, S.SENTENCED): " A sentence needs a formal charge first.",
    (S.DIVERTED, S.SENTENCED): " The case is in diversion: record the diversion's outcome first.",
    (S.DIVERTED, S.CLOSED): " The case is in diversion: record the diversion's outcome first.",
}


class TransitionNotAllowed(ApplicationError):
    status_code = status.HTTP_409_CONFLICT


def _label(value: str) -> str:
    return str(CaseStatus(value).label).lower()


def case_transition_check(*, case: Case, to: str, actor: User | None, action: str) -> None:
    """Refuse (409, audited) a move the table lacks. Call before any write, outside the write's transaction."""
    if (case.status, to) in CASE_TRANSITIONS:
        return
    message = NOT_ALLOWED.format(before=_label(case.status), after=_label(to)) + WHY.get((case.status, to), "")
    audit_append(
        actor=actor,
        action=action,
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
        outcome=AuditOutcome.REFUSED,
        changes={"status": {"before": case.status, "after": to}},
        reason=message,
    )
    raise TransitionNotAllowed(message, extra={"status": [message], "current_status": case.status})


def case_status_change(
    *,
    case: Case,
    to: str,
    actor: User | None,
    at: datetime,
    action: str,
    summary: str,
    reason: str = "",
    expected_version: int | None = None,
    data: dict[str, Any] | None = None,
) -> Case:
    """The one writer of Case.status. Locks the case, refuses a transition the table lacks (the status may have
    moved since the caller checked), writes the status, the timeline event and the audit event."""
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if expected_version is not None and locked.version != expected_version:
            raise VersionConflict(STALE_VERSION, extra={"current_version": locked.version})
        before = locked.status
        if (before, to) not in CASE_TRANSITIONS:
            message = NOT_ALLOWED.format(before=_label(before), after=_label(to)) + WHY.get((before, to), "")
            raise TransitionNotAllowed(message, extra={"status": [message], "current_status": before})
        locked.status = to
        fields = ["status", "version", "updated_at"]
        if to in CLOSED_STATUSES:
            locked.closed_at = at
            fields.append("closed_at")
        locked.version += 1
        locked.save(update_fields=fields)
        CaseEvent.objects.create(
            case=locked,
            kind=f"case.{to}",
            summary=summary,
            summary_parts=stored_parts(summary),
            actor=actor,
            occurred_at=at,
            data={"status": {"before": before, "after": to}, **(data or {})},
        )
        if to in MEETS_ON_ENTRY:
            deadlines_meet(case=locked, kinds=MEETS_ON_ENTRY[to], at=at, by=actor, note=f"case {_label(to)}")
        if to in MOOT_ON_ENTRY:
            deadlines_moot(
                case=locked, kinds=MOOT_ON_ENTRY[to], at=at, by=actor, reason="diverted from the court process"
            )
        audit_append(
            actor=actor,
            action="case.status",
            object_type="case",
            object_id=locked.pk,
            child_id=locked.child_id,
            changes={"status": {"before": before, "after": to}, "by": action},
            reason=reason,
        )
    return locked


# The child-protection referral (MACR-1, STA-1): (from, to) -> the act that makes the move. Closing is possible at
# every step (the service declines, the child moves away); nothing reopens a closed referral.
R = ProtectionReferralStatus
REFERRAL_TRANSITIONS: dict[tuple[str, str], str] = {
    (R.TO_SEND, R.SENT): "sent to a child protection service",
    (R.SENT, R.RECEIVED): "the service confirms it received the referral",
    (R.RECEIVED, R.ACCEPTED): "the service takes the child into its care",
    (R.TO_SEND, R.CLOSED): "closed",
    (R.SENT, R.CLOSED): "closed",
    (R.RECEIVED, R.CLOSED): "closed",
    (R.ACCEPTED, R.CLOSED): "closed",
}
# The date each status records when it is entered.
REFERRAL_DATES: dict[str, str] = {
    R.SENT: "sent_at",
    R.RECEIVED: "received_at",
    R.ACCEPTED: "accepted_at",
    R.CLOSED: "closed_at",
}
REFERRAL_NOT_ALLOWED = msgid("A referral that is {before} cannot become {after}.")
REFERRAL_NEEDS_SERVICE = msgid("Say which child protection service the referral is sent to.")


def _referral_label(value: str) -> str:
    return str(ProtectionReferralStatus(value).label).lower()


def _referral_refusal(before: str, to: str, service: str) -> ApplicationError | None:
    if (before, to) not in REFERRAL_TRANSITIONS:
        message = REFERRAL_NOT_ALLOWED.format(before=_referral_label(before), after=_referral_label(to))
        return TransitionNotAllowed(message, extra={"status": [message], "current_status": before})
    if to == R.SENT and not service.strip():
        return ApplicationError(REFERRAL_NEEDS_SERVICE, extra={"receiving_service": [REFERRAL_NEEDS_SERVICE]})
    return None


def protection_referral_status_change(
    *,
    referral: ChildProtectionReferral,
    to: str,
    actor: User,
    at: datetime,
    receiving_service: str = "",
) -> ChildProtectionReferral:
    """The one writer of ChildProtectionReferral.status. Locks the referral, refuses a move the table lacks (409)
    and a sending without a receiving service (400), the refusal audited and nothing else written; otherwise
    records the status, its date and the service, and audits the change."""
    service = receiving_service.strip()
    with transaction.atomic():
        locked = ChildProtectionReferral.objects.select_for_update().get(pk=referral.pk)
        before = locked.status
        refusal = _referral_refusal(before, to, service or locked.receiving_service)
        if refusal is None:
            changes: dict[str, Any] = {"status": {"before": before, "after": to}}
            fields = ["status", REFERRAL_DATES[to], "updated_at"]
            locked.status = to
            setattr(locked, REFERRAL_DATES[to], at)
            if service and service != locked.receiving_service:
                changes["receiving_service"] = {"before": locked.receiving_service, "after": service}
                locked.receiving_service = service
                fields.append("receiving_service")
            locked.save(update_fields=fields)
            audit_append(
                actor=actor,
                action="protection_referral.status",
                object_type="protection_referral",
                object_id=locked.pk,
                child_id=locked.child_id,
                changes=changes,
            )
            return locked
    audit_append(
        actor=actor,
        action="protection_referral.status",
        object_type="protection_referral",
        object_id=referral.pk,
        child_id=referral.child_id,
        outcome=AuditOutcome.REFUSED,
        changes={"status": {"before": before, "after": to}},
        reason=refusal.message,
    )
    raise refusal
