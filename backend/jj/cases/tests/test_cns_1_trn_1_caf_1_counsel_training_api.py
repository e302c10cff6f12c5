"""The data CNS-1 (legal aid on the counsel assignment), TRN-1 (training in child justice) and CAF-1, GIR-1, DIS-1
(flags on the child) need, recorded through the API, with refusals that write nothing."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import PASSWORD
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.audit.shredding import mask
from jj.cases.models import Assignment, AssignmentRole, Interview
from jj.people.access import CHILD_FIELDS_BY_ROLE, MASKED_IN_AUDIT

# --- CNS-1: legal aid --------------------------------------------------------------------------------------------


def legal_aid_url(assignment: Assignment) -> str:
    return f"/api/cases/{assignment.case_id}/assignments/{assignment.pk}/legal-aid/"


def test_a_supervisor_or_the_counsel_records_legal_aid(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    assignment = Assignment.objects.get(case=case, role=AssignmentRole.LEGAL_COUNSEL)
    response = client_for("supervisor").post(legal_aid_url(assignment), {"legal_aid": True}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["legal_aid"] is True
    event = AuditEvent.objects.get(action="assignment.legal_aid")
    assert event.changes["legal_aid"] == {"before": False, "after": True}
    own = client_for("legal_counsel").post(legal_aid_url(assignment), {"legal_aid": False}, format="json")
    assert own.status_code == 200
    assert Assignment.objects.get(pk=assignment.pk).legal_aid is False
    listed = client_for("supervisor").get(f"/api/cases/{case.pk}/").json()["assignments"]
    assert any("legal_aid" in row for row in listed)


def test_legal_aid_refusals_write_nothing(make_case: Any, client_for: Any, world: Any) -> None:
    case = make_case(counsel=True, court=True)
    counsel = Assignment.objects.get(case=case, role=AssignmentRole.LEGAL_COUNSEL)
    court = Assignment.objects.get(case=case, role=AssignmentRole.COURT_OFFICER)
    assert client_for("caseworker").post(legal_aid_url(counsel), {"legal_aid": True}, format="json").status_code == 403
    not_counsel = client_for("supervisor").post(legal_aid_url(court), {"legal_aid": True}, format="json")
    assert not_counsel.status_code == 400
    assert "legal_aid" in not_counsel.json()
    assert client_for("supervisor").post(legal_aid_url(counsel), {}, format="json").status_code == 400
    missing = f"/api/cases/{case.pk}/assignments/999999/legal-aid/"
    assert client_for("supervisor").post(missing, {"legal_aid": True}, format="json").status_code == 404
    assert (
        client_for("sp_supervisor").post(legal_aid_url(counsel), {"legal_aid": True}, format="json").status_code == 404
    )
    Assignment.objects.filter(pk=counsel.pk).update(ended_at=timezone.now())
    assert client_for("supervisor").post(legal_aid_url(counsel), {"legal_aid": True}, format="json").status_code == 400
    assert not Assignment.objects.filter(legal_aid=True).exists()
    assert not AuditEvent.objects.filter(action="assignment.legal_aid").exclude(outcome="denied").exists()


# --- TRN-1: training in child justice ----------------------------------------------------------------------------


def test_the_training_date_is_recorded_on_staff_and_shown_to_supervisors(world: Any, client_for: Any) -> None:
    worker = world["caseworker"]
    admin = client_for("administrator")
    today = timezone.localdate()
    future = admin.patch(
        f"/api/users/{worker.pk}/",
        {"trained_in_child_justice_on": str(today + timedelta(days=1)), "current_password": PASSWORD},
        format="json",
    )
    assert future.status_code == 400
    assert "trained_in_child_justice_on" in future.json()
    done = admin.patch(
        f"/api/users/{worker.pk}/",
        {"trained_in_child_justice_on": str(today), "current_password": PASSWORD},
        format="json",
    )
    assert done.status_code == 200, done.json()
    assert done.json()["trained_in_child_justice_on"] == str(today)
    assert AuditEvent.objects.filter(action="user.update", changes__has_key="trained_in_child_justice_on").exists()
    staff = client_for("supervisor").get("/api/staff/?role=caseworker").json()["results"]
    assert {row["username"]: row["trained_in_child_justice_on"] for row in staff}["caseworker"] == str(today)


def test_the_interviewer_is_recorded_with_the_accommodation(make_case: Any, client_for: Any, world: Any) -> None:
    case = make_case(accommodation_needs="Sign-language interpreter")
    payload = {
        "at": timezone.now().isoformat(),
        "conducted_by": "Officer Y",
        "lawyer_present": True,
        "appropriate_adult_present": True,
        "accommodation_provided": "Interpreter present throughout",
    }
    other = client_for("caseworker").post(
        f"/api/cases/{case.pk}/interviews/", {**payload, "interviewer": world["sp_caseworker"].pk}, format="json"
    )
    assert other.status_code == 400
    assert "interviewer" in other.json()
    assert not Interview.objects.exists()
    ok = client_for("caseworker").post(
        f"/api/cases/{case.pk}/interviews/", {**payload, "interviewer": world["caseworker2"].pk}, format="json"
    )
    assert ok.status_code == 201, ok.json()
    assert ok.json()["interviewer"] == world["caseworker2"].pk
    assert ok.json()["interviewer_trained_in_child_justice_on"] is None
    assert Interview.objects.get().accommodation_provided == "Interpreter present throughout"


# --- The child's flags -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "sees_pregnancy", "sees_armed_forces"),
    [
        (Role.CASEWORKER, True, True),
        (Role.LEGAL_COUNSEL, True, True),
        (Role.COURT_OFFICER, False, True),
        (Role.FACILITY_OFFICER, True, False),
        (Role.OVERSIGHT_MONITOR, False, False),
    ],
)
def test_the_childs_new_flags_are_need_to_know(role: str, sees_pregnancy: bool, sees_armed_forces: bool) -> None:
    fields = CHILD_FIELDS_BY_ROLE[role]
    assert ("pregnant" in fields) is sees_pregnancy
    assert ("child_in_care" in fields) is sees_pregnancy
    assert ("armed_forces_association" in fields) is sees_armed_forces
    assert {"pregnant", "child_in_care", "armed_forces_association"} <= MASKED_IN_AUDIT


def test_the_flags_are_recorded_on_the_child(make_case: Any, client_for: Any) -> None:
    case = make_case()
    worker = client_for("caseworker")
    child = worker.get(f"/api/children/{case.child_id}/").json()
    changed = worker.patch(
        f"/api/children/{case.child_id}/",
        {"version": child["version"], "pregnant": True, "armed_forces_association": True},
        format="json",
    )
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["pregnant"], changed.json()["armed_forces_association"]) == (True, True)
    court = client_for("court_officer").get(f"/api/children/{case.child_id}/")
    assert court.status_code == 404 or "pregnant" not in court.json()
    event = AuditEvent.objects.filter(action="child.update").latest("seq")
    assert mask(event.changes["pregnant"], shredded=False) == {"before": "***", "after": "***"}
