"""MACR-1 / STA-1: the child-protection referral written when intake is refused is a workflow, not a dead end: sent to
a child protection service, received, accepted, closed (each with its date), follow-up notes kept out of the audit
trail in clear, and the child named only to those who may see names. Every refused step writes nothing but its
audit event."""

from datetime import date
from typing import Any

import pytest

from conftest import child_data, offence_data
from jj.audit.models import AuditEvent, PendingAuditEvent
from jj.cases import services
from jj.cases.lifecycle import REFERRAL_TRANSITIONS, TransitionNotAllowed
from jj.cases.models import ChildProtectionReferral, ProtectionReferralStatus
from jj.cases.records import child_identity_shred
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.people import services as people_services

S = ProtectionReferralStatus
BELOW_MACR = {"date_of_birth": date(2012, 6, 15)}
OFFENCE = offence_data(offence_date=date(2026, 6, 14))


def _refused_intake(world: Any, client_for: Any) -> ChildProtectionReferral:
    child = people_services.child_register(actor=world["caseworker"], data=child_data(given_name="Amina", **BELOW_MACR))
    body = {"child": child.pk, "kind": "arrest", "offences": [{**OFFENCE, "offence_date": "2026-06-14"}]}
    response = client_for("caseworker").post("/api/cases/", body, format="json")
    assert response.status_code == 422
    return ChildProtectionReferral.objects.get(pk=response.json()["protection_referral"])


@pytest.fixture
def referral(world: Any, client_for: Any) -> ChildProtectionReferral:
    return _refused_intake(world, client_for)


def _snapshot(referral: ChildProtectionReferral) -> dict[str, Any]:
    row = ChildProtectionReferral.objects.filter(pk=referral.pk).values().get()
    return {k: v for k, v in row.items() if k != "updated_at"} | {"updated_at": row["updated_at"]}


def test_a_refused_intake_writes_a_referral_to_send(referral: ChildProtectionReferral) -> None:
    assert referral.status == S.TO_SEND
    assert referral.receiving_service == ""
    assert referral.sent_at is None


def test_the_whole_way_sent_received_accepted_closed_records_each_date(
    world: Any, referral: ChildProtectionReferral
) -> None:
    actor = world["caseworker"]
    referral = services.protection_referral_follow_up(
        actor=actor, referral=referral, status=S.SENT, receiving_service="Northland Child Protection"
    )
    assert (referral.status, referral.receiving_service) == (S.SENT, "Northland Child Protection")
    assert referral.sent_at is not None
    referral = services.protection_referral_follow_up(actor=actor, referral=referral, status=S.RECEIVED)
    assert referral.received_at is not None
    referral = services.protection_referral_follow_up(actor=actor, referral=referral, status=S.ACCEPTED)
    assert referral.accepted_at is not None
    referral = services.protection_referral_follow_up(actor=world["supervisor"], referral=referral, status=S.CLOSED)
    assert referral.closed_at is not None
    statuses = [
        e.changes["status"]["after"]
        for e in AuditEvent.objects.filter(action="protection_referral.status", outcome="success").order_by("seq")
    ]
    assert statuses == [S.SENT, S.RECEIVED, S.ACCEPTED, S.CLOSED]


@pytest.mark.parametrize("status", [s for s in S if s != S.TO_SEND])
def test_every_move_the_table_lacks_is_refused_and_writes_nothing(
    world: Any, referral: ChildProtectionReferral, status: str
) -> None:
    """From every status, every move the lifecycle table lacks: 409, the referral unchanged, the refusal audited."""
    for before in S:
        ChildProtectionReferral.objects.filter(pk=referral.pk).update(status=before, receiving_service="A service")
        if (before, status) in REFERRAL_TRANSITIONS:
            continue
        unchanged = _snapshot(referral)
        refusals = AuditEvent.objects.filter(outcome="refused").count()
        with pytest.raises(TransitionNotAllowed):
            services.protection_referral_follow_up(
                actor=world["caseworker"], referral=referral, status=status, note="should not stay"
            )
        assert _snapshot(referral) == unchanged
        assert AuditEvent.objects.filter(outcome="refused").count() == refusals + 1


def test_sending_without_a_receiving_service_is_refused_and_writes_nothing(
    world: Any, referral: ChildProtectionReferral
) -> None:
    unchanged = _snapshot(referral)
    with pytest.raises(ApplicationError) as refused:
        services.protection_referral_follow_up(actor=world["caseworker"], referral=referral, status=S.SENT)
    assert "receiving_service" in refused.value.extra
    assert _snapshot(referral) == unchanged


def test_a_role_without_the_capability_is_refused_and_writes_nothing(
    world: Any, referral: ChildProtectionReferral
) -> None:
    unchanged = _snapshot(referral)
    with pytest.raises(ActionNotAllowed):
        services.protection_referral_follow_up(actor=world["legal_counsel"], referral=referral, note="A note")
    assert _snapshot(referral) == unchanged


def test_a_closed_referral_cannot_be_reopened(world: Any, referral: ChildProtectionReferral) -> None:
    services.protection_referral_follow_up(actor=world["caseworker"], referral=referral, status=S.CLOSED)
    with pytest.raises(TransitionNotAllowed):
        services.protection_referral_follow_up(actor=world["caseworker"], referral=referral, status=S.SENT)


def test_follow_up_notes_are_kept_dated_and_never_in_the_audit_trail_in_clear(
    world: Any, referral: ChildProtectionReferral
) -> None:
    services.protection_referral_follow_up(actor=world["caseworker"], referral=referral, note="Met the aunt.")
    services.protection_referral_follow_up(actor=world["caseworker"], referral=referral, note="School visit.")
    referral.refresh_from_db()
    assert "Met the aunt." in referral.follow_up_notes
    assert referral.follow_up_notes.index("Met the aunt.") < referral.follow_up_notes.index("School visit.")
    assert "caseworker" in referral.follow_up_notes
    events = AuditEvent.objects.filter(action="protection_referral.note")
    assert events.count() == 2
    assert all("Met the aunt." not in str(e.changes) for e in events)


def test_removing_the_identity_blanks_the_referrals_free_text(world: Any, referral: ChildProtectionReferral) -> None:
    services.protection_referral_follow_up(actor=world["caseworker"], referral=referral, note="Met the aunt.")
    child_identity_shred(actor=world["supervisor"], child=referral.child, reason="REC-3")
    referral.refresh_from_db()
    assert referral.follow_up_notes == ""
    assert referral.circumstances == ""
    assert referral.status == S.TO_SEND  # the facts of the workflow stay


def test_the_api_workflow_names_the_child_and_moves_the_referral(
    world: Any, client_for: Any, referral: ChildProtectionReferral
) -> None:
    client = client_for("caseworker")
    url = f"/api/protection-referrals/{referral.pk}/"
    shown = client.get(url).json()
    assert shown["child_display"].startswith("Amina")
    assert shown["status"] == S.TO_SEND
    sent = client.post(
        f"{url}follow-up/", {"status": "sent", "receiving_service": "Northland Child Protection"}, format="json"
    )
    assert sent.status_code == 200, sent.content
    assert sent.json()["status"] == "sent"
    assert sent.json()["sent_at"]
    services_known = client.get("/api/protection-referrals/services/").json()
    assert services_known == {"services": ["Northland Child Protection"]}
    received = client.post(f"{url}follow-up/", {"status": "received", "note": "Called them."}, format="json")
    assert received.json()["status"] == "received"
    assert "Called them." in received.json()["follow_up_notes"]
    listed = client.get("/api/protection-referrals/?status=received").json()["results"]
    assert [r["id"] for r in listed] == [referral.pk]
    read = {
        *AuditEvent.objects.filter(action="protection_referral.read").values_list("object_id", flat=True),
        *PendingAuditEvent.objects.filter(action="protection_referral.read").values_list("object_id", flat=True),
    }
    assert read == {str(referral.pk)}


def test_the_api_refuses_a_move_with_409_and_writes_nothing(client_for: Any, referral: ChildProtectionReferral) -> None:
    unchanged = _snapshot(referral)
    response = client_for("caseworker").post(
        f"/api/protection-referrals/{referral.pk}/follow-up/", {"status": "accepted"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["current_status"] == S.TO_SEND
    assert _snapshot(referral) == unchanged


def test_a_supervisor_sees_the_agencys_referral_and_its_child_by_name(
    client_for: Any, referral: ChildProtectionReferral
) -> None:
    rows = client_for("supervisor").get("/api/protection-referrals/").json()["results"]
    assert [r["child_display"].split()[0] for r in rows] == ["Amina"]
