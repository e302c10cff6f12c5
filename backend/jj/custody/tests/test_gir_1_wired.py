"""GIR-1 wired (issue #16): a girl is never placed where girls are not held apart from boys (a transfer to a safer
place only warns, INV-5); her admission opens a gender-specific health screening deadline, met by a gender-specific
examination; restraint and separation are refused for a girl who is pregnant or has a child in her care."""

from typing import Any

import pytest
from django.utils import timezone

from conftest import HEARD
from jj.core.exceptions import RuleViolation
from jj.custody import services
from jj.custody.models import CustodyEpisode, Facility, Incident, Placement
from jj.deadlines.models import Deadline


def _place(world: Any, name: str, separated_by_sex: bool) -> Facility:
    data = {
        "name": name,
        "kind": "juvenile_detention",
        "capacity": 9,
        "children_wholly_separated": True,
        "separated_by_sex": separated_by_sex,
        "operator": world.yjs,
    }
    return services.facility_create(actor=world["administrator"], data=data)


def _start(world: Any, case: Any, facility: Facility) -> Any:
    return services.custody_start(
        **HEARD,
        actor=world["caseworker"],
        case=case,
        facility=facility,
        commitment_order_reference="CO-1",
        age_floor_justification="Genuine public safety concern",
    )


@pytest.mark.parametrize(("sex", "refused"), [("female", True), ("male", False)])
def test_gir_1_a_girl_is_not_placed_where_girls_are_not_held_apart(
    world: Any, make_case: Any, sex: str, refused: bool
) -> None:
    case = make_case(sex=sex)
    mixed = _place(world, "Mixed centre", separated_by_sex=False)
    if refused:
        with pytest.raises(RuleViolation) as refusal:
            _start(world, case, mixed)
        assert [d.rule_id for d in refusal.value.unmet] == ["GIR-1"]
        assert not CustodyEpisode.objects.filter(case=case).exists()
    else:
        assert isinstance(_start(world, case, mixed), CustodyEpisode)


def test_gir_1_a_protective_transfer_to_a_mixed_place_proceeds_with_a_warning(world: Any, make_case: Any) -> None:
    case = make_case(sex="female")
    episode = _start(world, case, _place(world, "Girls' centre", separated_by_sex=True))
    mixed = _place(world, "Hospital wing", separated_by_sex=False)
    with pytest.raises(RuleViolation) as refused:
        services.custody_transfer(
            **HEARD, actor=world["caseworker"], episode=episode, facility=mixed, commitment_order_reference="CO-2"
        )
    assert [d.rule_id for d in refused.value.unmet] == ["GIR-1"]
    placement = services.custody_transfer(
        **HEARD,
        actor=world["caseworker"],
        episode=episode,
        facility=mixed,
        commitment_order_reference="CO-2",
        protective_transfer=True,
    )
    assert isinstance(placement, Placement)
    assert placement.protective_transfer


def test_gir_1_a_girls_admission_opens_the_screening_a_gender_specific_examination_meets(
    world: Any, make_case: Any
) -> None:
    case = make_case(sex="female")
    episode = _start(world, case, _place(world, "Girls' centre", separated_by_sex=True))
    screening = Deadline.objects.get(case=case, kind="gender_health_screening")
    services.health_examination_record(
        actor=world["caseworker"],
        episode=episode,
        data={"at": timezone.now(), "examiner": "Dr. B", "gender_specific": False},
    )
    screening.refresh_from_db()
    assert screening.met_at is None
    services.health_examination_record(
        actor=world["caseworker"],
        episode=episode,
        data={"at": timezone.now(), "examiner": "Dr. C", "gender_specific": True},
    )
    screening.refresh_from_db()
    assert screening.resolution == "met"


@pytest.mark.parametrize("kind", ["restraint", "separation"])
def test_gir_1_no_restraint_or_separation_for_a_pregnant_girl(world: Any, make_case: Any, kind: str) -> None:
    case = make_case(sex="female", pregnant=True)
    episode = _start(world, case, _place(world, "Girls' centre", separated_by_sex=True))
    with pytest.raises(RuleViolation) as refused:
        services.incident_record(
            actor=world["caseworker"],
            episode=episode,
            data={
                "kind": kind,
                "occurred_at": timezone.now(),
                "description": "Agitated",
                "details": {
                    "purpose": "protection",
                    "imminent_threat": True,
                    "means_tried_first": "Talking",
                    "professional_in_charge": "Nurse D",
                    "reason": "Agitated",
                    "supervising_staff": "Officer E",
                },
            },
        )
    assert "GIR-1" in {d.rule_id for d in refused.value.unmet}
    assert not Incident.objects.filter(episode=episode).exists()
