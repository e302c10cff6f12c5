"""PTD-10 (legality challenge), PTD-11 (police cells), DET-5 (family contact), HLT-1 (medical
isolation) and MACR-7 (a transfer to adults after turning 18)."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from jj.rules import citations as c
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import (
    ChallengeFacts,
    ContactReviewFacts,
    FacilityFacts,
    IncidentFacts,
    PlacementFacts,
)
from jj.rules.policy import Policy
from jj.rules.registry import evaluate
from jj.rules.tests.helpers import AS_OF, case, documented, offence

AT = datetime(2026, 5, 4, 14, 30, tzinfo=UTC)
POLICE = FacilityFacts("police_station", capacity=5, occupancy=0, children_wholly_separated=True)
CENTRE = FacilityFacts("juvenile_detention", capacity=5, occupancy=0, children_wholly_separated=True)
JAIL = FacilityFacts("adult_prison", capacity=50, occupancy=0, children_wholly_separated=False)


def of(rule_id: str, trigger: Trigger, facts: object, at: datetime = AT, policy: Policy | None = None) -> list:  # type: ignore[type-arg]
    return [d for d in evaluate(trigger, policy or Policy(), facts, at) if d.rule_id == rule_id]


def test_ptd_10_challenge_deadline() -> None:
    (decision,) = of("PTD-10", Trigger.LEGALITY_CHALLENGE, ChallengeFacts(filed_at=AT, zone="UTC"))
    assert decision.deadlines[0].due_at == AT + timedelta(days=14)
    assert decision.citation == c.CRC_37_D


@pytest.mark.parametrize(
    ("facility", "fires"), [(POLICE, True), (replace(POLICE, kind="court_holding"), True), (CENTRE, False)]
)
def test_ptd_11_police_cells_need_a_reason_and_a_timer(facility: FacilityFacts, fires: bool) -> None:
    base = PlacementFacts(
        case=case(documented(date(2009, 1, 1)), offence(date(2026, 5, 1))),
        facility=facility,
        at=AT,
        zone="UTC",
        commitment_order_reference="CO",
    )
    found = of("PTD-11", Trigger.CUSTODY_START, base)
    assert bool(found) is fires
    if fires:
        assert found[0].unmet
        assert found[0].deadlines[0].due_at == AT + timedelta(hours=24)
        assert found[0].citation == c.GC24_85
        assert not of(
            "PTD-11",
            Trigger.TRANSFER,
            replace(
                base,
                police_cell_justification="no youth unit open at night",
                is_admission=False,
                first_appearance_at=AT,
            ),
        )[0].unmet


@pytest.mark.parametrize(
    ("days_since_visit", "outcome"),
    [(29, Outcome.ALLOW), (30, Outcome.ALLOW), (31, Outcome.WARN)],
)
def test_det_5_family_visit_interval(days_since_visit: int, outcome: Outcome) -> None:
    facts = ContactReviewFacts(
        held_since=AT - timedelta(days=90), last_family_visit_at=AT - timedelta(days=days_since_visit)
    )
    (decision,) = of("DET-5", Trigger.CONTACT_REVIEW, facts)
    assert decision.outcome is outcome


def test_det_5_never_visited_and_incommunicado() -> None:
    (never,) = of(
        "DET-5",
        Trigger.CONTACT_REVIEW,
        ContactReviewFacts(held_since=AT - timedelta(days=31), last_family_visit_at=None),
    )
    assert never.outcome is Outcome.WARN
    (blocked,) = of(
        "DET-5",
        Trigger.CONTACT_REVIEW,
        ContactReviewFacts(held_since=AT, last_family_visit_at=None, incommunicado=True),
    )
    assert blocked.outcome is Outcome.BLOCK
    assert blocked.citation == c.GC24_95A


@pytest.mark.parametrize("days_since_visit", [30, 31])
def test_det_5_the_family_visit_message_quotes_the_family_contact_clause(days_since_visit: int) -> None:
    """Issue 15: the message spoke of family visits while its quotation was 37(c)'s separation from adults."""
    facts = ContactReviewFacts(
        held_since=AT - timedelta(days=90), last_family_visit_at=AT - timedelta(days=days_since_visit)
    )
    (decision,) = of("DET-5", Trigger.CONTACT_REVIEW, facts)
    assert "family" in decision.message.lower()
    assert decision.citation.provision == "art. 37(c)"
    assert "contact with his or her family through correspondence and visits" in decision.citation.text
    assert "separated from adults" not in decision.citation.text


def test_hlt_1_medical_isolation_keeps_contact() -> None:
    (decision,) = of("HLT-1", Trigger.INCIDENT, IncidentFacts("medical_isolation"))
    assert decision.outcome is Outcome.ALLOW
    assert of("HLT-1", Trigger.INCIDENT, IncidentFacts("separation")) == []


@pytest.mark.parametrize(
    ("dob", "facility", "fires"),
    [
        (date(2008, 11, 25), JAIL, True),  # 18 today on AS_OF, 16 at the offence
        (date(2008, 11, 26), JAIL, False),  # 17 years 364 days: still a child (DET-4 applies instead)
        (date(2008, 11, 25), CENTRE, False),  # not a place holding adults
    ],
)
def test_macr_7_transfer_to_adults_after_18_needs_approved_best_interests(
    dob: date, facility: FacilityFacts, fires: bool
) -> None:
    base = PlacementFacts(
        case=case(documented(dob), offence(date(2025, 1, 1))),
        facility=facility,
        at=AS_OF,
        zone="UTC",
        is_admission=False,
        episode_started_at=AS_OF,
        first_appearance_at=AS_OF,
        commitment_order_reference="CO",
    )
    found = of("MACR-7", Trigger.TRANSFER, base, AS_OF)
    assert bool(found) is fires
    if fires:
        assert found[0].unmet
        assert found[0].citation == c.GC24_93
        justified = of("MACR-7", Trigger.TRANSFER, replace(base, best_interests_justification="near family"), AS_OF)[0]
        assert justified.needs_approval
        assert not of(
            "MACR-7",
            Trigger.TRANSFER,
            replace(base, best_interests_justification="x"),
            AS_OF,
            Policy(supervisor_approval_rules=()),
        )[0].needs_approval
