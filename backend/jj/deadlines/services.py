"""Deadlines are rows written by the service that handled the triggering event (custody start, detention
order, sentence, ...) and closed by the event that meets them, or as moot when their object disappears. The sweep
only raises alerts.

This module is the one writer of the Deadline and Notification tables: `deadlines_from_decisions`,
`deadlines_meet`, `deadlines_moot`, `notification_create` and the sweep."""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Q, QuerySet

from jj.accounts.models import Role, User
from jj.audit.services import audit_append
from jj.cases.models import Assignment, Case, ChildProtectionReferral
from jj.core.i18n import stored_parts
from jj.deadlines.models import Deadline, Notification
from jj.rules.checks.common import CHILD_PROTECTION, FAMILY, INDEPENDENT_OVERSIGHT, SUPERVISOR
from jj.rules.engine import Decision
from jj.rules.text import Text, parts_from_json, t

# Older rows said "oversight_body" for what the rules now call the independent oversight.
_TARGET_ALIASES = {"oversight_body": INDEPENDENT_OVERSIGHT}
FAMILY_DEADLINE_MINUTES = 60


def deadlines_from_decisions(
    *,
    case: Case,
    decisions: Sequence[Decision],
    subject_type: str = "",
    subject_id: int | None = None,
    priority: bool = False,
) -> list[Deadline]:
    """Create the timers the rules engine asked for. Call inside the service's transaction."""
    rows = [
        Deadline(
            case=case,
            kind=spec.kind,
            rule_id=decision.rule_id,
            description=spec.description,
            description_parts=stored_parts(spec.description),
            due_at=spec.due_at,
            escalate_to=spec.escalate_to,
            subject_type=subject_type,
            subject_id=subject_id,
            priority=priority,
        )
        for decision in decisions
        for spec in decision.deadlines
    ]
    return Deadline.objects.bulk_create(rows)


def _open(case: Case, kinds: Iterable[str], subject_type: str | None, subject_id: int | None) -> QuerySet[Deadline]:
    qs = Deadline.objects.select_for_update().filter(case=case, kind__in=list(kinds), met_at__isnull=True)
    if subject_type is not None:
        qs = qs.filter(subject_type=subject_type, subject_id=subject_id)
    return qs


def deadlines_meet(
    *,
    case: Case,
    kinds: Iterable[str],
    at: datetime,
    by: User | None,
    note: str = "",
    subject_type: str | None = None,
    subject_id: int | None = None,
) -> list[Deadline]:
    """Close the open deadlines of these kinds on the case (optionally of one subject) as met at `at`."""
    met = list(_open(case, kinds, subject_type, subject_id))
    for deadline in met:
        deadline.met_at = at
        deadline.met_by = by
        deadline.met_note = note[:300]
        deadline.resolution = "met"
    Deadline.objects.bulk_update(met, ["met_at", "met_by", "met_note", "resolution"])
    return met


def deadlines_moot(
    *,
    case: Case,
    kinds: Iterable[str],
    at: datetime,
    by: User | None,
    reason: str,
    subject_type: str | None = None,
    subject_id: int | None = None,
) -> list[Deadline]:
    """INV-8: a deadline whose object disappeared (the child was released before the examination) closes as moot,
    with the reason, never silently and never as met."""
    moot = list(_open(case, kinds, subject_type, subject_id))
    for deadline in moot:
        deadline.met_at = at
        deadline.met_by = by
        deadline.met_note = f"moot: {reason}"[:300]
        deadline.resolution = "moot"
    Deadline.objects.bulk_update(moot, ["met_at", "met_by", "met_note", "resolution"])
    if moot:
        audit_append(
            actor=by,
            action="deadline.moot",
            object_type="case",
            object_id=case.pk,
            child_id=case.child_id,
            changes={"deadline_ids": [d.pk for d in moot], "kinds": sorted({d.kind for d in moot})},
            reason=reason,
        )
    return moot


# --- Notifications -------------------------------------------------------------------------------------------------


def _active(qs: QuerySet[User]) -> list[User]:
    return list(qs.filter(is_active=True).order_by("id"))


def recipients_resolve(*, case: Case, target: str) -> list[User]:
    """The real, active people a target names for this case (INV-7). A supervisor target with no supervisor in
    the agency falls to the jurisdiction's oversight monitors; an independent target never resolves to anyone of
    the case's own agency other than an oversight monitor, and falls to the jurisdiction's administrators only if
    the jurisdiction has no monitor at all (so an escalation never goes to nobody)."""
    target = _TARGET_ALIASES.get(target, target)
    in_jurisdiction = User.objects.filter(agency__jurisdiction_id=case.jurisdiction_id)
    if target == SUPERVISOR:
        people = _active(User.objects.filter(role=Role.SUPERVISOR, agency_id=case.agency_id))
        if people:
            return people
        target = INDEPENDENT_OVERSIGHT
    if target in (INDEPENDENT_OVERSIGHT, CHILD_PROTECTION, FAMILY):
        people = _active(in_jurisdiction.filter(role=Role.OVERSIGHT_MONITOR))
        if target == INDEPENDENT_OVERSIGHT and people:
            return people
        supervisors = _active(User.objects.filter(role=Role.SUPERVISOR, agency_id=case.agency_id))
        if target in (CHILD_PROTECTION, FAMILY) and supervisors:
            return supervisors
        if people:
            return people
    return _active(in_jurisdiction.filter(role=Role.ADMINISTRATOR))


def notification_create(
    *,
    case: Case,
    kind: str,
    message: str,
    targets: Iterable[str],
    actor: User | None = None,
    deadline: Deadline | None = None,
    rule_id: str = "",
    at: datetime,
    subject: tuple[str, int] | None = None,
    include_assigned: bool = False,
) -> list[Notification]:
    """The one writer of notifications. Each target becomes rows for real, active people; "family" also opens a
    DET-1-style deadline to tell the parents or guardian, and "child_protection" a child-protection referral, so
    neither is silently dropped."""
    people: dict[int, User] = {}
    if include_assigned:
        for a in Assignment.objects.filter(case=case, ended_at__isnull=True).select_related("user"):
            if a.user.is_active:
                people[a.user.pk] = a.user
    for target in dict.fromkeys(targets):
        for user in recipients_resolve(case=case, target=target):
            people[user.pk] = user
        if target == FAMILY:
            subject_type, subject_id = subject or ("case", case.pk)
            description = t("Tell the parents or guardian: {message}", message=message)
            Deadline.objects.create(
                case=case,
                kind="family_notification",
                rule_id=rule_id,
                description=description[:300],
                description_parts=stored_parts(description),
                due_at=at + timedelta(minutes=FAMILY_DEADLINE_MINUTES),
                subject_type=subject_type,
                subject_id=subject_id,
                priority=True,
            )
        if target == CHILD_PROTECTION:
            ChildProtectionReferral.objects.create(
                child_id=case.child_id,
                agency_id=case.agency_id,
                referred_by=actor,
                reason=message,
                circumstances=f"Case {case.reference} ({rule_id})",
            )
    rows = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                recipient_role=user.role,
                agency_id=case.agency_id,
                case=case,
                deadline=deadline,
                kind=kind,
                message=message[:500],
                message_parts=stored_parts(message),
            )
            for user in people.values()
        ]
    )
    return rows


def notifications_from_decisions(
    *, case: Case, decisions: Sequence[Decision], kind: str, actor: User | None, at: datetime, subject: tuple[str, int]
) -> list[Notification]:
    rows: list[Notification] = []
    for decision in decisions:
        if decision.notify:
            rows += notification_create(
                case=case,
                kind=kind,
                message=decision.message,
                targets=decision.notify,
                actor=actor,
                rule_id=decision.rule_id,
                at=at,
                subject=subject,
            )
    return rows


# --- The sweep -----------------------------------------------------------------------------------------------------


def _open_overdue(now: datetime) -> QuerySet[Deadline]:
    qs = Deadline.objects.filter(met_at__isnull=True, overdue_notified_at__isnull=True, due_at__lt=now)
    qs = qs.select_related("case").order_by("due_at", "id")
    if connection.vendor == "postgresql":
        # Concurrent sweepers each take different rows; none waits, none notifies twice.
        return qs.select_for_update(skip_locked=True, of=("self",))
    return qs.select_for_update()


def deadlines_sweep(*, now: datetime, batch: int = 500) -> int:
    """Raise one overdue alert per newly overdue deadline, to the people assigned and to whom the deadline
    escalates (resolved to real people). PTD-6 passed sets the episode's mandatory-release flag. Safe to run from
    several workers at once."""
    raised = 0
    while True:
        with transaction.atomic():
            due = list(_open_overdue(now)[:batch])
            if not due:
                return raised
            for deadline in due:
                notification_create(
                    case=deadline.case,
                    kind="deadline.overdue",
                    message=t(
                        "Overdue: {description} (case {reference})",
                        description=Text(parts_from_json(deadline.description_parts))
                        if deadline.description_parts
                        else deadline.description,
                        reference=deadline.case.reference,
                    ),
                    targets=[deadline.escalate_to or SUPERVISOR],
                    deadline=deadline,
                    rule_id=deadline.rule_id,
                    at=now,
                    include_assigned=True,
                )
                deadline.overdue_notified_at = now
            Deadline.objects.bulk_update(due, ["overdue_notified_at"])
            _flag_mandatory_release([d for d in due if d.kind == "final_decision"])
            audit_append(
                actor=None,
                actor_username="system:sweep",
                action="deadline.overdue_alerts",
                object_type="deadline",
                changes={"deadline_ids": [d.pk for d in due]},
            )
            raised += len(due)


def _flag_mandatory_release(final_decision_deadlines: list[Deadline]) -> None:
    """PTD-6: six months passed without a final decision: every open episode on the case must end in release."""
    if not final_decision_deadlines:
        return
    from jj.custody.models import CustodyEpisode  # custody builds on deadlines; the sweep reads up only here

    CustodyEpisode.objects.filter(
        Q(case_id__in=[d.case_id for d in final_decision_deadlines]), ended_at__isnull=True
    ).update(mandatory_release_flag=True)
