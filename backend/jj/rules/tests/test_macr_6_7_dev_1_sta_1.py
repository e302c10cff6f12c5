"""MACR-6 (no transfer to adult procedure), MACR-7 (turning 18), DEV-1 (developmental disorders), STA-1 (status
offences)."""

from dataclasses import replace
from datetime import date

import pytest

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.policy import Policy, Strictness
from jj.rules.tests.helpers import AS_OF, DOB, case, day, decisions_of, documented, offence, only, unknown

EIGHTEENTH = date(2028, 6, 15)


@pytest.mark.parametrize(
    ("offence_on", "expected"),
    [
        (day(EIGHTEENTH, -1), Outcome.BLOCK),  # 17 years 364 days
        (EIGHTEENTH, Outcome.ALLOW),
        (day(EIGHTEENTH, 1), Outcome.ALLOW),
    ],
)
def test_macr_6_transfer_to_adult_court_at_18(offence_on: date, expected: Outcome) -> None:
    decision = only("MACR-6", Trigger.ADULT_TRANSFER, case(documented(DOB), offence(offence_on)))
    assert decision.outcome is expected
    assert decision.citation == c.GC24_29


def test_macr_6_unknown_age_is_never_transferred() -> None:
    assert only("MACR-6", Trigger.ADULT_TRANSFER, case(unknown(), offence(date(2020, 1, 1)))).outcome is Outcome.BLOCK


@pytest.mark.parametrize(
    ("offence_on", "expected"),
    [(date(2026, 6, 14), Outcome.BLOCK), (date(2026, 6, 15), Outcome.WARN), (date(2027, 6, 15), Outcome.WARN)],
)
def test_macr_6_domestic_majority_at_16_warns_below_the_standard(offence_on: date, expected: Outcome) -> None:
    decision = only(
        "MACR-6", Trigger.ADULT_TRANSFER, case(documented(DOB), offence(offence_on)), Policy(age_of_majority=16)
    )
    assert decision.outcome is expected
    if expected is Outcome.WARN:
        assert decision.below_standard
        assert "falls below the international standard" in decision.message


@pytest.mark.parametrize(
    ("dob", "fires"),
    [
        (date(2008, 11, 26), False),  # 17 years 364 days on AS_OF
        (date(2008, 11, 25), True),  # 18 today
        (date(2008, 11, 24), True),
    ],
)
def test_macr_7_turning_18_during_the_case_keeps_protection(dob: date, fires: bool) -> None:
    facts = case(documented(dob), offence(date(2025, 1, 1)))
    found = decisions_of("MACR-7", Trigger.CHARGE, facts)
    assert bool(found) is fires
    if fires:
        assert found[0].outcome is Outcome.ALLOW
        assert found[0].citation == c.GC24_31
        assert found[0].facts["age_now"] == 18


def test_macr_7_offence_committed_as_an_adult_is_not_concerned() -> None:
    assert decisions_of("MACR-7", Trigger.INTAKE, case(documented(date(2000, 1, 1)), offence(date(2025, 1, 1)))) == []
    assert decisions_of("MACR-7", Trigger.INTAKE, case(unknown(), offence(date(2025, 1, 1)))) == []
    assert AS_OF.year == 2026


def test_dev_1_intake_warns_and_routes_to_exclusion_or_diversion() -> None:
    facts = case(documented(DOB, developmental_disorder=True), offence(date(2025, 1, 1)))
    decision = only("DEV-1", Trigger.INTAKE, facts)
    assert decision.outcome is Outcome.WARN
    assert decision.citation == c.GC24_28


def test_dev_1_charge_requires_an_individual_assessment_and_supervisor_approval() -> None:
    facts = case(documented(DOB, developmental_disorder=True), offence(date(2025, 1, 1)), stage="charge")
    decision = only("DEV-1", Trigger.CHARGE, facts)
    assert decision.outcome is Outcome.REQUIRE_JUSTIFICATION
    assert decision.unmet
    assert not decision.satisfied
    assert decision.satisfied_by == ("justification", "individual_assessment")
    justified = only("DEV-1", Trigger.CHARGE, replace(facts, justification="why", individual_assessment="report 12"))
    assert justified.satisfied
    assert not justified.unmet
    assert justified.needs_approval
    only_text = only("DEV-1", Trigger.CHARGE, replace(facts, justification="why"))
    assert only_text.unmet
    no_approval = only(
        "DEV-1",
        Trigger.CHARGE,
        replace(facts, justification="w", individual_assessment="r"),
        Policy(supervisor_approval_rules=()),
    )
    assert not no_approval.needs_approval


def test_dev_1_no_screening_flag_no_decision() -> None:
    assert decisions_of("DEV-1", Trigger.CHARGE, case(documented(DOB), offence(date(2025, 1, 1)), stage="charge")) == []


def test_sta_1_status_offence_blocks_by_default() -> None:
    decision = only("STA-1", Trigger.INTAKE, case(documented(DOB), offence(date(2025, 1, 1), status=True)))
    assert decision.outcome is Outcome.BLOCK
    assert decision.facts["route"] == "child_protection"
    assert decision.citation == c.RIYADH_56


def test_sta_1_downgraded_by_domestic_law_warns_below_standard() -> None:
    policy = Policy(status_offences=Strictness.WARN)
    decision = only("STA-1", Trigger.CHARGE, case(documented(DOB), offence(date(2025, 1, 1), status=True)), policy)
    assert decision.outcome is Outcome.WARN
    assert decision.below_standard


def test_sta_1_ordinary_offence_no_decision() -> None:
    assert decisions_of("STA-1", Trigger.INTAKE, case(documented(DOB), offence(date(2025, 1, 1)))) == []
