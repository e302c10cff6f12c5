"""CNS-1 (legal counsel from the outset, legal aid included) and HRD-1 (the child is heard): boundary tables."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import (
    CaseFacts,
    DetentionOrderFacts,
    DiversionFacts,
    FacilityFacts,
    InterviewFacts,
    PlacementFacts,
    ProgrammeFacts,
    SentenceFacts,
)
from jj.rules.policy import Policy, Strictness
from jj.rules.registry import evaluate
from jj.rules.tests.helpers import case, documented, new_rule, offence

ZONE = "Europe/Paris"
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
CASE = case(documented(date(2009, 1, 1)), offence(date(2026, 3, 1)), stage="charge")
COUNSELLED = replace(CASE, counsel_active=True, counsel_legal_aid=True)
DETENTION = FacilityFacts("juvenile_detention", capacity=10, occupancy=2, children_wholly_separated=True)
POLICE = replace(DETENTION, kind="police_station")
PROGRAMME = ProgrammeFacts("mediation", involves_deprivation_of_liberty=False)


def placement(**extra: object) -> PlacementFacts:
    return replace(PlacementFacts(case=CASE, facility=DETENTION, at=START, zone=ZONE), **extra)  # type: ignore[arg-type]


def order(case_facts: CaseFacts = CASE, **extra: object) -> DetentionOrderFacts:
    base = DetentionOrderFacts(case_facts, START, START, ZONE, grounds=("court_appearance",))
    return replace(base, **extra)  # type: ignore[arg-type]


def sentence(case_facts: CaseFacts = CASE, **extra: object) -> SentenceFacts:
    return replace(SentenceFacts(case_facts, "custody", length_months=6), **extra)  # type: ignore[arg-type]


def diversion(case_facts: CaseFacts | None = CASE, **extra: object) -> DiversionFacts:
    return replace(DiversionFacts(PROGRAMME, "intake", case=case_facts), **extra)  # type: ignore[arg-type]


def interview(case_facts: CaseFacts | None = CASE) -> InterviewFacts:
    return InterviewFacts(lawyer_present=True, appropriate_adult_present=True, case=case_facts)


# --- CNS-1 -------------------------------------------------------------------------------------------------------


def test_cns_1_custody_start_opens_the_counsel_deadline() -> None:
    (decision,) = new_rule("CNS-1", Trigger.CUSTODY_START, placement(), START)
    (deadline,) = decision.deadlines
    assert (deadline.kind, deadline.due_at) == ("legal_counsel", START + timedelta(hours=24))
    assert decision.outcome is Outcome.ALLOW
    assert not decision.unmet
    assert decision.citation == c.RES79_14
    assert c.RES76_184_9_LEGAL_AID in decision.further_citations
    assert not decision.below_standard


@pytest.mark.parametrize(("hours", "below"), [(23, False), (24, False), (25, True)])
def test_cns_1_counsel_hours_hour_before_of_after_the_standard(hours: int, below: bool) -> None:
    (decision,) = new_rule("CNS-1", Trigger.CUSTODY_START, placement(), START, Policy(counsel_within_hours=hours))
    assert decision.deadlines[0].due_at - START == timedelta(hours=hours)
    assert decision.below_standard is below
    assert ("falls below the international standard" in decision.message) is below


@settings(deadline=None)
@given(hours=st.integers(min_value=1, max_value=96), minutes=st.integers(min_value=0, max_value=60 * 24 * 366))
def test_cns_1_deadline_is_always_exactly_the_policy_hours_after_custody_starts(hours: int, minutes: int) -> None:
    at = START + timedelta(minutes=minutes)
    (decision,) = new_rule("CNS-1", Trigger.CUSTODY_START, placement(at=at), at, Policy(counsel_within_hours=hours))
    assert decision.deadlines[0].due_at == at + timedelta(hours=hours)


def test_cns_1_no_deadline_with_counsel_or_for_a_transfer() -> None:
    assert new_rule("CNS-1", Trigger.CUSTODY_START, placement(case=COUNSELLED), START) == []
    assert new_rule("CNS-1", Trigger.CUSTODY_START, placement(is_admission=False), START) == []


@pytest.mark.parametrize(
    ("trigger", "facts"),
    [(Trigger.INTERVIEW, interview()), (Trigger.DIVERSION_ACTIVATE, diversion())],
)
def test_cns_1_interview_and_diversion_without_counsel_warn(trigger: Trigger, facts: object) -> None:
    (decision,) = new_rule("CNS-1", trigger, facts)
    assert decision.outcome is Outcome.WARN
    assert not decision.unmet


def test_cns_1_interview_and_diversion_with_counsel_or_without_a_case_say_nothing() -> None:
    assert new_rule("CNS-1", Trigger.INTERVIEW, interview(COUNSELLED)) == []
    assert new_rule("CNS-1", Trigger.INTERVIEW, interview(None)) == []
    assert new_rule("CNS-1", Trigger.DIVERSION_ACTIVATE, diversion(None)) == []


DECISIONS = [
    (Trigger.DETENTION_ORDER, order, "detention order"),
    (Trigger.CHARGE, lambda case_facts=CASE: case_facts, "charge"),
    (Trigger.SENTENCE, sentence, "sentence"),
]


@pytest.mark.parametrize(("trigger", "build", "act"), DECISIONS)
def test_cns_1_decision_without_counsel_needs_a_reason(trigger: Trigger, build, act: str) -> None:  # type: ignore[no-untyped-def]
    (decision,) = new_rule("CNS-1", trigger, build(CASE))
    assert decision.outcome is Outcome.REQUIRE_JUSTIFICATION
    assert decision.unmet
    assert decision.satisfied_by == ("no_counsel_justification",)
    assert act in decision.message
    reasoned = replace(CASE, no_counsel_justification="Duty counsel on the way; hearing cannot be adjourned")
    assert not new_rule("CNS-1", trigger, build(reasoned))[0].unmet
    assert not new_rule("CNS-1", trigger, build(replace(CASE, no_counsel_justification="  ")))[0].satisfied
    assert new_rule("CNS-1", trigger, build(COUNSELLED)) == []


@pytest.mark.parametrize(("trigger", "build", "act"), DECISIONS)
def test_cns_1_a_jurisdiction_may_refuse_the_decision_instead(trigger: Trigger, build, act: str) -> None:  # type: ignore[no-untyped-def]
    policy = Policy(counsel_at_decisions=Strictness.BLOCK)
    reasoned = replace(CASE, no_counsel_justification="any reason")
    (decision,) = new_rule("CNS-1", trigger, build(reasoned), policy=policy)
    assert decision.outcome is Outcome.BLOCK
    assert decision.unmet
    assert not policy.below_standard("counsel_at_decisions")


# --- HRD-1 -------------------------------------------------------------------------------------------------------

HEARINGS = [
    (Trigger.DETENTION_ORDER, order, "detention order"),
    (Trigger.SENTENCE, sentence, "sentence"),
    (Trigger.DIVERSION_OFFER, lambda **kw: diversion(**kw), "diversion referral"),
    (Trigger.CUSTODY_START, placement, "placement"),
    (Trigger.TRANSFER, lambda **kw: placement(is_admission=False, **kw), "transfer"),
]


@pytest.mark.parametrize(("trigger", "build", "act"), HEARINGS)
@pytest.mark.parametrize(
    ("views", "reason", "unmet"),
    [("", "", True), ("  ", "\n", True), ("Wants to stay near his mother", "", False), ("", "Asleep; unwell", False)],
)
def test_hrd_1_the_childs_views_or_why_not(  # type: ignore[no-untyped-def]
    trigger: Trigger, build, act: str, views: str, reason: str, unmet: bool
) -> None:
    (decision,) = new_rule("HRD-1", trigger, build(child_views=views, views_not_heard_reason=reason))
    assert decision.outcome is Outcome.REQUIRE_JUSTIFICATION
    assert decision.unmet is unmet
    assert act in decision.message
    assert decision.satisfied_by == ("child_views", "views_not_heard_reason")
    assert decision.citation == c.CRC_12


def test_hrd_1_an_arrest_into_a_police_cell_is_not_a_placement_decision() -> None:
    assert new_rule("HRD-1", Trigger.CUSTODY_START, placement(facility=POLICE)) == []
    (transfer,) = new_rule("HRD-1", Trigger.TRANSFER, placement(facility=POLICE, is_admission=False))
    assert transfer.unmet


def test_hrd_1_never_holds_back_a_transfer_to_a_safer_place() -> None:
    facts = placement(is_admission=False, protective_transfer=True)
    (decision,) = new_rule("HRD-1", Trigger.TRANSFER, facts)
    assert decision.outcome is Outcome.WARN
    assert not decision.unmet
    heard = new_rule("HRD-1", Trigger.TRANSFER, replace(facts, child_views="Relieved to move"))
    assert heard[0].outcome is Outcome.REQUIRE_JUSTIFICATION
    assert not heard[0].unmet


def test_cns_1_and_hrd_1_run_with_the_other_rules_of_an_order_now_wired() -> None:
    decisions = evaluate(Trigger.DETENTION_ORDER, Policy(), order(), START)
    assert {"CNS-1", "HRD-1"} <= {d.rule_id for d in decisions}
