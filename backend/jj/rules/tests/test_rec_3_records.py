"""REC-3: sealed when the process ends for the child, removed at the removal age (GC24 71; Havana r. 19)."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from jj.rules import citations as c
from jj.rules.checks.records import REMOVE, REVIEW, SEAL, birthday, rec_3
from jj.rules.engine import Outcome
from jj.rules.facts import ChildFacts, RecordFacts
from jj.rules.policy import Policy

DOB = date(2008, 6, 15)  # 18 on 2026-06-15
CHILD = ChildFacts(date_of_birth=DOB, dob_certainty="documented")
RELEASED = RecordFacts(child=CHILD, in_process=False, process_ended_on=date(2026, 1, 10))


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)


def action(facts: RecordFacts, day: date, policy: Policy | None = None) -> str | None:
    decisions = rec_3(policy or Policy(), facts, at(day))
    assert len(decisions) <= 1
    return str(decisions[0].facts["action"]) if decisions else None


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 6, 14), SEAL),  # the day before the 18th birthday: sealed, not removed
        (date(2026, 6, 15), REMOVE),  # the birthday itself
        (date(2026, 6, 16), REMOVE),  # the day after (a sweep that did not run yesterday catches up)
    ],
)
def test_removal_at_the_18th_birthday(day: date, expected: str) -> None:
    assert action(RELEASED, day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2026, 6, 14), None), (date(2026, 6, 15), REMOVE), (date(2026, 6, 16), REMOVE)],
)
def test_removal_of_sealed_records_at_the_birthday_and_not_before(day: date, expected: str | None) -> None:
    assert action(replace(RELEASED, sealed=True), day) == expected


@pytest.mark.parametrize("day", [date(2026, 6, 15), date(2027, 1, 1)])
def test_removal_waits_for_a_process_still_running(day: date) -> None:
    """A case still open at the removal age ends first; the sweep removes the record the day it ends."""
    assert action(replace(RELEASED, in_process=True), day) is None
    assert action(replace(RELEASED, process_ended_on=day), day) == REMOVE


@pytest.mark.parametrize(
    ("ended", "day", "expected"),
    [
        (date(2026, 3, 1), date(2026, 2, 28), None),  # the day before the release
        (date(2026, 3, 1), date(2026, 3, 1), SEAL),  # the day of the release
        (date(2026, 3, 1), date(2026, 3, 2), SEAL),  # the day after
    ],
)
def test_sealed_when_the_process_ends(ended: date, day: date, expected: str | None) -> None:
    decisions = rec_3(Policy(), replace(RELEASED, process_ended_on=ended), at(day))
    assert (str(decisions[0].facts["action"]) if decisions else None) == expected
    if decisions:
        assert decisions[0].outcome is Outcome.ALLOW
        assert decisions[0].citation == c.HAVANA_19
        assert decisions[0].deadlines[0].kind == "records_removal"
        assert decisions[0].deadlines[0].due_at == datetime(2026, 6, 15, tzinfo=UTC)


def test_nothing_to_seal_while_in_process_already_sealed_or_removed() -> None:
    day = date(2026, 3, 1)
    assert action(replace(RELEASED, in_process=True), day) is None
    assert action(replace(RELEASED, sealed=True), day) is None
    assert action(replace(RELEASED, process_ended_on=None), day) is None
    assert action(replace(RELEASED, removed=True), date(2030, 1, 1)) is None


@pytest.mark.parametrize(
    ("age", "day", "expected"),
    [(21, date(2029, 6, 14), SEAL), (21, date(2029, 6, 15), REMOVE), (16, date(2024, 6, 15), REMOVE)],
)
def test_the_jurisdictions_removal_age(age: int, day: date, expected: str) -> None:
    released = replace(RELEASED, process_ended_on=date(2024, 1, 1))
    decisions = rec_3(Policy(records_removal_age=age), released, at(day))
    assert decisions[0].facts["action"] == expected
    assert decisions[0].below_standard is (age > 18)


def test_review_policy_asks_for_an_independent_review_instead() -> None:
    policy = Policy(records_removal="review")
    decision = rec_3(policy, RELEASED, at(date(2026, 6, 15)))[0]
    assert decision.facts["action"] == REVIEW
    assert decision.outcome is Outcome.REQUIRE_JUSTIFICATION
    assert decision.citation == c.GC24_71
    assert decision.below_standard
    assert action(replace(RELEASED, review_opened=True), date(2026, 6, 15)) == REVIEW


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2026, 2, 28), SEAL), (date(2026, 3, 1), REMOVE)],
)
def test_a_29_february_birthday_falls_on_1_march(day: date, expected: str) -> None:
    child = ChildFacts(date_of_birth=date(2008, 2, 29), dob_certainty="documented")
    assert birthday(date(2008, 2, 29), 18) == date(2026, 3, 1)
    assert action(replace(RELEASED, child=child), day) == expected


def test_an_estimated_age_counts_at_its_oldest_end_and_an_unknown_age_is_never_removed_automatically() -> None:
    estimated = ChildFacts(
        date_of_birth=None, dob_certainty="estimated", dob_earliest=date(2008, 1, 1), dob_latest=date(2009, 1, 1)
    )
    released = replace(RELEASED, child=estimated, process_ended_on=date(2025, 1, 1))
    assert action(released, date(2025, 12, 31)) == SEAL
    assert action(released, date(2026, 1, 1)) == REMOVE
    unknown = ChildFacts(date_of_birth=None, dob_certainty="unknown")
    assert action(replace(RELEASED, child=unknown), date(2040, 1, 1)) == SEAL
    assert rec_3(Policy(), replace(RELEASED, child=unknown), at(date(2040, 1, 1)))[0].deadlines == ()


def test_the_review_decision_asks_for_a_decision_within_the_policys_days() -> None:
    """The sweep opens the review with this deadline: 30 days by default, the policy's number otherwise."""
    now = at(date(2026, 6, 15))
    for days in (30, 7):
        decision = rec_3(Policy(records_removal="review", records_removal_review_days=days), RELEASED, now)[0]
        (spec,) = decision.deadlines
        assert spec.kind == "records_removal_review"
        assert spec.due_at == now + timedelta(days=days)
        assert spec.escalate_to == "independent_oversight"
    assert Policy(records_removal_review_days=45).below_standard("records_removal_review_days")
    assert not Policy(records_removal_review_days=30).below_standard("records_removal_review_days")


RETAINED = replace(RELEASED, sealed=True, retained_until=date(2027, 3, 10))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 3, 9), None),  # the day before the review retained the records until: nothing
        (date(2027, 3, 10), REVIEW),  # the day itself: the review comes back
        (date(2027, 3, 11), REVIEW),  # the day after (a sweep that did not run catches up)
    ],
)
@pytest.mark.parametrize("policy", [Policy(), Policy(records_removal="review")])
def test_retained_records_come_back_for_review_on_the_retain_until_day(
    day: date, expected: str | None, policy: Policy
) -> None:
    """A retention came from a review: whatever the policy says now, it comes back as a review, never removed
    automatically, and nothing is due before its day."""
    assert action(RETAINED, day, policy) == expected
    if expected:
        assert rec_3(policy, RETAINED, at(day))[0].facts["retained_until"] == "2027-03-10"


def test_an_open_review_asks_for_its_decision_even_before_a_retained_day() -> None:
    assert action(replace(RETAINED, review_opened=True), date(2027, 1, 1)) == REVIEW
