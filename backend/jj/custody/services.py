"""Custody use cases. Each one: run its rules (422 with every decision when one is unmet, audited), then write the
records, the deadlines the rules asked for, the decisions and the audit event in one transaction."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from jj.accounts.capabilities import can, require
from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.cases.models import Case, CaseStatus
from jj.cases.services import case_event_record
from jj.compliance.facts import case_facts
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
from jj.custody.access import require_capability
from jj.custody.allegations import refuse_if_implicated
from jj.custody.evidence import episode_records_edit_check
from jj.custody.facts import (
    appearance_facts,
    complaint_facts,
    education_review_facts,
    facility_facts,
    incident_facts,
    release_facts,
)
from jj.custody.lifecycle import (
    END_DEATH,
    END_RELEASE,
    case_clock,
    custody_allowed_on,
    episode_end,
    episode_kind_change,
    episode_start_allowed,
    pretrial_order_allowed,
)
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
from jj.deadlines.services import deadlines_meet, notifications_from_decisions
from jj.rules.checks.custody import GRAVE_KINDS
from jj.rules.engine import Decision, Trigger, needing_approval
from jj.rules.facts import (
    Alternative,
    ChallengeFacts,
    ContactReviewFacts,
    DetentionOrderFacts,
    InspectionFacts,
    PlacementFacts,
    ReviewFacts,
)
from jj.rules.registry import evaluate
from jj.rules.text import msgid, t

ALREADY_HELD = msgid("This child is already in custody (episode {pk}); record a transfer instead.")
ENDED = msgid("This custody episode has ended.")
CASE_CLOSED = "This case is closed."
PRETRIAL_NEEDS_ORDER = msgid(
    "Pretrial detention begins with a judge's detention order: start the custody, then record the order (PTD-2), "
    "which opens its review, charge and final-decision deadlines."
)
SAME_FACILITY = msgid("The child is already in this facility.")
ONLY_ADMINISTRATOR = msgid("Only an administrator can manage facilities.")


def _zone(case: Case) -> str:
    return case.jurisdiction.timezone


def _open_episode(episode: CustodyEpisode) -> CustodyEpisode:
    """Lock the episode for a new act. An evidence hold (DTH-1) freezes what is already recorded, never a new act:
    review, health care, contact and transfer to a safer place always proceed (INV-5)."""
    locked = CustodyEpisode.objects.select_for_update().get(pk=episode.pk)
    if locked.ended_at is not None:
        raise ApplicationError(ENDED)
    return locked


CUSTODY_ALERT = "custody.alert"
# HRD-1's answer is the child's own words: stored with the decision, never copied into the audit trail's reason.
PRIVATE_ANSWERS = frozenset({"HRD-1"})


def _why(justification: dict[str, str]) -> str:
    """The audit reason of an act answering several rules: every answer but the child's own words."""
    return " | ".join(v for k, v in justification.items() if v and k not in PRIVATE_ANSWERS)


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
    justification: str | dict[str, str] = "",
    subject: tuple[str, int] | None = None,
    priority: bool = False,
    approval: ApprovalRequest | None = None,
    notify_kind: str = "custody.alert",
) -> None:
    """The tail every custody write shares: decisions applied (deadlines, notifications, records), audit event."""
    decisions_apply(
        decisions=decisions,
        trigger=trigger,
        case=case,
        object_type=object_type,
        object_id=object_id,
        actor=actor,
        at=at,
        justification=justification,
        subject=subject,
        priority=priority,
        approval=approval,
        notify_kind=notify_kind,
    )
    reason = justification if isinstance(justification, str) else " | ".join(v for v in justification.values() if v)
    audit_append(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        child_id=case.child_id,
        changes=changes,
        decisions=decisions,
        reason=reason,
    )


# --- Facilities ----------------------------------------------------------------------------------------------------


@transaction.atomic
def facility_create(*, actor: User, data: dict[str, Any], staff: Iterable[User] = ()) -> Facility:
    if not can(actor, "facility.manage") or actor.agency is None:
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

    require(actor, "facility.manage", ONLY_ADMINISTRATOR)
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
    police_cell_justification: str = "",
    age_floor_justification: str = "",
    emergency: bool = False,
    accommodation_provided: str = "",
    mixed_facility_justification: str = "",
    child_views: str = "",
    views_not_heard_reason: str = "",
    approval: ApprovalRequest | None = None,
) -> CustodyEpisode | ApprovalRequest:
    """Any start of deprivation of liberty: PTD-1 (24 h), DET-1 (parents), DET-6 (health), CNS-1 (counsel within
    24 h) deadlines; MACR-1, STA-1, PTD-9, DET-3, DET-4, CAP-1, HRD-1 (a placement in a detention facility: the
    child's views or why not heard) may refuse it. A placement apart from adults not assured waits for a
    supervisor's approval of the best-interests justification (DET-4)."""
    require_capability(actor, "custody.start", "the start of custody")
    custody_allowed_on(case)
    if kind == EpisodeKind.PRETRIAL_DETENTION:
        raise ApplicationError(PRETRIAL_NEEDS_ORDER, extra={"kind": [PRETRIAL_NEEDS_ORDER]})
    episode_start_allowed(case, kind)
    if facility.jurisdiction_id != case.jurisdiction_id:
        raise ApplicationError(
            t("The facility is in another jurisdiction."), extra={"facility": [t("Not in this jurisdiction.")]}
        )
    held = CustodyEpisode.objects.filter(child_id=case.child_id, ended_at__isnull=True).first()
    if held is not None:
        raise ApplicationError(t(ALREADY_HELD, pk=held.pk))
    now = timezone.now()
    at = started_at or now
    placement_fields = {
        "commitment_order_reference": commitment_order_reference,
        "best_interests_justification": best_interests_justification,
        "police_cell_justification": police_cell_justification,
        "age_floor_justification": age_floor_justification,
        "emergency": emergency,
        "accommodation_provided": accommodation_provided,
        "mixed_facility_justification": mixed_facility_justification,
        "child_views": child_views,
        "views_not_heard_reason": views_not_heard_reason,
    }
    facts = PlacementFacts(
        case=case_facts(case, stage="charge" if case.status == CaseStatus.CHARGED else "intake"),
        facility=facility_facts(facility),
        at=at,
        zone=_zone(case),
        **placement_fields,  # type: ignore[arg-type]
    )

    def hold(decisions: Sequence[Decision]) -> ApprovalRequest | None:
        if not needing_approval(decisions):
            return None
        return approval_request(
            actor=actor,
            case=case,
            action="custody.start",
            payload={
                "case": case.pk,
                "facility": facility.pk,
                "kind": kind,
                "started_at": at.isoformat(),
                **placement_fields,
            },
            justification=best_interests_justification,
            decisions=decisions,
        )

    def write(decisions: Sequence[Decision]) -> Written[CustodyEpisode]:
        episode = CustodyEpisode.objects.create(
            case=case,
            child_id=case.child_id,
            kind=kind,
            started_at=at,
            current_facility=facility,
            started_by=actor,
            legal_status=LegalStatus.SENTENCED if kind == EpisodeKind.SENTENCED_DETENTION else LegalStatus.PRE_SENTENCE,
        )
        Placement.objects.create(episode=episode, facility=facility, started_at=at, **placement_fields)
        LegalStatusChange.objects.create(episode=episode, status=episode.legal_status, at=at)
        case_event_record(
            case=case,
            kind="custody.started",
            summary=t("Deprived of liberty: {name}", name=facility.name),
            actor=actor,
            data={"episode": episode.pk},
            occurred_at=at,
        )
        return Written(
            episode,
            "custody_episode",
            episode.pk,
            {"facility_id": facility.pk, "kind": kind, "started_at": at.isoformat()},
        )

    justification = {
        "DET-4": best_interests_justification,
        "MACR-7": best_interests_justification,
        "PTD-11": police_cell_justification,
        "PTD-9": age_floor_justification,
        "DIS-1": accommodation_provided,
        "GIR-1": mixed_facility_justification,
        "HRD-1": views_not_heard_reason or child_views,
    }
    return act_record(
        actor=actor,
        case=case,
        trigger=Trigger.CUSTODY_START,
        facts=facts,
        as_of=now,
        action="custody_episode.create",
        refused_object=("case", case.pk),
        write=write,
        justification=justification,
        reason=_why(justification),
        approval=approval,
        notify_kind=CUSTODY_ALERT,
        hold=hold,
    )


def _start_on_approval(approval: ApprovalRequest, approver: User) -> CustodyEpisode | ApprovalRequest:
    data = approval.payload
    return custody_start(
        actor=approval.requested_by,
        case=Case.objects.select_related("jurisdiction", "child").get(pk=data["case"]),
        facility=Facility.objects.get(pk=data["facility"]),
        kind=data["kind"],
        started_at=datetime.fromisoformat(data["started_at"]),
        commitment_order_reference=data["commitment_order_reference"],
        best_interests_justification=data["best_interests_justification"],
        police_cell_justification=data["police_cell_justification"],
        age_floor_justification=data["age_floor_justification"],
        emergency=data["emergency"],
        accommodation_provided=data.get("accommodation_provided", ""),
        mixed_facility_justification=data.get("mixed_facility_justification", ""),
        child_views=data.get("child_views", ""),
        views_not_heard_reason=data.get("views_not_heard_reason", ""),
        approval=approval,
    )


APPROVAL_ACTIONS["custody.start"] = _start_on_approval


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
    police_cell_justification: str = "",
    age_floor_justification: str = "",
    mixed_facility_justification: str = "",
    protective_transfer: bool = False,
    child_views: str = "",
    views_not_heard_reason: str = "",
    approval: ApprovalRequest | None = None,
) -> Placement | ApprovalRequest:
    """A move to another facility: a protective act when it takes the child to a safer place, so no evidence hold
    stops it and no rule refuses it (INV-5). Moving a child to a place holding adults waits for a supervisor's
    approval of the best-interests justification (MACR-7, DET-4). HRD-1: the child's views, or why not heard."""
    require_capability(actor, "custody.transfer", "a transfer")
    if episode.current_facility_id == facility.pk:
        raise ApplicationError(SAME_FACILITY, extra={"facility": [SAME_FACILITY]})
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    moved_at = at or now
    placement_fields = {
        "commitment_order_reference": commitment_order_reference,
        "best_interests_justification": best_interests_justification,
        "emergency": emergency,
        "police_cell_justification": police_cell_justification,
        "age_floor_justification": age_floor_justification,
        "mixed_facility_justification": mixed_facility_justification,
        "protective_transfer": protective_transfer,  # INV-5: to a safer place, the checks only warn
        "child_views": child_views,
        "views_not_heard_reason": views_not_heard_reason,
    }
    facts = PlacementFacts(
        case=case_facts(case, stage="charge"),
        facility=facility_facts(facility, excluding_episode=episode.pk),
        at=moved_at,
        zone=_zone(case),
        is_admission=False,
        episode_started_at=episode.started_at,
        first_appearance_at=episode.first_appearance_at,
        **placement_fields,  # type: ignore[arg-type]
    )

    def hold(decisions: Sequence[Decision]) -> ApprovalRequest | None:
        if not needing_approval(decisions):
            return None
        return approval_request(
            actor=actor,
            case=case,
            action="custody.transfer",
            payload={
                "episode": episode.pk,
                "facility": facility.pk,
                "at": moved_at.isoformat(),
                "condition_note": condition_note,
                **placement_fields,
            },
            justification=best_interests_justification,
            decisions=decisions,
        )

    def write(decisions: Sequence[Decision]) -> Written[Placement]:
        locked = _open_episode(episode)
        Placement.objects.filter(episode=locked, ended_at__isnull=True).update(ended_at=moved_at)
        placement = Placement.objects.create(
            episode=locked, facility=facility, started_at=moved_at, condition_note=condition_note, **placement_fields
        )
        before = locked.current_facility_id
        locked.current_facility = facility
        locked.version += 1
        locked.save(update_fields=["current_facility", "version", "updated_at"])
        case_event_record(
            case=case,
            kind="custody.transferred",
            summary=t("Transferred to {name}", name=facility.name),
            actor=actor,
            data={"episode": locked.pk, "placement": placement.pk},
            occurred_at=moved_at,
        )
        deadlines_meet(case=case, kinds=["police_cell_exit"], at=moved_at, by=actor, note=f"moved to {facility.name}")
        return Written(
            placement,
            "custody_episode",
            locked.pk,
            {"facility_id": {"before": before, "after": facility.pk}},
        )

    justification = {
        "DET-4": best_interests_justification,
        "MACR-7": best_interests_justification,
        "PTD-11": police_cell_justification,
        "GIR-1": mixed_facility_justification,
        "HRD-1": views_not_heard_reason or child_views,
    }
    return act_record(
        actor=actor,
        case=case,
        trigger=Trigger.TRANSFER,
        facts=facts,
        as_of=now,
        action="custody_episode.transfer",
        refused_object=("custody_episode", episode.pk),
        write=write,
        justification=justification,
        reason=_why(justification),
        approval=approval,
        notify_kind=CUSTODY_ALERT,
        hold=hold,
    )


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
        police_cell_justification=data.get("police_cell_justification", data.get("justification", "")),
        age_floor_justification=data.get("age_floor_justification", ""),
        mixed_facility_justification=data.get("mixed_facility_justification", ""),
        protective_transfer=data.get("protective_transfer", False),
        child_views=data.get("child_views", ""),
        views_not_heard_reason=data.get("views_not_heard_reason", ""),
        approval=approval,
    )


APPROVAL_ACTIONS["custody.transfer"] = _transfer_on_approval


def custody_release(
    *, actor: User, episode: CustodyEpisode, reason: str, aftercare: dict[str, Any], at: datetime | None = None
) -> Release:
    """Release with an aftercare and reintegration plan (A/RES/79/172 para 30). Never refused by a rule, a hold or
    a freeze (INV-5). The held-child deadlines lose their object and close as moot; DET-1 asks for the parents to
    be told."""
    require_capability(actor, "custody.release", "a release")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    with transaction.atomic():
        return _release(actor=actor, episode=episode, case=case, reason=reason, aftercare=aftercare, at=at)


def _release(
    *,
    actor: User,
    episode: CustodyEpisode,
    case: Case,
    reason: str,
    aftercare: dict[str, Any],
    at: datetime | None,
) -> Release:
    now = timezone.now()
    released_at = at or now
    decisions = rules_evaluate(
        trigger=Trigger.RELEASE,
        jurisdiction_id=case.jurisdiction_id,
        facts=release_facts(episode, at=released_at, aftercare=aftercare),  # REI-1: aftercare, never a hold
        as_of=now,
    )
    locked = CustodyEpisode.objects.select_for_update().get(pk=episode.pk)
    if locked.ended_at is not None:
        raise ApplicationError(ENDED)
    release = Release.objects.create(
        episode=locked, at=released_at, reason=reason, aftercare=aftercare, recorded_by=actor
    )
    episode_end(
        episode=locked,
        case=case,
        at=released_at,
        reason=END_RELEASE,
        actor=actor,
        note=f"the child was released ({reason})",
    )
    case_event_record(
        case=case,
        kind="custody.released",
        summary=t("Released ({reason})", reason=reason),
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
    six months; otherwise deadlines for review (14 d), charge (30 d) and final decision (6 months), the last two
    counted from the case's first deprivation of liberty, whichever episode (INV-2). CNS-1: no active counsel needs
    a reason (or is refused, by policy); HRD-1: the child's views, or why the child could not be heard."""
    require_capability(actor, "custody.detention_order", "a detention order")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    custody_allowed_on(case)
    now = timezone.now()
    data = dict(data)
    charge_delay_justification = data.pop("charge_delay_justification", "")
    armed_forces_justification = data.get("armed_forces_justification", "")  # CAF-1, stored on the order
    no_counsel_justification = data.get("no_counsel_justification", "")  # CNS-1, stored on the order
    ordered_at = data.get("ordered_at") or now
    kind = data.get("kind", "pretrial_detention")
    pretrial_order_allowed(episode, kind)
    first_order = not episode.detention_orders.filter(kind="pretrial_detention").exists()
    clock = case_clock(case)
    facts = DetentionOrderFacts(
        case=case_facts(
            case,
            stage="charge" if case.status == CaseStatus.CHARGED else "intake",
            armed_forces_justification=armed_forces_justification,
            no_counsel_justification=no_counsel_justification,
        ),
        ordered_at=ordered_at,
        episode_started_at=episode.started_at,
        zone=_zone(case),
        kind=kind,
        grounds=tuple(data.get("grounds", ())),
        alternatives_considered=tuple(
            Alternative(a["alternative"], a.get("reason_rejected", "")) for a in data.get("alternatives_considered", [])
        ),
        justification=data.get("justification", ""),
        monetary_bail_condition=data.get("monetary_bail_condition", False),
        grounds_for_detention_found=data.get("grounds_for_detention_found", False),
        charged=case.status in (CaseStatus.CHARGED, CaseStatus.SENTENCED),
        first_order=first_order,
        final_decision_made=case.sentences.exists(),
        age_floor_justification=data.get("age_floor_justification", ""),
        charge_delay_justification=charge_delay_justification,
        clock_started_at=clock.first_deprived_at,
        pretrial_clock_started_at=clock.first_pretrial_at,
        child_views=data.get("child_views", ""),
        views_not_heard_reason=data.get("views_not_heard_reason", ""),
    )

    def flag(decisions: Sequence[Decision]) -> None:
        if any(d.rule_id == "PTD-6" and d.unmet for d in decisions):
            _flag_mandatory_release(episode, decisions, actor=actor, at=now)

    def write(decisions: Sequence[Decision]) -> Written[DetentionOrder]:
        locked = _open_episode(episode)
        order = DetentionOrder(episode=locked, recorded_by=actor, **{**data, "ordered_at": ordered_at})
        order.full_clean()
        order.save()
        if order.kind == "pretrial_detention":
            episode_kind_change(episode=locked, to=EpisodeKind.PRETRIAL_DETENTION, at=ordered_at)
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
            summary=t("Detention order ({kind})", kind=order.kind.replace("_", " ")),
            actor=actor,
            data={"episode": locked.pk, "order": order.pk},
            occurred_at=ordered_at,
        )
        return Written(
            order,
            "detention_order",
            order.pk,
            {
                "episode_id": locked.pk,
                "kind": order.kind,
                "grounds": order.grounds,
                "alternatives": [a["alternative"] for a in order.alternatives_considered],
            },
            subject=("custody_episode", locked.pk),
        )

    def justification(order: DetentionOrder) -> dict[str, str]:
        return {
            "PTD-2": order.justification,
            "PTD-9": order.age_floor_justification,
            "PTD-5": charge_delay_justification,
            "CAF-1": armed_forces_justification,
            "CNS-1": no_counsel_justification,
            "HRD-1": order.views_not_heard_reason or order.child_views,
        }

    return act_record(
        actor=actor,
        case=case,
        trigger=Trigger.DETENTION_ORDER,
        facts=facts,
        as_of=now,
        action="detention_order.create",
        refused_object=("custody_episode", episode.pk),
        write=write,
        justification=justification,
        reason=lambda order: _why(justification(order)),
        priority=True,
        notify_kind=CUSTODY_ALERT,
        on_decisions=flag,
    )


APPEARANCE_RELEASES = "released"
APPEARANCE_DECIDES = "decided"


def appearance_record(
    *,
    actor: User,
    episode: CustodyEpisode,
    kind: str,
    at: datetime,
    authority: str,
    outcome: str,
    justification: str = "",
    accommodation_provided: str = "",
) -> JudicialAppearance:
    """A first appearance meets PTD-1. Whatever its kind or outcome, an appearance after which the child stays in
    pretrial detention opens the next review (INV-3) and runs the review checks (PTD-5 charge overdue, PTD-6 six
    months: refused, flagged for mandatory release). An outcome "released" releases the child, there and then."""
    require_capability(actor, "custody.appearance", "a court appearance")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    decisions: list[Decision] = []
    releases = outcome == APPEARANCE_RELEASES
    still_pretrial = (
        not releases
        and episode.pretrial_detention_started_at is not None
        and episode.legal_status == LegalStatus.PRE_SENTENCE
    )
    if still_pretrial:
        clock = case_clock(case)
        facts = ReviewFacts(
            at=at,
            episode_started_at=clock.first_deprived_at or episode.started_at,
            pretrial_detention_started_at=clock.first_pretrial_at or episode.started_at,
            zone=_zone(case),
            charged=case.status in (CaseStatus.CHARGED, CaseStatus.SENTENCED),
            final_decision_made=case.sentences.exists() or outcome == APPEARANCE_DECIDES,
            justification=justification,
        )
        decisions = rules_evaluate(
            trigger=Trigger.DETENTION_REVIEW, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=now
        )
        if any(d.rule_id == "PTD-6" and d.unmet for d in decisions):
            _flag_mandatory_release(episode, decisions, actor=actor, at=now)
        refuse_unless_allowed(
            decisions=decisions,
            actor=actor,
            action="appearance.create",
            object_type="custody_episode",
            object_id=episode.pk,
            child_id=case.child_id,
        )
    # DIS-1: a judicial review is never held back (INV-5); a missing accommodation warns and tells the supervisor.
    accommodation = rules_evaluate(
        trigger=Trigger.COURT_APPEARANCE,
        jurisdiction_id=case.jurisdiction_id,
        facts=appearance_facts(episode, at=at, accommodation_provided=accommodation_provided),
        as_of=now,
    )
    with transaction.atomic():
        locked = _open_episode(episode)
        appearance = JudicialAppearance.objects.create(
            episode=locked,
            kind=kind,
            at=at,
            authority=authority,
            outcome=outcome,
            recorded_by=actor,
            accommodation_provided=accommodation_provided,
        )
        decisions_apply(
            decisions=accommodation,
            trigger=Trigger.COURT_APPEARANCE,
            case=case,
            object_type="appearance",
            object_id=appearance.pk,
            actor=actor,
            at=now,
            justification={"DIS-1": accommodation_provided},
        )
        if locked.first_appearance_at is None:
            locked.first_appearance_at = at
            locked.version += 1
            locked.save(update_fields=["first_appearance_at", "version", "updated_at"])
        kinds = ["competent_authority"] + (["detention_review"] if still_pretrial or kind == "review" else [])
        deadlines_meet(case=case, kinds=kinds, at=at, by=actor, note=f"{kind} before {authority}")
        case_event_record(
            case=case,
            kind=f"appearance.{kind}",
            summary=t("Before {authority}: {outcome}", authority=authority, outcome=outcome.replace("_", " ")),
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
            justification={"PTD-5": justification},
            subject=("custody_episode", locked.pk),
            priority=True,
        )
        if releases:
            _release(
                actor=actor,
                episode=locked,
                case=case,
                reason="judicial_order",
                aftercare={"notes": f"Released by {authority}"},
                at=at,
            )
    return appearance


def _flag_mandatory_release(
    episode: CustodyEpisode, decisions: Sequence[Decision], *, actor: User, at: datetime
) -> None:
    """PTD-6: committed on its own, so the red flag stands although the continued detention is refused."""
    with transaction.atomic():
        CustodyEpisode.objects.filter(pk=episode.pk).update(mandatory_release_flag=True)
        notifications_from_decisions(
            case=episode.case,
            decisions=[d for d in decisions if d.rule_id == "PTD-6"],
            kind="custody.mandatory_release",
            actor=actor,
            at=at,
            subject=("custody_episode", episode.pk),
        )


# --- Life in custody -------------------------------------------------------------------------------------------------


def family_notification_record(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> FamilyNotification:
    require_capability(actor, "custody.family_notification", "a family notification")
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
    require_capability(actor, "custody.contact", "a visit or call")
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
    require_capability(actor, "custody.health_examination", "a health examination")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    with transaction.atomic():
        locked = _open_episode(episode)
        row = HealthExamination.objects.create(episode=locked, recorded_by=actor, **data)
        # GIR-1: a gender-specific examination; ILL-1: an examination after an allegation (any examination).
        kinds = ["health_examination", "allegation_medical_examination"] + (
            ["gender_health_screening"] if row.gender_specific else []
        )
        deadlines_meet(case=case, kinds=kinds, at=row.at, by=actor, note="examined")
        audit_append(
            actor=actor,
            action="health_examination.create",
            object_type="custody_episode",
            object_id=locked.pk,
            child_id=case.child_id,
            changes={"at": row.at.isoformat()},
        )
    return row


ALLEGATION_RULE = "ILL-1"


def _allegation_hold(locked: CustodyEpisode) -> bool:
    """ILL-1 (as DTH-1): the records of the episode are held as evidence. `locked` is the caller's locked row."""
    if locked.evidence_frozen:
        return False
    locked.evidence_frozen = True
    locked.version += 1
    locked.save(update_fields=["evidence_frozen", "version", "updated_at"])
    return True


def incident_record(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> Incident:
    """DET-7/8/9 refuse prohibited treatment; DTH-1 freezes the episode as evidence and alerts oversight. ILL-1: an
    allegation of ill-treatment or violence tells the independent oversight body and child protection at once,
    holds the episode's records as evidence (never a protective act) and opens the deadlines of its medical
    examination and of the start of its investigation (met by `allegation_investigation_open`)."""
    require_capability(actor, "custody.incident", "an incident")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    facts = incident_facts(episode, data, reported_at=now)  # GIR-1: pregnancy or child in care; ILL-1: allegation

    def write(decisions: Sequence[Decision]) -> Written[Incident]:
        grave = any(d.rule_id == "DTH-1" for d in decisions)
        alleged = any(d.rule_id == ALLEGATION_RULE for d in decisions)
        locked = CustodyEpisode.objects.select_for_update().get(pk=episode.pk)
        incident = Incident.objects.create(
            episode=locked,
            facility_id=locked.current_facility_id,
            recorded_by=actor,
            # DTH-1 opens the investigation of a grave incident at once; an allegation of ill-treatment waits for the
            # independent opening ILL-1 tracks (its deadline is met by that act only: INV-8).
            investigation_opened_at=now if grave and not alleged else None,
            **data,
        )
        if grave or alleged:
            _allegation_hold(locked)
        if incident.kind == "death" and locked.ended_at is None:
            episode_end(
                episode=locked,
                case=case,
                at=incident.occurred_at,
                reason=END_DEATH,
                actor=actor,
                note="the child died in custody",
            )
        case_event_record(
            case=case,
            kind=f"incident.{incident.kind}",
            summary=t("Incident in custody: {kind}", kind=incident.kind.replace("_", " ")),
            actor=actor,
            data={"episode": locked.pk, "incident": incident.pk},
            occurred_at=incident.occurred_at,
        )
        changes: dict[str, Any] = {"episode_id": locked.pk, "kind": incident.kind, "evidence_frozen": grave}
        if alleged:
            changes.update(allegation_kind=incident.allegation_kind, evidence_hold=True)
        return Written(
            incident,
            "incident",
            incident.pk,
            changes,
            subject=("custody_episode", locked.pk),
            rule_subjects={ALLEGATION_RULE: ("incident", incident.pk)},  # met per allegation
        )

    return act_record(
        actor=actor,
        case=case,
        trigger=Trigger.INCIDENT,
        facts=facts,
        as_of=now,
        action="incident.create",
        refused_object=("custody_episode", episode.pk),
        write=write,
        notify_kind="custody.grave_incident" if data["kind"] in GRAVE_KINDS else "custody.incident",
    )


def complaint_record(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> Complaint:
    """Recorded uncensored; DET-10 sets the response deadline. ILL-1 for a complaint alleging ill-treatment or
    violence, as for an incident."""
    require_capability(actor, "custody.complaint", "a complaint")
    case = Case.objects.select_related("jurisdiction").get(pk=episode.case_id)  # fresh: status may have moved
    now = timezone.now()
    lodged = data.get("lodged_at") or now
    facts = complaint_facts(episode, lodged_at=lodged, allegation_kind=data.get("allegation_kind", ""))

    def write(decisions: Sequence[Decision]) -> Written[Complaint]:
        complaint = Complaint.objects.create(episode=episode, recorded_by=actor, **{**data, "lodged_at": lodged})
        changes: dict[str, Any] = {"episode_id": episode.pk}
        if any(d.rule_id == ALLEGATION_RULE for d in decisions):
            _allegation_hold(CustodyEpisode.objects.select_for_update().get(pk=episode.pk))
            changes.update(allegation_kind=complaint.allegation_kind, evidence_hold=True)
        return Written(complaint, "complaint", complaint.pk, changes)

    return act_record(
        actor=actor,
        case=case,
        trigger=Trigger.COMPLAINT,
        facts=facts,
        as_of=now,
        action="complaint.create",
        refused_object=("custody_episode", episode.pk),
        write=write,
        notify_kind=CUSTODY_ALERT,
    )


def complaint_respond(*, actor: User, complaint: Complaint, response: str) -> Complaint:
    require_capability(actor, "custody.complaint_response", "a complaint response")
    refuse_if_implicated(actor=actor, record=complaint, action="complaint.respond")
    case = complaint.episode.case
    now = timezone.now()
    with transaction.atomic():
        locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
        if locked.responded_at is not None:
            raise ApplicationError(t("This complaint has already been answered."))
        locked.response = response
        locked.responded_at = now
        locked.save(update_fields=["response", "responded_at", "updated_at"])
        deadlines_meet(
            case=case,
            kinds=["complaint_response"],
            at=now,
            by=actor,
            note="answered",
            subject_type="complaint",
            subject_id=locked.pk,
        )
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


def inspection_record(*, actor: User, facility: Facility, data: dict[str, Any]) -> Any:
    """Recorded by the monitoring body itself (oversight monitors), so the facility cannot shape the record. DET-11
    warns when no private interviews were held and gives the recommendations a follow-up date."""
    from jj.custody.models import Inspection

    require(actor, "inspection.record", "Only an oversight monitor records an inspection.")
    now = timezone.now()
    facts = InspectionFacts(
        visited_on=data["visited_on"],
        private_interviews_held=data.get("private_interviews_held", False),
        recommendations=tuple(r for r in data.get("recommendations", []) if r.strip()),
        follow_up_due=data.get("follow_up_due"),
    )
    decisions = rules_evaluate(
        trigger=Trigger.INSPECTION, jurisdiction_id=facility.jurisdiction_id, facts=facts, as_of=now
    )
    follow_up = [spec for d in decisions for spec in d.deadlines if spec.kind == "inspection_follow_up"]
    with transaction.atomic():
        inspection = Inspection(facility=facility, recorded_by=actor, **data)
        if follow_up:
            inspection.follow_up_due = follow_up[0].due_at.date()
        inspection.full_clean()
        inspection.save()
        decisions_record(
            decisions=decisions,
            trigger=Trigger.INSPECTION,
            object_type="inspection",
            object_id=inspection.pk,
            jurisdiction_id=facility.jurisdiction_id,
            actor=actor,
            at=now,
        )
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
                "follow_up_due": inspection.follow_up_due.isoformat() if inspection.follow_up_due else None,
            },
            decisions=decisions,
        )
    return inspection


@transaction.atomic
def inspection_follow_up_record(*, actor: User, inspection: Any, done_on: date, note: str) -> Any:
    """The monitoring body records that it followed up its recommendations: meets DET-11's follow-up deadline."""
    from jj.custody.models import Inspection

    require(actor, "inspection.record", "Only an oversight monitor records the follow-up of an inspection.")
    locked = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if locked.follow_up_done_on is not None:
        raise ApplicationError(
            t("This inspection's follow-up is already recorded."), extra={"done_on": [t("Already recorded.")]}
        )
    if done_on < locked.visited_on:
        raise ApplicationError(
            t("The follow-up cannot come before the visit."), extra={"done_on": [t("Before the visit.")]}
        )
    locked.follow_up_done_on = done_on
    locked.follow_up_note = note
    locked.save(update_fields=["follow_up_done_on", "follow_up_note", "updated_at"])
    audit_append(
        actor=actor,
        action="inspection.follow_up",
        object_type="facility",
        object_id=locked.facility_id,
        changes={
            "inspection_id": locked.pk,
            "done_on": done_on.isoformat(),
            "due": locked.follow_up_due.isoformat() if locked.follow_up_due else None,
        },
    )
    return locked


# --- Challenges to legality (PTD-10) and family contact (DET-5) ---------------------------------------------------


def legality_challenge_file(*, actor: User, episode: CustodyEpisode, data: dict[str, Any]) -> Any:
    from jj.custody.models import LegalityChallenge

    require_capability(actor, "custody.legality_challenge", "a challenge to legality")
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
    """Judicial review: deciding a pending challenge is a new act and proceeds under an evidence hold (INV-5);
    changing a decision already recorded is an edit, refused on a held episode (DTH-1)."""
    require_capability(actor, "custody.legality_decision", "the decision on a challenge")
    case = challenge.episode.case
    if challenge.decided_at is not None:
        episode_records_edit_check(
            actor=actor,
            episode_id=challenge.episode_id,
            action="legality_challenge.decide",
            object_type="legality_challenge",
            object_id=challenge.pk,
            child_id=case.child_id,
        )
    now = timezone.now()
    with transaction.atomic():
        challenge.decided_at = now
        challenge.outcome = outcome
        challenge.save(update_fields=["decided_at", "outcome", "updated_at"])
        deadlines_meet(
            case=case,
            kinds=["legality_challenge"],
            at=now,
            by=actor,
            note=outcome,
            subject_type="legality_challenge",
            subject_id=challenge.pk,
        )
        audit_append(
            actor=actor,
            action="legality_challenge.decide",
            object_type="legality_challenge",
            object_id=challenge.pk,
            child_id=case.child_id,
            changes={"outcome": outcome},
        )
    return challenge


def episode_review(episode: CustodyEpisode, *, now: datetime | None = None) -> list[Decision]:
    """The checks of a held child computed on read (no write, nothing to refuse): DET-5, how long since the last
    family visit; REI-1, a child of school age held past the policy's days with no education enrolment. One policy
    read for both."""
    moment = now or timezone.now()
    policy = policy_for(episode.case.jurisdiction_id)
    return evaluate(Trigger.CONTACT_REVIEW, policy, _contact_facts(episode), moment) + evaluate(
        Trigger.EDUCATION_REVIEW, policy, education_review_facts(episode), moment
    )


def _contact_facts(episode: CustodyEpisode) -> ContactReviewFacts:
    last = (
        ContactLog.objects.filter(episode=episode, kind__in=["visit", "video_call"])
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    return ContactReviewFacts(held_since=episode.started_at, last_family_visit_at=last)
