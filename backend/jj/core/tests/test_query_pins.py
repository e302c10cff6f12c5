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
from jj.people.models import Guardian

# (user, url template, queries). {case}, {child}, {guardian}, {episode}, {facility} are filled from the world.
PINS: list[tuple[str, str, int]] = [
    ("caseworker", "/api/cases/", 8),
    ("supervisor", "/api/cases/", 9),
    ("legal_counsel", "/api/cases/", 8),
    ("facility_officer", "/api/cases/", 8),
    ("caseworker", "/api/cases/{case}/", 7),
    ("supervisor", "/api/cases/{case}/", 8),
    ("caseworker", "/api/cases/{case}/timeline/", 6),
    ("caseworker", "/api/cases/{case}/decisions/", 8),
    ("caseworker", "/api/cases/{case}/sentences/", 6),
    ("caseworker", "/api/children/", 6),
    ("supervisor", "/api/children/", 7),
    ("caseworker", "/api/children/{child}/", 5),
    ("caseworker", "/api/children/{child}/criminal-history/", 7),
    ("caseworker", "/api/guardians/", 6),
    ("caseworker", "/api/guardians/{guardian}/", 5),
    ("caseworker", "/api/deadlines/", 4),
    ("supervisor", "/api/deadlines/?bucket=open", 5),
    ("caseworker", "/api/worklist/", 7),
    ("supervisor", "/api/worklist/", 8),
    ("facility_officer", "/api/worklist/", 7),
    ("caseworker", "/api/notifications/", 4),
    ("caseworker", "/api/custody-episodes/", 6),
    ("facility_officer", "/api/custody-episodes/", 6),
    ("caseworker", "/api/custody-episodes/{episode}/", 22),  # + plans, education, aftercare, implicated staff
    ("caseworker", "/api/facilities/", 6),
    ("caseworker", "/api/facilities/{facility}/", 5),
    ("caseworker", "/api/protection-referrals/", 6),
    ("caseworker", "/api/diversion-referrals/", 6),
    ("supervisor", "/api/approvals/", 4),
    ("oversight_monitor", "/api/audit/events/", 7),
    ("oversight_monitor", "/api/oversight/decisions/", 7),
    ("administrator", "/api/users/", 5),
    ("supervisor", "/api/staff/", 5),
    ("supervisor", "/api/agencies/", 5),
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
    return {
        "case": case.pk,
        "child": case.child_id,
        "guardian": guardian.pk,
        "episode": episode.pk,
        "facility": facility.pk,
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
