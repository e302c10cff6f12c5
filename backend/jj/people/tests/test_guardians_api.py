"""Guardians (parents and appropriate adults): contact details go only to roles that act on them."""

from typing import Any

import pytest

from jj.audit.models import AuditEvent
from jj.people.models import Guardian

GUARDIAN = {"name": "Grace Okafor", "relationship": "mother", "phone": "+33 6 11 22 33 44"}


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("caseworker", 201),
        ("supervisor", 201),
        ("legal_counsel", 403),
        ("court_officer", 403),
        ("facility_officer", 404),
        ("oversight_monitor", 404),
        ("administrator", 404),
        ("caseworker2", 404),
    ],
)
def test_add_guardian_per_role(role: str, status: int, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True)
    response = client_for(role).post("/api/guardians/", {**GUARDIAN, "child": case.child_id}, format="json")
    assert response.status_code == status
    assert Guardian.objects.exists() is (status == 201)


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("caseworker", True),
        ("supervisor", True),
        ("legal_counsel", True),
        ("court_officer", False),
        ("oversight_monitor", False),
        ("administrator", False),
        ("caseworker2", False),
    ],
)
def test_guardian_list_and_detail_per_role(role: str, visible: bool, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True)
    guardian_id = (
        client_for("caseworker")
        .post("/api/guardians/", {**GUARDIAN, "child": case.child_id}, format="json")
        .json()["id"]
    )
    client = client_for(role)
    assert (client.get(f"/api/guardians/?child={case.child_id}").json()["count"] == 1) is visible
    assert client.get(f"/api/guardians/{guardian_id}/").status_code == (200 if visible else 404)


def test_guardian_update_is_versioned_and_audited_without_contact_details(make_case: Any, client_for: Any) -> None:
    case = make_case()
    client = client_for("caseworker")
    gid = client.post("/api/guardians/", {**GUARDIAN, "child": case.child_id}, format="json").json()["id"]
    assert client.patch(f"/api/guardians/{gid}/", {"phone": "+33 7", "version": 1}, format="json").status_code == 200
    assert client.patch(f"/api/guardians/{gid}/", {"phone": "+33 8", "version": 1}, format="json").status_code == 409
    event = AuditEvent.objects.get(action="guardian.update")
    assert "+33" not in str(event.changes)


def test_invalid_guardian_is_explained(make_case: Any, client_for: Any) -> None:
    case = make_case()
    response = client_for("caseworker").post(
        "/api/guardians/", {"child": case.child_id, "name": "", "email": "nope", "relationship": "uncle"}, format="json"
    )
    assert response.status_code == 400
    assert {"name", "email", "relationship"} <= set(response.json())
