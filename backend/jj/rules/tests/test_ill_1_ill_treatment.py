"""ILL-1: every allegation of ill-treatment or violence notifies oversight and child protection, holds the evidence
and opens its deadlines (hour before, of and after the standard)."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jj.rules import citations as c
from jj.rules.checks.ill_treatment import ALLEGATION_KINDS, STAFF_KINDS
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import ComplaintFacts, IncidentFacts
from jj.rules.policy import Policy
from jj.rules.tests.helpers import AS_OF, new_rule

LODGED = datetime(2026, 11, 20, 22, 15, tzinfo=UTC)


def complaint(kind: str, *staff: str) -> ComplaintFacts:
    return ComplaintFacts(LODGED, "Europe/Madrid", allegation_kind=kind, implicated_staff=staff)


@pytest.mark.parametrize("kind", sorted(ALLEGATION_KINDS))
def test_ill_1_every_kind_notifies_oversight_and_child_protection_at_once(kind: str) -> None:
    decision = new_rule("ILL-1", Trigger.COMPLAINT, complaint(kind, "officer 12"))[0]
    assert decision.outcome is Outcome.ALLOW
    assert not decision.unmet
    assert decision.notify == ("independent_oversight", "child_protection")
    assert decision.facts["evidence_hold"] is True
    assert decision.facts["excluded_from_investigation"] == ["officer 12"]
    assert decision.citation == c.RES79_31
    medical, investigation = decision.deadlines
    assert (medical.kind, medical.due_at) == ("allegation_medical_examination", LODGED + timedelta(hours=24))
    assert (investigation.kind, investigation.due_at) == ("allegation_investigation", LODGED + timedelta(hours=72))
    assert investigation.escalate_to == "independent_oversight"


@pytest.mark.parametrize(
    "facts",
    [
        IncidentFacts("death", allegation_kind="staff_violence", reported_at=LODGED, child_held=False),
        ComplaintFacts(LODGED, "Europe/Madrid", allegation_kind="ill_treatment", child_held=False),
    ],
)
def test_ill_1_no_medical_deadline_for_the_facility_once_the_child_is_no_longer_held(
    facts: IncidentFacts | ComplaintFacts,
) -> None:
    """INV-8: after a death or a release the examination is the investigation's; its own deadline still opens."""
    trigger = Trigger.INCIDENT if isinstance(facts, IncidentFacts) else Trigger.COMPLAINT
    decision = new_rule("ILL-1", trigger, facts)[0]
    assert [d.kind for d in decision.deadlines] == ["allegation_investigation"]
    assert decision.notify == ("independent_oversight", "child_protection")


@pytest.mark.parametrize("kind", ["", "food", "use_of_force", "death"])
def test_ill_1_other_complaints_and_incidents_say_nothing(kind: str) -> None:
    assert new_rule("ILL-1", Trigger.COMPLAINT, complaint(kind)) == []
    assert new_rule("ILL-1", Trigger.INCIDENT, IncidentFacts("other", allegation_kind=kind)) == []


def test_ill_1_incident_deadlines_run_from_the_report_or_the_recording() -> None:
    reported = AS_OF - timedelta(hours=5)
    facts = IncidentFacts(
        "use_of_force", allegation_kind="staff_violence", implicated_staff=("7",), reported_at=reported
    )
    (decision,) = new_rule("ILL-1", Trigger.INCIDENT, facts)
    assert decision.deadlines[0].due_at == reported + timedelta(hours=24)
    unreported = IncidentFacts("other", allegation_kind="peer_violence")
    (decision,) = new_rule("ILL-1", Trigger.INCIDENT, unreported)
    assert decision.deadlines[0].due_at == AS_OF + timedelta(hours=24)


@pytest.mark.parametrize("kind", sorted(ALLEGATION_KINDS))
def test_ill_1_an_allegation_against_staff_with_no_one_named_warns(kind: str) -> None:
    found = new_rule("ILL-1", Trigger.COMPLAINT, complaint(kind))
    warned = [d for d in found if d.outcome is Outcome.WARN]
    assert bool(warned) is (kind in STAFF_KINDS)
    assert not any(d.unmet for d in found)  # recording an allegation is never held back
    if warned:
        assert warned[0].satisfied_by == ("implicated_staff",)


@pytest.mark.parametrize(
    ("medical", "investigation", "below"), [(23, 71, False), (24, 72, False), (25, 72, True), (24, 73, True)]
)
def test_ill_1_hours_before_of_after_the_standard(medical: int, investigation: int, below: bool) -> None:
    policy = Policy(allegation_medical_hours=medical, allegation_investigation_hours=investigation)
    (decision,) = new_rule("ILL-1", Trigger.COMPLAINT, complaint("torture", "9"), policy=policy)
    assert [d.due_at - LODGED for d in decision.deadlines] == [
        timedelta(hours=medical),
        timedelta(hours=investigation),
    ]
    assert decision.below_standard is below
    assert ("falls below the international standard" in decision.message) is below


@settings(deadline=None)
@given(
    medical=st.integers(min_value=1, max_value=72),
    investigation=st.integers(min_value=1, max_value=336),
    kind=st.sampled_from(sorted(ALLEGATION_KINDS)),
)
def test_ill_1_always_notifies_and_never_blocks(medical: int, investigation: int, kind: str) -> None:
    policy = Policy(allegation_medical_hours=medical, allegation_investigation_hours=investigation)
    found = new_rule("ILL-1", Trigger.COMPLAINT, complaint(kind), policy=policy)
    assert "independent_oversight" in found[0].notify
    assert "child_protection" in found[0].notify
    assert not any(d.unmet for d in found)
