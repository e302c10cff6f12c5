"""REI-1 wired (issue #16): admission to a detention facility opens the individual-plan deadline (not a police
cell); a release always proceeds and, without an aftercare plan, opens the aftercare deadline (INV-5); the
episode's read-time checks warn on a child of school age held past the policy's days with no enrolment."""

from typing import Any

import pytest

from conftest import HEARD
from jj.custody import services
from jj.custody.models import CustodyEpisode, Facility
from jj.deadlines.models import Deadline


def _place(world: Any, kind: str) -> Facility:
    data = {"name": f"A {kind}", "kind": kind, "capacity": 10, "children_wholly_separated": True, "operator": world.yjs}
    return services.facility_create(actor=world["administrator"], data=data)


def _start(world: Any, case: Any, facility: Facility) -> CustodyEpisode:
    episode = services.custody_start(
        **HEARD,
        actor=world["caseworker"],
        case=case,
        facility=facility,
        commitment_order_reference="CO-1",
        police_cell_justification="No other place tonight",
        age_floor_justification="Genuine public safety concern",
    )
    assert isinstance(episode, CustodyEpisode)
    return episode


@pytest.mark.parametrize(("kind", "plan_due"), [("juvenile_detention", True), ("police_station", False)])
def test_rei_1_admission_to_a_detention_facility_opens_the_individual_plan_deadline(
    world: Any, make_case: Any, kind: str, plan_due: bool
) -> None:
    case = make_case()
    _start(world, case, _place(world, kind))
    assert Deadline.objects.filter(case=case, kind="individual_plan", rule_id="REI-1").exists() is plan_due


@pytest.mark.parametrize(("aftercare", "deadline"), [({}, True), ({"education": True}, False), ({"notes": " "}, True)])
def test_rei_1_a_release_always_proceeds_and_without_aftercare_opens_its_deadline(
    world: Any, make_case: Any, aftercare: dict[str, Any], deadline: bool
) -> None:
    case = make_case()
    episode = _start(world, case, _place(world, "juvenile_detention"))
    services.custody_release(actor=world["caseworker"], episode=episode, reason="bail", aftercare=aftercare)
    episode.refresh_from_db()
    assert episode.ended_at is not None
    assert Deadline.objects.filter(case=case, kind="aftercare_plan", met_at__isnull=True).exists() is deadline
