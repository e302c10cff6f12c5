"""STA-1 (amendment 7b): the status-offence flag is derived from the jurisdiction's list of offence codes, kept in
its policy and changed by an administrator through the policy path (POL-1), never ticked by hand. Boundaries: a
code on the list, not on it, and the list edited after the offence was recorded."""

from typing import Any

import pytest

from conftest import child_data
from jj.cases.models import Case, ChildProtectionReferral, Offence
from jj.cases.serializers import STATUS_OFFENCE_DERIVED
from jj.people import services as people_services

TRUANCY = "TRU-01"


def set_policy(client: Any, **values: Any) -> Any:
    version = client.get("/api/policies/north/").json()["version"]
    return client.patch("/api/policies/north/", {"version": version, **values}, format="json")


def intake(client: Any, child_id: int, **offence: Any) -> Any:
    body = {
        "child": child_id,
        "kind": "arrest",
        "offences": [{"description": "Missed school", "category": "11", "offence_date": "2026-03-01", **offence}],
    }
    return client.post("/api/cases/", body, format="json")


@pytest.fixture
def child(world: Any) -> Any:
    return people_services.child_register(actor=world["caseworker"], data=child_data())


@pytest.fixture
def truancy_listed(client_for: Any) -> None:
    changed = set_policy(client_for("administrator"), status_offence_codes=[TRUANCY])
    assert changed.status_code == 200, changed.json()
    assert changed.json()["decisions"] == []  # adding a code protects more: nothing to warn about


@pytest.mark.parametrize("code", [TRUANCY, "tru-01", f" {TRUANCY} "])
def test_sta_1_a_code_on_the_list_is_a_status_offence(
    truancy_listed: None, child: Any, client_for: Any, code: str
) -> None:
    response = intake(client_for("caseworker"), child.pk, local_code=code)
    assert response.status_code == 422, response.json()
    (sta_1,) = [d for d in response.json()["decisions"] if d["rule_id"] == "STA-1"]
    assert sta_1["outcome"] == "block"
    assert sta_1["unmet"] is True
    assert not Case.objects.exists()
    assert not Offence.objects.exists()
    assert ChildProtectionReferral.objects.filter(child=child).exists()


@pytest.mark.parametrize("code", ["TRU-02", "TRU-0", "", "THF-01"])
def test_sta_1_a_code_not_on_the_list_is_not(truancy_listed: None, child: Any, client_for: Any, code: str) -> None:
    response = intake(client_for("caseworker"), child.pk, local_code=code)
    assert response.status_code == 201, response.json()
    (offence,) = response.json()["offences"]
    assert offence["is_status_offence"] is False
    assert not [
        d
        for d in client_for("caseworker").get(f"/api/cases/{response.json()['id']}/decisions/").json()["results"]
        if d["rule_id"] == "STA-1"
    ]


def test_sta_1_a_flag_ticked_by_hand_is_refused_with_a_field_message(
    child: Any, client_for: Any, make_case: Any
) -> None:
    worker = client_for("caseworker")
    refused = intake(worker, child.pk, local_code="THF-01", is_status_offence=True)
    assert refused.status_code == 400, refused.json()
    assert refused.json()["offences"]["0"]["is_status_offence"] == [STATUS_OFFENCE_DERIVED], refused.json()
    assert not Case.objects.exists()
    case = make_case()
    body = {"description": "Ran away", "category": "11", "offence_date": "2026-03-02", "is_status_offence": False}
    added = worker.post(f"/api/cases/{case.pk}/offences/", body, format="json")
    assert added.status_code == 400
    assert added.json()["is_status_offence"] == [STATUS_OFFENCE_DERIVED]
    assert case.offences.count() == 1


def test_sta_1_a_code_listed_after_the_offence_protects_it_at_charge(child: Any, client_for: Any, world: Any) -> None:
    worker = client_for("caseworker")
    opened = intake(worker, child.pk, local_code=TRUANCY)
    assert opened.status_code == 201, opened.json()
    case = Case.objects.get(pk=opened.json()["id"])
    assert set_policy(client_for("administrator"), status_offence_codes=[TRUANCY]).status_code == 200
    refused = worker.post(f"/api/cases/{case.pk}/charge/", {"version": case.version}, format="json")
    assert refused.status_code == 422
    (sta_1,) = [d for d in refused.json()["decisions"] if d["rule_id"] == "STA-1"]
    assert sta_1["unmet"] is True
    case.refresh_from_db()
    assert case.status == "open"


def test_sta_1_a_code_removed_later_leaves_recorded_offences_flagged_and_warns(
    child: Any, client_for: Any, make_case: Any
) -> None:
    """Domestic law that still criminalises truancy (WARN): the offence is recorded, flagged from the list. Taking
    the code off the list later is less protective (POL-1) and unflags nothing already recorded; a new offence with
    the code is no longer flagged."""
    admin, worker = client_for("administrator"), client_for("caseworker")
    assert set_policy(admin, status_offences="warn", status_offence_codes=[TRUANCY]).status_code == 200
    opened = intake(worker, child.pk, local_code=TRUANCY)
    assert opened.status_code == 201, opened.json()
    assert opened.json()["offences"][0]["is_status_offence"] is True
    removed = set_policy(admin, status_offence_codes=[])
    assert removed.status_code == 200
    (pol_1,) = removed.json()["decisions"]
    assert pol_1["rule_id"] == "POL-1"
    assert "protects children less" in pol_1["message"]
    case_id = opened.json()["id"]
    assert Offence.objects.get(case_id=case_id).is_status_offence is True
    body = {"description": "Missed school again", "category": "11", "offence_date": "2026-03-05", "local_code": TRUANCY}
    added = worker.post(f"/api/cases/{case_id}/offences/", body, format="json")
    assert added.status_code == 201, added.json()
    assert added.json()["is_status_offence"] is False
