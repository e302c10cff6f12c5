"""SEN-1..4 and DEV-1 through the API: sentencing, charge with a supervisor's approval, MACR-6 adult transfer."""

from typing import Any

import pytest

from conftest import ALL_ROLES, HEARD
from jj.audit.models import AuditEvent
from jj.cases.models import Case, Sentence
from jj.compliance.models import ApprovalRequest, DecisionRecord
from jj.deadlines.models import Deadline

OPTIONS = [
    {"option": "probation", "reason_rejected": "Breached twice in 2025"},
    {"option": "community_service", "reason_rejected": "Refused by the child"},
]


def sentence(client: Any, case: Case, **body: Any) -> Any:
    return client.post(f"/api/cases/{case.pk}/sentences/", {**HEARD, **body}, format="json")


@pytest.mark.parametrize("sentence_type", ["death", "life_without_parole", "corporal"])
def test_sen_1_prohibited_sentence_is_refused_and_nothing_written(
    make_case: Any, client_for: Any, sentence_type: str
) -> None:
    case = make_case(counsel=True, court=True, charged=True)
    response = sentence(client_for("court_officer"), case, sentence_type=sentence_type, justification="law says so")
    assert response.status_code == 422
    sen_1 = next(d for d in response.json()["decisions"] if d["rule_id"] == "SEN-1")
    assert sen_1["outcome"] == "block"
    assert sen_1["citation"]["provision"] == "art. 37(a)"
    assert not Sentence.objects.exists()
    case.refresh_from_db()
    assert case.status == "charged"
    assert AuditEvent.objects.filter(action="sentence.create", outcome="refused").count() == 1


def test_sen_3_custody_without_options_considered_is_422_naming_the_fields(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, charged=True)
    response = sentence(client_for("caseworker"), case, sentence_type="custody", length_months=6)
    assert response.status_code == 422
    sen_3 = next(d for d in response.json()["decisions"] if d["rule_id"] == "SEN-3" and d["unmet"])
    assert sen_3["satisfied_by"] == ["non_custodial_options_considered", "justification"]
    assert not Sentence.objects.exists()


def test_sen_3_4_custody_with_options_is_recorded_with_a_review_deadline(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, charged=True)
    response = sentence(
        client_for("caseworker"),
        case,
        sentence_type="custody",
        length_months=6,
        justification="Serious violence; community options exhausted",
        non_custodial_options_considered=OPTIONS,
    )
    assert response.status_code == 201, response.json()
    case.refresh_from_db()
    assert case.status == "sentenced"
    deadline = Deadline.objects.get(case=case, kind="sentence_review")
    assert deadline.rule_id == "SEN-4"
    recorded = DecisionRecord.objects.filter(object_type="sentence", object_id=response.json()["id"])
    assert {r.rule_id for r in recorded} >= {"SEN-3", "SEN-4"}
    justified = recorded.get(rule_id="SEN-3", outcome="require_justification")
    assert justified.justification.startswith("Serious violence")


def test_inv_4_no_sentence_on_a_case_never_charged(make_case: Any, client_for: Any) -> None:
    """Regression: an uncharged case could be sentenced, skipping DIV-1 and DEV-1."""
    case = make_case(counsel=True)
    response = sentence(client_for("caseworker"), case, sentence_type="probation")
    assert response.status_code == 409
    assert "formal charge" in response.json()["detail"]
    assert not Sentence.objects.exists()
    case.refresh_from_db()
    assert case.status == "open"
    assert AuditEvent.objects.filter(action="sentence.create", outcome="refused").count() == 1


def test_sen_3_bad_input_is_400(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, charged=True)
    client = client_for("caseworker")
    assert "length_months" in sentence(client, case, sentence_type="custody").json()
    assert "sentence_type" in sentence(client, case, sentence_type="exile").json()
    bad_option = sentence(
        client, case, sentence_type="custody", length_months=3, non_custodial_options_considered=[{"option": "x"}]
    )
    assert bad_option.status_code == 400
    assert "non_custodial_options_considered" in bad_option.json()


SENTENCE_STATUS = {
    "caseworker": 201,
    "supervisor": 201,
    "court_officer": 201,
    "legal_counsel": 403,
    "facility_officer": 404,
    "oversight_monitor": 404,
    "administrator": 404,
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_sentence_per_role(make_case: Any, client_for: Any, role: str) -> None:
    case = make_case(counsel=True, court=True, charged=True)
    response = sentence(client_for(role), case, sentence_type="probation")
    assert response.status_code == SENTENCE_STATUS[role]
    listed = client_for(role).get(f"/api/cases/{case.pk}/sentences/")
    assert listed.status_code == (200 if SENTENCE_STATUS[role] != 404 else 404)


def test_dev_1_charge_needs_assessment_then_a_second_persons_approval(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, developmental_disorder=True)
    worker = client_for("caseworker")
    refused = worker.post(f"/api/cases/{case.pk}/charge/", {"version": case.version}, format="json")
    assert refused.status_code == 422
    dev_1 = next(d for d in refused.json()["decisions"] if d["rule_id"] == "DEV-1")
    assert dev_1["outcome"] == "require_justification"
    assert dev_1["satisfied_by"] == ["justification", "individual_assessment"]
    assert dev_1["supervisor_approval"] is True

    held = worker.post(
        f"/api/cases/{case.pk}/charge/",
        {
            "version": case.version,
            "justification": "Assessed fit; diversion refused",
            "individual_assessment": "Dr X",
            "diversion_not_offered_reason": "Refused by the child",
        },
        format="json",
    )
    assert held.status_code == 202, held.json()
    approval_id = held.json()["id"]
    case.refresh_from_db()
    assert case.status == "open"

    assert (
        client_for("caseworker2")
        .post(f"/api/approvals/{approval_id}/decide/", {"approve": True}, format="json")
        .status_code
        == 403
    )
    assert (
        client_for("sp_supervisor")
        .post(f"/api/approvals/{approval_id}/decide/", {"approve": True}, format="json")
        .status_code
        == 404
    )
    pending = client_for("supervisor").get("/api/approvals/?status=pending").json()
    assert [a["id"] for a in pending["results"]] == [approval_id]

    approved = client_for("supervisor").post(
        f"/api/approvals/{approval_id}/decide/", {"approve": True, "note": "Agreed"}, format="json"
    )
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    case.refresh_from_db()
    assert case.status == "charged"
    record = DecisionRecord.objects.get(case=case, rule_id="DEV-1", trigger="charge")
    assert record.approval_id == approval_id
    assert record.justification == "Assessed fit; diversion refused"
    history = worker.get(f"/api/cases/{case.pk}/decisions/?rule_id=DEV-1").json()["results"]
    assert any(h["approved_by"] == "supervisor" for h in history)
    trail = list(
        AuditEvent.objects.filter(action__in=["approval.request", "approval.approve", "case.charge"])
        .order_by("seq")
        .values_list("action", "outcome")
    )
    assert trail == [
        ("case.charge", "refused"),
        ("approval.request", "success"),
        ("approval.approve", "success"),
        ("case.charge", "success"),
    ]
    again = client_for("supervisor").post(f"/api/approvals/{approval_id}/decide/", {"approve": False}, format="json")
    assert again.status_code == 400


def test_dev_1_supervisor_cannot_approve_their_own_request(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, developmental_disorder=True)
    boss = client_for("supervisor")
    held = boss.post(
        f"/api/cases/{case.pk}/charge/",
        {
            "version": case.version,
            "justification": "j",
            "individual_assessment": "a",
            "diversion_not_offered_reason": "r",
        },
        format="json",
    )
    assert held.status_code == 202
    own = boss.post(f"/api/approvals/{held.json()['id']}/decide/", {"approve": True}, format="json")
    assert own.status_code == 403
    assert ApprovalRequest.objects.get().status == "pending"


def test_charge_rejected_approval_leaves_the_case_open(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, developmental_disorder=True)
    held = client_for("caseworker").post(
        f"/api/cases/{case.pk}/charge/",
        {
            "version": case.version,
            "justification": "j",
            "individual_assessment": "a",
            "diversion_not_offered_reason": "r",
        },
        format="json",
    )
    rejected = client_for("supervisor").post(
        f"/api/approvals/{held.json()['id']}/decide/", {"approve": False, "note": "Divert"}, format="json"
    )
    assert rejected.json()["status"] == "rejected"
    case.refresh_from_db()
    assert case.status == "open"


def test_charge_plain_case_and_stale_version(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    worker = client_for("caseworker")
    stale = {"version": case.version + 5, "diversion_not_offered_reason": "Refused"}
    assert worker.post(f"/api/cases/{case.pk}/charge/", stale, format="json").status_code == 409
    refused = worker.post(f"/api/cases/{case.pk}/charge/", {"version": case.version}, format="json")
    assert refused.status_code == 422
    assert [d["rule_id"] for d in refused.json()["decisions"] if d["unmet"]] == ["DIV-1"]
    charged = worker.post(
        f"/api/cases/{case.pk}/charge/",
        {"version": case.version, "diversion_not_offered_reason": "The child refused the caution scheme"},
        format="json",
    )
    assert charged.status_code == 200
    assert charged.json()["status"] == "charged"
    assert (
        worker.post(f"/api/cases/{case.pk}/charge/", {"version": charged.json()["version"]}, format="json").status_code
        == 400
    )


@pytest.mark.parametrize(
    ("role", "expected"),
    [("caseworker", 403), ("legal_counsel", 403), ("caseworker2", 404), ("sp_supervisor", 404), ("supervisor", 422)],
)
def test_macr_6_adult_transfer_of_a_child_is_refused(make_case: Any, client_for: Any, role: str, expected: int) -> None:
    case = make_case(counsel=True)
    response = client_for(role).post(f"/api/cases/{case.pk}/adult-transfer/", {"reason": "serious"}, format="json")
    assert response.status_code == expected
    if expected == 422:
        assert [d["rule_id"] for d in response.json()["decisions"]] == ["MACR-6"]
    case.refresh_from_db()
    assert case.status == "open"


def test_macr_6_adult_at_the_offence_may_be_transferred(make_case: Any, client_for: Any) -> None:
    from datetime import date

    case = make_case(counsel=True, date_of_birth=date(2006, 1, 1))  # 20 at the offence
    response = client_for("supervisor").post(
        f"/api/cases/{case.pk}/adult-transfer/", {"reason": "adult"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "closed"


def test_each_decision_keeps_its_own_justification(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, developmental_disorder=True)
    body = {
        "version": case.version,
        "justification": "Assessed fit to stand trial",
        "individual_assessment": "Dr X",
        "diversion_not_offered_reason": "The child refused mediation",
    }
    held = client_for("caseworker").post(f"/api/cases/{case.pk}/charge/", body, format="json")
    client_for("supervisor").post(f"/api/approvals/{held.json()['id']}/decide/", {"approve": True}, format="json")
    records = {r.rule_id: r.justification for r in DecisionRecord.objects.filter(case=case, trigger="charge")}
    assert records["DEV-1"] == "Assessed fit to stand trial"
    assert records["DIV-1"] == "The child refused mediation"
