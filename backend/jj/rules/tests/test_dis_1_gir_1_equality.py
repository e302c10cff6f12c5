"""DIS-1 (reasonable accommodation) and GIR-1 (girls apart from boys, gender-specific care): boundary tables."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import (
    AppearanceFacts,
    CaseFacts,
    ChildFacts,
    DiversionFacts,
    FacilityFacts,
    IncidentFacts,
    InterviewFacts,
    PlacementFacts,
    ProgrammeFacts,
)
from jj.rules.policy import Policy, Strictness
from jj.rules.tests.helpers import case, documented, new_rule, offence

ZONE = "Africa/Nairobi"
START = datetime(2026, 5, 4, 6, 30, tzinfo=UTC)
NEEDS = "Deaf: sign-language interpreter"
DISABLED = documented(date(2010, 2, 1), accommodation_needs=NEEDS)
GIRL = documented(date(2010, 2, 1), sex="female")
BOY = replace(GIRL, sex="male")
MIXED = FacilityFacts(
    "juvenile_detention", capacity=20, occupancy=3, children_wholly_separated=True, separated_by_sex=False
)
SEPARATED = replace(MIXED, separated_by_sex=True)


def case_of(child: ChildFacts) -> CaseFacts:
    return case(child, offence(date(2026, 5, 1)))


def placement(child: ChildFacts, facility: FacilityFacts = SEPARATED, **extra: object) -> PlacementFacts:
    base = PlacementFacts(case=case_of(child), facility=facility, at=START, zone=ZONE)
    return replace(base, **extra)  # type: ignore[arg-type]


def act(trigger: Trigger, child: ChildFacts, provided: str = "") -> object:
    if trigger is Trigger.INTERVIEW:
        return InterviewFacts(True, True, case=case_of(child), accommodation_provided=provided)
    if trigger is Trigger.CUSTODY_START:
        return placement(child, accommodation_provided=provided)
    if trigger is Trigger.DIVERSION_ACTIVATE:
        programme = ProgrammeFacts("mediation", False)
        return DiversionFacts(programme, "intake", case=case_of(child), accommodation_provided=provided)
    return AppearanceFacts(child, START, accommodation_provided=provided)


# --- DIS-1 -------------------------------------------------------------------------------------------------------

HELD_BACK = (Trigger.INTERVIEW, Trigger.CUSTODY_START, Trigger.DIVERSION_ACTIVATE)


@pytest.mark.parametrize("trigger", HELD_BACK)
@pytest.mark.parametrize(("provided", "unmet"), [("", True), ("   ", True), ("Interpreter present", False)])
def test_dis_1_accommodation_recorded_before_the_act(trigger: Trigger, provided: str, unmet: bool) -> None:
    (decision,) = new_rule("DIS-1", trigger, act(trigger, DISABLED, provided))
    assert decision.outcome is Outcome.REQUIRE_JUSTIFICATION
    assert decision.unmet is unmet
    assert decision.satisfied_by == ("accommodation_provided",)
    assert decision.citation == c.RES79_7
    assert decision.further_citations == (c.RES79_37,)


@pytest.mark.parametrize("trigger", [*HELD_BACK, Trigger.COURT_APPEARANCE])
def test_dis_1_no_recorded_need_no_decision(trigger: Trigger) -> None:
    assert new_rule("DIS-1", trigger, act(trigger, replace(DISABLED, accommodation_needs=" "))) == []


def test_dis_1_without_a_case_says_nothing() -> None:
    assert new_rule("DIS-1", Trigger.INTERVIEW, InterviewFacts(True, True)) == []


def test_dis_1_never_holds_back_a_court_appearance() -> None:
    (missing,) = new_rule("DIS-1", Trigger.COURT_APPEARANCE, act(Trigger.COURT_APPEARANCE, DISABLED))
    assert missing.outcome is Outcome.WARN
    assert not missing.unmet
    assert missing.notify == ("supervisor",)
    assert NEEDS in missing.message
    (given_,) = new_rule("DIS-1", Trigger.COURT_APPEARANCE, act(Trigger.COURT_APPEARANCE, DISABLED, "Interpreter"))
    assert given_.outcome is Outcome.ALLOW


# --- GIR-1 -------------------------------------------------------------------------------------------------------


def test_gir_1_a_girl_in_a_mixed_facility_is_refused() -> None:
    blocked, screening = new_rule("GIR-1", Trigger.CUSTODY_START, placement(GIRL, MIXED))
    assert blocked.outcome is Outcome.BLOCK
    assert blocked.unmet
    assert blocked.citation == c.MANDELA_11A
    assert screening.outcome is Outcome.ALLOW
    (transfer,) = new_rule("GIR-1", Trigger.TRANSFER, placement(GIRL, MIXED, is_admission=False))
    assert transfer.outcome is Outcome.BLOCK


@pytest.mark.parametrize(
    ("child", "facility", "blocked"), [(GIRL, SEPARATED, False), (BOY, MIXED, False), (GIRL, MIXED, True)]
)
def test_gir_1_who_and_where(child: ChildFacts, facility: FacilityFacts, blocked: bool) -> None:
    found = new_rule("GIR-1", Trigger.TRANSFER, placement(child, facility, is_admission=False))
    assert any(d.outcome is Outcome.BLOCK for d in found) is blocked


def test_gir_1_a_jurisdiction_may_ask_for_a_reason_instead_below_the_standard() -> None:
    policy = Policy(girls_mixed_facility=Strictness.JUSTIFY)
    facts = placement(GIRL, MIXED, is_admission=False)
    (decision,) = new_rule("GIR-1", Trigger.TRANSFER, facts, policy=policy)
    assert decision.outcome is Outcome.REQUIRE_JUSTIFICATION
    assert decision.unmet
    assert decision.below_standard
    assert "falls below the international standard" in decision.message
    assert decision.satisfied_by == ("mixed_facility_justification",)
    reasoned = replace(facts, mixed_facility_justification="Only place near her family; own locked room")
    assert not new_rule("GIR-1", Trigger.TRANSFER, reasoned, policy=policy)[0].unmet


def test_gir_1_never_holds_back_a_transfer_to_a_safer_place() -> None:
    facts = placement(GIRL, MIXED, is_admission=False, protective_transfer=True)
    (decision,) = new_rule("GIR-1", Trigger.TRANSFER, facts)
    assert decision.outcome is Outcome.WARN
    assert decision.notify == ("supervisor",)


@pytest.mark.parametrize(("hours", "below"), [(23, False), (24, False), (25, True)])
def test_gir_1_screening_deadline_hour_before_of_after_the_standard(hours: int, below: bool) -> None:
    (decision,) = new_rule("GIR-1", Trigger.CUSTODY_START, placement(GIRL), START, Policy(gender_screening_hours=hours))
    (deadline,) = decision.deadlines
    assert (deadline.kind, deadline.due_at) == ("gender_health_screening", START + timedelta(hours=hours))
    assert decision.below_standard is below


@settings(deadline=None)
@given(hours=st.integers(min_value=1, max_value=72))
def test_gir_1_screening_is_due_exactly_the_policy_hours_after_admission(hours: int) -> None:
    (decision,) = new_rule("GIR-1", Trigger.CUSTODY_START, placement(GIRL), START, Policy(gender_screening_hours=hours))
    assert decision.deadlines[0].due_at == START + timedelta(hours=hours)


def test_gir_1_no_screening_for_a_boy_or_at_a_transfer() -> None:
    assert new_rule("GIR-1", Trigger.CUSTODY_START, placement(BOY)) == []
    assert new_rule("GIR-1", Trigger.TRANSFER, placement(GIRL, is_admission=False)) == []


@pytest.mark.parametrize(
    ("kind", "pregnant", "child_in_care", "blocked"),
    [
        ("restraint", True, False, True),
        ("separation", False, True, True),
        ("isolation", True, True, True),
        ("medical_isolation", True, False, False),  # health care: never refused (INV-5)
        ("use_of_force", True, False, False),
        ("restraint", False, False, False),
    ],
)
def test_gir_1_restraint_and_separation_refused_in_pregnancy_or_with_a_child_in_care(
    kind: str, pregnant: bool, child_in_care: bool, blocked: bool
) -> None:
    child = replace(GIRL, pregnant=pregnant, child_in_care=child_in_care)
    found = new_rule("GIR-1", Trigger.INCIDENT, IncidentFacts(kind, child=child))
    assert bool(found) is blocked
    if blocked:
        assert found[0].outcome is Outcome.BLOCK
        assert found[0].citation == c.BANGKOK_22_24_36_39


def test_gir_1_incident_without_the_child_says_nothing() -> None:
    assert new_rule("GIR-1", Trigger.INCIDENT, IncidentFacts("restraint")) == []
