"""The stored facts of a decision (jj.simulation): every facts class written as JSON and rebuilt exactly, and a
stored act decided again by `replay` as `evaluate` decided it."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import (
    Alternative,
    CaseFacts,
    ChildFacts,
    DetentionOrderFacts,
    FacilityFacts,
    OffenceFacts,
    PlacementFacts,
    PolicyChangeFacts,
)
from jj.rules.policy import STANDARD
from jj.rules.registry import evaluate, replay
from jj.rules.serialize import FACTS_CLASSES, FactsNotReplayable, _load, facts_dump, facts_load

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def _case(dob: date = date(2012, 3, 2)) -> CaseFacts:
    child = ChildFacts(dob, "documented", sex="female", accommodation_needs="Sign language")
    return CaseFacts(child, (OffenceFacts(date(2026, 3, 1), date(2026, 3, 3), "05", True, "S1"),), opened_at=AT)


def test_every_facts_class_is_known() -> None:
    assert {"CaseFacts", "PlacementFacts", "DetentionOrderFacts", "ReleaseFacts", "Policy"} <= set(FACTS_CLASSES)


@pytest.mark.parametrize(
    "facts",
    [
        _case(),
        PlacementFacts(_case(), FacilityFacts("police_station", 10, 3, True), AT, "Europe/Paris", emergency=True),
        DetentionOrderFacts(
            _case(),
            AT,
            AT,
            "Europe/Paris",
            grounds=("flight_risk",),
            alternatives_considered=(Alternative("bail", "no"),),
        ),
        PolicyChangeFacts(STANDARD, STANDARD.with_values({"macr": 16, "status_offence_codes": ("S1",)}), ("macr",)),
        ChildFacts(None, "unknown"),
    ],
)
def test_facts_are_rebuilt_exactly(facts: object) -> None:
    assert facts_load(facts_dump(facts)) == facts


@settings(deadline=None, max_examples=50)
@given(dob=st.dates(min_value=date(2000, 1, 1), max_value=date(2020, 12, 31)))
def test_a_replayed_act_is_decided_exactly_as_it_was(dob: date) -> None:
    facts = facts_load(facts_dump(_case(dob)))
    first = evaluate(Trigger.INTAKE, STANDARD, _case(dob), AT)
    again = replay("intake", STANDARD, facts, AT)
    assert again == first
    assert again[0].evaluation is not None
    assert again[0].evaluation.rule_ids == tuple(d.rule_id for d in first)


def test_every_decision_carries_what_it_was_decided_on() -> None:
    facts = _case()
    decisions = evaluate(Trigger.INTAKE, STANDARD.with_values({"macr": 16}), facts, AT)
    assert any(d.rule_id == "MACR-1" and d.outcome is Outcome.BLOCK for d in decisions)
    evaluations = {id(d.evaluation) for d in decisions}
    assert len(evaluations) == 1
    evaluation = decisions[0].evaluation
    assert evaluation is not None
    assert (evaluation.trigger, evaluation.facts, evaluation.as_of) == ("intake", facts, AT)


@dataclass(frozen=True)
class NotFacts:
    x: int = 0


@pytest.mark.parametrize(
    "value",
    [NotFacts(), {"a": 1}, ChildFacts],
)
def test_only_facts_classes_are_stored(value: object) -> None:
    with pytest.raises(FactsNotReplayable):
        facts_dump(value)


def test_a_value_that_is_not_plain_data_is_refused() -> None:
    with pytest.raises(FactsNotReplayable):
        facts_dump(ChildFacts(date(2012, 1, 1), "documented", sex={"not": "a string"}))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "stored",
    [
        {"type": "Gone", "data": {}},
        {"data": {}},
        {"type": "ChildFacts", "data": ["not", "an", "object"]},
        {"type": "ChildFacts", "data": {"date_of_birth": None, "dob_certainty": "unknown", "renamed": 1}},
    ],
)
def test_stored_facts_that_no_longer_fit_are_refused(stored: dict[str, object]) -> None:
    with pytest.raises(FactsNotReplayable):
        facts_load(stored)


def test_values_of_other_shapes_load_as_they_are() -> None:
    assert _load(int | str, "x") == "x"  # a union of several kinds: the stored value as it is
    assert _load(tuple[str, ...], None) == ()
