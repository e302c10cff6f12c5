"""Issue 14, done when: an oversight monitor's statistics still count children whose records were removed (REC-3
removal keeps the pseudonymised facts the indicators need)."""

from datetime import UTC, date, datetime
from typing import Any

import pytest

from conftest import HEARD
from jj.cases import services as case_services
from jj.custody import services as custody_services
from jj.custody.models import CustodyEpisode
from jj.custody.records import records_sweep
from jj.oversight.models import AgeGroup, ChildPopulation

NAME = "Peregrina"
DOB = date(2008, 12, 15)  # 18 on 2026-12-15


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize("by", ["", "&by=sex", "&by=age_group"])
def test_oversight_statistics_still_count_removed_children(
    make_case: Any, world: Any, client_for: Any, by: str
) -> None:
    """Issue 14, done when: the monitor's numbers do not change when children's identities are removed (six
    children, so no cell is suppressed)."""
    facility = custody_services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Central police station",
            "kind": "police_station",
            "capacity": 10,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
        staff=[world["facility_officer"]],
    )
    for _ in range(6):  # released at 17 (Havana r. 19), the case then closed
        case = make_case(given_name=NAME, date_of_birth=DOB)
        episode = custody_services.custody_start(
            **HEARD,
            actor=world["caseworker"],
            case=case,
            facility=facility,
            police_cell_justification="No youth unit at night",
        )
        assert isinstance(episode, CustodyEpisode)
        custody_services.custody_release(actor=world["caseworker"], episode=episode, reason="bail", aftercare={})
        case_services.case_close(actor=world["supervisor"], case=case, reason="Dismissed: the evidence fell away")
    for sex in ("female", "male"):
        for group in AgeGroup.values:
            ChildPopulation.objects.create(jurisdiction=world.north, year=2026, sex=sex, age_group=group, count=10_000)
    client = client_for("oversight_monitor")
    url = f"/api/oversight/indicators/?period_start=2026-01-01&period_end=2026-12-31{by}"
    before = client.get(url)
    assert before.status_code == 200, before.json()
    arrested = next(r for r in before.json()["results"] if r["code"] == "children_in_conflict_with_the_law")
    assert arrested["numerator"] == 6
    assert records_sweep(now=at(date(2026, 12, 15))).removed == 6
    after = client.get(url)
    assert after.json() == before.json()
