"""INV-2 in the pure checks: PTD-5 and PTD-6 counted from the case's first deprivation of liberty (re-detention
restarts nothing), each order judged as of its own time; DET-4 refuses adults in police cells outright and needs a
second person's approval elsewhere; DIV-2 sets the diversion's review and end deadlines; STA-1 at sentence."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import DiversionFacts, FacilityFacts, ProgrammeFacts, SentenceFacts
from jj.rules.tests.helpers import case, documented, offence
from jj.rules.tests.test_ptd_1_9_custody import START, ZONE, of, order, placement
from jj.rules.timecalc import add_local_days, add_local_months

FIRST = START - timedelta(days=20)  # the case's first deprivation of liberty, on an earlier episode


@pytest.mark.parametrize(
    ("delta", "outcome"),
    [(timedelta(minutes=-1), None), (timedelta(0), None), (timedelta(minutes=1), Outcome.REQUIRE_JUSTIFICATION)],
)
def test_inv_2_ptd_5_re_detention_counts_from_the_first_pretrial_detention(
    delta: timedelta, outcome: Outcome | None
) -> None:
    due = add_local_days(FIRST, 30, ZONE)
    facts = order(
        ordered_at=due + delta, episode_started_at=due + delta, pretrial_clock_started_at=FIRST, first_order=False
    )
    found = of("PTD-5", Trigger.DETENTION_ORDER, facts, due + delta)
    assert [d.outcome for d in found] == ([outcome] if outcome else [])
    if found:
        assert found[0].satisfied_by == ("charge_delay_justification",)
        assert not found[0].satisfied
        justified = replace(facts, charge_delay_justification="Co-accused abroad; charge drafted")
        assert of("PTD-5", Trigger.DETENTION_ORDER, justified, due + delta)[0].satisfied


def test_inv_2_ptd_5_a_new_episodes_first_order_keeps_the_cases_due_date() -> None:
    facts = order(ordered_at=START, pretrial_clock_started_at=FIRST, first_order=True)
    (decision,) = of("PTD-5", Trigger.DETENTION_ORDER, facts, START)
    assert decision.deadlines[0].due_at == add_local_days(FIRST, 30, ZONE)


@pytest.mark.parametrize(("delta", "blocked"), [(timedelta(minutes=-1), False), (timedelta(0), True)])
def test_inv_2_ptd_6_re_detention_counts_from_the_first_deprivation(delta: timedelta, blocked: bool) -> None:
    due = add_local_months(FIRST, 6, ZONE)
    facts = order(ordered_at=due + delta, episode_started_at=due + delta, clock_started_at=FIRST)
    found = of("PTD-6", Trigger.DETENTION_ORDER, facts, due + delta)
    assert (found[0].outcome is Outcome.BLOCK) is blocked
    if not blocked:
        assert found[0].deadlines[0].due_at == due


def test_ptd_6_a_late_recorded_order_is_judged_as_of_its_own_date() -> None:
    facts = order(episode_started_at=START, ordered_at=START + timedelta(days=10))
    (decision,) = of("PTD-6", Trigger.DETENTION_ORDER, facts, START + timedelta(days=400))
    assert decision.outcome is Outcome.ALLOW


def test_det_4_adults_in_a_police_cell_are_refused_outright() -> None:
    mixed_cell = FacilityFacts("police_station", capacity=10, occupancy=0, children_wholly_separated=False)
    (decision,) = of("DET-4", Trigger.CUSTODY_START, placement(facility=mixed_cell), START)
    assert decision.outcome is Outcome.BLOCK
    assert decision.citation == c.GC24_92


def test_det_4_an_adult_facility_needs_a_second_persons_approval() -> None:
    prison = FacilityFacts("adult_prison", capacity=10, occupancy=0, children_wholly_separated=False)
    facts = placement(facility=prison, best_interests_justification="With his father, no juvenile bed")
    (decision,) = of("DET-4", Trigger.CUSTODY_START, facts, START)
    assert decision.needs_approval


def test_div_2_sets_the_review_and_end_deadlines_once_the_safeguards_are_recorded() -> None:
    at = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    facts = DiversionFacts(
        programme=ProgrammeFacts("mediation", False),
        stage="intake",
        compelling_evidence="CCTV",
        acknowledgement_recorded=True,
        child_consent=True,
        guardian_consent=True,
        informed_of=("nature", "content", "duration", "consequences"),
        legal_advice_offered=True,
        review_route_explained=True,
        activated_at=at,
        duration_days=60,
    )
    (decision,) = of("DIV-2", Trigger.DIVERSION_ACTIVATE, facts, at)
    assert [(d.kind, d.due_at) for d in decision.deadlines] == [
        ("diversion_review", at + timedelta(days=30)),
        ("diversion_end", at + timedelta(days=60)),
    ]
    (missing,) = of("DIV-2", Trigger.DIVERSION_ACTIVATE, replace(facts, child_consent=False), at)
    assert missing.deadlines == ()


@pytest.mark.parametrize(("sentence_type", "deprives"), [("custody", True), ("probation", False)])
def test_sta_1_at_sentence(sentence_type: str, deprives: bool) -> None:
    facts = SentenceFacts(case(documented(date(2010, 1, 1)), offence(date(2026, 3, 1), status=True)), sentence_type)
    assert facts.deprives_liberty is deprives
    (decision,) = of("STA-1", Trigger.SENTENCE, facts, START)
    assert decision.outcome is Outcome.BLOCK
