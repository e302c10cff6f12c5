"""REC-3 break-glass with a second person: where the jurisdiction's policy says so, a read of a sealed record is
held until another supervisor of the child's agency approves it; nothing of the record is shown before; the person
who asked may not approve; approved, it opens once; every step is audited (the reason encrypted under the child's
key) and reported to oversight, whose notifications never carry the reason or the child's name."""

from datetime import UTC, date, datetime
from typing import Any

import pytest

from conftest import make_user
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.audit.shredding import is_sealed, readable
from jj.audit.verification import verify_chain
from jj.cases import services as case_services
from jj.cases.models import Case
from jj.compliance.models import JurisdictionPolicy
from jj.custody.models import SealedReadRequest, SealedReadStatus
from jj.custody.records import records_sweep, sealed_read_decide, sealed_read_open
from jj.deadlines.models import Notification

NAME = "Peregrina"
DOB = date(2008, 12, 15)
REASON = "Court asked for the earlier file in a related hearing"
URL = "/api/records/sealed-read/"


@pytest.fixture
def sealed_case(make_case: Any, world: Any) -> Case:
    JurisdictionPolicy.objects.create(jurisdiction=world.north, values={"records_sealed_read_second_person": True})
    case = make_case(given_name=NAME, date_of_birth=DOB)
    case = case_services.case_close(actor=world["supervisor"], case=case, reason="Dismissed: the evidence fell away")
    records_sweep(now=datetime(2026, 12, 1, 3, tzinfo=UTC))
    return case


@pytest.fixture
def second(world: Any) -> Any:
    return make_user("supervisor2", Role.SUPERVISOR, world.yjs)


def _ask(client: Any, case: Case) -> Any:
    return client.post(URL, {"child": case.child_id, "reason": REASON}, format="json")


def test_without_approval_nothing_is_shown(sealed_case: Case, client_for: Any) -> None:
    response = _ask(client_for("caseworker"), sealed_case)
    assert response.status_code == 202
    assert set(response.json()) == {"request", "status"}
    assert response.json()["status"] == "pending"
    assert NAME not in response.content.decode()
    assert not AuditEvent.objects.filter(action="child.sealed_read").exists()
    request = AuditEvent.objects.get(action="child.sealed_read.request")
    assert is_sealed(request.reason)
    assert readable(request.reason, child_ref=request.child_ref) == REASON
    # Opening before the approval: refused, nothing shown, nothing opened.
    held = response.json()["request"]
    refused = client_for("caseworker").post(f"{URL}{held}/open/")
    assert refused.status_code == 409
    assert NAME not in refused.content.decode()
    assert SealedReadRequest.objects.get(pk=held).status == SealedReadStatus.PENDING


def test_the_person_who_asked_cannot_approve(sealed_case: Case, client_for: Any) -> None:
    client = client_for("supervisor")
    held = _ask(client, sealed_case).json()["request"]
    events = AuditEvent.objects.count()
    response = client.post(f"{URL}{held}/decide/", {"approve": True}, format="json")
    assert response.status_code == 403
    assert SealedReadRequest.objects.get(pk=held).status == SealedReadStatus.PENDING
    assert not AuditEvent.objects.filter(action="child.sealed_read.approve").exists()
    assert (
        AuditEvent.objects.filter(outcome="success").count()
        == AuditEvent.objects.filter(outcome="success", seq__lte=events).count()
    )


def test_approval_shows_the_record_once_to_the_person_who_asked(
    sealed_case: Case, client_for: Any, world: Any, second: Any
) -> None:
    held = _ask(client_for("caseworker"), sealed_case).json()["request"]
    decided = client_for("supervisor").post(f"{URL}{held}/decide/", {"approve": True}, format="json")
    assert decided.status_code == 200
    assert decided.json() == {"request": held, "status": "approved"}
    # Someone else cannot open it; another agency's supervisor cannot even see it.
    assert client_for("caseworker2").post(f"{URL}{held}/open/").status_code == 404
    assert (
        client_for("sp_supervisor").post(f"{URL}{held}/decide/", {"approve": False}, format="json").status_code == 404
    )
    opened = client_for("caseworker").post(f"{URL}{held}/open/")
    assert opened.status_code == 200
    assert opened.json()["child"]["given_name"] == NAME
    again = client_for("caseworker").post(f"{URL}{held}/open/")
    assert again.status_code == 409
    assert NAME not in again.content.decode()
    # Deciding twice is refused too.
    with pytest.raises(Exception, match="already been decided"):
        sealed_read_decide(actor=second, request_id=held, approve=True)
    assert AuditEvent.objects.filter(action="child.sealed_read").count() == 1


def test_every_step_is_audited_and_reported_to_oversight_without_the_reason(
    sealed_case: Case, world: Any, second: Any
) -> None:
    from jj.custody.records import sealed_child_read

    held = sealed_child_read(actor=world["caseworker"], child_id=sealed_case.child_id, reason=REASON)
    assert isinstance(held, SealedReadRequest)
    sealed_read_decide(actor=second, request_id=held.pk, approve=True, note="Hearing confirmed with the court")
    child = sealed_read_open(actor=world["caseworker"], request_id=held.pk)
    assert child.given_name == NAME
    actions = list(
        AuditEvent.objects.filter(action__startswith="child.sealed_read")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == ["child.sealed_read.request", "child.sealed_read.approve", "child.sealed_read"]
    opened = AuditEvent.objects.get(action="child.sealed_read")
    assert opened.changes == {"request": held.pk, "approved_by": "supervisor2"}
    approve = AuditEvent.objects.get(action="child.sealed_read.approve")
    assert readable(approve.reason, child_ref=approve.child_ref) == "Hearing confirmed with the court"
    told = Notification.objects.filter(kind="child.sealed_read", recipient=world["oversight_monitor"])
    assert told.count() == 3
    for note in Notification.objects.filter(kind="child.sealed_read"):
        assert REASON not in note.message
        assert NAME not in note.message
    assert verify_chain().ok


def test_rejected_never_opens(sealed_case: Case, world: Any, second: Any) -> None:
    from jj.custody.records import sealed_child_read

    held = sealed_child_read(actor=world["caseworker"], child_id=sealed_case.child_id, reason=REASON)
    assert isinstance(held, SealedReadRequest)
    sealed_read_decide(actor=world["supervisor"], request_id=held.pk, approve=False)
    with pytest.raises(Exception, match="not approved"):
        sealed_read_open(actor=world["caseworker"], request_id=held.pk)
    assert not AuditEvent.objects.filter(action="child.sealed_read").exists()


def test_without_the_policy_flag_the_read_is_immediate(make_case: Any, world: Any, client_for: Any) -> None:
    case = make_case(given_name=NAME, date_of_birth=DOB)
    case_services.case_close(actor=world["supervisor"], case=case, reason="Dismissed: the evidence fell away")
    records_sweep(now=datetime(2026, 12, 1, 3, tzinfo=UTC))
    response = client_for("caseworker").post(URL, {"child": case.child_id, "reason": REASON}, format="json")
    assert response.status_code == 200
    assert not SealedReadRequest.objects.exists()
