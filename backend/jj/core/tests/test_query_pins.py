"""Query-count pins for every list and detail (issue 12): each number is what the endpoint costs now, whole
request included (session, user, scope, count, page, prefetches, audit append). A change that adds a query
fails here and has to say why; page sizes and data volume do not move these numbers (test_query_counts)."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from jj.cases.models import Case
from jj.custody import services as custody_services
from jj.custody.models import CustodyEpisode
from jj.deadlines.models import Deadline
from jj.oversight.models import ExportJob
from jj.people.models import Guardian
from jj.simulation.models import PolicySimulation, SimulationStatus

# (user, url template, queries). {case}, {child}, {guardian}, {episode}, {facility}, {export} are filled from the world.
PINS: list[tuple[str, str, int]] = [
    ("caseworker", "/api/cases/", 9),
    ("supervisor", "/api/cases/", 11),
    ("legal_counsel", "/api/cases/", 9),
    ("facility_officer", "/api/cases/", 9),
    ("caseworker", "/api/cases/{case}/", 8),
    ("supervisor", "/api/cases/{case}/", 10),
    ("caseworker", "/api/cases/{case}/timeline/", 7),
    ("caseworker", "/api/cases/{case}/decisions/", 9),
    ("caseworker", "/api/cases/{case}/sentences/", 7),
    ("caseworker", "/api/children/", 7),
    ("supervisor", "/api/children/", 9),
    ("caseworker", "/api/children/{child}/", 6),
    ("caseworker", "/api/children/{child}/criminal-history/", 8),
    ("caseworker", "/api/guardians/", 7),
    ("caseworker", "/api/guardians/{guardian}/", 6),
    ("caseworker", "/api/deadlines/", 5),
    ("supervisor", "/api/deadlines/?bucket=open", 7),
    ("caseworker", "/api/worklist/", 8),
    ("supervisor", "/api/worklist/", 10),
    ("facility_officer", "/api/worklist/", 8),
    ("caseworker", "/api/notifications/", 5),
    ("caseworker", "/api/custody-episodes/", 7),
    ("facility_officer", "/api/custody-episodes/", 7),
    ("caseworker", "/api/custody-episodes/{episode}/", 22),  # + plans, education, aftercare, implicated staff
    ("caseworker", "/api/facilities/", 7),
    ("caseworker", "/api/facilities/{facility}/", 6),
    ("caseworker", "/api/protection-referrals/", 7),
    ("caseworker", "/api/diversion-referrals/", 7),
    ("supervisor", "/api/approvals/", 6),
    ("oversight_monitor", "/api/audit/events/", 9),
    ("oversight_monitor", "/api/oversight/decisions/", 9),
    ("oversight_monitor", "/api/oversight/exports/", 5),
    ("oversight_monitor", "/api/oversight/exports/{export}/", 5),
    ("oversight_monitor", "/api/simulations/", 8),
    ("oversight_monitor", "/api/simulations/{simulation}/", 7),
    ("administrator", "/api/users/", 7),
    ("supervisor", "/api/staff/", 7),
    ("supervisor", "/api/records/preview/", 7),
    ("supervisor", "/api/agencies/", 7),
]


@pytest.fixture
def filled(world: Any, make_case: Any) -> dict[str, int]:
    cases = [make_case(counsel=True, court=True) for _ in range(3)]
    case: Case = cases[0]
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
    episode = custody_services.custody_start(
        actor=world["caseworker"], case=case, facility=facility, police_cell_justification="No youth unit open at night"
    )
    assert isinstance(episode, CustodyEpisode)
    for c in cases:
        Deadline.objects.create(case=c, kind="review", description="Review", due_at=timezone.now() + timedelta(hours=3))
    guardian = Guardian.objects.create(child_id=case.child_id, name="Ada Okafor", relationship="mother")
    for _ in range(3):
        export = ExportJob.objects.create(
            requested_by=world["oversight_monitor"], jurisdiction=world.north, file_format="csv", query={}
        )
        simulation = PolicySimulation.objects.create(
            requested_by=world["administrator"],
            jurisdiction=world.north,
            parameters={"macr": 16},
            period_from="2026-01-01",
            period_to="2026-06-30",
            status=SimulationStatus.DONE,
            result={"totals": {"cases_removed": None}},
        )
    return {
        "case": case.pk,
        "child": case.child_id,
        "guardian": guardian.pk,
        "episode": episode.pk,
        "facility": facility.pk,
        "export": export.pk,
        "simulation": simulation.pk,
    }


@pytest.mark.parametrize(("username", "template", "pinned"), PINS)
def test_query_pins(
    username: str, template: str, pinned: int, filled: dict[str, int], client_for: Any, django_assert_num_queries: Any
) -> None:
    client = client_for(username)
    url = template.format(**filled)
    with django_assert_num_queries(pinned, exact=True) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    del ctx
