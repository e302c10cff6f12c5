"""MACR-1 at intake through the API (422, nothing written, child-protection referral), the jurisdiction policy
(POL-1 warnings, MACR-3 refusal, roles), and the decision history of a case."""

from datetime import date
from typing import Any

import pytest

from conftest import ALL_ROLES, child_data, offence_data
from jj.audit.models import AuditEvent
from jj.audit.shredding import readable
from jj.cases.models import Case, ChildProtectionReferral, Offence
from jj.compliance.models import DecisionRecord
from jj.people import services as people_services

THIRTEEN_AT_OFFENCE = {"date_of_birth": date(2012, 6, 15)}  # 13 years 364 days on 2026-06-14
OFFENCE_BEFORE_14TH = offence_data(offence_date=date(2026, 6, 14))
OFFENCE_ON_14TH = offence_data(offence_date=date(2026, 6, 15))


def register(world: Any, **child: Any) -> Any:
    return people_services.child_register(actor=world["caseworker"], data=child_data(**child))


def intake(client: Any, child_id: int, offence: dict[str, Any]) -> Any:
    body = {
        "child": child_id,
        "kind": "arrest",
        "offences": [{**offence, "offence_date": str(offence["offence_date"])}],
    }
    return client.post("/api/cases/", body, format="json")


def test_macr_1_intake_below_the_minimum_age_is_refused_and_referred(world: Any, client_for: Any) -> None:
    child = register(world, **THIRTEEN_AT_OFFENCE)
    response = intake(client_for("caseworker"), child.pk, OFFENCE_BEFORE_14TH)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "rule_violation"
    (macr_1,) = [d for d in body["decisions"] if d["rule_id"] == "MACR-1"]
    assert macr_1["outcome"] == "block"
    assert macr_1["unmet"] is True
    assert macr_1["citation"]["instrument"] == "CRC/C/GC/24"
    assert macr_1["citation"]["provision"] == "para. 22"
    assert {"instrument": "A/RES/79/172", "provision": "para. 33"} in [
        {k: c[k] for k in ("instrument", "provision")} for c in macr_1["further_citations"]
    ]
    # Nothing of the case is written; the child appears as a child-protection referral instead.
    assert not Case.objects.exists()
    assert not Offence.objects.exists()
    assert not DecisionRecord.objects.exists()
    referral = ChildProtectionReferral.objects.get(pk=body["protection_referral"])
    assert referral.child_id == child.pk
    assert "below the minimum age" in referral.reason
    refused = AuditEvent.objects.get(action="case.create")
    assert refused.outcome == "refused"
    assert refused.rule_ids == ",DEL-1,MACR-1,MACR-2,"  # DEL-1 would have timed the case; none was opened
    assert readable(refused.reason, child_ref=refused.child_ref) == "refused by MACR-1"
    referrals = client_for("caseworker").get("/api/protection-referrals/").json()
    assert [r["id"] for r in referrals["results"]] == [referral.pk]


def test_macr_1_intake_on_the_14th_birthday_opens_the_case_with_its_decisions(world: Any, client_for: Any) -> None:
    child = register(world, **THIRTEEN_AT_OFFENCE)
    response = intake(client_for("caseworker"), child.pk, OFFENCE_ON_14TH)
    assert response.status_code == 201
    history = client_for("caseworker").get(f"/api/cases/{response.json()['id']}/decisions/").json()["results"]
    macr_1 = next(d for d in history if d["rule_id"] == "MACR-1")
    assert macr_1["outcome"] == "allow"
    assert macr_1["facts"]["age_at_offence"] == 14
    assert ChildProtectionReferral.objects.count() == 0


def test_macr_1_jurisdiction_at_12_proceeds_with_a_warning_in_the_decision_history(world: Any, client_for: Any) -> None:
    admin = client_for("administrator")
    changed = admin.patch("/api/policies/north/", {"version": 0, "macr": 12}, format="json")
    assert changed.status_code == 200, changed.json()
    body = changed.json()
    assert body["values"]["macr"] == 12
    assert "MACR-1" in body["below_standard"]
    (warning,) = body["decisions"]
    assert warning["rule_id"] == "POL-1"
    assert warning["outcome"] == "warn"
    assert warning["below_standard"] is True
    policy_event = AuditEvent.objects.get(action="policy.update")
    assert policy_event.changes == {"macr": {"before": 14, "after": 12}}
    assert policy_event.rule_ids == ",POL-1,"

    child = register(world, **THIRTEEN_AT_OFFENCE)
    opened = intake(client_for("caseworker"), child.pk, OFFENCE_BEFORE_14TH)
    assert opened.status_code == 201, opened.json()
    history = client_for("supervisor").get(f"/api/cases/{opened.json()['id']}/decisions/").json()["results"]
    macr_1 = next(d for d in history if d["rule_id"] == "MACR-1")
    assert macr_1["outcome"] == "warn"
    assert macr_1["below_standard"] is True
    assert "international standard" in macr_1["message"]
    policy_history = admin.get("/api/policies/north/decisions/").json()["results"]
    assert [d["rule_id"] for d in policy_history] == ["POL-1"]

    # The other jurisdiction keeps the standard.
    assert client_for("sp_supervisor").get("/api/policies/south/").json()["values"]["macr"] == 14


def test_policy_exception_for_serious_offences_is_refused_macr_3(world: Any, client_for: Any) -> None:
    response = client_for("administrator").patch(
        "/api/policies/north/", {"version": 0, "macr_offence_exceptions": ["01"]}, format="json"
    )
    assert response.status_code == 422
    assert [d["rule_id"] for d in response.json()["decisions"]] == ["MACR-3"]
    assert client_for("administrator").get("/api/policies/north/").json()["version"] == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"version": 0, "macr": 3}, "macr"),
        ({"version": 0, "monetary_bail": "maybe"}, "monetary_bail"),
        ({"version": 0, "competent_authority_hours": "soon"}, "competent_authority_hours"),
        ({"macr": 15}, "version"),
        ({"version": 0}, "non_field_errors"),
    ],
)
def test_policy_bad_input_is_400_with_the_field(world: Any, client_for: Any, body: dict[str, Any], field: str) -> None:
    response = client_for("administrator").patch("/api/policies/north/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_policy_stale_version_is_409(world: Any, client_for: Any) -> None:
    admin = client_for("administrator")
    assert admin.patch("/api/policies/north/", {"version": 0, "macr": 15}, format="json").status_code == 200
    stale = admin.patch("/api/policies/north/", {"version": 0, "macr": 16}, format="json")
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 1
    assert admin.get("/api/policies/north/").json()["values"]["macr"] == 15


@pytest.mark.parametrize("role", ALL_ROLES)
def test_policy_per_role(world: Any, client_for: Any, role: str) -> None:
    client = client_for(role)
    assert client.get("/api/policies/north/").status_code == 200
    assert client.get("/api/policies/").json()["count"] == 1
    assert client.get("/api/policies/south/").status_code == 404
    patched = client.patch("/api/policies/north/", {"version": 0, "macr": 15}, format="json")
    assert patched.status_code == (200 if role == "administrator" else 403)
    history = client.get("/api/policies/north/decisions/")
    assert history.status_code == (200 if role in ("administrator", "supervisor", "oversight_monitor") else 403)


DECISIONS_STATUS = {
    "caseworker": 200,
    "supervisor": 200,
    "legal_counsel": 200,
    "court_officer": 200,
    "facility_officer": 404,
    "oversight_monitor": 404,
    "administrator": 404,
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_case_decision_history_per_role(make_case: Any, client_for: Any, role: str) -> None:
    case = make_case(counsel=True, court=True)
    response = client_for(role).get(f"/api/cases/{case.pk}/decisions/")
    assert response.status_code == DECISIONS_STATUS[role]
    if response.status_code == 200:
        assert {d["rule_id"] for d in response.json()["results"]} >= {"MACR-1", "MACR-2"}


@pytest.mark.parametrize(
    ("role", "expected"), [(r, 200 if r in ("caseworker", "supervisor") else 403) for r in ALL_ROLES]
)
def test_protection_referrals_per_role(world: Any, client_for: Any, role: str, expected: int) -> None:
    child = register(world, **THIRTEEN_AT_OFFENCE)
    intake(client_for("caseworker"), child.pk, OFFENCE_BEFORE_14TH)
    response = client_for(role).get("/api/protection-referrals/")
    assert response.status_code == expected
    if expected == 200:
        assert response.json()["count"] == 1
    assert client_for("caseworker2").get("/api/protection-referrals/").json()["count"] == 0


def test_offence_added_below_the_minimum_age_is_refused(make_case: Any, client_for: Any) -> None:
    case = make_case()
    early = {**offence_data(offence_date=date(2023, 1, 1)), "offence_date": "2023-01-01"}  # 12 years old
    response = client_for("caseworker").post(f"/api/cases/{case.pk}/offences/", early, format="json")
    assert response.status_code == 422
    assert any(d["rule_id"] == "MACR-1" and d["unmet"] for d in response.json()["decisions"])
    assert case.offences.count() == 1


def test_decision_history_query_count_is_constant(
    make_case: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    case = make_case()
    client = client_for("caseworker")
    for n in range(3):
        client.post(
            f"/api/cases/{case.pk}/offences/",
            {**offence_data(), "offence_date": f"2026-0{n + 2}-01"},
            format="json",
        )
    assert DecisionRecord.objects.filter(case=case).count() >= 8
    with django_assert_max_num_queries(12):
        assert client.get(f"/api/cases/{case.pk}/decisions/?page_size=200").status_code == 200
