"""DET-2 as amended (RULES.md 7b): a lawyer (or a judicially supervised waiver) AND an appropriate adult (or the
recorded reason why not) AND the interpreter a child needs; each missing safeguard is its own refusal."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import InterviewFacts
from jj.rules.policy import Policy
from jj.rules.registry import evaluate

AT = datetime(2026, 5, 4, 14, 30, tzinfo=UTC)
SAFE = InterviewFacts(lawyer_present=True, appropriate_adult_present=True, audio_visual_recorded=True)


def det_2(facts: InterviewFacts) -> list:  # type: ignore[type-arg]
    return [d for d in evaluate(Trigger.INTERVIEW, Policy(), facts, AT) if d.rule_id == "DET-2"]


def test_det_2_every_safeguard_present_is_allowed() -> None:
    (decision,) = det_2(SAFE)
    assert decision.outcome is Outcome.ALLOW


def test_det_2_a_parent_present_no_longer_stands_in_for_a_lawyer() -> None:
    """Before the amendment a parent alone was enough; GC24 49 asks for legal assistance from the outset."""
    (decision,) = det_2(replace(SAFE, lawyer_present=False))
    assert decision.outcome is Outcome.BLOCK
    assert decision.citation == c.GC24_49
    assert set(decision.satisfied_by) == {"lawyer_present", "lawyer_waived"}


@pytest.mark.parametrize(("supervised", "outcome"), [(False, Outcome.BLOCK), (True, Outcome.ALLOW)])
def test_det_2_a_waiver_counts_only_under_judicial_supervision(supervised: bool, outcome: Outcome) -> None:
    facts = replace(SAFE, lawyer_present=False, lawyer_waived=True, waiver_under_judicial_supervision=supervised)
    (decision,) = det_2(facts)
    assert decision.outcome is outcome
    if outcome is Outcome.BLOCK:
        assert decision.citation == c.GC24_51


@pytest.mark.parametrize(
    ("reason", "outcome"), [("", Outcome.BLOCK), ("   ", Outcome.BLOCK), ("Father is the complainant", Outcome.ALLOW)]
)
def test_det_2_no_appropriate_adult_needs_the_best_interests_reason(reason: str, outcome: Outcome) -> None:
    (decision,) = det_2(replace(SAFE, appropriate_adult_present=False, appropriate_adult_absence_reason=reason))
    assert decision.outcome is outcome
    if outcome is Outcome.BLOCK:
        assert decision.citation == c.GC24_60


@pytest.mark.parametrize(
    ("needed", "present", "outcome"),
    [(False, False, Outcome.ALLOW), (True, True, Outcome.ALLOW), (True, False, Outcome.BLOCK)],
)
def test_det_2_a_child_who_needs_an_interpreter_is_never_questioned_without_one(
    needed: bool, present: bool, outcome: Outcome
) -> None:
    (decision,) = det_2(replace(SAFE, interpreter_needed=needed, interpreter_present=present))
    assert decision.outcome is outcome
    if outcome is Outcome.BLOCK:
        assert decision.citation == c.CRC_40_2_B_VI
        assert decision.satisfied_by == ("interpreter_present",)


def test_det_2_each_missing_safeguard_is_its_own_refusal() -> None:
    facts = InterviewFacts(lawyer_present=False, appropriate_adult_present=False, interpreter_needed=True)
    decisions = det_2(facts)
    assert [d.outcome for d in decisions] == [Outcome.BLOCK] * 3
    assert [d.citation for d in decisions] == [c.GC24_49, c.GC24_60, c.CRC_40_2_B_VI]


def test_det_2_questioning_without_audio_visual_recording_warns() -> None:
    (decision,) = det_2(replace(SAFE, audio_visual_recorded=False))
    assert decision.outcome is Outcome.WARN
