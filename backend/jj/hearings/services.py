"""Hearings: scheduled, reminded, and closed once (held, adjourned or cancelled). This module is the one writer of
`Hearing.status`. A hearing held while the child is in custody is recorded through the custody service
`appearance_record`, exactly as an appearance recorded on the episode, so it meets the deadlines an appearance meets
(PTD-1 first appearance, PTD-4 review) and runs the same checks (PTD-5, PTD-6, DIS-1); the appearance is linked to
the hearing. A child not held has no appearance deadline: the hearing is marked held with its note."""

from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from jj.accounts.capabilities import require, roles_for
from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.cases.models import Assignment, AssignmentRole, Case
from jj.cases.services import case_event_record
from jj.core.exceptions import ActionNotAllowed, ApplicationError, VersionConflict
from jj.custody.access import episode_get_for_user
from jj.custody.models import CustodyEpisode
from jj.custody.services import appearance_record
from jj.deadlines.services import notification_create
from jj.hearings.models import Hearing, HearingPurpose, HearingStatus
from jj.rules.checks.common import SUPERVISOR

# Who plans hearings: the caseworker, the supervisor and counsel, on a case they may record on.
HEARING_SCHEDULERS = roles_for("hearing.schedule")
# Who may say a hearing was adjourned or cancelled; "held" is a court appearance (who records a court appearance).
HEARING_CLOSERS = HEARING_SCHEDULERS | roles_for("custody.appearance")
REMIND_WITHIN = timedelta(hours=24)
REMINDED_ROLES = (AssignmentRole.CASEWORKER, AssignmentRole.LEGAL_COUNSEL)
CLOSED = frozenset({HearingStatus.HELD, HearingStatus.ADJOURNED, HearingStatus.CANCELLED})


def hearing_schedule(*, actor: User, case: Case, data: dict[str, Any], now: datetime | None = None) -> Hearing:
    """Plan a hearing on a case the caller may record on (the API found it through `case_get_for_user`)."""
    require(actor, "hearing.schedule", "Your role cannot schedule a hearing.")
    moment = now or timezone.now()
    if data["at"] < moment:
        raise ApplicationError("A hearing is scheduled in the future; record a past one as a court appearance.")
    with transaction.atomic():
        hearing = Hearing.objects.create(case=case, scheduled_by=actor, status=HearingStatus.SCHEDULED, **data)
        case_event_record(
            case=case,
            kind="hearing.scheduled",
            summary=f"Hearing ({hearing.purpose}) at {hearing.court}",
            actor=actor,
            data={"hearing": hearing.pk},
            occurred_at=moment,
        )
        audit_append(
            actor=actor,
            action="hearing.create",
            object_type="hearing",
            object_id=hearing.pk,
            child_id=case.child_id,
            changes={
                "case_id": case.pk,
                "court": hearing.court,
                "at": hearing.at.isoformat(),
                "purpose": hearing.purpose,
            },
        )
        if hearing.at < moment + REMIND_WITHIN:  # already within 24 hours: the reminder goes now, not a minute later
            _remind(hearing, moment)
            hearing.save(update_fields=["reminded_at"])
    return hearing


def _open_episode(case: Case) -> CustodyEpisode | None:
    return CustodyEpisode.objects.filter(case=case, ended_at__isnull=True).order_by("-started_at", "-id").first()


def hearing_outcome_record(*, actor: User, hearing: Hearing, data: dict[str, Any]) -> Hearing:
    """Close a scheduled hearing. Held, with the child in custody: the court appearance is recorded by
    `custody.services.appearance_record` (its role check, its rules, its deadlines, its refusals) and linked."""
    status = data["status"]
    if hearing.status in CLOSED:
        raise VersionConflict(f"This hearing is already {hearing.status}.", extra={"status": hearing.status})
    allowed = roles_for("custody.appearance") if status == HearingStatus.HELD else HEARING_CLOSERS
    if actor.role not in allowed:
        raise ActionNotAllowed(f"Your role cannot record a hearing as {status}.")
    case = hearing.case
    appearance = None
    episode = _open_episode(case) if status == HearingStatus.HELD else None
    if episode is not None:
        kind = data.get("appearance_kind") or (hearing.purpose if hearing.purpose != HearingPurpose.OTHER else "")
        if not kind:
            raise ApplicationError("Say which kind of appearance this hearing was (appearance_kind).")
        if not data.get("appearance_outcome"):
            raise ApplicationError("Say the appearance's outcome (appearance_outcome): the child is in custody.")
        # The episode as the appearance API loads it (in the caller's scope, writable: a share is 403), and the
        # appearance recorded by the custody service itself, in its own transactions, as POST .../appearances/
        # would: its checks, its refusals (422, audited), its PTD-6 flag that stands although refused, its deadlines.
        scoped = episode_get_for_user(user=actor, episode_id=episode.pk, action="appearance.create")
        appearance = appearance_record(
            actor=actor,
            episode=scoped,
            kind=kind,
            at=data.get("at") or hearing.at,
            authority=hearing.court,
            outcome=data["appearance_outcome"],
            justification=data.get("justification", ""),
            accommodation_provided=data.get("accommodation_provided", ""),
        )
    with transaction.atomic():
        locked = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if locked.status in CLOSED:  # closed by someone else meanwhile (the appearance, if any, stands recorded)
            raise VersionConflict(f"This hearing is already {locked.status}.", extra={"status": locked.status})
        locked.status = status
        locked.outcome_note = data.get("note", "")
        locked.appearance = appearance
        locked.save(update_fields=["status", "outcome_note", "appearance", "updated_at"])
        case_event_record(
            case=case,
            kind=f"hearing.{status}",
            summary=f"Hearing at {locked.court}: {status}",
            actor=actor,
            data={"hearing": locked.pk, "appearance": appearance.pk if appearance else None},
        )
        audit_append(
            actor=actor,
            action="hearing.outcome",
            object_type="hearing",
            object_id=locked.pk,
            child_id=case.child_id,
            changes={"status": status, "appearance_id": appearance.pk if appearance else None},
        )
    return locked


def _remind(hearing: Hearing, now: datetime) -> None:
    """The reminder, to the caseworker and counsel assigned (nobody assigned: the agency's supervisors)."""
    assigned = Assignment.objects.filter(
        case_id=hearing.case_id, ended_at__isnull=True, role__in=REMINDED_ROLES, user__is_active=True
    ).exists()
    notification_create(
        case=hearing.case,
        kind="hearing.reminder",
        message=f"Hearing within 24 hours at {hearing.court} (case {hearing.case.reference})",
        targets=[] if assigned else [SUPERVISOR],
        at=now,
        include_assigned=True,
        assigned_roles=REMINDED_ROLES,
    )
    hearing.reminded_at = now


def _due_reminders(now: datetime) -> QuerySet[Hearing]:
    qs = Hearing.objects.filter(
        status=HearingStatus.SCHEDULED, reminded_at__isnull=True, at__gte=now, at__lt=now + REMIND_WITHIN
    ).select_related("case")
    qs = qs.order_by("at", "id")
    if connection.vendor == "postgresql":
        return qs.select_for_update(skip_locked=True, of=("self",))
    return qs.select_for_update()


def hearings_remind(*, now: datetime, batch: int = 200) -> int:
    """A scheduled hearing within the next 24 hours is told once to the caseworker and counsel assigned (nobody
    assigned: the agency's supervisors). Marked in the notice's transaction, so a second run sends nothing."""
    reminded = 0
    while True:
        with transaction.atomic():
            due = list(_due_reminders(now)[:batch])
            if not due:
                return reminded
            for hearing in due:
                _remind(hearing, now)
            Hearing.objects.bulk_update(due, ["reminded_at"])
            audit_append(
                actor=None,
                actor_username="system:sweep",
                action="hearing.reminders",
                object_type="hearing",
                changes={"hearing_ids": [h.pk for h in due]},
            )
            reminded += len(due)
