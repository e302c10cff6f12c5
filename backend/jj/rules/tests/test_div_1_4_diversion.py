"""DIV-1 to DIV-4: diversion offered early, its safeguards, no deprivation of liberty, no criminal record."""

from dataclasses import replace
from datetime import date

import pytest

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import DiversionFacts, ProgrammeFacts
from jj.rules.policy import Policy
from jj.rules.tests.helpers import DOB, case, decisions_of, documented, offence, only

MEDIATION = ProgrammeFacts("mediation", involves_deprivation_of_liberty=False)
COMPLETE = DiversionFacts(
    programme=MEDIATION,
    stage="intake",
    compelling_evidence="CCTV and two witnesses",
    acknowledgement_recorded=True,
    child_consent=True,
    guardian_consent=True,
    informed_of=("nature", "content", "duration", "consequences"),
    legal_advice_offered=True,
    review_route_explained=True,
)


def test_div_1_charge_without_diversion_offered_needs_a_reason() -> None:
    facts = case(documented(DOB), offence(date(2025, 1, 1)), stage="charge")
    decision = only("DIV-1", Trigger.CHARGE, facts)
    assert decision.unmet
    assert decision.citation == c.GC24_16
    assert not only("DIV-1", Trigger.CHARGE, replace(facts, diversion_not_offered_reason="Refused by the child")).unmet
    assert decisions_of("DIV-1", Trigger.CHARGE, replace(facts, diversion_offered=True)) == []


@pytest.mark.parametrize(
    ("change", "missing"),
    [
        ({}, []),
        ({"compelling_evidence": " "}, ["compelling_evidence"]),
        ({"acknowledgement_recorded": False}, ["acknowledgement_of_responsibility"]),
        ({"child_consent": False}, ["child_consent"]),
        ({"guardian_consent": False}, ["guardian_consent"]),
        ({"informed_of": ("nature", "content", "duration")}, ["informed_of"]),
        ({"legal_advice_offered": False}, ["legal_advice_offered"]),
        ({"review_route_explained": False}, ["review_route_explained"]),
    ],
)
def test_div_2_every_safeguard_is_needed(change: dict[str, object], missing: list[str]) -> None:
    decision = only("DIV-2", Trigger.DIVERSION_ACTIVATE, replace(COMPLETE, **change))  # type: ignore[arg-type]
    assert decision.facts["missing"] == missing
    assert decision.unmet is bool(missing)
    assert decision.satisfied_by == tuple(missing)


def test_div_2_guardian_consent_per_policy() -> None:
    without = replace(COMPLETE, guardian_consent=False)
    assert only("DIV-2", Trigger.DIVERSION_ACTIVATE, without).unmet
    assert not only("DIV-2", Trigger.DIVERSION_ACTIVATE, without, Policy(diversion_guardian_consent=False)).unmet


def test_div_3_no_deprivation_of_liberty() -> None:
    camp = ProgrammeFacts("other", involves_deprivation_of_liberty=True)
    assert only("DIV-3", Trigger.PROGRAMME, camp).outcome is Outcome.BLOCK
    assert only("DIV-3", Trigger.DIVERSION_OFFER, replace(COMPLETE, programme=camp)).citation == c.GC24_18_E
    assert decisions_of("DIV-3", Trigger.PROGRAMME, MEDIATION) == []


@pytest.mark.parametrize(("outcome", "closed"), [("completed", True), ("not_completed", False), ("withdrawn", False)])
def test_div_4_outcomes(outcome: str, closed: bool) -> None:
    decision = only("DIV-4", Trigger.DIVERSION_OUTCOME, replace(COMPLETE, outcome=outcome, stage="charge"))
    assert decision.outcome is Outcome.ALLOW
    assert decision.facts.get("no_criminal_record", False) is closed
    if not closed:
        assert decision.facts["returns_to"] == "charge"
        assert "never an offence" in decision.message
