"""CNS-1 wired (issue #16): legal counsel from the outset. A deprivation of liberty with no counsel on the case opens
a deadline (24 hours by default) that assigning a legal counsel meets, legal aid recorded with the assignment; a
detention order, a charge or a sentence with no active counsel needs its own reason (or is refused, by policy); an
interview or a diversion's start without counsel only warns."""

from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from conftest import HEARD
from jj.audit.models import AuditEvent
from jj.cases import services as case_services
from jj.cases.models import Assignment, AssignmentRole, Case, Sentence
from jj.compliance.models import DecisionRecord
from jj.compliance.services import policy_update
from jj.core.exceptions import ApplicationError, RuleViolation
from jj.custody import services
from jj.custody.models import CustodyEpisode, DetentionOrder, Facility
from jj.deadlines.models import Deadline, Notification
from jj.deadlines.services import deadlines_sweep

START = datetime.fromisoformat("2026-11-02T09:00:00+00:00")
REASON = "The duty lawyer is on her way; the court sits now"
ORDER = {
    "kind": "pretrial_detention",
    "grounds": ["court_appearance"],
    "legal_basis": "Juvenile Justice Act s. 12",
    "alternatives_considered": [{"alternative": "Release to parents", "reason_rejected": "Parents abroad"}],
    "justification": "Two missed hearings",
    "age_floor_justification": "Genuine public safety concern",
    "judicial_authority": "Northland Youth Court",
    **HEARD,
}


@pytest.fixture
def police(world: Any) -> Facility:
    data = {"name": "Central police", "kind": "police_station", "capacity": 5, "children_wholly_separated": True}
    return services.facility_create(actor=world["administrator"], data={**data, "operator": world.yjs})


def _start(world: Any, case: Case, police: Facility, at: datetime) -> CustodyEpisode:
    episode = services.custody_start(
        actor=world["caseworker"],
        case=case,
        facility=police,
        started_at=at,
        police_cell_justification="Night arrest",
        age_floor_justification="Genuine public safety concern",
    )
    assert isinstance(episode, CustodyEpisode)
    return episode


def _assign_counsel(world: Any, case: Case, *, legal_aid: bool = False) -> Assignment:
    return case_services.case_assign(
        actor=world["supervisor"],
        case=case,
        user=world["legal_counsel"],
        role=AssignmentRole.LEGAL_COUNSEL,
        legal_aid=legal_aid,
    )


def test_cns_1_custody_without_counsel_opens_the_deadline_counsel_meets(
    world: Any, make_case: Any, police: Facility
) -> None:
    case = make_case()
    with time_machine.travel(START, tick=False):
        _start(world, case, police, START)
    deadline = Deadline.objects.get(case=case, kind="legal_counsel")
    assert (deadline.rule_id, deadline.due_at) == ("CNS-1", START + timedelta(hours=24))
    with time_machine.travel(START + timedelta(hours=3), tick=False):
        assignment = _assign_counsel(world, case, legal_aid=True)
    deadline.refresh_from_db()
    assert (deadline.met_at, deadline.resolution) == (START + timedelta(hours=3), "met")
    assert assignment.legal_aid is True
    event = AuditEvent.objects.filter(action="case.assign").latest("seq")
    assert event.changes["legal_aid"] is True


def test_cns_1_counsel_already_assigned_opens_no_deadline(world: Any, make_case: Any, police: Facility) -> None:
    case = make_case(counsel=True)
    _start(world, case, police, timezone.now())
    assert not Deadline.objects.filter(case=case, kind="legal_counsel").exists()


@pytest.mark.parametrize(
    ("after", "overdue"),
    [(timedelta(hours=23, minutes=59), False), (timedelta(hours=24), False), (timedelta(hours=24, minutes=1), True)],
)
def test_cns_1_the_counsel_deadline_is_overdue_only_after_24_hours(
    world: Any, make_case: Any, police: Facility, after: timedelta, overdue: bool
) -> None:
    case = make_case()
    with time_machine.travel(START, tick=False):
        _start(world, case, police, START)
    deadlines_sweep(now=START + after)
    alerted = Notification.objects.filter(case=case, kind="deadline.overdue", deadline__kind="legal_counsel")
    assert alerted.exists() is overdue
    assert (Deadline.objects.get(case=case, kind="legal_counsel").overdue_notified_at is not None) is overdue


@pytest.mark.parametrize(
    ("after", "on_time"),
    [(timedelta(hours=23, minutes=59), True), (timedelta(hours=24), True), (timedelta(hours=24, minutes=1), False)],
)
def test_cns_1_counsel_assigned_at_the_boundary(
    world: Any, make_case: Any, police: Facility, after: timedelta, on_time: bool
) -> None:
    case = make_case()
    with time_machine.travel(START, tick=False):
        _start(world, case, police, START)
    with time_machine.travel(START + after, tick=False):
        _assign_counsel(world, case)
    deadline = Deadline.objects.get(case=case, kind="legal_counsel")
    assert deadline.met_at is not None
    assert (deadline.met_at <= deadline.due_at) is on_time


def test_cns_1_legal_aid_is_recorded_on_a_counsel_assignment_only(world: Any, make_case: Any) -> None:
    case = make_case()
    with pytest.raises(ApplicationError):
        case_services.case_assign(
            actor=world["supervisor"], case=case, user=world["caseworker"], role="caseworker", legal_aid=True
        )
    assert not Assignment.objects.filter(case=case, role="caseworker", user=world["caseworker"], legal_aid=True)


def test_cns_1_a_detention_order_without_counsel_needs_its_own_reason(
    world: Any, make_case: Any, police: Facility
) -> None:
    case = make_case()
    episode = _start(world, case, police, timezone.now())
    with pytest.raises(RuleViolation) as refused:
        services.detention_order_record(actor=world["court_officer"], episode=episode, data=dict(ORDER))
    assert [d.rule_id for d in refused.value.unmet] == ["CNS-1"]
    assert not DetentionOrder.objects.exists()
    assert AuditEvent.objects.filter(action="detention_order.create", outcome="refused").exists()
    order = services.detention_order_record(
        actor=world["court_officer"], episode=episode, data={**ORDER, "no_counsel_justification": REASON}
    )
    assert order.no_counsel_justification == REASON
    record = DecisionRecord.objects.get(object_type="detention_order", object_id=order.pk, rule_id="CNS-1")
    assert (record.outcome, record.justification) == ("require_justification", REASON)


def test_cns_1_a_detention_order_with_counsel_is_not_asked(world: Any, make_case: Any, police: Facility) -> None:
    case = make_case(counsel=True)
    episode = _start(world, case, police, timezone.now())
    order = services.detention_order_record(actor=world["court_officer"], episode=episode, data=dict(ORDER))
    assert not DecisionRecord.objects.filter(object_id=order.pk, rule_id="CNS-1").exists()


def test_cns_1_a_jurisdiction_may_refuse_any_order_without_counsel(
    world: Any, make_case: Any, police: Facility
) -> None:
    policy_update(
        actor=world["administrator"], jurisdiction=world.north, version=0, values={"counsel_at_decisions": "block"}
    )
    case = make_case()
    episode = _start(world, case, police, timezone.now())
    with pytest.raises(RuleViolation) as refused:
        services.detention_order_record(
            actor=world["court_officer"], episode=episode, data={**ORDER, "no_counsel_justification": REASON}
        )
    assert [(d.rule_id, d.outcome.value) for d in refused.value.unmet] == [("CNS-1", "block")]
    assert not DetentionOrder.objects.exists()


def test_cns_1_a_charge_and_a_sentence_without_counsel_need_their_reason(world: Any, make_case: Any) -> None:
    case = make_case()
    worker = world["caseworker"]
    with pytest.raises(RuleViolation) as refused:
        case_services.case_charge(
            actor=worker, case=case, version=case.version, diversion_not_offered_reason="Refused the caution"
        )
    assert [d.rule_id for d in refused.value.unmet] == ["CNS-1"]
    case.refresh_from_db()
    assert case.status == "open"
    charged = case_services.case_charge(
        actor=worker,
        case=case,
        version=case.version,
        diversion_not_offered_reason="Refused the caution",
        no_counsel_justification=REASON,
    )
    assert isinstance(charged, Case)
    assert DecisionRecord.objects.get(case=case, trigger="charge", rule_id="CNS-1").justification == REASON
    sentence = {"sentence_type": "probation", **HEARD}
    with pytest.raises(RuleViolation) as refused:
        case_services.sentence_record(actor=world["court_officer"], case=charged, data=dict(sentence))
    assert [d.rule_id for d in refused.value.unmet] == ["CNS-1"]
    assert not Sentence.objects.exists()
    recorded = case_services.sentence_record(
        actor=world["court_officer"], case=charged, data={**sentence, "no_counsel_justification": REASON}
    )
    record = DecisionRecord.objects.get(object_type="sentence", object_id=recorded.pk, rule_id="CNS-1")
    assert record.justification == REASON


def test_cns_1_an_interview_without_counsel_only_warns(world: Any, make_case: Any) -> None:
    case = make_case()
    interview = case_services.interview_record(
        actor=world["caseworker"],
        case=case,
        data={
            "at": timezone.now(),
            "conducted_by": "DC Ray",
            "lawyer_present": True,
            "appropriate_adult_present": True,
            "appropriate_adult_relationship": "mother",
        },
    )
    record = DecisionRecord.objects.get(object_type="interview", object_id=interview.pk, rule_id="CNS-1")
    assert record.outcome == "warn"
