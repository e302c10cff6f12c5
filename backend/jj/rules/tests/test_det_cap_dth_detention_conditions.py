"""DET-1, DET-3, DET-4, DET-6 to DET-10, CAP-1 and DTH-1: conditions of detention."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from jj.rules import citations as c
from jj.rules.checks.custody import PERMITTED_SANCTIONS, PROHIBITED_SANCTIONS
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import (
    ComplaintFacts,
    FacilityFacts,
    FacilityReviewFacts,
    IncidentFacts,
    InspectionFacts,
    PlacementFacts,
    ReleaseFacts,
)
from jj.rules.policy import Policy, Strictness
from jj.rules.registry import evaluate
from jj.rules.tests.helpers import case, documented, offence

AT = datetime(2026, 5, 4, 14, 30, tzinfo=UTC)
CASE = case(documented(date(2009, 1, 1)), offence(date(2026, 5, 1)))
DETENTION = FacilityFacts("juvenile_detention", capacity=20, occupancy=5, children_wholly_separated=True)


def placement(**extra: object) -> PlacementFacts:
    base = PlacementFacts(case=CASE, facility=DETENTION, at=AT, zone="Europe/Paris", commitment_order_reference="CO-1")
    return replace(base, **extra)  # type: ignore[arg-type]


def of(rule_id: str, trigger: Trigger, facts: object, policy: Policy | None = None) -> list:  # type: ignore[type-arg]
    return [d for d in evaluate(trigger, policy or Policy(), facts, AT) if d.rule_id == rule_id]


@pytest.mark.parametrize(
    ("trigger", "facts", "event"),
    [
        (Trigger.CUSTODY_START, placement(), "admission"),
        (Trigger.TRANSFER, placement(is_admission=False, episode_started_at=AT, first_appearance_at=AT), "transfer"),
        (Trigger.RELEASE, ReleaseFacts(at=AT), "release"),
    ],
)
def test_det_1_family_notification_deadline(trigger: Trigger, facts: object, event: str) -> None:
    (decision,) = of("DET-1", trigger, facts)
    assert decision.facts["event"] == event
    assert decision.deadlines[0].due_at == AT + timedelta(minutes=60)
    assert decision.citation == c.HAVANA_22


def test_det_3_commitment_order() -> None:
    (blocked,) = of("DET-3", Trigger.CUSTODY_START, placement(commitment_order_reference=" "))
    assert blocked.outcome is Outcome.BLOCK
    assert blocked.citation == c.HAVANA_20
    police = placement(facility=replace(DETENTION, kind="police_station"), commitment_order_reference="")
    assert of("DET-3", Trigger.CUSTODY_START, police) == []
    assert of("DET-3", Trigger.CUSTODY_START, placement()) == []


@pytest.mark.parametrize(
    ("facility", "fires"),
    [
        (DETENTION, False),
        (replace(DETENTION, children_wholly_separated=False), True),
        (replace(DETENTION, kind="adult_prison"), True),
    ],
)
def test_det_4_separation_from_adults(facility: FacilityFacts, fires: bool) -> None:
    found = of("DET-4", Trigger.CUSTODY_START, placement(facility=facility))
    assert bool(found) is fires
    if fires:
        assert found[0].unmet
        assert found[0].citation == c.CRC_37_C
        justified = of(
            "DET-4",
            Trigger.TRANSFER,
            placement(facility=facility, is_admission=False, best_interests_justification="with mother"),
        )
        assert not justified[0].unmet


def test_det_6_health_examination_deadline() -> None:
    (decision,) = of("DET-6", Trigger.CUSTODY_START, placement(), Policy(health_examination_hours=12))
    assert decision.deadlines[0].due_at == AT + timedelta(hours=12)


@pytest.mark.parametrize(("hours", "blocked"), [(21.9, False), (22.0, True), (22.1, True)])
def test_det_7_solitary_confinement_threshold(hours: float, blocked: bool) -> None:
    facts = IncidentFacts(
        "separation",
        reason="fight",
        started_at=AT,
        ended_at=AT,
        supervising_staff="J. Doe",
        hours_without_meaningful_contact=hours,
    )
    (decision,) = of("DET-7", Trigger.INCIDENT, facts)
    assert decision.unmet is blocked
    assert decision.outcome is (Outcome.BLOCK if blocked else Outcome.REQUIRE_JUSTIFICATION)


def test_det_7_separation_record_and_punishment() -> None:
    (missing,) = of("DET-7", Trigger.INCIDENT, IncidentFacts("medical_isolation", reason="flu"))
    assert missing.unmet
    assert missing.facts["missing"] == ["started_at", "ended_at", "supervising_staff"]
    (punished,) = of("DET-7", Trigger.INCIDENT, IncidentFacts("isolation", purpose="punishment"))
    assert punished.outcome is Outcome.BLOCK
    assert of("DET-7", Trigger.INCIDENT, IncidentFacts("self_harm")) == []


def test_det_7_and_det_8_both_decide_solitary_confinement_as_a_sanction() -> None:
    """RULES.md 7b: a disciplinary measure of solitary confinement is refused under DET-7 as well as DET-8."""
    decisions = evaluate(Trigger.INCIDENT, Policy(), IncidentFacts("disciplinary", measure="solitary_confinement"), AT)
    blocks = {d.rule_id: d for d in decisions if d.outcome is Outcome.BLOCK}
    assert set(blocks) == {"DET-7", "DET-8"}
    assert blocks["DET-7"].citation == c.GC24_95H


@pytest.mark.parametrize("measure", sorted(PERMITTED_SANCTIONS | (PROHIBITED_SANCTIONS - {"solitary_confinement"})))
def test_det_7_stays_out_of_other_disciplinary_measures(measure: str) -> None:
    assert of("DET-7", Trigger.INCIDENT, IncidentFacts("disciplinary", measure=measure)) == []


@pytest.mark.parametrize("measure", [*sorted(PROHIBITED_SANCTIONS), "shaming"])
def test_det_8_prohibited_or_unlisted_measures_are_refused(measure: str) -> None:
    (decision,) = of("DET-8", Trigger.INCIDENT, IncidentFacts("disciplinary", measure=measure))
    assert decision.outcome is Outcome.BLOCK
    assert decision.citation == c.GC24_95G


@pytest.mark.parametrize("measure", sorted(PERMITTED_SANCTIONS))
def test_det_8_permitted_measures(measure: str) -> None:
    (decision,) = of("DET-8", Trigger.INCIDENT, IncidentFacts("disciplinary", measure=measure))
    assert decision.outcome is Outcome.ALLOW


@pytest.mark.parametrize(
    ("purpose", "blocked"), [("punishment", True), ("compliance", True), ("imminent_threat", False)]
)
def test_det_9_restraint_purpose(purpose: str, blocked: bool) -> None:
    (decision,) = of("DET-9", Trigger.INCIDENT, IncidentFacts("restraint", purpose=purpose))
    assert (decision.outcome is Outcome.BLOCK) is blocked
    if not blocked:
        assert decision.unmet
        full = IncidentFacts(
            "use_of_force",
            purpose=purpose,
            imminent_threat=True,
            means_tried_first="talking",
            professional_in_charge="Nurse A",
        )
        assert not of("DET-9", Trigger.INCIDENT, full)[0].unmet


def test_det_10_complaint_deadline() -> None:
    (decision,) = of("DET-10", Trigger.COMPLAINT, ComplaintFacts(lodged_at=AT, zone="Europe/Paris"))
    assert decision.deadlines[0].due_at == AT + timedelta(days=7)
    assert decision.citation == c.GC24_95I


@pytest.mark.parametrize("kind", ["death", "disappearance", "serious_injury"])
def test_dth_1_grave_incidents_notify_and_freeze(kind: str) -> None:
    (decision,) = of("DTH-1", Trigger.INCIDENT, IncidentFacts(kind))
    assert decision.facts["evidence_hold"] is True
    assert "independent_oversight" in decision.notify
    assert "family" in decision.notify
    assert decision.citation == c.MANDELA_71


@pytest.mark.parametrize(
    ("occupancy", "outcome"),
    [(19, None), (20, Outcome.BLOCK), (21, Outcome.BLOCK)],
)
def test_cap_1_capacity_boundary(occupancy: int, outcome: Outcome | None) -> None:
    found = of("CAP-1", Trigger.CUSTODY_START, placement(facility=replace(DETENTION, occupancy=occupancy)))
    assert (found[0].outcome if found else None) is outcome


def test_cap_1_emergency_or_domestic_policy_warns() -> None:
    full = replace(DETENTION, occupancy=20)
    assert of("CAP-1", Trigger.CUSTODY_START, placement(facility=full, emergency=True))[0].outcome is Outcome.WARN
    assert (
        of(
            "CAP-1",
            Trigger.TRANSFER,
            placement(facility=full, is_admission=False),
            Policy(over_capacity=Strictness.WARN),
        )[0].outcome
        is Outcome.WARN
    )


@pytest.mark.parametrize(
    ("last", "unannounced", "expected"),
    [
        (None, None, Outcome.WARN),
        (date(2025, 5, 3), date(2025, 5, 3), Outcome.WARN),  # 12 months and a day before AT (2026-05-04)
        (date(2025, 5, 4), date(2025, 5, 4), Outcome.ALLOW),  # exactly 12 months
        (date(2026, 1, 1), date(2024, 1, 1), Outcome.WARN),  # inspected, but announced
    ],
)
def test_det_11_inspection_interval(last: date | None, unannounced: date | None, expected: Outcome) -> None:
    (decision,) = of("DET-11", Trigger.FACILITY_REVIEW, FacilityReviewFacts(last, unannounced))
    assert decision.outcome is expected
    assert decision.citation == c.GC24_95J
    if expected is Outcome.WARN and last is not None and unannounced is not None and last > unannounced:
        assert "no unannounced inspection" in decision.message


@pytest.mark.parametrize(("unannounced_days_ago", "outcomes"), [(30, ["warn"]), (400, ["warn", "warn"])])
def test_det_11_an_overdue_follow_up_warns_whatever_the_inspection_interval(
    unannounced_days_ago: int, outcomes: list[str]
) -> None:
    last = (AT - timedelta(days=unannounced_days_ago)).date()
    decisions = of("DET-11", Trigger.FACILITY_REVIEW, FacilityReviewFacts(last, last, follow_ups_overdue=2))
    assert [d.outcome.value for d in decisions] == outcomes
    assert decisions[-1].citation == c.RES79_15
    assert "2 inspection recommendation(s)" in decisions[-1].message


@pytest.mark.parametrize(
    ("private", "recommendations", "follow_up", "expected"),
    [
        (True, (), None, [("allow", None)]),
        (False, (), None, [("warn", None)]),
        (True, ("Heating",), None, [("allow", date(2026, 8, 2))]),
        (False, ("Heating",), date(2026, 5, 14), [("warn", None), ("allow", date(2026, 5, 14))]),
    ],
)
def test_det_11_at_inspection_private_interviews_and_follow_up_deadline(
    private: bool, recommendations: tuple[str, ...], follow_up: date | None, expected: list[tuple[str, date | None]]
) -> None:
    facts = InspectionFacts(date(2026, 5, 4), private, recommendations, follow_up)
    decisions = of("DET-11", Trigger.INSPECTION, facts)
    got = [(d.outcome.value, d.deadlines[0].due_at.date() if d.deadlines else None) for d in decisions]
    assert got == expected
    assert all(d.citation == c.RES79_15 for d in decisions)
