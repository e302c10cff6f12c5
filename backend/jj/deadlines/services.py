"""Deadlines are rows written by the service that handled the triggering event (custody start, detention
order, sentence, ...) and closed by the event that meets them. The sweep only raises alerts."""

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db import connection, transaction
from django.db.models import QuerySet

from jj.accounts.models import Role, User
from jj.audit.services import audit_append
from jj.cases.models import Assignment, Case
from jj.deadlines.models import Deadline, Notification
from jj.rules.engine import Decision


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
    qs = Deadline.objects.select_for_update().filter(case=case, kind__in=list(kinds), met_at__isnull=True)
    if subject_type is not None:
        qs = qs.filter(subject_type=subject_type, subject_id=subject_id)
    met = list(qs)
    for deadline in met:
        deadline.met_at = at
        deadline.met_by = by
        deadline.met_note = note[:300]
    Deadline.objects.bulk_update(met, ["met_at", "met_by", "met_note"])
    return met


def _recipients(deadline: Deadline) -> list[tuple[User | None, str]]:
    """The people assigned to the case, plus the role the deadline escalates to (for the case's agency)."""
    assigned = Assignment.objects.filter(case_id=deadline.case_id, ended_at__isnull=True).select_related("user")
    people: list[tuple[User | None, str]] = [(a.user, "") for a in assigned]
    people.append((None, deadline.escalate_to or Role.SUPERVISOR))
    return people


def _open_overdue(now: datetime) -> QuerySet[Deadline]:
    qs = Deadline.objects.filter(met_at__isnull=True, overdue_notified_at__isnull=True, due_at__lt=now)
    qs = qs.select_related("case").order_by("due_at", "id")
    if connection.vendor == "postgresql":
        # Concurrent sweepers each take different rows; none waits, none notifies twice.
        return qs.select_for_update(skip_locked=True, of=("self",))
    return qs.select_for_update()


def deadlines_sweep(*, now: datetime, batch: int = 500) -> int:
    """Raise one overdue alert per newly overdue deadline. Safe to run from several workers at once."""
    raised = 0
    while True:
        with transaction.atomic():
            due = list(_open_overdue(now)[:batch])
            if not due:
                return raised
            notes = []
            for deadline in due:
                message = f"Overdue: {deadline.description} (case {deadline.case.reference})"
                for user, role in _recipients(deadline):
                    notes.append(
                        Notification(
                            recipient=user,
                            recipient_role=role,
                            agency_id=deadline.case.agency_id,
                            case=deadline.case,
                            deadline=deadline,
                            kind="deadline.overdue",
                            message=message[:500],
                        )
                    )
                deadline.overdue_notified_at = now
            Notification.objects.bulk_create(notes)
            Deadline.objects.bulk_update(due, ["overdue_notified_at"])
            audit_append(
                actor=None,
                actor_username="system:sweep",
                action="deadline.overdue_alerts",
                object_type="deadline",
                changes={"deadline_ids": [d.pk for d in due]},
            )
            raised += len(due)
