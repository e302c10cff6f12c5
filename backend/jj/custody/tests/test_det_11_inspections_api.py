"""DET-11 and issue 6: oversight monitors record independent inspections; oversight sees every decision, with
children pseudonymised."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import ALL_ROLES, make_user
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.custody import services
from jj.custody.models import Facility


@pytest.fixture
def centre(world: Any) -> Facility:
    data = {
        "name": "Youth centre",
        "kind": "juvenile_detention",
        "capacity": 10,
        "children_wholly_separated": True,
        "operator": world.yjs,
    }
    return services.facility_create(actor=world["administrator"], data=data)


def inspect(client: Any, facility: Facility, days_ago: int, unannounced: bool = True) -> Any:
    body = {
        "facility": facility.pk,
        "visited_on": (timezone.localdate() - timedelta(days=days_ago)).isoformat(),
        "body": "National Preventive Mechanism",
        "unannounced": unannounced,
        "private_interviews_held": True,
        "children_interviewed": 4,
        "findings": "Cells cold at night",
        "recommendations": ["Heating in block B"],
        "follow_up_due": (timezone.localdate() + timedelta(days=30)).isoformat(),
    }
    return client.post("/api/inspections/", body, format="json")


def test_det_11_status_follows_the_inspection_record(world: Any, client_for: Any, centre: Facility) -> None:
    monitor = client_for("oversight_monitor")
    status = monitor.get("/api/facilities/inspection-status/").json()["results"]
    (row,) = status
    assert row["decisions"][0]["rule_id"] == "DET-11"
    assert row["decisions"][0]["outcome"] == "warn"
    assert inspect(monitor, centre, days_ago=20, unannounced=False).status_code == 201
    (row,) = monitor.get("/api/facilities/inspection-status/").json()["results"]
    assert row["decisions"][0]["outcome"] == "warn"
    assert "no unannounced inspection" in row["decisions"][0]["message"]
    inspect(monitor, centre, days_ago=3)
    (row,) = monitor.get("/api/facilities/inspection-status/").json()["results"]
    assert row["decisions"][0]["outcome"] == "allow"
    assert row["last_unannounced_on"] == (timezone.localdate() - timedelta(days=3)).isoformat()
    assert AuditEvent.objects.filter(action="inspection.create").count() == 2


INSPECT_STATUS = {
    "oversight_monitor": 201,
    "supervisor": 403,
    "administrator": 403,
    "caseworker": 403,
    "legal_counsel": 403,
    "court_officer": 403,
    "facility_officer": 403,
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_inspections_per_role(role: str, client_for: Any, centre: Facility) -> None:
    client = client_for(role)
    assert inspect(client, centre, days_ago=1).status_code == INSPECT_STATUS[role]
    readers = ("oversight_monitor", "supervisor", "administrator")
    assert client.get("/api/inspections/").status_code == (200 if role in readers else 403)
    assert client.get("/api/facilities/inspection-status/").status_code == (200 if role in readers else 403)


def test_inspection_of_another_jurisdictions_facility_is_refused(world: Any, client_for: Any, centre: Facility) -> None:
    world.users["sp_monitor"] = make_user("sp_monitor", Role.OVERSIGHT_MONITOR, world.south_agency)
    response = inspect(client_for("sp_monitor"), centre, days_ago=1)
    assert response.status_code == 400
    assert "facility" in response.json()
    assert client_for("sp_monitor").get("/api/inspections/").json()["count"] == 0
    assert not AuditEvent.objects.filter(action="inspection.create").exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rule_id=MACR-1", 1),
        ("outcome=require_justification&justified=true", 1),
        ("outcome=require_justification&justified=false", 0),
        ("rule_id=DIV-1&agency={agency}", 1),
        ("rule_id=DIV-1&agency=999999", 0),
    ],
)
def test_oversight_decisions_filters(make_case: Any, client_for: Any, world: Any, query: str, expected: int) -> None:
    case = make_case(counsel=True, given_name="Zephyrine")
    client_for("caseworker").post(
        f"/api/cases/{case.pk}/charge/",
        {"version": case.version, "diversion_not_offered_reason": "Refused"},
        format="json",
    )
    response = client_for("oversight_monitor").get(
        "/api/oversight/decisions/?"
        + query.format(agency=world.yjs.pk)
        + "&trigger="
        + ("charge" if "DIV" in query or "justif" in query else "intake")
    )
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == expected
    assert "Zephyrine" not in response.content.decode()
    for row in body["results"]:
        assert row["child_ref"].startswith("C-")


@pytest.mark.parametrize("role", ALL_ROLES)
def test_oversight_decisions_per_role(role: str, make_case: Any, client_for: Any) -> None:
    make_case()
    response = client_for(role).get("/api/oversight/decisions/")
    assert response.status_code == (200 if role == "oversight_monitor" else 403)
    if role == "oversight_monitor":
        assert {row["rule_id"] for row in response.json()["results"]} >= {"MACR-1", "MACR-2"}


# --- DET-11 as amended (RULES.md 7b; A/RES/79/172 para 15) --------------------------------------------------------


def test_det_11_an_inspection_without_private_interviews_warns(world: Any, client_for: Any, centre: Facility) -> None:
    from jj.compliance.models import DecisionRecord

    monitor = client_for("oversight_monitor")
    body = {
        "facility": centre.pk,
        "visited_on": timezone.localdate().isoformat(),
        "body": "National Preventive Mechanism",
        "unannounced": True,
        "private_interviews_held": False,
    }
    response = monitor.post("/api/inspections/", body, format="json")
    assert response.status_code == 201
    (decision,) = DecisionRecord.objects.filter(object_type="inspection", object_id=response.json()["id"])
    assert (decision.rule_id, decision.outcome) == ("DET-11", "warn")
    assert decision.citation["provision"] == "para. 15"
    assert response.json()["follow_up_due"] is None


@pytest.mark.parametrize(("given", "expected_days"), [(None, 90), (10, 10)])
def test_det_11_recommendations_get_a_follow_up_date(
    world: Any, client_for: Any, centre: Facility, given: int | None, expected_days: int
) -> None:
    monitor = client_for("oversight_monitor")
    visited = timezone.localdate()
    body = {
        "facility": centre.pk,
        "visited_on": visited.isoformat(),
        "body": "National Preventive Mechanism",
        "unannounced": True,
        "private_interviews_held": True,
        "recommendations": ["Heating in block B"],
    }
    if given is not None:
        body["follow_up_due"] = (visited + timedelta(days=given)).isoformat()
    response = monitor.post("/api/inspections/", body, format="json")
    assert response.json()["follow_up_due"] == (visited + timedelta(days=expected_days)).isoformat()


@pytest.mark.parametrize(("due_in_days", "overdue"), [(1, False), (0, False), (-1, True)])
def test_det_11_an_overdue_follow_up_is_flagged_until_it_is_recorded(
    world: Any, client_for: Any, centre: Facility, due_in_days: int, overdue: bool
) -> None:
    """The day before, of and after the follow-up date: overdue only once the date has passed."""
    monitor = client_for("oversight_monitor")
    today = timezone.localdate()
    body = {
        "facility": centre.pk,
        "visited_on": (today - timedelta(days=20)).isoformat(),
        "body": "National Preventive Mechanism",
        "unannounced": True,
        "private_interviews_held": True,
        "recommendations": ["Heating in block B"],
        "follow_up_due": (today + timedelta(days=due_in_days)).isoformat(),
    }
    inspection = monitor.post("/api/inspections/", body, format="json").json()
    (row,) = monitor.get("/api/facilities/inspection-status/").json()["results"]
    assert row["follow_ups_overdue"] == (1 if overdue else 0)
    assert any("follow-up date" in d["message"] for d in row["decisions"]) is overdue
    done = monitor.post(
        f"/api/inspections/{inspection['id']}/follow-up/",
        {"done_on": today.isoformat(), "note": "Heating installed"},
        format="json",
    )
    assert done.status_code == 200
    assert done.json()["follow_up_done_on"] == today.isoformat()
    (row,) = monitor.get("/api/facilities/inspection-status/").json()["results"]
    assert row["follow_ups_overdue"] == 0
    assert AuditEvent.objects.filter(action="inspection.follow_up").count() == 1


def test_det_11_a_follow_up_is_recorded_once_and_only_by_the_monitoring_body(
    world: Any, client_for: Any, centre: Facility
) -> None:
    monitor = client_for("oversight_monitor")
    inspection = inspect(monitor, centre, days_ago=5).json()
    url = f"/api/inspections/{inspection['id']}/follow-up/"
    body = {"done_on": timezone.localdate().isoformat(), "note": "Done"}
    assert client_for("supervisor").post(url, body, format="json").status_code == 403
    before = (timezone.localdate() - timedelta(days=6)).isoformat()
    early = monitor.post(url, {**body, "done_on": before}, format="json")
    assert early.status_code == 400
    assert early.json()["done_on"] == ["Before the visit."]
    assert monitor.post(url, body, format="json").status_code == 200
    assert monitor.post(url, body, format="json").status_code == 400
    assert AuditEvent.objects.filter(action="inspection.follow_up").count() == 1
