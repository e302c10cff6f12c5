"""A share is read-only: the person it is shared with reads the case and its child, and records nothing on it
(before the fix, the scope treated a share as full access and the write checks looked at the role only)."""

from typing import Any

import pytest

from conftest import child_data, make_user, offence_data
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.cases.models import Case, Offence
from jj.custody import services as custody_services
from jj.custody.models import CustodyEpisode
from jj.people.models import Child


@pytest.fixture
def shared(world: Any, make_case: Any, client_for: Any) -> tuple[Case, Any]:
    """A case of the Youth Justice Service shared with a caseworker of the Public Defender (same jurisdiction)."""
    world.users["defender_worker"] = make_user("defender_worker", Role.CASEWORKER, world.defender)
    case = make_case()
    response = client_for("supervisor").post(
        f"/api/cases/{case.pk}/shares/",
        {"user": world["defender_worker"].pk, "reason": "Joint hearing preparation"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return case, client_for("defender_worker")


def test_a_share_reads_the_case_and_child(shared: tuple[Case, Any]) -> None:
    case, reader = shared
    assert reader.get(f"/api/cases/{case.pk}/").status_code == 200
    assert reader.get(f"/api/cases/{case.pk}/timeline/").status_code == 200
    assert reader.get(f"/api/children/{case.child_id}/").status_code == 200
    assert [row["id"] for row in reader.get("/api/cases/").json()["results"]] == [case.pk]


def test_a_share_cannot_change_the_case(shared: tuple[Case, Any]) -> None:
    case, reader = shared
    response = reader.patch(f"/api/cases/{case.pk}/", {"summary": "changed", "version": case.version}, format="json")
    assert response.status_code == 403
    assert "read only" in response.json()["detail"]
    assert Case.objects.get(pk=case.pk).summary == case.summary
    offences = Offence.objects.filter(case=case).count()
    response = reader.post(
        f"/api/cases/{case.pk}/offences/", {**offence_data(), "offence_date": "2026-03-02"}, format="json"
    )
    assert response.status_code == 403
    assert Offence.objects.filter(case=case).count() == offences
    assert AuditEvent.objects.filter(action="offence.create", outcome="denied", reason="read-only share").exists()


def test_a_share_cannot_change_the_child_or_open_a_case_for_them(shared: tuple[Case, Any]) -> None:
    case, reader = shared
    child = Child.objects.get(pk=case.child_id)
    response = reader.patch(f"/api/children/{child.pk}/", {"given_name": "X", "version": child.version}, format="json")
    assert response.status_code == 403
    assert Child.objects.get(pk=child.pk).given_name == child.given_name
    cases = Case.objects.count()
    response = reader.post(
        "/api/cases/", {"child": child.pk, "kind": "arrest", "offences": [offence_data()]}, format="json"
    )
    assert response.status_code == 403
    assert Case.objects.count() == cases


def test_a_share_cannot_deprive_the_child_of_liberty(world: Any, shared: tuple[Case, Any]) -> None:
    case, reader = shared
    facility = custody_services.facility_create(
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
    response = reader.post(
        "/api/custody-episodes/",
        {"case": case.pk, "facility": facility.pk, "justification": "No youth unit open at night"},
        format="json",
    )
    assert response.status_code == 403
    assert not CustodyEpisode.objects.exists()


def test_own_work_still_writes_alongside_a_share(world: Any, make_case: Any, client_for: Any) -> None:
    """A caseworker with a share elsewhere still records on their own cases and children."""
    mine = make_case()
    world.users["defender_worker"] = make_user("defender_worker", Role.CASEWORKER, world.defender)
    other = make_case()
    client_for("supervisor").post(
        f"/api/cases/{other.pk}/shares/", {"user": world["caseworker"].pk, "reason": "Cover"}, format="json"
    )
    worker = client_for("caseworker")
    response = worker.patch(f"/api/cases/{mine.pk}/", {"summary": "mine", "version": mine.version}, format="json")
    assert response.status_code == 200, response.json()
    kid = worker.post("/api/children/", child_data(date_of_birth="2011-01-01"), format="json")
    assert kid.status_code == 201, kid.json()
