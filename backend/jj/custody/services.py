"""Custody use cases. Each one: run its rules (422 with every decision when one is unmet, audited), then write the
records, the deadlines the rules asked for, the decisions and the audit event in one transaction."""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from jj.accounts.models import Role, User
from jj.audit.services import audit_append
from jj.cases.models import Case, CaseStatus
from jj.cases.services import case_event_record
from jj.compliance.facts import case_facts
from jj.compliance.models import ApprovalRequest
from jj.compliance.services import (
    APPROVAL_ACTIONS,
    approval_request,
    decisions_record,
    refuse_unless_allowed,
    rules_evaluate,
)
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.custody.access import COURT_RECORDERS, CUSTODY_RECORDERS, FACILITY_RECORDERS, require_role
from jj.custody.facts import facility_facts
from jj.custody.models import (
    Complaint,
    ContactLog,
    CustodyEpisode,
    DetentionOrder,
    EpisodeKind,
    Facility,
    FamilyNotification,
    HealthExamination,
    Incident,
    JudicialAppearance,
    LegalStatus,
    LegalStatusChange,
    Placement,
    Release,
)
from jj.deadlines.models import Deadline, Notification
from jj.deadlines.services import deadlines_from_decisions, deadlines_meet
from jj.rules.engine import Decision, Trigger, needing_approval
from jj.rules.facts import (
    Alternative,
    ChallengeFacts,
    ComplaintFacts,
    ContactReviewFacts,
    DetentionOrderFacts,
    IncidentFacts,
    PlacementFacts,
    ReleaseFacts,
    ReviewFacts,
)

ALREADY_HELD = "This child is already in custody (episode {pk}); record a transfer instead."
ENDED = "This custody episode has ended."
EVIDENCE_HOLD = (
    "This episode's records are frozen as evidence after a death, disappearance or serious injury (DTH-1): they can "
    "no longer be changed."
)
CASE_CLOSED = "This case is closed."
SAME_FACILITY = "The child is already in this facility."
ONLY_ADMINISTRATOR = "Only an administrator can manage facilities."
# Deadlines that lose their object when the child leaves custody.
CUSTODY_DEADLINES = (
    "competent_authority",
    "detention_review",
    "formal_charge",
    "final_decision",
    "police_cell_exit",
    "legality_challenge",
)


def _zone(case: Case) -> str:
    return case.jurisdiction.timezone


def _open_episode(episode: CustodyEpisode) -> CustodyEpisode:
    locked = CustodyEpisode.objects.select_for_update().get(pk=episode.pk)
    if locked.ended_at is not None:
        raise ApplicationError(ENDED)
    if locked.evidence_frozen:
        raise ApplicationError(EVIDENCE_HOLD)
    return locked


def _record(
    *,
    actor: User,
    case: Case,
    decisions: Sequence[Decision],
    trigger: Trigger,
    object_type: str,
    object_id: int,
    at: datetime,
    action: str,
    changes: dict[str, Any],
    justification: str = "",
    subject: tuple[str, int] | None = None,
    priority: bool = False,
    approval: ApprovalRequest | None = None,
) -> None:
    """The tail every custody write shares: deadlines asked for, decisions stored, audit event."""
    subject_type, subject_id = subject or (object_type, object_id)
    deadlines_from_decisions(
        case=case, decisions=decisions, subject_type=subject_type, subject_id=subject_id, priority=priority
    )
    decisions_record(
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
    audit_append(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        child_id=case.child_id,
        changes=changes,
        decisions=decisions,
        reason=justification,
    )


def _notify(case: Case, decisions: Sequence[Decision], kind: str) -> None:
    """Alerts a decision asks for (DTH-1, PTD-6...), to the roles of the case's agency."""
    roles = {"supervisor": Role.SUPERVISOR, "oversight_body": Role.OVERSIGHT_MONITOR}
    rows = [
        Notification(recipient_role=roles[who], agency_id=case.agency_id, case=case, kind=kind, message=d.message[:500])
        for d in decisions
        for who in d.notify
        if who in roles
    ]
    Notification.objects.bulk_create(rows)


# --- Facilities ----------------------------------------------------------------------------------------------------


@transaction.atomic
def facility_create(*, actor: User, data: dict[str, Any], staff: Iterable[User] = ()) -> Facility:
    if actor.role != Role.ADMINISTRATOR or actor.agency is None:
        raise ActionNotAllowed(ONLY_ADMINISTRATOR)
    facility = Facility(jurisdiction_id=actor.agency.jurisdiction_id, **data)
    facility.full_clean()
    facility.save()
    facility.staff.set(list(staff))
    audit_append(
        actor=actor,
        action="facility.create",
        object_type="facility",
        object_id=facility.pk,
        changes={**{k: str(v) for k, v in data.items()}, "staff": [u.pk for u in staff]},
    )
    return facility


@transaction.atomic
def facility_update(
    *, actor: User, facility: Facility, version: int, data: dict[str, Any], staff: Iterable[User] | None = None
) -> Facility:
    from jj.audit.services import changed_fields
    from jj.core.services import versioned_update

    if actor.role != Role.ADMINISTRATOR:
        raise ActionNotAllowed(ONLY_ADMINISTRATOR)
    facility, before, after = versioned_update(instance=facility, version=version, data=data)
    changes = changed_fields(before, after)
    if staff is not None:
        staff = list(staff)
        changes["staff"] = {
            "before": sorted(facility.staff.values_list("pk", flat=True)),
            "after": sorted(u.pk for u in staff),
        }
        facility.staff.set(staff)
    audit_append(actor=actor, action="facility.update", object_type="facility", object_id=facility.pk, changes=changes)
    return facility


# --- Start, transfer, release ---------------------------------------------------------------------------------------


def custody_start(
    *,
    actor: User,
    case: Case,
    facility: Facility,
    kind: str = EpisodeKind.POLICE_CUSTODY,
    started_at: datetime | None = None,
    commitment_order_reference: str = "",
    best_interests_justification: str = "",
    justification: str = "",
    emergency: bool = False,
) -> CustodyEpisode:
    """Any start of deprivation of liberty: PTD-1 (24 h), DET-1 (parents), DET-6 (health) deadlines; MACR-1,
    STA-1, PTD-9, DET-3, DET-4, CAP-1 may refuse it."""
    require_role(actor, CUSTODY_RECORDERS, "the start of custody")
    if case.status in (CaseStatus.CLOSED, CaseStatus.CLOSED_FINAL):
        raise ApplicationError(CASE_CLOSED)
    if facility.jurisdiction_id != case.jurisdiction_id:
        raise ApplicationError(
            "The facility is in another jurisdiction.", extra={"facility": ["Not in this jurisdiction."]}
        )
    held = CustodyEpisode.objects.filter(child_id=case.child_id, ended_at__isnull=True).first()
    if held is not None:
        raise ApplicationError(ALREADY_HELD.format(pk=held.pk))
    now = timezone.now()
    at = started_at or now
    facts = PlacementFacts(
        case=case_facts(case, stage="charge" if case.status == CaseStatus.CHARGED else "intake"),
        facility=facility_facts(facility),
        at=at,
        zone=_zone(case),
        commitment_order_reference=commitment_order_reference,
        best_interests_justification=best_interests_justification,
        justification=justification,
        emergency=emergency,
    )
    decisions = rules_evaluate(
        trigger=Trigger.CUSTODY_START, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=now
    )
    refuse_unless_allowed(
        decisions=decisions,
        actor=actor,
        action="custody_episode.create",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
    )
    with transaction.atomic():
        episode = CustodyEpisode.objects.create(
            case=case,
            child_id=case.child_id,
            kind=kind,
            started_at=at,
            current_facility=facility,
            started_by=actor,
            pretrial_detention_started_at=at if kind == EpisodeKind.PRETRIAL_DETENTION else None,
        )
        Placement.objects.create(
            episode=episode,
            facility=facility,
            started_at=at,
            commitment_order_reference=commitment_order_reference,
            best_interests_justification=best_interests_justification,
            emergency=emergency,
        )
        LegalStatusChange.objects.create(episode=episode, status=LegalStatus.PRE_SENTENCE, at=at)
        case_event_record(
            case=case,
            kind="custody.started",
            summary=f"Deprived of liberty: {facility.name}",
            actor=actor,
            data={"episode": episode.pk},
            occurred_at=at,
        )
        _notify(case, decisions, "custody.alert")
        _record(
            actor=actor,
            case=case,
            decisions=decisions,
            trigger=Trigger.CUSTODY_START,
            object_type="custody_episode",
            object_id=episode.pk,
            at=now,
            action="custody_episode.create",
            changes={"facility_id": facility.pk, "kind": kind, "started_at": at.isoformat()},
            justification=best_interests_justification or justification,
        )
    return episode


def custody_transfer(
    *,
    actor: User,
    episode: CustodyEpisode,
    facility: Facility,
    at: datetime | None = None,
    commitment_order_reference: str = "",
    best_interests_justification: str = "",
    emergency: bool = False,
    condition_note: str = "",
    justification: str = "",
    approval: ApprovalRequest | None = None,
) -> Placement | ApprovalRequest:
    """A move to another facility. Moving a person who turned 18 to a place holding adults waits for a
    supervisor's approval of the best-interests justification (MACR-7)."""
    require_role(actor, CUSTODY_RECORDERS, "a transfer")
    if episode.current_facility_id == facility.pk:
        raise ApplicationError(SAME_FACILITY, extra={"facility": [SAME_FACILITY]})
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    moved_at = at or now
    facts = PlacementFacts(
        case=case_facts(case, stage="charge"),
        facility=facility_facts(facility, excluding_episode=episode.pk),
        at=moved_at,
        zone=_zone(case),
        is_admission=False,
        episode_started_at=episode.started_at,
        first_appearance_at=episode.first_appearance_at,
        commitment_order_reference=commitment_order_reference,
        best_interests_justification=best_interests_justification,
        justification=justification,
        emergency=emergency,
    )
    decisions = rules_evaluate(trigger=Trigger.TRANSFER, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=now)
    refuse_unless_allowed(
        decisions=decisions,
        actor=actor,
        action="custody_episode.transfer",
        object_type="custody_episode",
        object_id=episode.pk,
        child_id=case.child_id,
    )
    if needing_approval(decisions) and approval is None:
        return approval_request(
            actor=actor,
            case=case,
            action="custody.transfer",
            payload={
                "episode": episode.pk,
                "facility": facility.pk,
                "at": moved_at.isoformat(),
                "commitment_order_reference": commitment_order_reference,
                "best_interests_justification": best_interests_justification,
                "emergency": emergency,
                "condition_note": condition_note,
                "justification": justification,
            },
            justification=best_interests_justification,
            decisions=decisions,
        )
    with transaction.atomic():
        locked = _open_episode(episode)
        Placement.objects.filter(episode=locked, ended_at__isnull=True).update(ended_at=moved_at)
        placement = Placement.objects.create(
            episode=locked,
            facility=facility,
            started_at=moved_at,
            commitment_order_reference=commitment_order_reference,
            best_interests_justification=best_interests_justification,
            emergency=emergency,
            condition_note=condition_note,
        )
        before = locked.current_facility_id
        locked.current_facility = facility
        locked.version += 1
        locked.save(update_fields=["current_facility", "version", "updated_at"])
        case_event_record(
            case=case,
            kind="custody.transferred",
            summary=f"Transferred to {facility.name}",
            actor=actor,
            data={"episode": locked.pk, "placement": placement.pk},
            occurred_at=moved_at,
        )
        deadlines_meet(case=case, kinds=["police_cell_exit"], at=moved_at, by=actor, note=f"moved to {facility.name}")
        _record(
            actor=actor,
            case=case,
            decisions=decisions,
            trigger=Trigger.TRANSFER,
            object_type="custody_episode",
            object_id=locked.pk,
            at=now,
            action="custody_episode.transfer",
            changes={"facility_id": {"before": before, "after": facility.pk}},
            justification=best_interests_justification or justification,
            approval=approval,
        )
    return placement


def _transfer_on_approval(approval: ApprovalRequest, approver: User) -> Placement | ApprovalRequest:
    data = approval.payload
    return custody_transfer(
        actor=approval.requested_by,
        episode=CustodyEpisode.objects.get(pk=data["episode"]),
        facility=Facility.objects.get(pk=data["facility"]),
        at=datetime.fromisoformat(data["at"]),
        commitment_order_reference=data["commitment_order_reference"],
        best_interests_justification=data["best_interests_justification"],
        emergency=data["emergency"],
        condition_note=data["condition_note"],
        justification=data["justification"],
        approval=approval,
    )


APPROVAL_ACTIONS["custody.transfer"] = _transfer_on_approval


def custody_release(
    *, actor: User, episode: CustodyEpisode, reason: str, aftercare: dict[str, Any], at: datetime | None = None
) -> Release:
    """Release with an aftercare and reintegration plan (A/RES/79/172 para 30). Custody deadlines lose their object
    and close; DET-1 asks for the parents to be told."""
    require_role(actor, COURT_RECORDERS | FACILITY_RECORDERS, "a release")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    released_at = at or now
    decisions = rules_evaluate(
        trigger=Trigger.RELEASE, jurisdiction_id=case.jurisdiction_id, facts=ReleaseFacts(at=released_at), as_of=now
    )
    with transaction.atomic():
        locked = CustodyEpisode.objects.select_for_update().get(pk=episode.pk)
        if locked.ended_at is not None:
            raise ApplicationError(ENDED)
        release = Release.objects.create(
            episode=locked, at=released_at, reason=reason, aftercare=aftercare, recorded_by=actor
        )
        Placement.objects.filter(episode=locked, ended_at__isnull=True).update(ended_at=released_at)
        locked.ended_at = released_at
        locked.current_facility = None
        locked.mandatory_release_flag = False
        locked.version += 1
        locked.save(update_fields=["ended_at", "current_facility", "mandatory_release_flag", "version", "updated_at"])
        deadlines_meet(case=case, kinds=CUSTODY_DEADLINES, at=released_at, by=actor, note=f"released: {reason}")
        case_event_record(
            case=case,
            kind="custody.released",
            summary=f"Released ({reason})",
            actor=actor,
            data={"episode": locked.pk, "aftercare": sorted(k for k, v in aftercare.items() if v is True)},
            occurred_at=released_at,
        )
        _record(
            actor=actor,
            case=case,
            decisions=decisions,
            trigger=Trigger.RELEASE,
            object_type="custody_episode",
            object_id=locked.pk,
            at=now,
            action="custody_episode.release",
            changes={"ended_at": released_at.isoformat(), "reason": reason, "aftercare": aftercare},
        )
    return release


# --- Judicial control ----------------------------------------------------------------------------------------------


def detention_order_record(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> DetentionOrder:
    """PTD-2..9, MACR-1, STA-1: refused without alternatives considered and a justification, on family ties, after
    six months; otherwise deadlines for review (14 d), charge (30 d) and final decision (6 months)."""
    require_role(actor, COURT_RECORDERS, "a detention order")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    ordered_at = data.get("ordered_at") or now
    first_order = not episode.detention_orders.filter(kind="pretrial_detention").exists()
    facts = DetentionOrderFacts(
        case=case_facts(case, stage="charge" if case.status == CaseStatus.CHARGED else "intake"),
        ordered_at=ordered_at,
        episode_started_at=episode.started_at,
        zone=_zone(case),
        kind=data.get("kind", "pretrial_detention"),
        grounds=tuple(data.get("grounds", ())),
        alternatives_considered=tuple(
            Alternative(a["alternative"], a.get("reason_rejected", "")) for a in data.get("alternatives_considered", [])
        ),
        justification=data.get("justification", ""),
        monetary_bail_condition=data.get("monetary_bail_condition", False),
        grounds_for_detention_found=data.get("grounds_for_detention_found", False),
        charged=case.status == CaseStatus.CHARGED,
        first_order=first_order,
        final_decision_made=case.sentences.exists(),
    )
    decisions = rules_evaluate(
        trigger=Trigger.DETENTION_ORDER, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=now
    )
    refuse_unless_allowed(
        decisions=decisions,
        actor=actor,
        action="detention_order.create",
        object_type="custody_episode",
        object_id=episode.pk,
        child_id=case.child_id,
    )
    with transaction.atomic():
        locked = _open_episode(episode)
        order = DetentionOrder(episode=locked, recorded_by=actor, **{**data, "ordered_at": ordered_at})
        order.full_clean()
        order.save()
        if order.kind == "pretrial_detention":
            if locked.pretrial_detention_started_at is None:
                locked.pretrial_detention_started_at = ordered_at
            locked.kind = EpisodeKind.PRETRIAL_DETENTION
            if locked.first_appearance_at is None:
                locked.first_appearance_at = ordered_at  # a judge ordered it: the child was before a judge
            locked.version += 1
            locked.save()
            deadlines_meet(
                case=case,
                kinds=["competent_authority", "detention_review"],
                at=ordered_at,
                by=actor,
                note="detention order",
            )
        case_event_record(
            case=case,
            kind="detention_order.recorded",
            summary=f"Detention order ({order.kind})",
            actor=actor,
            data={"episode": locked.pk, "order": order.pk},
            occurred_at=ordered_at,
        )
        _notify(case, [d for d in decisions if d.rule_id == "PTD-2"], "custody.alert")
        _record(
            actor=actor,
            case=case,
            decisions=decisions,
            trigger=Trigger.DETENTION_ORDER,
            object_type="detention_order",
            object_id=order.pk,
            at=now,
            action="detention_order.create",
            changes={
                "episode_id": locked.pk,
                "kind": order.kind,
                "grounds": order.grounds,
                "alternatives": [a["alternative"] for a in order.alternatives_considered],
            },
            justification=order.justification,
            subject=("custody_episode", locked.pk),
            priority=True,
        )
    return order


def appearance_record(
    *,
    actor: User,
    episode: CustodyEpisode,
    kind: str,
    at: datetime,
    authority: str,
    outcome: str,
    justification: str = "",
) -> JudicialAppearance:
    """A first appearance meets PTD-1; a review that continues detention meets PTD-4 and runs the review checks
    (PTD-5 charge overdue, PTD-6 six months: refused, flagged for mandatory release)."""
    require_role(actor, COURT_RECORDERS, "a court appearance")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    decisions: list[Decision] = []
    continues = outcome == "detention_continued" and episode.pretrial_detention_started_at is not None
    if continues:
        facts = ReviewFacts(
            at=at,
            episode_started_at=episode.started_at,
            pretrial_detention_started_at=episode.pretrial_detention_started_at or episode.started_at,
            zone=_zone(case),
            charged=case.status == CaseStatus.CHARGED,
            final_decision_made=case.sentences.exists(),
            justification=justification,
        )
        decisions = rules_evaluate(
            trigger=Trigger.DETENTION_REVIEW, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=now
        )
        if any(d.rule_id == "PTD-6" and d.unmet for d in decisions):
            _flag_mandatory_release(episode, decisions)
        refuse_unless_allowed(
            decisions=decisions,
            actor=actor,
            action="appearance.create",
            object_type="custody_episode",
            object_id=episode.pk,
            child_id=case.child_id,
        )
    with transaction.atomic():
        locked = _open_episode(episode)
        appearance = JudicialAppearance.objects.create(
            episode=locked, kind=kind, at=at, authority=authority, outcome=outcome, recorded_by=actor
        )
        if locked.first_appearance_at is None:
            locked.first_appearance_at = at
            locked.version += 1
            locked.save(update_fields=["first_appearance_at", "version", "updated_at"])
        kinds = ["competent_authority"] + (["detention_review"] if kind == "review" else [])
        deadlines_meet(case=case, kinds=kinds, at=at, by=actor, note=f"{kind} before {authority}")
        case_event_record(
            case=case,
            kind=f"appearance.{kind}",
            summary=f"Before {authority}: {outcome}",
            actor=actor,
            data={"episode": locked.pk},
            occurred_at=at,
        )
        _record(
            actor=actor,
            case=case,
            decisions=decisions,
            trigger=Trigger.DETENTION_REVIEW,
            object_type="appearance",
            object_id=appearance.pk,
            at=now,
            action="appearance.create",
            changes={"episode_id": locked.pk, "kind": kind, "outcome": outcome, "at": at.isoformat()},
            justification=justification,
            subject=("custody_episode", locked.pk),
            priority=True,
        )
    return appearance


def _flag_mandatory_release(episode: CustodyEpisode, decisions: Sequence[Decision]) -> None:
    """PTD-6: committed on its own, so the red flag stands although the continued detention is refused."""
    with transaction.atomic():
        CustodyEpisode.objects.filter(pk=episode.pk).update(mandatory_release_flag=True)
        _notify(episode.case, [d for d in decisions if d.rule_id == "PTD-6"], "custody.mandatory_release")


# --- Life in custody -------------------------------------------------------------------------------------------------


def family_notification_record(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> FamilyNotification:
    require_role(actor, FACILITY_RECORDERS, "a family notification")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    with transaction.atomic():
        row = FamilyNotification.objects.create(episode=episode, recorded_by=actor, **data)
        deadlines_meet(case=case, kinds=["family_notification"], at=row.at, by=actor, note=f"{row.method}: {row.event}")
        audit_append(
            actor=actor,
            action="family_notification.create",
            object_type="custody_episode",
            object_id=episode.pk,
            child_id=case.child_id,
            changes={"event": row.event, "method": row.method, "at": row.at.isoformat()},
        )
    return row


def contact_record(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> ContactLog:
    """Visits and calls (DET-5; indicator 8)."""
    require_role(actor, FACILITY_RECORDERS, "a visit or call")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    with transaction.atomic():
        locked = _open_episode(episode)
        row = ContactLog.objects.create(episode=locked, recorded_by=actor, **data)
        audit_append(
            actor=actor,
            action="contact.create",
            object_type="custody_episode",
            object_id=locked.pk,
            child_id=case.child_id,
            changes={"kind": row.kind, "relationship": row.relationship, "at": row.at.isoformat()},
        )
    return row


def health_examination_record(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> HealthExamination:
    require_role(actor, FACILITY_RECORDERS, "a health examination")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    with transaction.atomic():
        locked = _open_episode(episode)
        row = HealthExamination.objects.create(episode=locked, recorded_by=actor, **data)
        deadlines_meet(case=case, kinds=["health_examination"], at=row.at, by=actor, note="examined")
        audit_append(
            actor=actor,
            action="health_examination.create",
            object_type="custody_episode",
            object_id=locked.pk,
            child_id=case.child_id,
            changes={"at": row.at.isoformat()},
        )
    return row


def incident_record(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> Incident:
    """DET-7/8/9 refuse prohibited treatment; DTH-1 freezes the episode as evidence and alerts oversight."""
    require_role(actor, FACILITY_RECORDERS, "an incident")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    details = data.get("details", {})
    facts = IncidentFacts(
        kind=data["kind"],
        purpose=details.get("purpose", ""),
        reason=details.get("reason", ""),
        started_at=data.get("occurred_at"),
        ended_at=data.get("ended_at"),
        supervising_staff=details.get("supervising_staff", ""),
        hours_without_meaningful_contact=float(details.get("hours_without_meaningful_contact", 0) or 0),
        measure=details.get("measure", ""),
        imminent_threat=bool(details.get("imminent_threat", False)),
        means_tried_first=details.get("means_tried_first", ""),
        professional_in_charge=details.get("professional_in_charge", ""),
    )
    decisions = rules_evaluate(trigger=Trigger.INCIDENT, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=now)
    refuse_unless_allowed(
        decisions=decisions,
        actor=actor,
        action="incident.create",
        object_type="custody_episode",
        object_id=episode.pk,
        child_id=case.child_id,
    )
    grave = any(d.rule_id == "DTH-1" for d in decisions)
    with transaction.atomic():
        locked = CustodyEpisode.objects.select_for_update().get(pk=episode.pk)
        incident = Incident.objects.create(
            episode=locked,
            facility_id=locked.current_facility_id,
            recorded_by=actor,
            investigation_opened_at=now if grave else None,
            **data,
        )
        if grave:
            locked.evidence_frozen = True
            locked.version += 1
            locked.save(update_fields=["evidence_frozen", "version", "updated_at"])
        _notify(case, decisions, "custody.grave_incident" if grave else "custody.incident")
        case_event_record(
            case=case,
            kind=f"incident.{incident.kind}",
            summary=f"Incident in custody: {incident.kind}",
            actor=actor,
            data={"episode": locked.pk, "incident": incident.pk},
            occurred_at=incident.occurred_at,
        )
        _record(
            actor=actor,
            case=case,
            decisions=decisions,
            trigger=Trigger.INCIDENT,
            object_type="incident",
            object_id=incident.pk,
            at=now,
            action="incident.create",
            changes={"episode_id": locked.pk, "kind": incident.kind, "evidence_frozen": grave},
            subject=("custody_episode", locked.pk),
        )
    return incident


def complaint_record(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> Complaint:
    """Recorded uncensored; DET-10 sets the response deadline."""
    require_role(actor, FACILITY_RECORDERS, "a complaint")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    lodged = data.get("lodged_at") or now
    decisions = rules_evaluate(
        trigger=Trigger.COMPLAINT,
        jurisdiction_id=case.jurisdiction_id,
        facts=ComplaintFacts(lodged_at=lodged, zone=_zone(case)),
        as_of=now,
    )
    with transaction.atomic():
        complaint = Complaint.objects.create(episode=episode, recorded_by=actor, **{**data, "lodged_at": lodged})
        _record(
            actor=actor,
            case=case,
            decisions=decisions,
            trigger=Trigger.COMPLAINT,
            object_type="complaint",
            object_id=complaint.pk,
            at=now,
            action="complaint.create",
            changes={"episode_id": episode.pk},
        )
    return complaint


def complaint_respond(*, actor: User, complaint: Complaint, response: str) -> Complaint:
    require_role(actor, FACILITY_RECORDERS, "a complaint response")
    case = complaint.episode.case
    now = timezone.now()
    with transaction.atomic():
        locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
        if locked.responded_at is not None:
            raise ApplicationError("This complaint has already been answered.")
        locked.response = response
        locked.responded_at = now
        locked.save(update_fields=["response", "responded_at", "updated_at"])
        Deadline.objects.filter(
            case=case, kind="complaint_response", subject_type="complaint", subject_id=locked.pk, met_at__isnull=True
        ).update(met_at=now, met_by=actor, met_note="answered")
        audit_append(
            actor=actor,
            action="complaint.respond",
            object_type="complaint",
            object_id=locked.pk,
            child_id=case.child_id,
            changes={"responded_at": now.isoformat()},
        )
    return locked


# --- Independent inspections (DET-11) ---------------------------------------------------------------------------------


@transaction.atomic
def inspection_record(*, actor: User, facility: Facility, data: dict[str, Any]) -> Any:
    """Recorded by the monitoring body itself (oversight monitors), so the facility cannot shape the record."""
    from jj.custody.models import Inspection

    if actor.role != Role.OVERSIGHT_MONITOR:
        raise ActionNotAllowed("Only an oversight monitor records an inspection.")
    inspection = Inspection(facility=facility, recorded_by=actor, **data)
    inspection.full_clean()
    inspection.save()
    audit_append(
        actor=actor,
        action="inspection.create",
        object_type="facility",
        object_id=facility.pk,
        changes={
            "inspection_id": inspection.pk,
            "visited_on": inspection.visited_on.isoformat(),
            "unannounced": inspection.unannounced,
            "private_interviews_held": inspection.private_interviews_held,
        },
    )
    return inspection


# --- Challenges to legality (PTD-10) and family contact (DET-5) ---------------------------------------------------


def legality_challenge_file(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> Any:
    from jj.custody.models import LegalityChallenge

    require_role(actor, COURT_RECORDERS | frozenset({Role.LEGAL_COUNSEL}), "a challenge to legality")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)
    now = timezone.now()
    filed_at = data.get("filed_at") or now
    decisions = rules_evaluate(
        trigger=Trigger.LEGALITY_CHALLENGE,
        jurisdiction_id=case.jurisdiction_id,
        facts=ChallengeFacts(filed_at=filed_at, zone=_zone(case)),
        as_of=now,
    )
    with transaction.atomic():
        locked = _open_episode(episode)
        challenge = LegalityChallenge.objects.create(
            episode=locked, recorded_by=actor, **{**data, "filed_at": filed_at}
        )
        _record(
            actor=actor,
            case=case,
            decisions=decisions,
            trigger=Trigger.LEGALITY_CHALLENGE,
            object_type="legality_challenge",
            object_id=challenge.pk,
            at=now,
            action="legality_challenge.create",
            changes={"episode_id": locked.pk, "filed_by": challenge.filed_by},
            priority=True,
        )
    return challenge


def legality_challenge_decide(*, actor: User, challenge: Any, outcome: str) -> Any:
    require_role(actor, COURT_RECORDERS, "the decision on a challenge")
    case = challenge.episode.case
    now = timezone.now()
    with transaction.atomic():
        challenge.decided_at = now
        challenge.outcome = outcome
        challenge.save(update_fields=["decided_at", "outcome", "updated_at"])
        Deadline.objects.filter(
            case=case,
            kind="legality_challenge",
            subject_type="legality_challenge",
            subject_id=challenge.pk,
            met_at__isnull=True,
        ).update(met_at=now, met_by=actor, met_note=outcome)
        audit_append(
            actor=actor,
            action="legality_challenge.decide",
            object_type="legality_challenge",
            object_id=challenge.pk,
            child_id=case.child_id,
            changes={"outcome": outcome},
        )
    return challenge


def contact_review(episode: CustodyEpisode, *, now: datetime | None = None) -> list[Decision]:
    """DET-5 on read: how long since the last family visit (no write, nothing to refuse)."""
    moment = now or timezone.now()
    last = (
        ContactLog.objects.filter(episode=episode, kind__in=["visit", "video_call"])
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    return rules_evaluate(
        trigger=Trigger.CONTACT_REVIEW,
        jurisdiction_id=episode.case.jurisdiction_id,
        facts=ContactReviewFacts(held_since=episode.started_at, last_family_visit_at=last),
        as_of=moment,
    )
