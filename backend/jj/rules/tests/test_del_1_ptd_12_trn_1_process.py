"""DEL-1 (without delay, detained or not), PTD-12 (no mandatory pretrial detention) and TRN-1 (specialised
professionals): boundary tables by day, month and training date."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import AssignmentFacts, DetentionOrderFacts, InterviewFacts
from jj.rules.policy import Policy, Strictness
from jj.rules.tests.helpers import AS_OF, case, documented, new_rule, offence
from jj.rules.timecalc import add_local_days, add_local_months

ZONE = "America/Santiago"
CASE = case(documented(date(2010, 6, 15)), offence(date(2026, 11, 1)))


# --- DEL-1 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opened", "decision_due", "final_due"),
    [
        # 31 August + 6 months clamps to the end of February (2028 is a leap year); 09:00 in Santiago throughout,
        # which is UTC-4 in August and UTC-3 after the clocks go forward on 2027-09-04.
        (
            datetime(2027, 8, 31, 13, 0, tzinfo=UTC),
            datetime(2027, 9, 30, 12, 0, tzinfo=UTC),
            datetime(2028, 2, 29, 12, 0, tzinfo=UTC),
        ),
        # Santiago moves its clocks forward on the first Saturday of September (2027-09-04): the wall clock holds.
        (
            datetime(2027, 8, 20, 14, 0, tzinfo=UTC),
            datetime(2027, 9, 19, 13, 0, tzinfo=UTC),
            datetime(2028, 2, 20, 13, 0, tzinfo=UTC),
        ),
    ],
)
def test_del_1_intake_opens_both_case_deadlines(opened: datetime, decision_due: datetime, final_due: datetime) -> None:
    facts = replace(CASE, opened_at=opened, zone=ZONE)
    (decision,) = new_rule("DEL-1", Trigger.INTAKE, facts, opened)
    charge, final = decision.deadlines
    assert (charge.kind, charge.due_at, charge.escalate_to) == ("charge_or_divert", decision_due, "supervisor")
    assert (final.kind, final.due_at) == ("case_final_decision", final_due)
    assert decision.citation == c.CRC_40_2_B_III
    assert not decision.below_standard


def test_del_1_without_an_intake_time_counts_from_the_request() -> None:
    (decision,) = new_rule("DEL-1", Trigger.INTAKE, CASE)
    assert decision.deadlines[0].due_at == add_local_days(AS_OF, 30, "UTC")


@pytest.mark.parametrize(
    ("days", "months", "below"), [(29, 6, False), (30, 6, False), (31, 6, True), (30, 5, False), (30, 7, True)]
)
def test_del_1_days_and_months_before_of_after_the_standard(days: int, months: int, below: bool) -> None:
    policy = Policy(case_decision_days=days, case_final_decision_months=months)
    (decision,) = new_rule("DEL-1", Trigger.INTAKE, replace(CASE, opened_at=AS_OF, zone=ZONE), policy=policy)
    assert decision.deadlines[0].due_at == add_local_days(AS_OF, days, ZONE)
    assert decision.deadlines[1].due_at == add_local_months(AS_OF, months, ZONE)
    assert decision.below_standard is below
    assert ("falls below the international standard" in decision.message) is below


@settings(deadline=None)
@given(days=st.integers(min_value=1, max_value=180), minutes=st.integers(min_value=0, max_value=60 * 24 * 730))
def test_del_1_decision_deadline_is_never_before_the_final_one_for_the_same_span(days: int, minutes: int) -> None:
    opened = AS_OF + timedelta(minutes=minutes)
    policy = Policy(case_decision_days=days, case_final_decision_months=6)
    (decision,) = new_rule("DEL-1", Trigger.INTAKE, replace(CASE, opened_at=opened, zone=ZONE), opened, policy)
    charge, final = decision.deadlines
    assert charge.due_at > opened
    assert final.due_at > opened
    assert not decision.unmet


# --- PTD-12 ------------------------------------------------------------------------------------------------------


def order(*grounds: str) -> DetentionOrderFacts:
    return DetentionOrderFacts(CASE, AS_OF, AS_OF, ZONE, grounds=grounds)


def test_ptd_12_mandatory_detention_is_refused() -> None:
    (decision,) = new_rule("PTD-12", Trigger.DETENTION_ORDER, order("mandatory_by_statute", "court_appearance"))
    assert decision.outcome is Outcome.BLOCK
    assert decision.unmet
    assert decision.citation == c.RES79_26
    assert new_rule("PTD-12", Trigger.DETENTION_ORDER, order("court_appearance")) == []


def test_ptd_12_a_jurisdiction_may_warn_instead_naming_the_standard() -> None:
    policy = Policy(mandatory_pretrial_detention=Strictness.WARN)
    (decision,) = new_rule("PTD-12", Trigger.DETENTION_ORDER, order("mandatory_by_statute"), policy=policy)
    assert decision.outcome is Outcome.WARN
    assert decision.below_standard
    assert "A/RES/79/172 para. 26" in decision.message
    assert policy.rules_below_standard() >= {"PTD-12"}


# --- TRN-1 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trained_on", "warned"),
    [
        (None, True),
        (AS_OF.date() + timedelta(days=1), True),
        (AS_OF.date(), False),
        (AS_OF.date() - timedelta(days=1), False),
    ],
)
def test_trn_1_training_day_after_of_before_the_act(trained_on: date | None, warned: bool) -> None:
    assigned = new_rule("TRN-1", Trigger.ASSIGNMENT, AssignmentFacts("caseworker", trained_on))
    questioned = new_rule("TRN-1", Trigger.INTERVIEW, InterviewFacts(True, True, interviewer_trained_on=trained_on))
    assert bool(assigned) is warned
    assert bool(questioned) is warned
    if warned:
        assert assigned[0].outcome is Outcome.WARN
        assert not assigned[0].unmet
        assert "caseworker" in assigned[0].message
        assert "interviewer" in questioned[0].message
        assert assigned[0].citation == c.RES79_39


@pytest.mark.parametrize("role", ["legal_counsel", "court_officer"])
def test_trn_1_only_caseworker_assignments_are_checked(role: str) -> None:
    assert new_rule("TRN-1", Trigger.ASSIGNMENT, AssignmentFacts(role, None)) == []
