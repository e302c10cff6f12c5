"""A refusal to ask for in any language: a detention order with no alternative considered (PTD-2)."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from jj.custody import services

ORDER_WITHOUT_ALTERNATIVES = {
    "kind": "pretrial_detention",
    "grounds": ["court_appearance"],
    "legal_basis": "Juvenile Justice Act s. 12",
    "alternatives_considered": [],
    "justification": "",
    "age_floor_justification": "Genuine public safety concern",
    "judicial_authority": "Northland Youth Court",
}


def refuse_detention_order(make_case: Any, client_for: Any, world: Any, **headers: Any) -> Any:
    facility = services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Central police station",
            "kind": "police_station",
            "capacity": 10,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
        staff=[],
    )
    case = make_case(court=True)
    started = client_for("caseworker").post(
        "/api/custody-episodes/",
        {
            "case": case.pk,
            "facility": facility.pk,
            "police_cell_justification": "No youth unit open at night",
            "age_floor_justification": "Genuine public safety concern",
            "started_at": (timezone.now() - timedelta(hours=1)).isoformat(),
        },
        format="json",
    )
    assert started.status_code == 201, started.json()
    return client_for("caseworker").post(
        f"/api/custody-episodes/{started.json()['id']}/detention-orders/",
        ORDER_WITHOUT_ALTERNATIVES,
        format="json",
        **headers,
    )
