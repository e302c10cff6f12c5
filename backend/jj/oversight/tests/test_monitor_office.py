"""Issue 13: oversight is independent. A monitor works for an office of their own (an ombudsperson, a national
preventive mechanism), not for the police, a court or the youth justice service, and still sees the whole
jurisdiction's statistics, whatever agency recorded the data, and receives every alert addressed to an independent
body; never another jurisdiction's."""

from typing import Any

import pytest

from conftest import make_user
from jj.accounts.models import Agency, Role
from jj.deadlines.services import recipients_resolve
from jj.oversight.tests.dataset import build
from jj.rules.checks.common import INDEPENDENT_OVERSIGHT

YEAR = "period_start=2025-01-01&period_end=2025-12-31"


@pytest.fixture
def office(world: Any) -> Any:
    agency = Agency.objects.create(jurisdiction=world.north, name="Children's Ombudsperson")
    world.users["ombudsperson"] = make_user("ombudsperson", Role.OVERSIGHT_MONITOR, agency)
    return agency


def _results(client: Any, query: str = "") -> list[dict[str, Any]]:
    response = client.get(f"/api/oversight/indicators/?{YEAR}{query}")
    assert response.status_code == 200
    return response.json()["results"]


def test_a_monitor_of_an_office_without_records_sees_the_whole_jurisdiction(world, office, client_for):
    ds = build(world.north, world.yjs, world.south_agency)
    ours = _results(client_for("ombudsperson"), "&by=agency")
    # The same figures as a monitor placed in the agency that recorded them.
    assert ours == _results(client_for("oversight_monitor"), "&by=agency")
    arrests = ours[0]
    assert arrests["denominator"] == 200_000
    assert {g["group"] for g in arrests["groups"]} >= {ds.agency.name}
    assert office.name not in {g["group"] for g in arrests["groups"]}


def test_a_monitor_of_an_office_reads_no_other_jurisdiction(world, office, client_for):
    build(world.north, world.yjs, world.south_agency)
    client = client_for("ombudsperson")
    assert client.get(f"/api/oversight/indicators/?{YEAR}&jurisdiction=south").status_code == 404
    assert client.get("/api/oversight/jurisdictions/").json() == [
        {"code": "north", "name": "Northland", "timezone": "Europe/Paris"}
    ]


def test_a_monitor_of_an_office_receives_alerts_for_an_independent_body(world, office):
    ds = build(world.north, world.yjs, world.south_agency)
    people = recipients_resolve(case=ds.cases["A1"], target=INDEPENDENT_OVERSIGHT)
    assert world["ombudsperson"] in people
    assert all(p.role == Role.OVERSIGHT_MONITOR for p in people)
    south_case = next(c for c in ds.cases.values() if c.jurisdiction_id == world.south.pk)
    assert world["ombudsperson"] not in recipients_resolve(case=south_case, target=INDEPENDENT_OVERSIGHT)
