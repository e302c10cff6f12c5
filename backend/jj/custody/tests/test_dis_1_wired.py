"""DIS-1 wired (issue #16): for a child with recorded accommodation needs, a custody start, an interview and a
diversion's start need the accommodation provided recorded; a court appearance (a judicial review, INV-5) is never
held back: there a missing accommodation warns and the supervisor is told."""

from typing import Any

import pytest
from django.utils import timezone

from conftest import HEARD
from jj.cases.models import Case
from jj.compliance.models import DecisionRecord
from jj.core.exceptions import RuleViolation
from jj.custody import services
from jj.custody.models import CustodyEpisode, Facility, JudicialAppearance
from jj.deadlines.models import Notification
from jj.diversion import services as diversion_services

NEEDS = "Sign-language interpreter; written summaries"
PROVIDED = "Interpreter booked; summary in plain language given"


@pytest.fixture
def centre(world: Any) -> Facility:
    data = {"name": "Centre", "kind": "juvenile_detention", "capacity": 9, "children_wholly_separated": True}
    return services.facility_create(actor=world["administrator"], data={**data, "operator": world.yjs})


def _start(world: Any, case: Case, centre: Facility, **extra: Any) -> Any:
    return services.custody_start(
        **HEARD,
        actor=world["caseworker"],
        case=case,
        facility=centre,
        commitment_order_reference="CO-1",
        age_floor_justification="Genuine public safety concern",
        **extra,
    )


def test_dis_1_a_custody_start_needs_the_accommodation_provided(world: Any, make_case: Any, centre: Facility) -> None:
    case = make_case(accommodation_needs=NEEDS)
    with pytest.raises(RuleViolation) as refused:
        _start(world, case, centre)
    assert [d.rule_id for d in refused.value.unmet] == ["DIS-1"]
    assert not CustodyEpisode.objects.filter(case=case).exists()
    episode = _start(world, case, centre, accommodation_provided=PROVIDED)
    assert isinstance(episode, CustodyEpisode)
    assert episode.placements.get().accommodation_provided == PROVIDED


def test_dis_1_a_child_without_recorded_needs_is_not_asked(world: Any, make_case: Any, centre: Facility) -> None:
    assert isinstance(_start(world, make_case(), centre), CustodyEpisode)


@pytest.mark.parametrize(("provided", "outcome", "told"), [("", "warn", True), (PROVIDED, "allow", False)])
def test_dis_1_a_court_appearance_always_proceeds_and_warns_without_accommodation(
    world: Any, make_case: Any, centre: Facility, provided: str, outcome: str, told: bool
) -> None:
    case = make_case(accommodation_needs=NEEDS)
    episode = _start(world, case, centre, accommodation_provided=PROVIDED)
    before = Notification.objects.filter(case=case).count()
    appearance = services.appearance_record(
        actor=world["court_officer"],
        episode=episode,
        kind="first_appearance",
        at=timezone.now(),
        authority="Northland Youth Court",
        outcome="released",
        accommodation_provided=provided,
    )
    assert JudicialAppearance.objects.filter(pk=appearance.pk).exists()
    (decision,) = DecisionRecord.objects.filter(object_type="appearance", object_id=appearance.pk, rule_id="DIS-1")
    assert decision.outcome == outcome
    assert (Notification.objects.filter(case=case).count() > before) is told


def test_dis_1_a_diversion_start_needs_the_accommodation_provided(world: Any, make_case: Any) -> None:
    case = make_case(accommodation_needs=NEEDS)
    data = {"name": "Mediation", "kind": "mediation", "provider": "Northland Mediation", "typical_duration_days": 60}
    programme = diversion_services.programme_create(actor=world["supervisor"], data=data)
    referral = diversion_services.referral_offer(
        **HEARD, actor=world["caseworker"], case=case, programme=programme, stage="intake"
    )
    safeguards = {
        "compelling_evidence": "CCTV",
        "acknowledgement_of_responsibility": "I did it",
        "child_consent": True,
        "guardian_consent": True,
        "informed_of": ["nature", "content", "duration", "consequences"],
        "legal_advice_offered": True,
        "review_route_explained": True,
    }
    with pytest.raises(RuleViolation) as refused:
        diversion_services.referral_activate(actor=world["caseworker"], referral=referral, data=dict(safeguards))
    assert [d.rule_id for d in refused.value.unmet] == ["DIS-1"]
    started = diversion_services.referral_activate(
        actor=world["caseworker"], referral=referral, data={**safeguards, "accommodation_provided": PROVIDED}
    )
    assert started.accommodation_provided == PROVIDED
