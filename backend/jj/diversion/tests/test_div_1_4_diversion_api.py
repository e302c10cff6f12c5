"""Diversion through the API: DIV-1 (offered at intake), DIV-2 (no activation without its safeguards), DIV-3 (no
deprivation of liberty), DIV-4 (completion: closed finally, no criminal record), and the acknowledgement of
responsibility never leaving its column."""

import json
from typing import Any

import pytest
from django.utils import timezone

from conftest import ALL_ROLES, COUNSEL_PENDING, HEARD
from jj.audit.models import AuditEvent
from jj.deadlines.models import Deadline
from jj.diversion import services
from jj.diversion.models import DiversionReferral, Programme

ACKNOWLEDGEMENT = "I took the bicycle from the school yard — Zebulon"
SAFEGUARDS = {
    "compelling_evidence": "CCTV and a witness",
    "acknowledgement_of_responsibility": ACKNOWLEDGEMENT,
    "child_consent": True,
    "guardian_consent": True,
    "informed_of": ["nature", "content", "duration", "consequences"],
    "legal_advice_offered": True,
    "review_route_explained": True,
}


@pytest.fixture
def mediation(world: Any) -> Programme:
    data = {"name": "Mediation", "kind": "mediation", "provider": "Northland Mediation", "typical_duration_days": 60}
    return services.programme_create(actor=world["supervisor"], data=data)


def offer(client: Any, case: Any, programme: Programme, stage: str = "intake") -> Any:
    return client.post(
        "/api/diversion-referrals/",
        {"case": case.pk, "programme": programme.pk, "stage": stage, **HEARD},
        format="json",
    )


def test_div_2_activation_refused_without_consent_and_legal_advice(
    make_case: Any, client_for: Any, mediation: Programme
) -> None:
    case = make_case()
    worker = client_for("caseworker")
    referral = offer(worker, case, mediation).json()
    assert referral["status"] == "offered"
    assert referral["stage_offered"] == "intake"
    partial = {**SAFEGUARDS, "child_consent": False, "legal_advice_offered": False}
    refused = worker.post(f"/api/diversion-referrals/{referral['id']}/activate/", partial, format="json")
    assert refused.status_code == 422
    (div_2,) = [d for d in refused.json()["decisions"] if d["rule_id"] == "DIV-2"]
    assert div_2["satisfied_by"] == ["child_consent", "legal_advice_offered"]
    row = DiversionReferral.objects.get(pk=referral["id"])
    assert row.status == "offered"
    assert row.acknowledgement_of_responsibility == ""  # nothing written
    case.refresh_from_db()
    assert case.status == "open"


def test_div_4_completion_closes_finally_with_no_criminal_record(
    make_case: Any, client_for: Any, mediation: Programme
) -> None:
    case = make_case()
    worker = client_for("caseworker")
    referral = offer(worker, case, mediation).json()
    active = worker.post(f"/api/diversion-referrals/{referral['id']}/activate/", SAFEGUARDS, format="json")
    assert active.status_code == 200, active.json()
    assert active.json()["status"] == "active"
    assert active.json()["acknowledgement_recorded"] is True
    case.refresh_from_db()
    assert case.status == "diverted"
    assert set(Deadline.objects.filter(case=case, met_at__isnull=True).values_list("kind", flat=True)) == {
        "diversion_review",
        "diversion_end",
    }
    session = {"at": timezone.now().isoformat(), "attended": True, "conditions_met": True, "victim_participated": True}
    assert (
        worker.post(f"/api/diversion-referrals/{referral['id']}/sessions/", session, format="json").status_code == 400
    )
    session["victim_consent"] = True
    assert (
        worker.post(f"/api/diversion-referrals/{referral['id']}/sessions/", session, format="json").status_code == 200
    )
    history_before = worker.get(f"/api/children/{case.child_id}/criminal-history/").json()
    assert history_before["convictions"] == []
    done = worker.post(f"/api/diversion-referrals/{referral['id']}/outcome/", {"outcome": "completed"}, format="json")
    assert done.json()["status"] == "completed"
    seen = client_for("supervisor").get(f"/api/cases/{case.pk}/").json()
    assert seen["status"] == "closed_final"
    assert seen["no_criminal_record"] is True
    history = worker.get(f"/api/children/{case.child_id}/criminal-history/").json()
    assert history == {"child": case.child_id, "convictions": [], "proceedings": []}
    assert not Deadline.objects.filter(case=case, met_at__isnull=True).exists()


def test_div_4_completed_diversion_after_charge_leaves_the_criminal_history(
    make_case: Any, client_for: Any, mediation: Programme
) -> None:
    case = make_case()
    worker = client_for("caseworker")
    charged = worker.post(
        f"/api/cases/{case.pk}/charge/",
        {"version": case.version, "diversion_not_offered_reason": "Refused then", **COUNSEL_PENDING},
        format="json",
    )
    assert charged.status_code == 200
    assert [
        p["case"] for p in worker.get(f"/api/children/{case.child_id}/criminal-history/").json()["proceedings"]
    ] == [case.pk]
    referral = offer(worker, case, mediation, stage="charge").json()
    worker.post(f"/api/diversion-referrals/{referral['id']}/activate/", SAFEGUARDS, format="json")
    worker.post(f"/api/diversion-referrals/{referral['id']}/outcome/", {"outcome": "completed"}, format="json")
    assert worker.get(f"/api/children/{case.child_id}/criminal-history/").json()["proceedings"] == []


@pytest.mark.parametrize("outcome", ["not_completed", "withdrawn"])
def test_div_4_non_completion_returns_the_case_to_its_stage(
    make_case: Any, client_for: Any, mediation: Programme, outcome: str
) -> None:
    case = make_case()
    worker = client_for("caseworker")
    referral = offer(worker, case, mediation).json()
    worker.post(f"/api/diversion-referrals/{referral['id']}/activate/", SAFEGUARDS, format="json")
    result = worker.post(
        f"/api/diversion-referrals/{referral['id']}/outcome/", {"outcome": outcome, "reason": "moved"}, format="json"
    )
    assert result.json()["status"] == outcome
    case.refresh_from_db()
    assert case.status == "open"


def test_div_1_a_declined_offer_counts_as_offered_at_charge(
    make_case: Any, client_for: Any, mediation: Programme
) -> None:
    case = make_case()
    worker = client_for("caseworker")
    referral = offer(worker, case, mediation).json()
    assert (
        worker.post(
            f"/api/diversion-referrals/{referral['id']}/decline/", {"reason": "Prefers court"}, format="json"
        ).json()["status"]
        == "declined"
    )
    case.refresh_from_db()
    charged = worker.post(f"/api/cases/{case.pk}/charge/", {"version": case.version, **COUNSEL_PENDING}, format="json")
    assert charged.status_code == 200, charged.json()


def test_div_3_programme_with_deprivation_of_liberty_is_refused(world: Any, client_for: Any) -> None:
    body = {"name": "Boot camp", "kind": "other_restorative", "provider": "X", "involves_deprivation_of_liberty": True}
    response = client_for("supervisor").post("/api/diversion-programmes/", body, format="json")
    assert response.status_code == 422
    assert [d["rule_id"] for d in response.json()["decisions"]] == ["DIV-3"]
    assert not Programme.objects.filter(name="Boot camp").exists()


def test_acknowledgement_never_leaves_its_column(make_case: Any, client_for: Any, mediation: Programme) -> None:
    case = make_case()
    worker = client_for("caseworker")
    referral = offer(worker, case, mediation).json()
    worker.post(f"/api/diversion-referrals/{referral['id']}/activate/", SAFEGUARDS, format="json")
    assert DiversionReferral.objects.get(pk=referral["id"]).acknowledgement_of_responsibility == ACKNOWLEDGEMENT
    monitor = client_for("oversight_monitor")
    bodies = [
        worker.get(f"/api/diversion-referrals/{referral['id']}/").content.decode(),
        worker.get("/api/diversion-referrals/").content.decode(),
        worker.get(f"/api/cases/{case.pk}/").content.decode(),
        worker.get(f"/api/cases/{case.pk}/timeline/").content.decode(),
        worker.get(f"/api/cases/{case.pk}/decisions/").content.decode(),
        worker.get(f"/api/children/{case.child_id}/criminal-history/").content.decode(),
        monitor.get("/api/audit/events/?page_size=200").content.decode(),
        b"".join(monitor.get("/api/audit/export/", {"purpose": "Annual inspection"}).streaming_content).decode(),  # type: ignore[attr-defined]
        json.dumps(list(AuditEvent.objects.values("changes", "decisions", "reason"))),
    ]
    for body in bodies:
        assert "Zebulon" not in body
        assert "school yard" not in body


OFFER_STATUS = {
    "caseworker": 201,
    "supervisor": 201,
    "legal_counsel": 403,
    "court_officer": 403,
    "facility_officer": 404,
    "oversight_monitor": 404,
    "administrator": 404,
}


LIST_COUNT = {
    "caseworker": 1,
    "supervisor": 1,
    "legal_counsel": 1,
    "court_officer": 1,
    "facility_officer": 0,
    "oversight_monitor": 0,
    "administrator": 0,
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_diversion_per_role(role: str, make_case: Any, client_for: Any, mediation: Programme) -> None:
    listed_case = make_case(counsel=True, court=True)
    assert offer(client_for("caseworker"), listed_case, mediation).status_code == 201
    client = client_for(role)
    assert client.get("/api/diversion-referrals/").json()["count"] == LIST_COUNT[role]
    referral = DiversionReferral.objects.get()
    detail = client.get(f"/api/diversion-referrals/{referral.pk}/")
    assert detail.status_code == (200 if LIST_COUNT[role] else 404)
    other = make_case(counsel=True, court=True, given_name="Other")
    assert offer(client, other, mediation).status_code == OFFER_STATUS[role]
    assert client.get("/api/diversion-programmes/").json()["count"] == 1
    created = client.post(
        "/api/diversion-programmes/", {"name": f"P-{role}", "kind": "caution", "provider": "Police"}, format="json"
    )
    assert created.status_code == (201 if role in ("supervisor", "administrator") else 403)
