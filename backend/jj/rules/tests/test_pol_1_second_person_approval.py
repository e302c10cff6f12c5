"""POL-1 (amendment 7b): switching off a second-person approval is a policy change below the standard, cited to
A/RES/79/172 para. 6 (human oversight); adding approvals or keeping them is not."""

import pytest

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import PolicyChangeFacts
from jj.rules.policy import PARAMETERS, STANDARD, Direction, Parameter, Policy, approvals_removed
from jj.rules.registry import all_rules, evaluate
from jj.rules.tests.helpers import AS_OF


def change(before: Policy, **values: object) -> list:  # type: ignore[type-arg]
    after = before.with_values(values)
    return evaluate(Trigger.POLICY_CHANGE, after, PolicyChangeFacts(before, after, tuple(values)), AS_OF)


@pytest.mark.parametrize(
    ("after", "warns", "below", "removed"),
    [
        ((), True, True, ["DEV-1", "MACR-7"]),  # both approvals switched off
        (("MACR-7",), True, True, ["DEV-1"]),  # one switched off: the day before the standard
        (("DEV-1", "MACR-7"), False, False, []),  # the standard itself
        (("DEV-1", "MACR-7", "DET-4"), False, False, []),  # one more approval: more protective
        (("MACR-7", "DEV-1"), False, False, []),  # the same approvals in another order
    ],
)
def test_pol_1_switching_off_a_supervisor_approval_is_below_the_standard(
    after: tuple[str, ...], warns: bool, below: bool, removed: list[str]
) -> None:
    decisions = change(STANDARD, supervisor_approval_rules=after)
    assert bool(decisions) is warns
    if warns:
        (decision,) = decisions
        assert decision.rule_id == "POL-1"
        assert decision.outcome is Outcome.WARN
        assert decision.below_standard is below
        assert decision.citation == c.RES79_6
        assert decision.facts["approvals_removed"] == removed
        assert "second person's approval" in decision.message


def test_pol_1_dropping_an_approval_above_the_standard_protects_less() -> None:
    """Dropping an approval a jurisdiction added beyond the standard is less protective, not below the standard."""
    before = Policy(supervisor_approval_rules=("DEV-1", "MACR-7", "DET-4"))
    (decision,) = change(before, supervisor_approval_rules=("DEV-1", "MACR-7"))
    assert not decision.below_standard
    assert decision.facts["approvals_removed"] == ["DET-4"]
    assert "protects children less" in decision.message


@pytest.mark.parametrize(
    ("before", "after", "removed"),
    [
        (True, False, ("approval",)),
        (True, True, ()),
        (False, True, ()),
        (False, False, ()),
        (("A", "B"), ("B",), ("A",)),
        (("A",), ("A", "B"), ()),
        ((), (), ()),
    ],
)
def test_approvals_removed_for_flags_and_rule_sets(before: object, after: object, removed: tuple[str, ...]) -> None:
    assert approvals_removed(before, after) == removed


def test_an_approval_flag_switched_off_is_below_the_standard() -> None:
    """Any yes/no second-person approval in the policy (say DET-4's supervisor approval) works the same way."""
    flag = Parameter("an_approval", "A supervisor approves", True, Direction.APPROVAL, ("DET-4",), "A/RES/79/172 6")
    assert flag.below_standard(False)
    assert not flag.below_standard(True)
    assert flag.less_protective(True, False)
    assert not flag.less_protective(False, True)


def test_every_approval_parameter_is_marked_as_such() -> None:
    """The policy parameters that name second-person approvals carry the APPROVAL direction, so POL-1 sees them."""
    approvals = {p.name for p in PARAMETERS.values() if "approv" in p.name}
    assert approvals
    assert all(PARAMETERS[name].direction is Direction.APPROVAL for name in approvals)


def test_pol_1_cites_human_oversight() -> None:
    (pol_1,) = [spec for spec in all_rules() if spec.rule_id == "POL-1"]
    assert c.RES79_6 in pol_1.citations
    assert c.RES79_6.instrument == "A/RES/79/172"
    assert c.RES79_6.provision == "para. 6"
    assert c.RES79_6.text == (
        "developing human rights-based auditing mechanisms and redress mechanisms and establishing human oversight"
    )
