"""The facts builders the lifecycle services will hand to CNS-1, DEL-1, CAF-1, DIS-1, GIR-1 and TRN-1: built from
rows, then evaluated (with the rules not yet wired) to show what each record changes."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.utils import timezone

from conftest import offence_data
from jj.cases.counsel import assignment_legal_aid_set
from jj.cases.models import Assignment, AssignmentRole
from jj.cases.services import case_unassign
from jj.compliance.facts import (
    assignment_facts,
    case_facts,
    child_facts,
    counsel_facts,
    intake_facts,
    interview_facts,
)
from jj.rules.engine import Outcome, Trigger
from jj.rules.policy import Policy
from jj.rules.registry import evaluate


def rule(rule_id: str, trigger: Trigger, facts: object, at: datetime | None = None) -> list[Any]:
    found = evaluate(trigger, Policy(), facts, at or timezone.now(), include_unwired=True)
    return [d for d in found if d.rule_id == rule_id]


def test_counsel_facts_follow_the_active_legal_counsel_assignment(make_case: Any, world: Any) -> None:
    case = make_case()
    assert counsel_facts(case) == (False, False)
    (decision,) = rule("CNS-1", Trigger.CHARGE, case_facts(case, stage="charge"))
    assert decision.unmet
    reasoned = case_facts(case, stage="charge", no_counsel_justification="Counsel delayed by the storm")
    assert not rule("CNS-1", Trigger.CHARGE, reasoned)[0].unmet

    counselled = make_case(counsel=True, given_name="Bo")
    assert counsel_facts(counselled) == (True, False)
    assignment = Assignment.objects.get(case=counselled, role=AssignmentRole.LEGAL_COUNSEL)
    assignment_legal_aid_set(actor=world["supervisor"], case=counselled, assignment=assignment, legal_aid=True)
    facts = case_facts(counselled, stage="charge")
    assert (facts.counsel_active, facts.counsel_legal_aid) == (True, True)
    assert rule("CNS-1", Trigger.CHARGE, facts) == []

    case_unassign(actor=world["supervisor"], case=counselled, assignment=assignment, reason="conflict")
    assert counsel_facts(counselled) == (False, False)


def test_case_facts_carry_the_intake_time_and_the_jurisdictions_zone(make_case: Any) -> None:
    case = make_case()
    facts = case_facts(case, stage="intake")
    assert facts.opened_at == case.opened_at
    assert facts.zone == "Europe/Paris"
    (decision,) = rule("DEL-1", Trigger.INTAKE, facts)
    assert [d.kind for d in decision.deadlines] == ["charge_or_divert", "case_final_decision"]
    assert decision.deadlines[0].due_at > case.opened_at + timedelta(days=29)


def test_intake_facts_before_the_case_exists(make_case: Any) -> None:
    child = make_case().child
    opened = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # 10:00 in Paris; the clocks go back on 25 October
    facts = intake_facts(child=child, offences=[offence_data()], opened_at=opened)
    assert (facts.stage, facts.zone, facts.opened_at) == ("intake", "Europe/Paris", opened)
    (decision,) = rule("DEL-1", Trigger.INTAKE, facts, opened)
    assert decision.deadlines[0].due_at == datetime(2026, 11, 19, 9, 0, tzinfo=UTC)  # 10:00 CET


def test_child_facts_carry_the_new_flags(make_case: Any) -> None:
    case = make_case(
        accommodation_needs="Sign-language interpreter",
        pregnant=True,
        child_in_care=True,
        armed_forces_association=True,
    )
    facts = child_facts(case.child)
    assert facts.is_girl
    assert (facts.pregnant, facts.child_in_care, facts.armed_forces_association) == (True, True, True)
    assert facts.accommodation_needs == "Sign-language interpreter"
    (caf,) = rule("CAF-1", Trigger.DETENTION_ORDER, _order(case_facts(case, stage="intake")))
    assert caf.outcome is Outcome.REQUIRE_JUSTIFICATION
    reasoned = case_facts(case, stage="intake", armed_forces_justification="Adult co-accused at large")
    assert not rule("CAF-1", Trigger.DETENTION_ORDER, _order(reasoned))[0].unmet


def _order(facts: Any) -> Any:
    from jj.rules.facts import DetentionOrderFacts

    now = timezone.now()
    return DetentionOrderFacts(facts, now, now, facts.zone, grounds=("court_appearance",))


def test_assignment_facts_read_the_training_date(world: Any) -> None:
    worker = world["caseworker"]
    assert (
        rule("TRN-1", Trigger.ASSIGNMENT, assignment_facts(user=worker, role="caseworker"))[0].outcome is Outcome.WARN
    )
    worker.trained_in_child_justice_on = date(2025, 1, 10)
    worker.save()
    assert rule("TRN-1", Trigger.ASSIGNMENT, assignment_facts(user=worker, role="caseworker")) == []
    assert assignment_facts(user=worker, role="legal_counsel", legal_aid=True).legal_aid


def test_interview_facts_carry_counsel_accommodation_and_training(make_case: Any, world: Any) -> None:
    case = make_case(accommodation_needs="Sign-language interpreter")
    bare = interview_facts(case, {"lawyer_present": True, "appropriate_adult_present": True})
    assert (bare.lawyer_present, bare.interviewer_trained_on) == (True, None)
    found = {d.rule_id: d for d in evaluate(Trigger.INTERVIEW, Policy(), bare, timezone.now(), include_unwired=True)}
    assert found["DIS-1"].unmet
    assert found["CNS-1"].outcome is Outcome.WARN
    assert found["TRN-1"].outcome is Outcome.WARN
    interviewer = world["caseworker2"]
    interviewer.trained_in_child_justice_on = date(2024, 5, 1)
    data = {"appropriate_adult_present": True, "accommodation_provided": "Interpreter", "interviewer": interviewer}
    facts = interview_facts(case, data)
    assert facts.interviewer_trained_on == date(2024, 5, 1)
    assert facts.case is not None
    assert facts.case.child.accommodation_needs == "Sign-language interpreter"
    assert rule("TRN-1", Trigger.INTERVIEW, facts) == []
    assert not rule("DIS-1", Trigger.INTERVIEW, facts)[0].unmet
