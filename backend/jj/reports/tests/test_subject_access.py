"""Issue 14, controlled disclosure: a supervisor of the child's agency produces everything the system holds about
the child as a PDF, for the child or their counsel; every table that leads to the child is in it (or listed as left
out, with why); who read the file is in it; the production is audited; nobody else can produce it."""

from typing import Any

import pytest

from jj.audit.models import AuditEvent
from jj.reports.subject_access import SKIPPED, child_paths
from jj.reports.tests.test_case_report import _text

NAME = "Zephyrine"


def test_every_table_that_leads_to_a_child_is_walked() -> None:
    labels = {model._meta.label for model, _ in child_paths()}
    for expected in (
        "people.Guardian",
        "people.RecordContest",
        "cases.Offence",
        "custody.Placement",
        "custody.FamilyNotification",
        "diversion.DiversionSession",
        "documents.Document",
        "hearings.Hearing",
        "compliance.DecisionRecord",
    ):
        assert expected in labels
    assert set(SKIPPED) <= labels


def test_the_supervisor_gets_the_whole_file_with_who_read_it(make_case: Any, client_for: Any) -> None:
    case = make_case(given_name=NAME)
    client_for("caseworker").post(
        "/api/guardians/", {"child": case.child_id, "name": "Grace Okafor", "relationship": "mother"}, format="json"
    )
    client_for("caseworker").get(f"/api/children/{case.child_id}/")
    response = client_for("supervisor").get(
        f"/api/children/{case.child_id}/subject-access/?lang=fr&purpose=Request+of+the+child%27s+counsel"
    )
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert "attachment" in response["Content-Disposition"]
    assert NAME not in response["Content-Disposition"]
    text = _text(response.content)
    assert "Tout ce qui est conserv" in text
    for held in (NAME, "Grace Okafor", case.reference, "child.read", "guardian.create"):
        assert held in text, held
    # The watermark at the foot of every page: who produced it, when (UTC), why.
    assert "Confidential - exported by supervisor " in text  # (the PDF escapes the parentheses)
    assert "for: Request of the child's counsel" in text
    event = AuditEvent.objects.get(action="child.subject_access")
    assert event.child_ref
    assert event.actor_role == "supervisor"


@pytest.mark.parametrize(
    "role", ["caseworker", "legal_counsel", "court_officer", "facility_officer", "oversight_monitor", "administrator"]
)
def test_nobody_but_the_agencys_supervisor_produces_it(role: str, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True)
    response = client_for(role).get(
        f"/api/children/{case.child_id}/subject-access/?purpose=Request+of+the+child%27s+counsel"
    )
    assert response.status_code in (403, 404)
    assert not AuditEvent.objects.filter(action="child.subject_access", outcome="success").exists()


def test_another_jurisdictions_supervisor_gets_404(make_case: Any, client_for: Any) -> None:
    case = make_case()
    assert (
        client_for("sp_supervisor")
        .get(f"/api/children/{case.child_id}/subject-access/?purpose=Request+of+the+child%27s+counsel")
        .status_code
        == 404
    )
