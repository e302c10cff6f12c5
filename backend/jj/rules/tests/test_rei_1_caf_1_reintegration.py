"""REI-1 (individual plan, education, aftercare) and CAF-1 (children associated with armed forces or groups):
boundary tables by day and across the jurisdiction's clock changes."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import (
    CaseFacts,
    ChildFacts,
    DetentionOrderFacts,
    EducationReviewFacts,
    FacilityFacts,
    PlacementFacts,
    ReleaseFacts,
)
from jj.rules.policy import Policy
from jj.rules.tests.helpers import case, documented, new_rule, offence, unknown
from jj.rules.timecalc import add_local_days

ZONE = "Europe/Paris"
ADMITTED = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # 10:00 CEST; the clocks go back on 25 October
DETENTION = FacilityFacts("juvenile_detention", capacity=20, occupancy=3, children_wholly_separated=True)
CHILD = documented(date(2010, 6, 15))
CASE = case(CHILD, offence(date(2026, 10, 1)))


def placement(**extra: object) -> PlacementFacts:
    base = PlacementFacts(case=CASE, facility=DETENTION, at=ADMITTED, zone=ZONE)
    return replace(base, **extra)  # type: ignore[arg-type]


# --- REI-1: individual plan --------------------------------------------------------------------------------------


def test_rei_1_admission_opens_the_plan_deadline_in_local_days() -> None:
    (decision,) = new_rule("REI-1", Trigger.CUSTODY_START, placement(), ADMITTED)
    (deadline,) = decision.deadlines
    assert deadline.kind == "individual_plan"
    assert deadline.due_at == datetime(2026, 10, 27, 9, 0, tzinfo=UTC)  # 10:00 CET: 7 days and an hour later
    assert decision.citation == c.RES76_184_10


@pytest.mark.parametrize(("days", "below"), [(6, False), (7, False), (8, True)])
def test_rei_1_plan_days_before_of_after_the_standard(days: int, below: bool) -> None:
    (decision,) = new_rule("REI-1", Trigger.CUSTODY_START, placement(), ADMITTED, Policy(individual_plan_days=days))
    assert decision.deadlines[0].due_at == add_local_days(ADMITTED, days, ZONE)
    assert decision.below_standard is below


def test_rei_1_no_plan_deadline_for_a_police_cell_or_a_transfer() -> None:
    police = replace(DETENTION, kind="police_station")
    assert new_rule("REI-1", Trigger.CUSTODY_START, placement(facility=police)) == []
    assert new_rule("REI-1", Trigger.CUSTODY_START, placement(is_admission=False)) == []


# --- REI-1: aftercare --------------------------------------------------------------------------------------------


def test_rei_1_release_always_proceeds_and_opens_the_aftercare_deadline() -> None:
    released = datetime(2027, 3, 25, 9, 0, tzinfo=UTC)  # 10:00 CET; the clocks go forward on 28 March
    (decision,) = new_rule("REI-1", Trigger.RELEASE, ReleaseFacts(released, ZONE))
    assert decision.outcome is Outcome.ALLOW
    assert not decision.unmet
    (deadline,) = decision.deadlines
    assert (deadline.kind, deadline.due_at) == ("aftercare_plan", datetime(2027, 4, 1, 8, 0, tzinfo=UTC))
    (given_,) = new_rule("REI-1", Trigger.RELEASE, ReleaseFacts(released, ZONE, aftercare_plan_given=True))
    assert given_.outcome is Outcome.ALLOW
    assert given_.deadlines == ()


@settings(deadline=None)
@given(days=st.integers(min_value=1, max_value=60), given_plan=st.booleans())
def test_rei_1_release_is_never_held_back(days: int, given_plan: bool) -> None:
    facts = ReleaseFacts(ADMITTED, ZONE, aftercare_plan_given=given_plan)
    (decision,) = new_rule("REI-1", Trigger.RELEASE, facts, policy=Policy(aftercare_plan_days=days))
    assert not decision.unmet
    assert bool(decision.deadlines) is not given_plan
    assert decision.below_standard is (days > 7 and not given_plan)


# --- REI-1: education --------------------------------------------------------------------------------------------


def review(child: ChildFacts = CHILD, *, enrolled: bool = False) -> EducationReviewFacts:
    return EducationReviewFacts(child, ADMITTED, ZONE, enrolled=enrolled)


@pytest.mark.parametrize(
    ("delta", "warned"),
    [(-timedelta(days=1), False), (timedelta(0), False), (timedelta(minutes=1), True), (timedelta(days=1), True)],
)
def test_rei_1_education_day_before_of_after_the_limit(delta: timedelta, warned: bool) -> None:
    at = add_local_days(ADMITTED, 14, ZONE) + delta
    found = new_rule("REI-1", Trigger.EDUCATION_REVIEW, review(), at)
    assert bool(found) is warned
    if warned:
        assert found[0].outcome is Outcome.WARN
        assert found[0].notify == ("supervisor",)
        assert found[0].satisfied_by == ("education_enrolment",)


def test_rei_1_an_enrolled_child_is_recorded_as_such() -> None:
    at = ADMITTED + timedelta(days=40)
    (decision,) = new_rule("REI-1", Trigger.EDUCATION_REVIEW, review(enrolled=True), at)
    assert decision.outcome is Outcome.ALLOW


@pytest.mark.parametrize(
    ("birthday_offset", "school_age"), [(1, True), (0, False), (-1, False)]
)  # turns 18 the day after, the day of, the day before the review
def test_rei_1_school_age_ends_at_the_policy_age(birthday_offset: int, school_age: bool) -> None:
    at = ADMITTED + timedelta(days=40)
    eighteenth = at.date() + timedelta(days=birthday_offset)
    child = documented(eighteenth.replace(year=eighteenth.year - 18))
    assert bool(new_rule("REI-1", Trigger.EDUCATION_REVIEW, review(child), at)) is school_age


def test_rei_1_an_unknown_age_gets_the_benefit_of_the_doubt() -> None:
    at = ADMITTED + timedelta(days=40)
    assert new_rule("REI-1", Trigger.EDUCATION_REVIEW, review(unknown()), at)[0].outcome is Outcome.WARN


# --- CAF-1 -------------------------------------------------------------------------------------------------------

FLAGGED = replace(CHILD, armed_forces_association=True)


def test_caf_1_intake_routes_to_reintegration_and_tells_child_protection() -> None:
    (decision,) = new_rule("CAF-1", Trigger.INTAKE, case(FLAGGED, offence(date(2026, 10, 1))))
    assert decision.outcome is Outcome.WARN
    assert not decision.unmet
    assert decision.notify == ("child_protection",)
    assert decision.facts["route"] == "reintegration"
    assert decision.citation == c.PARIS_3_6_3_8
    assert c.RES79_PREAMBLE_CAF in decision.further_citations


def _order(case_facts: CaseFacts) -> DetentionOrderFacts:
    return DetentionOrderFacts(case_facts, ADMITTED, ADMITTED, ZONE, grounds=("court_appearance",))


@pytest.mark.parametrize(
    ("trigger", "build"),
    [(Trigger.CHARGE, lambda cf: cf), (Trigger.DETENTION_ORDER, _order)],
)
def test_caf_1_charge_and_detention_need_a_reason(trigger: Trigger, build) -> None:  # type: ignore[no-untyped-def]
    flagged = case(FLAGGED, offence(date(2026, 10, 1)), stage="charge")
    (decision,) = new_rule("CAF-1", trigger, build(flagged))
    assert decision.outcome is Outcome.REQUIRE_JUSTIFICATION
    assert decision.unmet
    assert decision.satisfied_by == ("armed_forces_justification",)
    reasoned = replace(flagged, armed_forces_justification="Adult co-accused; no reintegration programme accepts")
    assert not new_rule("CAF-1", trigger, build(reasoned))[0].unmet
    assert new_rule("CAF-1", trigger, build(replace(flagged, child=CHILD))) == []
