"""Jurisdiction is a hard boundary for administrators too (issue 11): no account, agency or move into another
jurisdiction; the refusal is a field message, nothing is written, and the attempt is recorded as denied."""

from typing import Any

import pytest

from conftest import PASSWORD, World, make_user
from jj.accounts.models import Agency, Role, User
from jj.audit.models import AuditEvent, Outcome

NEW_USER = {
    "username": "intruder",
    "password": "a-long-enough-passphrase-2026",
    "role": "supervisor",
    "current_password": PASSWORD,
}


def _denied(action: str) -> int:
    return AuditEvent.objects.filter(action=action, outcome=Outcome.DENIED, actor_username="administrator").count()


@pytest.mark.parametrize("where", ["other_jurisdiction", "nonexistent"])
def test_no_user_created_in_another_jurisdictions_agency(where: str, world: World, client_for: Any) -> None:
    agency_id = world.south_agency.pk if where == "other_jurisdiction" else 999_999
    response = client_for("administrator").post("/api/users/", {**NEW_USER, "agency": agency_id}, format="json")
    assert response.status_code == 400
    assert response.json()["agency"] == ["There is no such agency in your jurisdiction."]
    assert not User.objects.filter(username="intruder").exists()
    assert not AuditEvent.objects.filter(action="user.create", outcome=Outcome.SUCCESS).exists()
    assert _denied("user.create") == 1


def test_no_user_moved_into_another_jurisdiction(world: World, client_for: Any) -> None:
    target = world["caseworker2"]
    response = client_for("administrator").patch(
        f"/api/users/{target.pk}/",
        {"current_password": PASSWORD, "agency": world.south_agency.pk, "role": "supervisor"},
        format="json",
    )
    assert response.status_code == 400
    assert "agency" in response.json()
    target.refresh_from_db()
    assert (target.agency_id, target.role) == (world.yjs.pk, "caseworker")
    assert _denied("user.update") == 1


@pytest.mark.parametrize("method", ["get", "patch"])
def test_other_jurisdictions_user_is_not_found(method: str, world: World, client_for: Any) -> None:
    target = world["sp_supervisor"]
    response = getattr(client_for("administrator"), method)(
        f"/api/users/{target.pk}/", {"is_active": False}, format="json"
    )
    assert response.status_code == 404
    target.refresh_from_db()
    assert target.is_active
    assert _denied("user.read") == 1


def test_no_agency_created_in_another_jurisdiction(world: World, client_for: Any) -> None:
    response = client_for("administrator").post(
        "/api/agencies/", {"name": "Trojan Office", "jurisdiction": world.south.pk}, format="json"
    )
    assert response.status_code == 400
    assert "jurisdiction" in response.json()
    assert not Agency.objects.filter(name="Trojan Office").exists()
    assert _denied("agency.create") == 1


def test_agency_created_in_own_jurisdiction_by_default(world: World, client_for: Any) -> None:
    response = client_for("administrator").post("/api/agencies/", {"name": "Probation"}, format="json")
    assert response.status_code == 201, response.json()
    assert Agency.objects.get(name="Probation").jurisdiction_id == world.north.pk


def test_no_administrator_without_an_agency(world: World, client_for: Any) -> None:
    """A jurisdiction-less administrator would escape the boundary: every account needs an agency."""
    response = client_for("administrator").post(
        "/api/users/", {**NEW_USER, "role": "administrator", "agency": None}, format="json"
    )
    assert response.status_code == 400
    assert "agency" in response.json()
    assert not User.objects.filter(username="intruder").exists()


def test_administrator_without_agency_manages_nothing(world: World, client_for: Any) -> None:
    make_user("lost_admin", Role.ADMINISTRATOR, None)
    world.users["lost_admin"] = User.objects.get(username="lost_admin")
    client = client_for("lost_admin")
    assert client.get("/api/users/").json()["count"] == 0
    assert client.get("/api/agencies/").json()["count"] == 0
    response = client.post("/api/users/", {**NEW_USER, "agency": world.south_agency.pk}, format="json")
    assert response.status_code == 400
    assert not User.objects.filter(username="intruder").exists()


def test_service_refuses_another_jurisdiction_for_any_caller(world: World) -> None:
    """The service holds the boundary even when called without the API's scoped lookup."""
    from jj.accounts.services import user_create
    from jj.core.exceptions import ApplicationError

    fields = {k: v for k, v in NEW_USER.items() if k != "current_password"}
    with pytest.raises(ApplicationError):
        user_create(actor=world["administrator"], agency=world.south_agency, **fields)
    assert not User.objects.filter(username="intruder").exists()
