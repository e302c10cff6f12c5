"""MACR-1: no criminal process below the minimum age of criminal responsibility (RULES.md section 1)."""

from datetime import date

import pytest

from jj.rules import citations as c
from jj.rules.checks.age import macr_1
from jj.rules.engine import Decision, Outcome, Trigger
from jj.rules.policy import Policy
from jj.rules.tests.helpers import AS_OF, DOB, case, day, documented, estimated, offence, only, unknown

FOURTEENTH = date(2024, 6, 15)


@pytest.mark.parametrize("trigger", [Trigger.INTAKE, Trigger.CHARGE])
@pytest.mark.parametrize(
    ("offence_on", "expected", "age"),
    [
        (day(FOURTEENTH, -1), Outcome.BLOCK, 13),  # 13 years 364 days
        (FOURTEENTH, Outcome.ALLOW, 14),  # 14 years 0 days
        (day(FOURTEENTH, 1), Outcome.ALLOW, 14),
    ],
)
def test_macr_1_boundary_at_the_default_minimum_age(
    trigger: Trigger, offence_on: date, expected: Outcome, age: int
) -> None:
    decision = only("MACR-1", trigger, case(documented(DOB), offence(offence_on)))
    assert decision.outcome is expected
    assert decision.facts["age_at_offence"] == age
    assert decision.citation == c.GC24_22


def test_macr_1_block_routes_to_child_protection_and_cites_both_sources() -> None:
    decision = only("MACR-1", Trigger.INTAKE, case(documented(DOB), offence(date(2023, 1, 1))))
    assert decision.outcome is Outcome.BLOCK
    assert decision.facts["route"] == "child_protection"
    assert decision.notify == ("child_protection",)
    assert c.RES79_33 in decision.further_citations
    assert "was 12" in decision.message
    assert "(14)" in decision.message
    assert not decision.below_standard


@pytest.mark.parametrize(
    ("offence_on", "expected"),
    [
        (date(2022, 6, 14), Outcome.BLOCK),  # 11 years 364 days
        (date(2022, 6, 15), Outcome.WARN),  # 12: domestic law lets it proceed, below the standard
        (date(2024, 6, 14), Outcome.WARN),  # 13 years 364 days
        (date(2024, 6, 15), Outcome.ALLOW),  # 14
    ],
)
def test_macr_1_jurisdiction_at_twelve_proceeds_with_a_warning_naming_the_standard(
    offence_on: date, expected: Outcome
) -> None:
    decision = only("MACR-1", Trigger.INTAKE, case(documented(DOB), offence(offence_on)), Policy(macr=12))
    assert decision.outcome is expected
    assert decision.below_standard
    if expected is Outcome.WARN:
        assert "international standard" in decision.message
        assert "CRC/C/GC/24 para. 22" in decision.message


def test_macr_1_stricter_jurisdiction_blocks_at_fifteen() -> None:
    offence_on = date(2025, 6, 14)  # 14 years 364 days
    decision = only("MACR-1", Trigger.INTAKE, case(documented(DOB), offence(offence_on)), Policy(macr=15))
    assert decision.outcome is Outcome.BLOCK
    assert not decision.below_standard


@pytest.mark.parametrize(
    ("offence_on", "expected"),
    [
        (date(2022, 2, 28), Outcome.BLOCK),  # common year: the 29 February birthday falls on 1 March
        (date(2022, 3, 1), Outcome.ALLOW),
    ],
)
def test_macr_1_29_february_birthday(offence_on: date, expected: Outcome) -> None:
    assert only("MACR-1", Trigger.INTAKE, case(documented(date(2008, 2, 29)), offence(offence_on))).outcome is expected


def test_macr_1_offence_range_straddling_the_birthday_uses_the_lowest_age() -> None:
    facts = case(documented(DOB), offence(day(FOURTEENTH, -3), day(FOURTEENTH, 3)))
    assert only("MACR-1", Trigger.INTAKE, facts).outcome is Outcome.BLOCK


def test_macr_1_any_offence_below_the_minimum_blocks_the_whole_case() -> None:
    facts = case(documented(DOB), offence(day(FOURTEENTH, 30)), offence(day(FOURTEENTH, -1)))
    assert only("MACR-1", Trigger.INTAKE, facts).outcome is Outcome.BLOCK


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (date(2010, 6, 16), Outcome.BLOCK),  # youngest plausible: 13 years 364 days on the offence date
        (date(2010, 6, 15), Outcome.ALLOW),  # youngest plausible: exactly 14
    ],
)
def test_macr_1_estimated_range_straddling_the_threshold_takes_the_youngest_end(
    latest: date, expected: Outcome
) -> None:
    facts = case(estimated(date(2009, 1, 1), latest), offence(FOURTEENTH))
    assert only("MACR-1", Trigger.INTAKE, facts).outcome is expected


@pytest.mark.parametrize("child", [unknown(), estimated(date(2005, 1, 1), date(2006, 1, 1), method="medical_only")])
def test_macr_1_age_not_established_blocks_with_the_benefit_of_the_doubt(child: object) -> None:
    decision = only("MACR-1", Trigger.INTAKE, case(child, offence(date(2024, 1, 1))))  # type: ignore[arg-type]
    assert decision.outcome is Outcome.BLOCK
    assert decision.facts["age_at_offence"] is None
    assert c.GC24_24 in decision.further_citations
    assert "date_of_birth" in decision.satisfied_by


@pytest.mark.parametrize(
    "trigger", [Trigger.INTAKE, Trigger.CHARGE, Trigger.CUSTODY_START, Trigger.SENTENCE, Trigger.AGE_RECHECK]
)
@pytest.mark.parametrize(
    ("dob_shift", "expected", "age"),
    [
        (1, Outcome.BLOCK, 13),  # 13 years 364 days today
        (0, Outcome.ALLOW, 14),  # 14 years 0 days today
        (-1, Outcome.ALLOW, 14),
    ],
)
def test_inv_1_macr_1_with_no_offence_recorded_uses_the_age_today(
    trigger: Trigger, dob_shift: int, expected: Outcome, age: int
) -> None:
    """Regression: with no offence recorded MACR-1 decided nothing, so a 10-year-old could be detained."""
    born = date(AS_OF.year - 14, AS_OF.month, AS_OF.day)
    facts = case(documented(day(born, dob_shift)))
    decision = only("MACR-1", Trigger.INTAKE, facts) if trigger is Trigger.INTAKE else _direct(facts)
    assert decision.outcome is expected
    assert decision.facts["age_at_offence"] == age
    assert decision.facts["no_offence_recorded"] is True
    assert "today" in decision.message


def _direct(facts: object) -> Decision:
    """The check itself, whatever the trigger's fact type (sentence and custody facts wrap the case's)."""
    found = macr_1(Policy(), facts, AS_OF)
    assert len(found) == 1
    return found[0]


def test_inv_1_unknown_age_and_no_offence_is_below_the_minimum() -> None:
    decision = only("MACR-1", Trigger.INTAKE, case(unknown()))
    assert decision.outcome is Outcome.BLOCK
    assert decision.notify == ("child_protection",)
