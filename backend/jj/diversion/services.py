"""Diversion use cases. The safeguards (DIV-2) are checked before anything is written; completion closes the case
for good with no criminal record (DIV-4); the acknowledgement of responsibility never leaves its column."""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from jj.accounts.capabilities import roles_for
from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.cases.lifecycle import case_status_change, case_transition_check
from jj.cases.models import Case, CaseStatus
from jj.cases.services import case_event_record
from jj.compliance.services import (
    Written,
    act_record,
    atomic_keeping_refusals,
    decisions_apply,
    decisions_record,
    refuse_unless_allowed,
    rules_evaluate,
)
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.core.services import act_time, act_timing
from jj.custody.models import CustodyEpisode
from jj.deadlines.services import deadlines_meet
from jj.diversion.access import decisions_for_the_trail
from jj.diversion.facts import referral_case_facts
from jj.diversion.models import DiversionReferral, DiversionSession, Programme, ReferralStatus
from jj.rules.engine import Decision, Trigger
from jj.rules.facts import DiversionFacts, ProgrammeFacts
from jj.rules.text import msgid, t

WRITERS = roles_for("diversion.record")
PROGRAMME_MANAGERS = roles_for("diversion.programmes")
CLOSED = (CaseStatus.CLOSED, CaseStatus.CLOSED_FINAL, CaseStatus.SENTENCED)
DIVERSION_DEADLINES = ("diversion_review", "diversion_end")
HELD_ON_CASE = msgid(
    "The child is deprived of liberty on this case. Diversion never involves deprivation of liberty: record the "
    "release before the diversion starts."
)


def _require(actor: User, roles: frozenset[str], what: str) -> None:
    if actor.role not in roles:
        raise ActionNotAllowed(t("Your role cannot {what}.", what=what))


def _programme_facts(programme: Programme) -> ProgrammeFacts:
    return ProgrammeFacts(programme.kind, programme.involves_deprivation_of_liberty)


def _referral_facts(referral: DiversionReferral, **extra: Any) -> DiversionFacts:
    return DiversionFacts(programme=_programme_facts(referral.programme), stage=referral.stage_offered, **extra)


@atomic_keeping_refusals()
def programme_create(*, actor: User, data: dict[str, Any]) -> Programme:
    _require(actor, PROGRAMME_MANAGERS, t("manage diversion programmes"))
    if actor.agency is None:
        raise ActionNotAllowed(t("You belong to no agency."))
    programme = Programme(jurisdiction_id=actor.agency.jurisdiction_id, agency=actor.agency, **data)
    decisions = rules_evaluate(
        trigger=Trigger.PROGRAMME,
        jurisdiction_id=programme.jurisdiction_id,
        facts=_programme_facts(programme),
        as_of=timezone.now(),
    )
    refuse_unless_allowed(decisions=decisions, actor=actor, action="programme.create", object_type="programme")
    programme.full_clean()
    programme.save()
    audit_append(
        actor=actor,
        action="programme.create",
        object_type="programme",
        object_id=programme.pk,
        changes={k: str(v) for k, v in data.items()},
    )
    return programme


def referral_offer(
    *,
    actor: User,
    case: Case,
    programme: Programme,
    stage: str,
    occurred_at: datetime | None = None,
    child_views: str = "",
    views_not_heard_reason: str = "",
) -> DiversionReferral:
    """Offer diversion (DIV-1: at intake, at charge, or any later point; serious offences included), at the time
    it was offered. HRD-1: the child's views on the referral, or why the child could not be heard."""
    _require(actor, WRITERS, t("offer diversion"))
    if case.status in CLOSED:
        raise ApplicationError(t("This case is closed or sentenced: diversion can no longer be offered."))
    if programme.jurisdiction_id != case.jurisdiction_id or not programme.active:
        raise ApplicationError(
            t("No such active programme here."), extra={"programme": [t("Choose an active programme.")]}
        )
    if DiversionReferral.objects.filter(case=case, status__in=[ReferralStatus.OFFERED, ReferralStatus.ACTIVE]).exists():
        raise ApplicationError(t("A diversion is already offered or under way on this case."))
    now = timezone.now()
    at = act_time(occurred_at, now=now, not_before=case.opened_at, after=t("the case was opened"))
    facts = DiversionFacts(
        programme=_programme_facts(programme),
        stage=stage,
        child_views=child_views,
        views_not_heard_reason=views_not_heard_reason,
    )

    def write(decisions: Sequence[Decision]) -> Written[DiversionReferral]:
        referral = DiversionReferral.objects.create(
            case=case,
            programme=programme,
            stage_offered=stage,
            offered_at=at,
            offered_by=actor,
            case_status_before=case.status,
            child_views=child_views,
            views_not_heard_reason=views_not_heard_reason,
        )
        case_event_record(
            case=case,
            kind="diversion.offered",
            summary=t("Diversion offered: {name}", name=programme.name),
            actor=actor,
            data={"referral": referral.pk, "stage": stage},
            occurred_at=at,
        )
        return Written(
            referral,
            "diversion_referral",
            referral.pk,
            {"case_id": case.pk, "programme_id": programme.pk, "stage": stage, **act_timing(at, now)},
        )

    return act_record(
        actor=actor,
        case=case,
        trigger=Trigger.DIVERSION_OFFER,
        facts=facts,
        as_of=at,
        action="diversion.offer",
        refused_object=("case", case.pk),
        write=write,
        justification={"HRD-1": views_not_heard_reason or child_views},
        reason="",  # the child's own words stay with the decision, out of the trail
    )


def referral_activate(*, actor: User, referral: DiversionReferral, data: dict[str, Any]) -> DiversionReferral:
    """DIV-2: nothing is written unless every safeguard is recorded."""
    _require(actor, WRITERS, t("record the start of a diversion"))
    if referral.status != ReferralStatus.OFFERED:
        raise ApplicationError(t("Only an offered diversion can start."))
    case = referral.case
    now = timezone.now()
    at = act_time(data.get("occurred_at"), now=now, not_before=referral.offered_at, after=t("the offer"))
    acknowledgement = data.get("acknowledgement_of_responsibility", "")
    facts = _referral_facts(
        referral,
        compelling_evidence=data.get("compelling_evidence", ""),
        acknowledgement_recorded=bool(acknowledgement.strip()),
        child_consent=bool(data.get("child_consent")),
        guardian_consent=bool(data.get("guardian_consent")),
        informed_of=tuple(data.get("informed_of", ())),
        legal_advice_offered=bool(data.get("legal_advice_offered")),
        review_route_explained=bool(data.get("review_route_explained")),
        activated_at=at,
        duration_days=referral.programme.typical_duration_days,
        case=referral_case_facts(referral),  # DIS-1: the child's accommodation needs
        accommodation_provided=data.get("accommodation_provided", ""),
    )
    case_transition_check(case=case, to=CaseStatus.DIVERTED, actor=actor, action="diversion.activate")
    decisions = rules_evaluate(
        trigger=Trigger.DIVERSION_ACTIVATE, jurisdiction_id=case.jurisdiction_id, facts=facts, as_of=at
    )
    refuse_unless_allowed(
        decisions=decisions,
        actor=actor,
        action="diversion.activate",
        object_type="diversion_referral",
        object_id=referral.pk,
        child_id=case.child_id,
        audit_decisions=decisions_for_the_trail(decisions),
    )
    if CustodyEpisode.objects.filter(case=case, ended_at__isnull=True).exists():  # INV-4
        raise ApplicationError(HELD_ON_CASE, extra={"status": [HELD_ON_CASE]})
    with transaction.atomic():
        locked = DiversionReferral.objects.select_for_update().select_related("programme").get(pk=referral.pk)
        locked.status = ReferralStatus.ACTIVE
        locked.compelling_evidence = facts.compelling_evidence
        locked.acknowledgement_of_responsibility = acknowledgement
        locked.child_consent_at = at
        locked.guardian_consent_at = at if facts.guardian_consent else None
        locked.informed_of = list(facts.informed_of)
        locked.legal_advice_offered_at = at
        locked.review_route_explained = True
        locked.accommodation_provided = data.get("accommodation_provided", "")
        locked.stage_accepted = data.get("stage_accepted") or locked.stage_offered
        locked.activated_at = at
        locked.ends_on = (at + timedelta(days=locked.programme.typical_duration_days)).date()
        locked.version += 1
        locked.save()
        case_status_change(
            case=case,
            to=CaseStatus.DIVERTED,
            actor=actor,
            at=at,
            action="diversion.activate",
            summary=t("Diversion started: {name}", name=locked.programme.name),
        )
        case_event_record(
            case=case,
            kind="diversion.started",
            summary=t("Diversion started: {name}", name=locked.programme.name),
            actor=actor,
            data={"referral": locked.pk},
            occurred_at=at,
        )
        decisions_apply(
            decisions=decisions,
            trigger=Trigger.DIVERSION_ACTIVATE,
            case=case,
            object_type="diversion_referral",
            object_id=locked.pk,
            actor=actor,
            at=at,
        )
        audit_append(
            actor=actor,
            action="diversion.activate",
            object_type="diversion_referral",
            object_id=locked.pk,
            child_id=case.child_id,
            # The acknowledgement is recorded, never copied, and not even whether it was: the trail is read by
            # oversight, who may not learn it (DIV-2, CRC/C/GC/24 para. 18(a)).
            changes={
                "status": {"before": ReferralStatus.OFFERED, "after": ReferralStatus.ACTIVE},
                "informed_of": list(facts.informed_of),
                "stage_accepted": locked.stage_accepted,
                **act_timing(at, now),
            },
            decisions=decisions,
        )
    return locked


@transaction.atomic
def referral_decline(
    *, actor: User, referral: DiversionReferral, reason: str, occurred_at: datetime | None = None
) -> DiversionReferral:
    _require(actor, WRITERS, t("record a declined diversion"))
    locked = DiversionReferral.objects.select_for_update().get(pk=referral.pk)
    if locked.status != ReferralStatus.OFFERED:
        raise ApplicationError(t("Only an offered diversion can be declined."))
    now = timezone.now()
    at = act_time(occurred_at, now=now, not_before=locked.offered_at, after=t("the offer"))
    locked.status = ReferralStatus.DECLINED
    locked.outcome_at = at
    locked.outcome_reason = reason
    locked.version += 1
    locked.save()
    case_event_record(
        case=referral.case, kind="diversion.declined", summary=t("Diversion declined"), actor=actor, occurred_at=at
    )
    audit_append(
        actor=actor,
        action="diversion.decline",
        object_type="diversion_referral",
        object_id=locked.pk,
        child_id=referral.case.child_id,
        reason=reason,
        changes=act_timing(at, now) or None,
    )
    return locked


@transaction.atomic
def session_record(*, actor: User, referral: DiversionReferral, data: dict[str, Any]) -> DiversionSession:
    _require(actor, WRITERS, t("record diversion progress"))
    if referral.status != ReferralStatus.ACTIVE:
        raise ApplicationError(t("Progress can only be recorded on an active diversion."))
    if data.get("victim_participated") and not data.get("victim_consent"):
        raise ApplicationError(
            t("A victim takes part only with their consent."),
            extra={"victim_consent": [t("Record the victim's consent.")]},
        )
    row = DiversionSession.objects.create(referral=referral, recorded_by=actor, **data)
    audit_append(
        actor=actor,
        action="diversion.session",
        object_type="diversion_referral",
        object_id=referral.pk,
        child_id=referral.case.child_id,
        changes={"attended": row.attended, "conditions_met": row.conditions_met},
    )
    return row


def referral_outcome(
    *,
    actor: User,
    referral: DiversionReferral,
    outcome: str,
    reason: str = "",
    occurred_at: datetime | None = None,
) -> DiversionReferral:
    """DIV-4: completed -> the case closes finally with no criminal record; otherwise it returns to its stage."""
    _require(actor, WRITERS, t("record a diversion's outcome"))
    if referral.status != ReferralStatus.ACTIVE:
        raise ApplicationError(t("Only an active diversion has an outcome."))
    case = referral.case
    now = timezone.now()
    at = act_time(occurred_at, now=now, not_before=referral.activated_at, after=t("the diversion started"))
    decisions = rules_evaluate(
        trigger=Trigger.DIVERSION_OUTCOME,
        jurisdiction_id=case.jurisdiction_id,
        facts=_referral_facts(referral, outcome=outcome),
        as_of=at,
    )
    with transaction.atomic():
        locked = DiversionReferral.objects.select_for_update().get(pk=referral.pk)
        locked.status = outcome
        locked.outcome_at = at
        locked.outcome_reason = reason
        locked.version += 1
        locked.save()
        before = case.status
        case_locked = case_status_change(
            case=case,
            to=CaseStatus.CLOSED_FINAL if outcome == ReferralStatus.COMPLETED else locked.case_status_before,
            actor=actor,
            at=at,
            action="diversion.outcome",
            summary=t("Diversion {outcome}", outcome=outcome.replace("_", " ")),
            reason=reason,
        )
        deadlines_meet(case=case, kinds=DIVERSION_DEADLINES, at=at, by=actor, note=f"diversion {outcome}")
        case_event_record(
            case=case,
            kind=f"diversion.{outcome}",
            summary=t("Diversion {outcome}", outcome=outcome.replace("_", " ")),
            actor=actor,
            data={"referral": locked.pk},
            occurred_at=at,
        )
        decisions_record(
            decisions=decisions,
            trigger=Trigger.DIVERSION_OUTCOME,
            object_type="diversion_referral",
            object_id=locked.pk,
            jurisdiction_id=case.jurisdiction_id,
            actor=actor,
            at=at,
            case=case,
        )
        audit_append(
            actor=actor,
            action="diversion.outcome",
            object_type="diversion_referral",
            object_id=locked.pk,
            child_id=case.child_id,
            changes={
                "outcome": outcome,
                "case_status": {"before": before, "after": case_locked.status},
                **act_timing(at, now),
            },
            decisions=decisions,
            reason=reason,
        )
    return locked
