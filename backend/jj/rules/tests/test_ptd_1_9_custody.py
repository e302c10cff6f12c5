"""PTD-1 to PTD-9: judicial control of custody, last resort, time limits (boundaries to the minute and across
daylight-saving changes in the jurisdiction's zone)."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import Alternative, DetentionOrderFacts, FacilityFacts, PlacementFacts, ReviewFacts
from jj.rules.policy import Policy, Strictness
from jj.rules.registry import evaluate
from jj.rules.tests.helpers import DOB, case, documented, offence, unknown
from jj.rules.timecalc import add_local_days, add_local_months

ZONE = "Europe/Paris"
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
POLICE = FacilityFacts("police_station", capacity=10, occupancy=2, children_wholly_separated=True)
CHILD_CASE = case(documented(DOB), offence(date(2026, 3, 1)))  # 15 at the offence, 15 at START
OLDER_CASE = case(documented(date(2009, 1, 1)), offence(date(2026, 3, 1)))  # 17
ALTERNATIVES = (Alternative("release_to_parents", "parents abroad"), Alternative("supervision", "absconded twice"))


def placement(**extra: object) -> PlacementFacts:
    base = PlacementFacts(case=OLDER_CASE, facility=POLICE, at=START, zone=ZONE)
    return replace(base, **extra)  # type: ignore[arg-type]


def order(**extra: object) -> DetentionOrderFacts:
    base = DetentionOrderFacts(
        case=OLDER_CASE,
        ordered_at=START + timedelta(hours=20),
        episode_started_at=START,
        zone=ZONE,
        grounds=("court_appearance",),
        alternatives_considered=ALTERNATIVES,
        justification="Absconded from two previous hearings",
    )
    return replace(base, **extra)  # type: ignore[arg-type]


def of(rule_id: str, trigger: Trigger, facts: object, at: datetime, policy: Policy | None = None) -> list:  # type: ignore[type-arg]
    return [d for d in evaluate(trigger, policy or Policy(), facts, at) if d.rule_id == rule_id]


def test_ptd_1_custody_start_creates_the_24_hour_deadline() -> None:
    (decision,) = of("PTD-1", Trigger.CUSTODY_START, placement(), START)
    (deadline,) = decision.deadlines
    assert deadline.kind == "competent_authority"
    assert deadline.due_at == START + timedelta(hours=24)
    assert decision.citation == c.GC24_90


@pytest.mark.parametrize(
    ("elapsed", "blocked"),
    [(timedelta(hours=23, minutes=59), False), (timedelta(hours=24), False), (timedelta(hours=24, minutes=1), True)],
)
def test_ptd_1_transfer_after_24_hours_without_appearance_is_refused(elapsed: timedelta, blocked: bool) -> None:
    facts = placement(is_admission=False, episode_started_at=START)
    found = of("PTD-1", Trigger.TRANSFER, facts, START + elapsed)
    assert bool(found) is blocked
    if blocked:
        assert found[0].outcome is Outcome.BLOCK
        assert found[0].notify == ("supervisor",)
    appeared = replace(facts, first_appearance_at=START + timedelta(hours=3))
    assert of("PTD-1", Trigger.TRANSFER, appeared, START + elapsed) == []


@pytest.mark.parametrize(
    ("elapsed", "warned"),
    [(timedelta(hours=23, minutes=59), False), (timedelta(hours=24), False), (timedelta(hours=24, minutes=1), True)],
)
def test_ptd_1_inv_5_a_protective_transfer_after_24_hours_only_warns(elapsed: timedelta, warned: bool) -> None:
    """INV-5: a move to a safer place or for health care is never held back by the overdue appearance."""
    facts = placement(is_admission=False, episode_started_at=START, protective_transfer=True)
    found = of("PTD-1", Trigger.TRANSFER, facts, START + elapsed)
    assert bool(found) is warned
    if warned:
        assert found[0].outcome is Outcome.WARN
        assert found[0].notify == ("supervisor",)
        assert not found[0].unmet


def test_ptd_1_longer_domestic_limit_warns_in_every_decision() -> None:
    (decision,) = of("PTD-1", Trigger.CUSTODY_START, placement(), START, Policy(competent_authority_hours=48))
    assert decision.below_standard
    assert decision.deadlines[0].due_at == START + timedelta(hours=48)
    assert "falls below the international standard" in decision.message


def test_ptd_2_detention_order_without_alternatives_is_refused_then_satisfied() -> None:
    bare = order(alternatives_considered=(), justification="")
    found = of("PTD-2", Trigger.DETENTION_ORDER, bare, START)
    assert [d.unmet for d in found] == [True, False]
    assert found[0].satisfied_by == ("alternatives_considered", "justification")
    assert found[0].citation == c.GC24_86
    unreasoned = order(alternatives_considered=(Alternative("supervision", " "),))
    assert of("PTD-2", Trigger.DETENTION_ORDER, unreasoned, START)[0].unmet
    assert not any(d.unmet for d in of("PTD-2", Trigger.DETENTION_ORDER, order(), START))


@pytest.mark.parametrize(
    ("grounds", "unmet", "referral"),
    [
        (("court_appearance",), False, False),
        (("danger_to_others",), False, False),
        (("danger_to_self",), True, True),
        (("other",), True, False),
        ((), True, False),
    ],
)
def test_ptd_2_grounds(grounds: tuple[str, ...], unmet: bool, referral: bool) -> None:
    found = of("PTD-2", Trigger.DETENTION_ORDER, order(grounds=grounds), START)
    assert any(d.unmet for d in found) is unmet
    assert any("child_protection" in d.notify for d in found) is referral


def test_ptd_2_electronic_monitoring_is_not_detention() -> None:
    assert (
        of("PTD-2", Trigger.DETENTION_ORDER, order(kind="electronic_monitoring", alternatives_considered=()), START)
        == []
    )


@pytest.mark.parametrize(
    ("strictness", "expected"), [(Strictness.WARN, Outcome.WARN), (Strictness.BLOCK, Outcome.BLOCK)]
)
def test_ptd_3_monetary_bail(strictness: Strictness, expected: Outcome) -> None:
    (decision,) = of(
        "PTD-3", Trigger.DETENTION_ORDER, order(monetary_bail_condition=True), START, Policy(monetary_bail=strictness)
    )
    assert decision.outcome is expected
    assert decision.citation == c.GC24_88_BAIL
    assert of("PTD-3", Trigger.DETENTION_ORDER, order(), START) == []


def test_ptd_4_review_counts_calendar_days_across_the_autumn_clock_change() -> None:
    ordered = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # 10:00 in Paris (CEST)
    (decision,) = of("PTD-4", Trigger.DETENTION_ORDER, order(ordered_at=ordered), ordered)
    due = decision.deadlines[0].due_at
    assert due == datetime(2026, 11, 3, 9, 0, tzinfo=UTC)  # 10:00 in Paris (CET): 14 days and one hour later
    review = ReviewFacts(at=due, episode_started_at=ordered, pretrial_detention_started_at=ordered, zone=ZONE)
    (next_review,) = of("PTD-4", Trigger.DETENTION_REVIEW, review, due)
    assert next_review.deadlines[0].due_at == due + timedelta(days=14)
    assert of("PTD-4", Trigger.DETENTION_ORDER, order(kind="electronic_monitoring"), START) == []


def test_ptd_4_spring_clock_change() -> None:
    ordered = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)  # 10:00 CET
    assert add_local_days(ordered, 14, ZONE) == datetime(2026, 4, 3, 8, 0, tzinfo=UTC)  # 10:00 CEST


@pytest.mark.parametrize(
    ("day", "justify"),
    [(29, False), (30, False), (31, True)],
)
def test_ptd_5_charge_within_30_days(day: int, justify: bool) -> None:
    detained = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    (created,) = of("PTD-5", Trigger.DETENTION_ORDER, order(ordered_at=detained), detained)
    assert created.deadlines[0].due_at == add_local_days(detained, 30, ZONE)
    review = ReviewFacts(at=detained, episode_started_at=detained, pretrial_detention_started_at=detained, zone=ZONE)
    at = add_local_days(detained, day, ZONE)
    found = of("PTD-5", Trigger.DETENTION_REVIEW, replace(review, at=at), at)
    assert bool(found) is justify
    if justify:
        assert found[0].unmet
        assert not of("PTD-5", Trigger.DETENTION_REVIEW, replace(review, at=at, justification="complex case"), at)[
            0
        ].unmet
        assert of("PTD-5", Trigger.DETENTION_REVIEW, replace(review, charged=True), at) == []


def test_ptd_5_no_deadline_when_charged_or_not_the_first_order() -> None:
    assert of("PTD-5", Trigger.DETENTION_ORDER, order(charged=True), START) == []
    assert of("PTD-5", Trigger.DETENTION_ORDER, order(first_order=False), START) == []


@pytest.mark.parametrize(
    ("start", "due"),
    [
        (datetime(2026, 3, 2, 8, 0, tzinfo=UTC), datetime(2026, 9, 2, 7, 0, tzinfo=UTC)),  # 09:00 CET -> 09:00 CEST
        (datetime(2027, 8, 31, 8, 0, tzinfo=UTC), datetime(2028, 2, 29, 9, 0, tzinfo=UTC)),  # leap day, CET
    ],
)
def test_ptd_6_six_months_and_mandatory_release(start: datetime, due: datetime) -> None:
    facts = order(episode_started_at=start, ordered_at=start + timedelta(hours=20))
    (created,) = of("PTD-6", Trigger.DETENTION_ORDER, facts, start)
    assert created.deadlines[0].due_at == due
    assert created.deadlines[0].escalate_to == "independent_oversight"
    review = ReviewFacts(at=due, episode_started_at=start, pretrial_detention_started_at=start, zone=ZONE)
    assert of("PTD-6", Trigger.DETENTION_REVIEW, review, due - timedelta(minutes=1)) == []
    (blocked,) = of("PTD-6", Trigger.DETENTION_REVIEW, review, due)
    assert blocked.outcome is Outcome.BLOCK
    assert blocked.facts["mandatory_release"] is True
    assert blocked.citation == c.GC24_90_FINAL
    assert of("PTD-6", Trigger.DETENTION_REVIEW, replace(review, final_decision_made=True), due) == []
    assert of("PTD-6", Trigger.DETENTION_ORDER, replace(facts, first_order=False), start) == []
    assert of("PTD-6", Trigger.DETENTION_ORDER, replace(facts, kind="electronic_monitoring"), due) == []


def test_ptd_6_a_new_order_after_six_months_is_refused() -> None:
    facts = order(episode_started_at=START, ordered_at=START + timedelta(days=200))
    (blocked,) = of("PTD-6", Trigger.DETENTION_ORDER, facts, START + timedelta(days=200))
    assert blocked.unmet


def test_ptd_7_family_ties_refused() -> None:
    (decision,) = of("PTD-7", Trigger.DETENTION_ORDER, order(grounds=("family_ties", "court_appearance")), START)
    assert decision.outcome is Outcome.BLOCK
    assert decision.citation == c.RES79_13


def test_ptd_8_electronic_monitoring_without_grounds_warns() -> None:
    (decision,) = of("PTD-8", Trigger.DETENTION_ORDER, order(kind="electronic_monitoring"), START)
    assert decision.outcome is Outcome.WARN
    assert decision.citation == c.RES79_21
    assert (
        of(
            "PTD-8",
            Trigger.DETENTION_ORDER,
            order(kind="electronic_monitoring", grounds_for_detention_found=True),
            START,
        )
        == []
    )


@pytest.mark.parametrize(
    ("dob", "justify"),
    [(date(2010, 3, 3), True), (date(2010, 3, 2), False), (date(2010, 3, 1), False)],  # 15y364d, 16y, 16y+1d
)
def test_ptd_9_age_floor_of_16(dob: date, justify: bool) -> None:
    facts = placement(case=case(documented(dob), offence(date(2026, 3, 1))))
    found = of("PTD-9", Trigger.CUSTODY_START, facts, START)
    assert bool(found) is justify
    if justify:
        assert found[0].unmet
        assert found[0].citation == c.GC24_89
        assert not of("PTD-9", Trigger.CUSTODY_START, replace(facts, age_floor_justification="public safety"), START)[
            0
        ].unmet


def test_ptd_9_unknown_age_and_electronic_monitoring() -> None:
    assert of("PTD-9", Trigger.CUSTODY_START, placement(case=case(unknown(), offence(date(2026, 3, 1)))), START)
    assert of("PTD-9", Trigger.DETENTION_ORDER, order(case=CHILD_CASE, kind="electronic_monitoring"), START) == []


def test_macr_1_and_sta_1_apply_to_deprivation_of_liberty() -> None:
    young = case(documented(date(2014, 1, 1)), offence(date(2026, 3, 1)))
    assert any(
        d.rule_id == "MACR-1" and d.unmet
        for d in evaluate(Trigger.CUSTODY_START, Policy(), placement(case=young), START)
    )
    status = case(documented(DOB), offence(date(2026, 3, 1), status=True))
    (sta,) = of("STA-1", Trigger.DETENTION_ORDER, order(case=status), START, Policy(status_offences=Strictness.WARN))
    assert sta.outcome is Outcome.BLOCK


@given(
    start=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)),
    months=st.integers(1, 12),
    days=st.integers(1, 90),
)
def test_local_calendar_limits_are_never_shorter_than_their_days_minus_an_hour(
    start: datetime, months: int, days: int
) -> None:
    assert add_local_days(start, days, ZONE) - start >= timedelta(days=days) - timedelta(hours=1)
    assert add_local_months(start, months, ZONE) - start >= timedelta(days=28 * months) - timedelta(hours=1)
