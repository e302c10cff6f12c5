"""POL-1, MACR-3 and MACR-4: jurisdiction policy changes; Policy and Parameter directions."""

import pytest

from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import PolicyChangeFacts
from jj.rules.policy import PARAMETERS, STANDARD, Direction, Policy, Strictness
from jj.rules.registry import evaluate
from jj.rules.tests.helpers import AS_OF


def change(before: Policy, **values: object) -> list:  # type: ignore[type-arg]
    after = before.with_values(values)
    return evaluate(Trigger.POLICY_CHANGE, after, PolicyChangeFacts(before, after, tuple(values)), AS_OF)


@pytest.mark.parametrize(("macr", "warns", "below"), [(13, True, True), (14, False, False), (15, False, False)])
def test_pol_1_minimum_age_boundary(macr: int, warns: bool, below: bool) -> None:
    decisions = change(STANDARD, macr=macr)
    assert bool(decisions) is warns
    if warns:
        (decision,) = decisions
        assert decision.rule_id == "POL-1"
        assert decision.outcome is Outcome.WARN
        assert decision.below_standard is below
        assert decision.facts["rule_ids"] == ["MACR-1"]


def test_pol_1_lowering_a_protective_value_warns_even_above_the_standard() -> None:
    (decision,) = change(Policy(macr=16), macr=15)
    assert not decision.below_standard
    assert "protects children less" in decision.message


@pytest.mark.parametrize(
    ("name", "value", "warns"),
    [
        ("competent_authority_hours", 23, False),
        ("competent_authority_hours", 24, False),
        ("competent_authority_hours", 25, True),
        ("monetary_bail", Strictness.BLOCK, False),
        ("status_offences", Strictness.WARN, True),
        ("max_custodial_sentence_months", 60, False),
        ("supervisor_approval_rules", (), True),
        ("supervisor_approval_rules", ("DEV-1", "MACR-7", "DET-4"), False),
    ],
)
def test_pol_1_directions(name: str, value: object, warns: bool) -> None:
    assert bool(change(STANDARD, **{name: value})) is warns


def test_macr_3_offence_exceptions_are_refused() -> None:
    (decision,) = change(STANDARD, macr_offence_exceptions=("01",))
    assert decision.rule_id == "MACR-3"
    assert decision.outcome is Outcome.BLOCK
    assert decision.unmet


def test_macr_4_second_age_warns_and_is_never_applied() -> None:
    (decision,) = change(STANDARD, macr_second_age=12)
    assert decision.rule_id == "MACR-4"
    assert decision.outcome is Outcome.WARN
    assert decision.below_standard


def test_unchanged_policy_decides_nothing() -> None:
    assert change(STANDARD) == []


def test_parameter_directions() -> None:
    assert PARAMETERS["macr"].below_standard(13)
    assert not PARAMETERS["macr"].below_standard(15)
    assert PARAMETERS["competent_authority_hours"].below_standard(48)
    assert PARAMETERS["monetary_bail"].below_standard(Strictness.WARN) is False
    assert PARAMETERS["status_offences"].below_standard(Strictness.WARN)
    assert PARAMETERS["macr_second_age"].below_standard(12)
    assert not PARAMETERS["max_custodial_sentence_months"].below_standard(60)
    assert PARAMETERS["macr_second_age"].less_protective(None, 12)
    assert not PARAMETERS["macr_second_age"].less_protective(12, None)
    assert PARAMETERS["monetary_bail"].less_protective(Strictness.BLOCK, Strictness.WARN)
    assert not PARAMETERS["max_custodial_sentence_months"].less_protective(None, 60)
    assert PARAMETERS["competent_authority_hours"].less_protective(12, 20)
    assert {p.direction for p in PARAMETERS.values()} == set(Direction) - {Direction.EXACT} | {Direction.EXACT}


def test_policy_reports_its_rules_below_standard_and_serialises() -> None:
    policy = Policy(macr=12, competent_authority_hours=48)
    assert policy.rules_below_standard() == {"MACR-1", "PTD-1"}
    assert STANDARD.rules_below_standard() == frozenset()
    assert policy.as_dict()["macr"] == 12
    assert isinstance(policy.as_dict()["supervisor_approval_rules"], list)
