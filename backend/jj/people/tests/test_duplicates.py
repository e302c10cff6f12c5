"""The duplicate check on registering a child (likely matches by name and date of birth, within the caller's scope
only, audited without the terms in clear) and the supervisor's merge of two records of one child."""

import json
from datetime import date
from typing import Any

import pytest
from django.utils import timezone

from jj.audit.models import AuditEvent
from jj.cases.models import Case
from jj.cases.records import child_seal
from jj.people.duplicates import fold, name_similarity
from jj.people.models import Child, Guardian

URL = "/api/children/duplicates/"


def _check(client: Any, **body: Any) -> Any:
    return client.post(URL, body, format="json")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Amara Okafor", "amara okafor"),
        ("Amára Ókafor", "Amara Okafor"),
        ("Okafor Amara", "Amara Okafor"),
        ("Amara  Okafor-", "Amara Okafor"),
        ("Zoë Müller", "Zoe Muller"),
    ],
)
def test_fold_makes_alike(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_similarity_boundaries() -> None:
    assert name_similarity("Amara Okafor", "Amara Okafor") == 1.0
    assert name_similarity("Amara Okafor", "Amara Okafur") >= 0.85
    assert name_similarity("Amara Okafor", "Jean Dupont") < 0.6
    assert name_similarity("", "Amara") == 0.0


def test_an_existing_child_is_found(make_case: Any, client_for: Any) -> None:
    case = make_case()
    response = _check(client_for("caseworker"), given_name="Amára", family_name="OKAFOR", date_of_birth="2010-05-17")
    assert response.status_code == 200
    rows = response.json()
    assert [row["id"] for row in rows] == [case.child_id]
    assert rows[0]["reasons"] == ["name", "date of birth"]
    assert rows[0]["given_name"] == "Amara"


def test_a_similar_name_needs_the_birth_date(make_case: Any, client_for: Any) -> None:
    case = make_case()
    client = client_for("caseworker")
    similar = {"given_name": "Amaro", "family_name": "Okafur"}
    assert _check(client, **similar, date_of_birth="2011-01-01").json() == []
    swapped = _check(client, **similar, date_of_birth="2010-05-17").json()
    assert [row["id"] for row in swapped] == [case.child_id]
    # The day and the month swapped is a frequent slip: still the same birth date.
    Child.objects.filter(pk=case.child_id).update(date_of_birth=date(2010, 5, 7))
    assert [row["id"] for row in _check(client, **similar, date_of_birth="2010-07-05").json()] == [case.child_id]


def test_someone_else_is_not_offered(make_case: Any, client_for: Any) -> None:
    make_case()
    assert _check(client_for("caseworker"), given_name="Jean", family_name="Dupont").json() == []


@pytest.mark.parametrize("role", ["caseworker2", "sp_caseworker", "sp_supervisor"])
def test_only_within_the_scope(role: str, make_case: Any, client_for: Any) -> None:
    make_case()
    assert _check(client_for(role), given_name="Amara", family_name="Okafor").json() == []


def test_supervisor_sees_the_agency(make_case: Any, client_for: Any) -> None:
    case = make_case(by="caseworker2")
    rows = _check(client_for("supervisor"), given_name="Amara", family_name="Okafor").json()
    assert [row["id"] for row in rows] == [case.child_id]


def test_a_sealed_child_is_not_offered(make_case: Any, client_for: Any) -> None:
    case = make_case()
    child_seal(child=case.child, at=timezone.now())
    assert _check(client_for("caseworker"), given_name="Amara", family_name="Okafor").json() == []


@pytest.mark.parametrize("role", ["legal_counsel", "court_officer", "facility_officer", "oversight_monitor"])
def test_only_registrars_check(role: str, make_case: Any, client_for: Any) -> None:
    make_case()
    assert _check(client_for(role), given_name="Amara", family_name="Okafor").status_code == 403


def test_audited_without_the_terms(make_case: Any, client_for: Any) -> None:
    case = make_case()
    _check(client_for("caseworker"), given_name="Amara", family_name="Okafor", date_of_birth="2010-05-17")
    event = AuditEvent.objects.get(action="child.duplicate_check")
    raw = json.dumps(event.changes)
    assert "Amara" not in raw
    assert "Okafor" not in raw
    assert "2010" not in raw
    assert event.changes["shown_ids"] == [str(case.child_id)]


# --- merge ----------------------------------------------------------------------------------------------------------


def test_supervisor_merges(make_case: Any, client_for: Any) -> None:
    first, second = make_case(), make_case(by="caseworker2")
    Guardian.objects.create(child_id=second.child_id, name="A parent", relationship="mother")
    response = client_for("supervisor").post(
        f"/api/children/{first.child_id}/merge/", {"duplicate": second.child_id}, format="json"
    )
    assert response.status_code == 200, response.content
    assert not Child.objects.filter(pk=second.child_id).exists()
    assert set(Case.objects.values_list("child_id", flat=True)) == {first.child_id}
    assert Guardian.objects.get().child_id == first.child_id
    event = AuditEvent.objects.get(action="child.merge")
    assert event.changes["moved"]["after"] == {"cases.case": 1, "people.guardian": 1}
    assert AuditEvent.objects.filter(action="child.merged_into").count() == 1


def _unchanged(first: Case, second: Case) -> None:
    assert Child.objects.filter(pk=second.child_id).exists()
    assert Case.objects.get(pk=second.pk).child_id == second.child_id
    assert Case.objects.get(pk=first.pk).child_id == first.child_id
    assert not AuditEvent.objects.filter(action__in=("child.merge", "child.merged_into"), outcome="success").exists()


@pytest.mark.parametrize(("role", "expected"), [("caseworker", 403), ("sp_supervisor", 404)])
def test_merge_refused_writes_nothing(role: str, expected: int, make_case: Any, client_for: Any) -> None:
    first, second = make_case(), make_case()
    response = client_for(role).post(
        f"/api/children/{first.child_id}/merge/", {"duplicate": second.child_id}, format="json"
    )
    assert response.status_code == expected
    _unchanged(first, second)


def test_no_merge_across_jurisdictions(make_case: Any, client_for: Any) -> None:
    first, south = make_case(), make_case(by="sp_caseworker")
    response = client_for("supervisor").post(
        f"/api/children/{first.child_id}/merge/", {"duplicate": south.child_id}, format="json"
    )
    assert response.status_code == 404
    _unchanged(first, south)


def test_no_merge_with_another_agencys_case(world: Any, make_case: Any, client_for: Any) -> None:
    first, second = make_case(), make_case()
    Case.objects.filter(pk=second.pk).update(agency=world.defender)
    response = client_for("supervisor").post(
        f"/api/children/{first.child_id}/merge/", {"duplicate": second.child_id}, format="json"
    )
    assert response.status_code == 403
    _unchanged(first, second)


def test_no_merge_with_itself(make_case: Any, client_for: Any) -> None:
    first = make_case()
    response = client_for("supervisor").post(
        f"/api/children/{first.child_id}/merge/", {"duplicate": first.child_id}, format="json"
    )
    assert response.status_code == 400
    assert Child.objects.filter(pk=first.child_id).exists()
