"""Opening a jurisdiction (issue 13): only the platform operator (an administrator account marked from the command
line) opens one, with its policy facts (indicators 14, 15), its first agency and its first administrator, all or
nothing and audited. Jurisdiction is a hard boundary: an administrator of one jurisdiction cannot open another, and
the operator gains no power in the jurisdiction it opened."""

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from conftest import PASSWORD, World
from jj.accounts.models import Agency, Jurisdiction, User
from jj.audit.models import AuditEvent
from jj.oversight.models import JurisdictionProfile

NEW: dict[str, Any] = {
    "code": "east",
    "name": "Eastmarch",
    "timezone": "Africa/Nairobi",
    "specialised_system": True,
    "specialised_system_note": "Children's courts in every district (Children Act 2022, s. 4)",
    "prevention_plan": False,
    "agency_name": "Eastmarch Youth Justice Office",
    "admin_username": "east_admin",
    "admin_password": "a-long-enough-passphrase-2026",
    "admin_first_name": "Wanjiru",
    "current_password": PASSWORD,
}


def _operator(world: World) -> User:
    call_command("platform_operator", "administrator", stdout=StringIO())
    world["administrator"].refresh_from_db()
    return world["administrator"]


def _nothing_written() -> None:
    assert not Jurisdiction.objects.filter(code="east").exists()
    assert not User.objects.filter(username="east_admin").exists()
    assert not Agency.objects.filter(name=NEW["agency_name"]).exists()
    assert not AuditEvent.objects.filter(action="jurisdiction.create").exists()


def test_the_platform_operator_opens_a_jurisdiction_with_its_policy_facts(world: World, client_for: Any) -> None:
    _operator(world)
    response = client_for("administrator").post("/api/jurisdictions/", NEW, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["code"], body["name"], body["timezone"]) == ("east", "Eastmarch", "Africa/Nairobi")
    assert (body["specialised_system"], body["prevention_plan"]) == (True, False)
    east = Jurisdiction.objects.get(code="east")
    profile = JurisdictionProfile.objects.get(jurisdiction=east)
    assert profile.specialised_system_note.startswith("Children's courts")
    assert profile.suppression_threshold == 5
    first_admin = User.objects.get(username="east_admin")
    assert (first_admin.role, first_admin.agency.jurisdiction_id, first_admin.is_superuser) == (  # type: ignore[union-attr]
        "administrator",
        east.pk,
        False,
    )
    assert first_admin.check_password(NEW["admin_password"])
    actions = set(AuditEvent.objects.filter(actor_username="administrator").values_list("action", flat=True))
    assert {"jurisdiction.create", "agency.create", "user.create", "jurisdiction_profile.update"} <= actions
    # Listed for the operator, with its policy facts.
    listed = client_for("administrator").get("/api/jurisdictions/").json()
    assert [j["code"] for j in listed] == ["east", "north", "south"]


def test_the_operator_gains_no_power_in_the_jurisdiction_it_opened(world: World, client_for: Any) -> None:
    _operator(world)
    client = client_for("administrator")
    assert client.post("/api/jurisdictions/", NEW, format="json").status_code == 201
    east_agency = Agency.objects.get(name=NEW["agency_name"])
    east_admin = User.objects.get(username="east_admin")
    # No account created there, none read, no agency added, no statistics read, no population set.
    made = client.post(
        "/api/users/",
        {
            "username": "mole",
            "password": "a-long-enough-passphrase-2026",
            "role": "supervisor",
            "agency": east_agency.pk,
            "current_password": PASSWORD,
        },
        format="json",
    )
    assert made.status_code == 400
    assert not User.objects.filter(username="mole").exists()
    assert client.get(f"/api/users/{east_admin.pk}/").status_code == 404
    agency = client.post("/api/agencies/", {"name": "Shadow office", "jurisdiction": east_agency.jurisdiction_id})
    assert agency.status_code == 400
    assert client.get("/api/oversight/indicators/?jurisdiction=east").status_code == 404


@pytest.mark.parametrize("who", ["administrator", "oversight_monitor", "supervisor", "sp_supervisor"])
def test_nobody_else_opens_a_jurisdiction(who: str, world: World, client_for: Any) -> None:
    """An administrator of one jurisdiction (not the operator) and every other role: 403, nothing written."""
    response = client_for(who).post("/api/jurisdictions/", NEW, format="json")
    assert response.status_code == 403
    assert client_for(who).get("/api/jurisdictions/").status_code == 403
    _nothing_written()


def test_the_operator_is_marked_only_from_the_command_line(world: World, client_for: Any) -> None:
    admin = world["administrator"]
    # Not through the account API: is_superuser is not a field it accepts.
    client_for("administrator").patch(
        f"/api/users/{admin.pk}/", {"is_superuser": True, "current_password": PASSWORD}, format="json"
    )
    admin.refresh_from_db()
    assert admin.is_superuser is False
    with pytest.raises(CommandError, match="Only an administrator"):
        call_command("platform_operator", "supervisor", stdout=StringIO())
    _operator(world)
    assert AuditEvent.objects.filter(action="user.role_change", object_id=str(admin.pk)).exists()
    call_command("platform_operator", "administrator", "--revoke", stdout=StringIO())
    admin.refresh_from_db()
    assert admin.is_superuser is False


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"code": "north"}, "code"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"admin_username": "caseworker"}, "admin_username"),
        ({"admin_password": "short"}, "admin_password"),
        ({"current_password": "wrong"}, "current_password"),
    ],
)
def test_an_invalid_request_writes_nothing(change: dict[str, str], field: str, world: World, client_for: Any) -> None:
    _operator(world)
    response = client_for("administrator").post("/api/jurisdictions/", {**NEW, **change}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Jurisdiction.objects.count() == 2
    assert not User.objects.filter(username="east_admin").exists()
    assert not AuditEvent.objects.filter(action="jurisdiction.create").exists()
