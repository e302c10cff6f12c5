"""Children: who sees which child and which fields (REC-1, need to know), validation, concurrency, audit."""

import json
from typing import Any

import pytest

from conftest import ALL_ROLES, child_data
from jj.audit.models import AuditEvent
from jj.audit.shredding import is_sealed, mask, search_term_digest
from jj.core.pseudonym import child_pseudonym
from jj.people.models import Child

NAME_FIELDS = {"given_name", "family_name", "other_names", "date_of_birth", "address"}

# Who sees a child whose case is assigned to caseworker, with counsel and court officer assigned.
DETAIL_STATUS = {
    "caseworker": 200,
    "supervisor": 200,
    "legal_counsel": 200,
    "court_officer": 200,
    "facility_officer": 404,
    "oversight_monitor": 404,
    "administrator": 404,
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_child_detail_per_role(role: str, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True)
    response = client_for(role).get(f"/api/children/{case.child_id}/")
    assert response.status_code == DETAIL_STATUS[role]


@pytest.mark.parametrize("role", ["caseworker2", "sp_caseworker", "sp_supervisor"])
def test_child_of_another_worker_or_agency_is_not_found_not_forbidden(
    role: str, make_case: Any, client_for: Any
) -> None:
    case = make_case()
    response = client_for(role).get(f"/api/children/{case.child_id}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    denied = AuditEvent.objects.get(action="child.read", outcome="denied")
    assert denied.actor_username == role


def test_missing_and_forbidden_children_answer_alike(make_case: Any, client_for: Any) -> None:
    case = make_case()
    client = client_for("caseworker2")
    forbidden = client.get(f"/api/children/{case.child_id}/")
    missing = client.get("/api/children/999999/")
    assert (forbidden.status_code, forbidden.json()) == (missing.status_code, missing.json())


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("caseworker", True),
        ("supervisor", True),
        ("legal_counsel", True),
        ("court_officer", True),
        ("caseworker2", False),
        ("facility_officer", False),
        ("oversight_monitor", False),
        ("administrator", False),
        ("sp_supervisor", False),
    ],
)
def test_child_list_is_scoped_per_role(role: str, visible: bool, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True)
    make_case(by="caseworker2")
    make_case(by="sp_caseworker")
    ids = [row["id"] for row in client_for(role).get("/api/children/").json()["results"]]
    assert (case.child_id in ids) is visible


def test_supervisor_sees_every_child_of_the_agency_and_no_other(make_case: Any, client_for: Any) -> None:
    mine = {make_case().child_id, make_case(by="caseworker2").child_id}
    other = make_case(by="sp_caseworker").child_id
    ids = {row["id"] for row in client_for("supervisor").get("/api/children/").json()["results"]}
    assert mine <= ids
    assert other not in ids


def test_court_officer_does_not_get_health_origin_or_address(make_case: Any, client_for: Any) -> None:
    case = make_case(court=True)
    body = client_for("court_officer").get(f"/api/children/{case.child_id}/").json()
    assert body["given_name"] == "Amara"
    assert not {"disability", "nationality", "address", "health_notes", "migration_status"} & set(body)


def test_caseworker_gets_the_full_record(make_case: Any, client_for: Any) -> None:
    case = make_case()
    body = client_for("caseworker").get(f"/api/children/{case.child_id}/").json()
    assert body["disability"] == "Hearing impairment"
    assert body["pseudonym"] == child_pseudonym(case.child_id)


def test_register_child_then_it_is_visible_to_its_registrar(world: Any, client_for: Any) -> None:
    client = client_for("caseworker")
    response = client.post("/api/children/", child_data(date_of_birth="2011-02-03"), format="json")
    assert response.status_code == 201, response.json()
    child_id = response.json()["id"]
    assert client.get(f"/api/children/{child_id}/").status_code == 200
    event = AuditEvent.objects.get(action="child.create")
    # Names never in clear in the trail: encrypted under the child's data key (crypto-shredding).
    assert event.changes["given_name"]["before"] == ""
    assert is_sealed(event.changes["given_name"]["after"])
    assert "Amara" not in json.dumps(event.changes)
    assert event.child_ref == child_pseudonym(child_id)


@pytest.mark.parametrize(
    "role", ["legal_counsel", "court_officer", "facility_officer", "oversight_monitor", "administrator"]
)
def test_only_caseworkers_and_supervisors_register_children(role: str, client_for: Any) -> None:
    response = client_for(role).post("/api/children/", child_data(date_of_birth="2011-02-03"), format="json")
    assert response.status_code == 403
    assert "Only caseworkers and supervisors" in response.json()["detail"]
    assert not Child.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"dob_certainty": "documented", "date_of_birth": None}, "date_of_birth", "Enter the date of birth"),
        ({"dob_certainty": "estimated", "date_of_birth": None}, "dob_earliest", "earliest plausible"),
        (
            {"dob_certainty": "estimated", "dob_earliest": "2012-01-01", "dob_latest": "2011-01-01"},
            "dob_latest",
            "cannot be before",
        ),
        ({"date_of_birth": "2099-01-01"}, "date_of_birth", "cannot be in the future"),
        ({"minority_status": "Roma"}, "minority_status", "consent"),
        ({"sex": "banana"}, "sex", "not a valid choice"),
        ({"given_name": ""}, "given_name", "may not be blank"),
        ({"date_of_birth": "17/05/2010"}, "date_of_birth", "Date has wrong format"),
    ],
)
def test_invalid_child_gets_a_field_level_400_and_nothing_is_written(
    payload: dict[str, Any], field: str, message: str, client_for: Any
) -> None:
    response = client_for("caseworker").post("/api/children/", child_data(**payload), format="json")
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert not Child.objects.exists()
    assert not AuditEvent.objects.filter(action="child.create").exists()


def test_update_with_current_version_bumps_it(make_case: Any, client_for: Any) -> None:
    case = make_case()
    client = client_for("caseworker")
    response = client.patch(f"/api/children/{case.child_id}/", {"languages": "Twi", "version": 1}, format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["languages"], response.json()["version"]) == ("Twi", 2)
    event = AuditEvent.objects.get(action="child.update")
    assert mask(event.changes, shredded=False) == {"languages": {"before": "", "after": "***"}}


def test_stale_update_is_a_409_and_changes_nothing(make_case: Any, client_for: Any) -> None:
    case = make_case()
    first, second = client_for("caseworker"), client_for("supervisor")
    assert (
        first.patch(f"/api/children/{case.child_id}/", {"languages": "Twi", "version": 1}, format="json").status_code
        == 200
    )
    stale = second.patch(f"/api/children/{case.child_id}/", {"languages": "Ewe", "version": 1}, format="json")
    assert stale.status_code == 409
    assert "Someone else changed this record" in stale.json()["detail"]
    assert Child.objects.get(pk=case.child_id).languages == "Twi"


def test_update_without_version_is_refused(make_case: Any, client_for: Any) -> None:
    case = make_case()
    response = client_for("caseworker").patch(f"/api/children/{case.child_id}/", {"languages": "Twi"}, format="json")
    assert response.status_code == 400
    assert "version" in response.json()


def test_legal_counsel_reads_but_cannot_edit(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    response = client_for("legal_counsel").patch(
        f"/api/children/{case.child_id}/", {"languages": "x", "version": 1}, format="json"
    )
    assert response.status_code == 403
    assert Child.objects.get(pk=case.child_id).version == 1


def test_every_read_and_list_is_audited_with_the_ids_shown(make_case: Any, client_for: Any) -> None:
    case = make_case()
    client = client_for("caseworker")
    client.get(f"/api/children/{case.child_id}/")
    client.get("/api/children/?search=Amara")
    read = AuditEvent.objects.get(action="child.read", outcome="success")
    listed = AuditEvent.objects.get(action="child.list")
    assert read.child_ref == child_pseudonym(case.child_id)
    assert listed.changes["shown_ids"] == [str(case.child_id)]
    assert listed.changes["query"] == {"search": search_term_digest("Amara")}  # never the typed name in clear


def test_search_by_name_is_not_offered_to_roles_without_names(make_case: Any, client_for: Any) -> None:
    make_case()
    assert client_for("oversight_monitor").get("/api/children/?search=Amara").json()["count"] == 0


def test_get_many_by_id_in(make_case: Any, client_for: Any) -> None:
    a, b, _ = make_case(), make_case(), make_case()
    body = client_for("caseworker").get(f"/api/children/?id__in={a.child_id},{b.child_id}").json()
    assert {row["id"] for row in body["results"]} == {a.child_id, b.child_id}


def test_names_never_reach_roles_without_need(make_case: Any, client_for: Any) -> None:
    make_case(counsel=True, court=True)
    for role in ["oversight_monitor", "administrator", "facility_officer"]:
        body = client_for(role).get("/api/children/").json()
        assert body["count"] == 0
        assert "Amara" not in str(body)


def test_search_filters_children_and_cases_by_name_or_reference(make_case: Any, client_for: Any) -> None:
    """Issue 11: ?search= was ignored on these lists (DRF never asked the views for their search fields)."""
    wanted = make_case(given_name="Zoltan", family_name="Quist")
    make_case(given_name="Amara", family_name="Okafor")
    worker = client_for("caseworker")
    children = worker.get("/api/children/", {"search": "Quist"}).json()["results"]
    assert [c["id"] for c in children] == [wanted.child_id]
    cases = worker.get("/api/cases/", {"search": "Zoltan"}).json()["results"]
    assert [c["id"] for c in cases] == [wanted.pk]
    by_reference = worker.get("/api/cases/", {"search": wanted.reference}).json()["results"]
    assert [c["id"] for c in by_reference] == [wanted.pk]
