"""REC-3 break-glass, the lists the web interface needs: the requester follows their own requests (and opens an
approved one), a second supervisor sees those of their agency waiting for them, never their own. Only the child's
id and pseudonym and the request's state are listed (not the reason, not the name); every list is audited."""

from datetime import UTC, date, datetime
from typing import Any

import pytest

from conftest import make_user
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.cases import services as case_services
from jj.cases.models import Case
from jj.compliance.models import JurisdictionPolicy
from jj.core.pseudonym import child_pseudonym
from jj.custody.models import SealedReadRequest
from jj.custody.records import records_sweep

NAME = "Peregrina"
REASON = "Court asked for the earlier file in a related hearing"
ASK = "/api/records/sealed-read/"
LIST = "/api/records/sealed-reads/"


@pytest.fixture
def sealed_case(make_case: Any, world: Any) -> Case:
    JurisdictionPolicy.objects.create(jurisdiction=world.north, values={"records_sealed_read_second_person": True})
    case = make_case(given_name=NAME, date_of_birth=date(2008, 12, 15))
    case = case_services.case_close(actor=world["supervisor"], case=case, reason="Dismissed: the evidence fell away")
    records_sweep(now=datetime(2026, 12, 1, 3, tzinfo=UTC))
    return case


def _ask(client: Any, case: Case) -> int:
    response = client.post(ASK, {"child": case.child_id, "reason": REASON}, format="json")
    assert response.status_code == 202
    return int(response.json()["request"])


def test_the_requester_lists_their_own_requests_and_follows_the_decision(
    sealed_case: Case, client_for: Any, world: Any
) -> None:
    held = _ask(client_for("caseworker"), sealed_case)
    _ask(client_for("caseworker2"), sealed_case)
    response = client_for("caseworker").get(LIST)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [held]
    assert rows[0] == {
        "id": held,
        "child": sealed_case.child_id,
        "pseudonym": child_pseudonym(sealed_case.child_id),
        "status": "pending",
        "requested_by_username": "caseworker",
        "decided_by_username": None,
        "created_at": rows[0]["created_at"],
        "decided_at": None,
        "opened_at": None,
    }
    assert NAME not in response.content.decode()
    assert REASON not in response.content.decode()
    listed = AuditEvent.objects.filter(action="sealed_read_request.list").latest("seq")
    assert listed.changes["shown_ids"] == [str(held)]

    decided = client_for("supervisor").post(f"{ASK}{held}/decide/", {"approve": True}, format="json")
    assert decided.status_code == 200
    row = client_for("caseworker").get(LIST).json()["results"][0]
    assert (row["status"], row["decided_by_username"]) == ("approved", "supervisor")
    assert row["decided_at"] is not None


def test_a_second_supervisor_sees_what_waits_for_them_never_their_own(
    sealed_case: Case, client_for: Any, world: Any
) -> None:
    theirs = _ask(client_for("caseworker"), sealed_case)
    own = _ask(client_for("supervisor"), sealed_case)
    rows = client_for("supervisor").get(LIST, {"scope": "to_decide"}).json()["results"]
    assert [row["id"] for row in rows] == [theirs]
    # A second supervisor sees both; once decided, a request no longer waits.
    world.users["supervisor2"] = make_user("supervisor2", Role.SUPERVISOR, world.yjs)
    client = client_for("supervisor2")
    assert {row["id"] for row in client.get(LIST, {"scope": "to_decide"}).json()["results"]} == {theirs, own}
    assert client.post(f"{ASK}{own}/decide/", {"approve": False}, format="json").status_code == 200
    assert [row["id"] for row in client.get(LIST, {"scope": "to_decide"}).json()["results"]] == [theirs]
    # Another agency's supervisor sees none of them.
    assert client_for("sp_supervisor").get(LIST, {"scope": "to_decide"}).json()["results"] == []


def test_a_caseworker_may_not_list_what_waits_for_a_supervisor(sealed_case: Case, client_for: Any) -> None:
    _ask(client_for("caseworker2"), sealed_case)
    before = SealedReadRequest.objects.count()
    response = client_for("caseworker").get(LIST, {"scope": "to_decide"})
    assert response.status_code == 403
    assert SealedReadRequest.objects.count() == before
    assert not AuditEvent.objects.filter(action="sealed_read_request.list").exists()


def test_an_unknown_scope_is_a_field_error(world: Any, client_for: Any) -> None:
    response = client_for("supervisor").get(LIST, {"scope": "everything"})
    assert response.status_code == 400
    assert response.json()["scope"] == ["Choose mine or to_decide."]
    assert not AuditEvent.objects.filter(action="sealed_read_request.list").exists()


@pytest.mark.parametrize("username", ["legal_counsel", "facility_officer", "court_officer", "oversight_monitor"])
def test_roles_without_break_glass_are_refused(world: Any, client_for: Any, username: str) -> None:
    assert client_for(username).get(LIST).status_code == 403
