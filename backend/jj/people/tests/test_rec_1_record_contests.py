"""REC-1 rectification: the child, through counsel or a guardian, contests a fact or an opinion in the file
(Havana Rules r. 19). The contest, its decision and any correction are recorded and audited; the words of the
contest never reach the audit trail in clear; a supervisor who did not record the contest decides it."""

from typing import Any

import pytest

from conftest import World, make_user
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.people.models import Child, RecordContest

CONTEST = {
    "subject": "age",
    "field": "date_of_birth",
    "statement": "Amara was born in 2013, not 2012: her birth certificate is at her grandmother's.",
    "raised_by": "legal_counsel",
}


def _open(client: Any, child_id: int, **overrides: Any) -> Any:
    return client.post("/api/record-contests/", {**CONTEST, "child": child_id, **overrides}, format="json")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("caseworker", 201),
        ("supervisor", 201),
        ("legal_counsel", 201),
        ("court_officer", 403),
        ("facility_officer", 404),
        ("oversight_monitor", 404),
        ("administrator", 404),
        ("caseworker2", 404),
        ("sp_supervisor", 404),
    ],
)
def test_who_may_record_a_contest(role: str, status: int, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True)
    before = AuditEvent.objects.filter(action="record_contest.create", outcome="success").count()
    response = _open(client_for(role), case.child_id)
    assert response.status_code == status, response.content
    assert RecordContest.objects.exists() is (status == 201)
    assert AuditEvent.objects.filter(action="record_contest.create", outcome="success").count() == before + (
        status == 201
    )


def test_the_words_of_a_contest_are_not_in_the_trail_in_clear(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    contest_id = _open(client_for("legal_counsel"), case.child_id).json()["id"]
    event = AuditEvent.objects.get(action="record_contest.create", object_id=str(contest_id))
    assert "grandmother" not in str(event.changes)
    assert event.changes["subject"] == {"before": None, "after": "age"}


def test_a_supervisor_who_did_not_record_it_decides_and_the_field_is_corrected(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    contest = _open(client_for("legal_counsel"), case.child_id).json()
    version_before = Child.objects.get(pk=case.child_id).version
    response = client_for("supervisor").post(
        f"/api/record-contests/{contest['id']}/decision/",
        {
            "version": contest["version"],
            "status": "upheld",
            "decision_reason": "The certificate was produced.",
            "corrected_value": "2013-04-02",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "upheld"
    assert body["decided_by"] is not None
    child = Child.objects.get(pk=case.child_id)
    assert str(child.date_of_birth) == "2013-04-02"
    assert child.version == version_before + 1
    # The correction is an edit of the child's record like any other (audited, the value sealed).
    assert AuditEvent.objects.filter(action="child.update", object_id=str(case.child_id)).exists()
    decided = AuditEvent.objects.get(action="record_contest.decide")
    assert "certificate" not in str(decided.changes)


def test_a_rejected_contest_stays_in_the_file_and_nothing_is_corrected(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    contest = _open(client_for("legal_counsel"), case.child_id).json()
    dob_before = Child.objects.get(pk=case.child_id).date_of_birth
    response = client_for("supervisor").post(
        f"/api/record-contests/{contest['id']}/decision/",
        {"version": contest["version"], "status": "rejected", "decision_reason": "No document was produced."},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert Child.objects.get(pk=case.child_id).date_of_birth == dob_before
    listed = client_for("caseworker").get(f"/api/record-contests/?child={case.child_id}").json()
    assert [row["status"] for row in listed["results"]] == ["rejected"]


def test_the_supervisor_who_recorded_a_contest_cannot_decide_it(world: World, make_case: Any, client_for: Any) -> None:
    case = make_case()
    contest = _open(client_for("supervisor"), case.child_id, raised_by="guardian").json()
    decide = {"version": contest["version"], "status": "rejected", "decision_reason": "Not supported."}
    own = client_for("supervisor").post(f"/api/record-contests/{contest['id']}/decision/", decide, format="json")
    assert own.status_code == 403
    assert RecordContest.objects.get(pk=contest["id"]).status == "pending"
    world.users["supervisor2"] = make_user("supervisor2", Role.SUPERVISOR, world.yjs)
    other = client_for("supervisor2").post(f"/api/record-contests/{contest['id']}/decision/", decide, format="json")
    assert other.status_code == 200, other.content


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "upheld", "decision_reason": "Yes."}, "corrected_value"),
        ({"status": "upheld", "decision_reason": "Yes.", "corrected_value": "not a date"}, "corrected_value"),
        ({"status": "rejected", "decision_reason": "   "}, "decision_reason"),
        ({"status": "pending", "decision_reason": "Later."}, "status"),
    ],
)
def test_a_decision_that_cannot_stand_is_refused_with_the_field_and_nothing_is_written(
    body: dict[str, Any], field: str, make_case: Any, client_for: Any
) -> None:
    case = make_case(counsel=True)
    contest = _open(client_for("legal_counsel"), case.child_id).json()
    child_before = Child.objects.get(pk=case.child_id)
    response = client_for("supervisor").post(
        f"/api/record-contests/{contest['id']}/decision/", {"version": contest["version"], **body}, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in str(response.json())
    assert RecordContest.objects.get(pk=contest["id"]).status == "pending"
    assert Child.objects.get(pk=case.child_id).version == child_before.version
    assert not AuditEvent.objects.filter(action="record_contest.decide").exists()


def test_a_decided_contest_is_not_decided_again(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    contest = _open(client_for("legal_counsel"), case.child_id).json()
    url = f"/api/record-contests/{contest['id']}/decision/"
    decide = {"version": contest["version"], "status": "rejected", "decision_reason": "No."}
    assert client_for("supervisor").post(url, decide, format="json").status_code == 200
    again = client_for("supervisor").post(url, {**decide, "version": contest["version"] + 1}, format="json")
    assert again.status_code == 409


def test_only_supervisors_decide(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    contest = _open(client_for("caseworker"), case.child_id).json()
    decide = {"version": contest["version"], "status": "rejected", "decision_reason": "No."}
    for role in ("caseworker", "legal_counsel"):
        response = client_for(role).post(f"/api/record-contests/{contest['id']}/decision/", decide, format="json")
        assert response.status_code == 403
    assert RecordContest.objects.get(pk=contest["id"]).status == "pending"


def test_a_field_that_is_not_a_fact_cannot_be_contested_for_correction(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    response = _open(client_for("legal_counsel"), case.child_id, field="minority_status_consent")
    assert response.status_code == 400
    assert "field" in response.json()
    assert not RecordContest.objects.exists()


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("caseworker", True),
        ("legal_counsel", True),
        ("supervisor", True),
        ("court_officer", False),
        ("oversight_monitor", False),
        ("caseworker2", False),
        ("sp_supervisor", False),
    ],
)
def test_contests_are_read_by_those_who_read_the_file(
    role: str, visible: bool, make_case: Any, client_for: Any
) -> None:
    case = make_case(counsel=True, court=True)
    contest_id = _open(client_for("legal_counsel"), case.child_id).json()["id"]
    client = client_for(role)
    assert (client.get("/api/record-contests/").json()["count"] == 1) is visible
    detail = client.get(f"/api/record-contests/{contest_id}/")
    assert detail.status_code == (200 if visible else 404)
    if visible:
        assert AuditEvent.objects.filter(action="record_contest.read", object_id=str(contest_id)).exists()


def test_removing_the_childs_identity_removes_the_words_of_their_contests(
    world: World, make_case: Any, client_for: Any
) -> None:
    from jj.cases.records import REMOVED, child_identity_shred

    case = make_case(counsel=True)
    contest = _open(client_for("legal_counsel"), case.child_id).json()
    client_for("supervisor").post(
        f"/api/record-contests/{contest['id']}/decision/",
        {"version": contest["version"], "status": "rejected", "decision_reason": "Amara's certificate is not valid."},
        format="json",
    )
    assert child_identity_shred(actor=world["supervisor"], child=case.child, reason="REC-3 removal at 18")
    kept = RecordContest.objects.get(pk=contest["id"])
    assert (kept.statement, kept.decision_reason, kept.subject, kept.status) == (REMOVED, "", "age", "rejected")
