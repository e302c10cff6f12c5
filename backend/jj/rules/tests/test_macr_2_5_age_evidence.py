"""MACR-2 (the age at the offence governs) and MACR-5 (uncertain age: the benefit of the doubt)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jj.rules import citations as c
from jj.rules.age import age_on, lowest_age_at_offences
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import ChildFacts
from jj.rules.tests.helpers import DOB, case, day, decisions_of, documented, estimated, offence, only, unknown


@pytest.mark.parametrize(
    ("dob", "on", "age"),
    [
        (date(2010, 6, 15), date(2024, 6, 14), 13),
        (date(2010, 6, 15), date(2024, 6, 15), 14),
        (date(2010, 6, 15), date(2024, 6, 16), 14),
        (date(2008, 2, 29), date(2022, 2, 28), 13),  # common year
        (date(2008, 2, 29), date(2022, 3, 1), 14),
        (date(2008, 2, 29), date(2024, 2, 28), 15),  # leap year: the birthday exists
        (date(2008, 2, 29), date(2024, 2, 29), 16),
        (date(2010, 12, 31), date(2024, 12, 30), 13),
        (date(2010, 12, 31), date(2024, 12, 31), 14),
    ],
)
def test_macr_2_age_on_birthdays(dob: date, on: date, age: int) -> None:
    assert age_on(dob, on) == age


@given(
    dob=st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31)),
    days=st.integers(min_value=0, max_value=365 * 30),
)
def test_macr_2_age_never_decreases_and_matches_completed_years(dob: date, days: int) -> None:
    on = day(dob, days)
    age = age_on(dob, on)
    assert age_on(dob, day(on, 1)) in (age, age + 1)
    assert date(dob.year + age, 1, 1) <= on


def test_macr_2_records_the_governing_date_of_a_range() -> None:
    decision = only("MACR-2", Trigger.INTAKE, case(documented(DOB), offence(date(2024, 6, 10), date(2024, 6, 20))))
    assert decision.outcome is Outcome.ALLOW
    assert decision.facts["governing_offence_date"] == "2024-06-10"
    assert decision.facts["age_at_offence"] == 13
    assert "earliest date" in decision.message
    assert decision.citation == c.GC24_20


def test_macr_2_single_date_and_several_offences() -> None:
    facts = case(documented(DOB), offence(date(2025, 1, 1), date(2025, 1, 1)), offence(date(2024, 7, 1)))
    decision = only("MACR-2", Trigger.CHARGE, facts)
    assert decision.facts["governing_offence_date"] == "2024-07-01"
    assert decision.facts["offence_count"] == 2
    assert "earliest date" not in decision.message


def test_macr_2_decides_nothing_without_an_established_age() -> None:
    assert decisions_of("MACR-2", Trigger.INTAKE, case(unknown(), offence(date(2024, 1, 1)))) == []


def test_macr_5_documented_age_needs_no_decision() -> None:
    assert decisions_of("MACR-5", Trigger.INTAKE, case(documented(DOB), offence(date(2025, 1, 1)))) == []


def test_macr_5_medical_examination_alone_is_refused() -> None:
    child = estimated(date(2005, 1, 1), date(2006, 1, 1), method="medical_only")
    decision = only("MACR-5", Trigger.INTAKE, case(child, offence(date(2024, 1, 1))))
    assert decision.outcome is Outcome.BLOCK
    assert decision.citation == c.GC24_34
    assert decision.satisfied_by == ("age_assessment_method",)


def test_macr_5_unknown_age_is_treated_as_a_child_below_the_minimum() -> None:
    decision = only("MACR-5", Trigger.CHARGE, case(unknown(), offence(date(2024, 1, 1))))
    assert decision.outcome is Outcome.WARN
    assert "benefit of the doubt" in decision.message


def test_macr_5_estimate_uses_its_youngest_end() -> None:
    decision = only(
        "MACR-5", Trigger.INTAKE, case(estimated(date(2008, 1, 1), date(2009, 1, 1)), offence(date(2025, 1, 1)))
    )
    assert decision.outcome is Outcome.ALLOW
    assert decision.facts["date_of_birth_basis"] == "youngest plausible"
    assert "2009" not in decision.message  # data minimisation: no date of birth in decisions copied to audit


plausible_range = st.tuples(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2016, 12, 31)), st.integers(min_value=0, max_value=3 * 365)
)


@given(rng=plausible_range, offence_on=st.dates(min_value=date(2012, 1, 1), max_value=date(2026, 11, 24)))
def test_macr_5_uncertain_age_never_harsher_than_the_youngest_plausible_age(
    rng: tuple[date, int], offence_on: date
) -> None:
    """Whatever the range, an estimate proceeds only where every plausible date of birth in it would."""
    earliest, width = rng
    latest = day(earliest, width)
    uncertain = case(estimated(earliest, latest), offence(offence_on))
    youngest = case(documented(latest), offence(offence_on))
    blocked = {d.rule_id for d in decisions_of("MACR-1", Trigger.INTAKE, uncertain) if d.unmet}
    blocked_youngest = {d.rule_id for d in decisions_of("MACR-1", Trigger.INTAKE, youngest) if d.unmet}
    assert blocked == blocked_youngest
    for dob in (earliest, latest, day(earliest, width // 2)):
        other = case(documented(dob), offence(offence_on))
        if any(d.unmet for d in decisions_of("MACR-1", Trigger.INTAKE, other)):
            assert blocked, "a plausible date of birth is below the minimum age but the estimate proceeded"


def test_lowest_age_without_offences_is_not_established() -> None:
    assert lowest_age_at_offences(ChildFacts(DOB, "documented"), ()) is None


# --- RULES.md 7b amendments ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "age", "stated"),
    [
        (date(2022, 2, 28), 13, True),  # common year: the day before 1 March
        (date(2022, 3, 1), 14, True),  # common year: the new age on 1 March
        (date(2024, 2, 29), 16, True),  # leap year: the birthday itself
    ],
)
def test_macr_2_states_the_29_february_convention(on: date, age: int, stated: bool) -> None:
    decision = only("MACR-2", Trigger.INTAKE, case(documented(date(2008, 2, 29)), offence(on)))
    assert decision.facts["age_at_offence"] == age
    assert ("1 March" in decision.message) is stated


def test_macr_2_does_not_mention_29_february_for_other_children() -> None:
    decision = only("MACR-2", Trigger.INTAKE, case(documented(date(2008, 3, 1)), offence(date(2022, 3, 1))))
    assert "29 February" not in decision.message


@pytest.mark.parametrize(("method", "finding"), [("none", False), ("documents", True), ("developmental", True)])
def test_macr_5_an_estimate_is_an_age_finding_only_with_an_assessment_method(method: str, finding: bool) -> None:
    """An officer's guess is no age finding: the child keeps the benefit of the doubt and MACR-1 refuses."""
    child = estimated(date(2008, 1, 1), date(2009, 1, 1), method=method)
    facts = case(child, offence(date(2025, 1, 1)))
    decision = only("MACR-5", Trigger.INTAKE, facts)
    assert (decision.outcome is Outcome.ALLOW) is finding
    assert (lowest_age_at_offences(child, facts.case_facts.offences) is not None) is finding
    macr_1 = only("MACR-1", Trigger.INTAKE, facts)
    assert macr_1.unmet is not finding
    if not finding:
        assert decision.citation == c.GC24_33
        assert decision.satisfied_by == ("age_assessment_method",)


def test_macr_5_a_disputed_age_uses_the_youngest_date_of_birth_claimed() -> None:
    disputed = ChildFacts(None, "disputed", dob_earliest=date(2005, 1, 1), dob_latest=date(2011, 6, 15))
    facts = case(disputed, offence(date(2025, 6, 14)))  # 13 on the youngest claim, 20 on the oldest
    decision = only("MACR-5", Trigger.CHARGE, facts)
    assert decision.outcome is Outcome.WARN
    assert "disputed" in decision.message
    assert "2011" not in decision.message
    assert lowest_age_at_offences(disputed, facts.case_facts.offences) == 13
    assert only("MACR-1", Trigger.CHARGE, facts).unmet


def test_macr_5_a_disputed_age_with_no_claim_recorded_is_not_established() -> None:
    disputed = ChildFacts(None, "disputed")
    facts = case(disputed, offence(date(2025, 6, 14)))
    decision = only("MACR-5", Trigger.CHARGE, facts)
    assert decision.outcome is Outcome.WARN
    assert "benefit of the doubt" in decision.message
    assert lowest_age_at_offences(disputed, facts.case_facts.offences) is None
    assert only("MACR-1", Trigger.CHARGE, facts).unmet
