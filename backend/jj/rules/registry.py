"""Which checks run on which trigger, and the metadata the generated catalogue (docs/rules.md) is built from."""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from jj.rules.engine import Citation, Decision, Evaluation, Outcome, Trigger
from jj.rules.policy import Policy

Check = Callable[[Policy, Any, datetime], list[Decision]]


@dataclass(frozen=True)
class RuleSpec:
    rule_id: str
    title: str
    triggers: tuple[Trigger, ...]
    outcomes: tuple[Outcome, ...]
    summary: str
    citations: tuple[Citation, ...]
    parameters: tuple[str, ...]
    check: Check


_RULES: dict[str, RuleSpec] = {}


def rule(
    rule_id: str,
    *,
    title: str,
    triggers: tuple[Trigger, ...],
    outcomes: tuple[Outcome, ...],
    summary: str,
    citations: tuple[Citation, ...],
    parameters: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        if rule_id in _RULES:
            raise ValueError(f"Rule {rule_id} is registered twice")
        _RULES[rule_id] = RuleSpec(rule_id, title, triggers, outcomes, summary, citations, parameters, check)
        return check

    return register


# The order of RULES.md's sections, so the generated catalogue reads like the design catalogue.
SECTION_ORDER = (
    "MACR",
    "DEV",
    "STA",
    "PTD",
    "DET",
    "DTH",
    "CAP",
    "HLT",
    "SEN",
    "DIV",
    "REC",
    "POL",
    "CNS",
    "HRD",
    "DIS",
    "GIR",
    "ILL",
    "REI",
    "CAF",
    "DEL",
    "TRN",
)

# Rules whose checks are written but whose facts the lifecycle services do not build yet (RULES.md 7c). `evaluate`
# leaves them out unless asked, so no service runs them on half-built facts; wiring a rule into its services
# means removing it from here (and the catalogue then stops marking it).
NOT_YET_WIRED: frozenset[str] = frozenset()


def _sort_key(rule_id: str) -> tuple[int, int]:
    prefix, _, number = rule_id.partition("-")
    return SECTION_ORDER.index(prefix), int(number)


# The catalogue in order, per trigger: sorted once (rules are only ever added, at import), not at every engine call
# (a policy simulation calls the engine twice per act of a year). Rebuilt whenever a rule has been registered since.
# Keyed by the unwired set too, so a change to it (a test marks a rule not yet wired) is never served a stale list.
_ORDERED: dict[tuple[Trigger, bool, frozenset[str]], tuple[RuleSpec, ...]] = {}
_ORDERED_SIZE = [-1]


def all_rules() -> list[RuleSpec]:
    _load_checks()
    return sorted(_RULES.values(), key=lambda spec: _sort_key(spec.rule_id))


def rules_for(trigger: Trigger, *, include_unwired: bool = False) -> Iterator[RuleSpec]:
    ordered = all_rules() if _ORDERED_SIZE[0] != len(_RULES) else None
    if ordered is not None:
        _ORDERED.clear()
        _ORDERED_SIZE[0] = len(_RULES)
    key = (trigger, include_unwired, frozenset() if include_unwired else NOT_YET_WIRED)
    if key not in _ORDERED:
        _ORDERED[key] = tuple(
            spec
            for spec in (ordered if ordered is not None else all_rules())
            if trigger in spec.triggers and (include_unwired or spec.rule_id not in NOT_YET_WIRED)
        )
    return iter(_ORDERED[key])


def evaluate(
    trigger: Trigger, policy: Policy, facts: Any, as_of: datetime, *, include_unwired: bool = False
) -> list[Decision]:
    """Every decision the checks of `trigger` take, in catalogue order (`include_unwired`: also NOT_YET_WIRED)."""
    decisions: list[Decision] = []
    for spec in rules_for(trigger, include_unwired=include_unwired):
        decisions.extend(spec.check(policy, facts, as_of))
    return with_evaluation(decisions, Evaluation(trigger.value, facts, as_of))


def replay(trigger: str, policy: Policy, facts: Any, as_of: datetime) -> list[Decision]:
    """Decide a stored act again under `policy` (jj.simulation): the checks the act's trigger runs today."""
    return evaluate(Trigger(trigger), policy, facts, as_of)


def with_evaluation(decisions: list[Decision], evaluation: Evaluation) -> list[Decision]:
    """Every decision carries what it was decided on (and which rules answered), for the record."""
    answered = Evaluation(evaluation.trigger, evaluation.facts, evaluation.as_of, tuple(d.rule_id for d in decisions))
    return [replace(d, evaluation=answered) for d in decisions]


def worst(decisions: Sequence[Decision]) -> Outcome:
    order = (Outcome.ALLOW, Outcome.WARN, Outcome.REQUIRE_JUSTIFICATION, Outcome.BLOCK)
    return max((d.outcome for d in decisions), key=order.index, default=Outcome.ALLOW)


def _load_checks() -> None:
    from jj.rules.checks import (  # noqa: F401  (registration)
        age,
        counsel_voice,
        custody,
        diversion,
        equality,
        ill_treatment,
        policy_change,
        process,
        records,
        reintegration,
        sentencing,
    )
