"""Cases: scoping per role, intake, offences, assignment, sharing (guardian), closing, timeline, concurrency."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import ALL_ROLES, child_data, offence_data
from jj.audit.models import AuditEvent
from jj.audit.shredding import readable
from jj.cases.models import Assignment, Case, Offence
from jj.core.pseudonym import child_pseudonym
from jj.people import services as people_services

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
def test_case_detail_per_role(role: str, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True)
    assert client_for(role).get(f"/api/cases/{case.pk}/").status_code == DETAIL_STATUS[role]


@pytest.mark.parametrize("role", ["legal_counsel", "court_officer", "caseworker2", "sp_supervisor"])
def test_unassigned_or_other_agency_case_is_404(role: str, make_case: Any, client_for: Any) -> None:
    case = make_case()
    assert client_for(role).get(f"/api/cases/{case.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("caseworker", {"mine"}),
        ("caseworker2", {"theirs"}),
        ("supervisor", {"mine", "theirs"}),
        ("sp_supervisor", {"south"}),
        ("legal_counsel", {"mine"}),
        ("oversight_monitor", set()),
        ("administrator", set()),
    ],
)
def test_case_list_is_scoped_per_role(role: str, expected: set[str], make_case: Any, client_for: Any) -> None:
    cases = {
        "mine": make_case(counsel=True),
        "theirs": make_case(by="caseworker2"),
        "south": make_case(by="sp_caseworker"),
    }
    ids = {row["id"] for row in client_for(role).get("/api/cases/").json()["results"]}
    assert ids == {cases[name].pk for name in expected}


def test_names_in_case_list_only_for_roles_with_names(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    row = client_for("legal_counsel").get("/api/cases/").json()["results"][0]
    assert row["child_display"] == "Amara Okafor"
    assert row["child_display"] != child_pseudonym(case.child_id)


def test_intake_opens_a_case_assigns_the_caseworker_and_audits(world: Any, client_for: Any) -> None:
    child = people_services.child_register(actor=world["caseworker"], data=child_data())
    response = client_for("caseworker").post(
        "/api/cases/",
        {"child": child.pk, "kind": "arrest", "offences": [offence_data(offence_date="2026-03-01")]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["reference"] == f"NORTH-{timezone.now().year}-{body['id']:06d}"
    assert [a["username"] for a in body["assignments"]] == ["caseworker"]
    assert body["offences"][0]["category_label"].startswith("05")
    event = AuditEvent.objects.get(action="case.create")
    assert event.child_ref == child_pseudonym(child.pk)
    assert event.changes["offences"][0]["offence_date"] == "2026-03-01"


def test_intake_for_a_child_the_caller_cannot_see_is_404_and_writes_nothing(make_case: Any, client_for: Any) -> None:
    other = make_case(by="caseworker2")
    response = client_for("caseworker").post("/api/cases/", {"child": other.child_id, "kind": "arrest"}, format="json")
    assert response.status_code == 404
    assert Case.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "kidnap"}, "kind"),
        ({"offences": [offence_data(category="99", offence_date="2026-03-01")]}, "offences"),
        ({"offences": [offence_data(offence_date="2026-03-05", offence_date_end="2026-03-01")]}, "offences"),
        ({"child": None}, "child"),
    ],
)
def test_invalid_intake_is_a_field_level_400(payload: dict[str, Any], field: str, world: Any, client_for: Any) -> None:
    child = people_services.child_register(actor=world["caseworker"], data=child_data())
    response = client_for("caseworker").post(
        "/api/cases/", {"child": child.pk, "kind": "arrest", **payload}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert not Case.objects.exists()


def test_add_offence(make_case: Any, client_for: Any) -> None:
    case = make_case()
    response = client_for("caseworker").post(
        f"/api/cases/{case.pk}/offences/", offence_data(offence_date="2026-02-01"), format="json"
    )
    assert response.status_code == 201
    assert Offence.objects.filter(case=case).count() == 2
    assert AuditEvent.objects.filter(action="offence.create").exists()


@pytest.mark.parametrize("role", ["legal_counsel", "court_officer"])
def test_counsel_and_court_cannot_record_offences(role: str, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True)
    response = client_for(role).post(
        f"/api/cases/{case.pk}/offences/", offence_data(offence_date="2026-02-01"), format="json"
    )
    assert response.status_code == 403
    assert Offence.objects.filter(case=case).count() == 1


def test_supervisor_assigns_counsel_who_then_sees_the_case(world: Any, make_case: Any, client_for: Any) -> None:
    case = make_case()
    counsel = world["legal_counsel"]
    response = client_for("supervisor").post(
        f"/api/cases/{case.pk}/assignments/", {"user": counsel.pk, "role": "legal_counsel"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert client_for("legal_counsel").get(f"/api/cases/{case.pk}/").status_code == 200
    assert AuditEvent.objects.filter(action="case.assign").exists()


def test_unassigning_removes_access(world: Any, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    assignment = Assignment.objects.get(case=case, user=world["legal_counsel"])
    response = client_for("supervisor").post(
        f"/api/cases/{case.pk}/assignments/{assignment.pk}/end/", {"reason": "Conflict of interest"}, format="json"
    )
    assert response.status_code == 200
    assert client_for("legal_counsel").get(f"/api/cases/{case.pk}/").status_code == 404
    unassigned = AuditEvent.objects.get(action="case.unassign")
    assert readable(unassigned.reason, child_ref=unassigned.child_ref) == "Conflict of interest"


@pytest.mark.parametrize(
    ("assignee", "role", "message"),
    [
        ("caseworker2", "legal_counsel", "role"),
        ("sp_caseworker", "caseworker", "another jurisdiction"),
        ("caseworker", "caseworker", "already assigned"),
    ],
)
def test_assignment_mistakes_are_explained(
    assignee: str, role: str, message: str, world: Any, make_case: Any, client_for: Any
) -> None:
    case = make_case()
    response = client_for("supervisor").post(
        f"/api/cases/{case.pk}/assignments/", {"user": world[assignee].pk, "role": role}, format="json"
    )
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_only_the_agency_supervisor_assigns(world: Any, make_case: Any, client_for: Any) -> None:
    case = make_case()
    response = client_for("caseworker").post(
        f"/api/cases/{case.pk}/assignments/",
        {"user": world["legal_counsel"].pk, "role": "legal_counsel"},
        format="json",
    )
    assert response.status_code == 403
    assert "supervisor" in response.json()["detail"]


def test_share_with_another_agency_grants_access_until_expiry(world: Any, make_case: Any, client_for: Any) -> None:
    case = make_case()
    outsider = client_for("sp_caseworker")
    assert outsider.get(f"/api/cases/{case.pk}/").status_code == 404
    response = client_for("supervisor").post(
        f"/api/cases/{case.pk}/shares/",
        {
            "user": world["sp_caseworker"].pk,
            "reason": "Child moved to Southport",
            "expires_at": (timezone.now() + timedelta(days=7)).isoformat(),
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert outsider.get(f"/api/cases/{case.pk}/").status_code == 200
    assert outsider.get(f"/api/children/{case.child_id}/").status_code == 200
    shared = AuditEvent.objects.get(action="case.share")
    assert readable(shared.reason, child_ref=shared.child_ref) == "Child moved to Southport"


def test_expired_share_gives_no_access(world: Any, make_case: Any, client_for: Any) -> None:
    from jj.cases.models import CaseUserObjectPermission

    case = make_case()
    client_for("supervisor").post(
        f"/api/cases/{case.pk}/shares/", {"user": world["sp_caseworker"].pk, "reason": "Transfer"}, format="json"
    )
    CaseUserObjectPermission.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client_for("sp_caseworker").get(f"/api/cases/{case.pk}/").status_code == 404


def test_share_needs_a_reason(world: Any, make_case: Any, client_for: Any) -> None:
    case = make_case()
    response = client_for("supervisor").post(
        f"/api/cases/{case.pk}/shares/", {"user": world["sp_caseworker"].pk, "reason": " "}, format="json"
    )
    assert response.status_code == 400
    assert "reason" in response.json()


def test_close_case_by_supervisor(make_case: Any, client_for: Any) -> None:
    case = make_case()
    response = client_for("supervisor").post(f"/api/cases/{case.pk}/close/", {"reason": "Withdrawn"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "closed"
    again = client_for("supervisor").post(f"/api/cases/{case.pk}/close/", {"reason": "Withdrawn"}, format="json")
    assert again.status_code == 400
    assert "already closed" in again.json()["detail"]


def test_caseworker_cannot_close(make_case: Any, client_for: Any) -> None:
    case = make_case()
    assert (
        client_for("caseworker").post(f"/api/cases/{case.pk}/close/", {"reason": "x"}, format="json").status_code == 403
    )
    assert Case.objects.get(pk=case.pk).status == "open"


def test_timeline_lists_what_happened_in_order(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    kinds = [e["kind"] for e in client_for("caseworker").get(f"/api/cases/{case.pk}/timeline/").json()]
    assert kinds == ["case.opened", "assignment.started"]


def test_case_summary_update_is_versioned(make_case: Any, client_for: Any) -> None:
    case = make_case()
    ok = client_for("caseworker").patch(
        f"/api/cases/{case.pk}/", {"summary": "Met the child", "version": 1}, format="json"
    )
    assert ok.status_code == 200
    stale = client_for("supervisor").patch(f"/api/cases/{case.pk}/", {"summary": "Other", "version": 1}, format="json")
    assert stale.status_code == 409
    assert Case.objects.get(pk=case.pk).summary == "Met the child"


def test_case_filters_and_ordering(make_case: Any, client_for: Any) -> None:
    a, b = make_case(), make_case()
    client = client_for("caseworker")
    ordered = [r["id"] for r in client.get("/api/cases/?ordering=id").json()["results"]]
    assert ordered == sorted([a.pk, b.pk])
    assert client.get(f"/api/cases/?child={a.child_id}").json()["count"] == 1
    assert client.get("/api/cases/?status=closed").json()["count"] == 0
    assert client.get("/api/cases/?page_size=1&page=2").json()["results"][0]["id"] in {a.pk, b.pk}


def test_unknown_page_is_404_not_500(make_case: Any, client_for: Any) -> None:
    make_case()
    assert client_for("caseworker").get("/api/cases/?page=99").status_code == 404
