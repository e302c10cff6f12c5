"""Issue 13: a formal charge recorded after the fact takes the time it was brought (occurred_at): the case's
status history and the charge event carry that time (so the disparity index counts charges by when they happened),
the charge rules are evaluated as of then, and the audit trail says it was recorded late. Refused (400, nothing
written) in the future or before the case was opened; with a second person's approval, the time travels with it."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from jj.audit.models import AuditEvent
from jj.cases.models import Case, CaseEvent

REASON = "The child refused the caution scheme"


@pytest.fixture
def old_case(make_case: Any) -> Case:
    case = make_case(counsel=True)
    Case.objects.filter(pk=case.pk).update(opened_at=timezone.now() - timedelta(days=10))
    case.refresh_from_db()
    return case


def _charge(client: Any, case: Case, **extra: Any) -> Any:
    body = {"version": case.version, "diversion_not_offered_reason": REASON, **extra}
    return client.post(f"/api/cases/{case.pk}/charge/", body, format="json")


def test_a_charge_recorded_late_takes_its_own_time(old_case, client_for):
    when = timezone.now() - timedelta(days=3)
    response = _charge(client_for("caseworker"), old_case, occurred_at=when.isoformat())
    assert response.status_code == 200, response.json()
    assert CaseEvent.objects.get(case=old_case, kind="case.charged").occurred_at == when
    changes = AuditEvent.objects.get(action="case.charge").changes
    assert changes["recorded_late"] is True
    assert changes["occurred_at"] == when.isoformat()


def test_a_charge_recorded_at_once_is_not_late(old_case, client_for):
    assert _charge(client_for("caseworker"), old_case).status_code == 200
    assert "recorded_late" not in AuditEvent.objects.get(action="case.charge").changes


@pytest.mark.parametrize(
    ("offset", "allowed"), [(timedelta(seconds=-1), False), (timedelta(0), True), (timedelta(seconds=1), True)]
)
def test_a_charge_cannot_precede_the_case(old_case, client_for, offset, allowed):
    response = _charge(client_for("caseworker"), old_case, occurred_at=(old_case.opened_at + offset).isoformat())
    assert response.status_code == (200 if allowed else 400), response.json()
    old_case.refresh_from_db()
    assert old_case.status == ("charged" if allowed else "open")
    assert CaseEvent.objects.filter(case=old_case, kind="case.charged").exists() == allowed
    if not allowed:
        assert "occurred_at" in response.json()
        assert not AuditEvent.objects.filter(action="case.charge").exists()


def test_a_charge_in_the_future_is_refused(old_case, client_for):
    response = _charge(
        client_for("caseworker"), old_case, occurred_at=(timezone.now() + timedelta(hours=2)).isoformat()
    )
    assert response.status_code == 400
    old_case.refresh_from_db()
    assert old_case.status == "open"


def test_the_time_travels_with_an_approval(make_case, client_for):
    case = make_case(counsel=True, developmental_disorder=True)
    Case.objects.filter(pk=case.pk).update(opened_at=timezone.now() - timedelta(days=10))
    when = timezone.now() - timedelta(days=2)
    held = client_for("caseworker").post(
        f"/api/cases/{case.pk}/charge/",
        {
            "version": case.version,
            "justification": "Assessed fit; diversion refused",
            "individual_assessment": "Dr X",
            "diversion_not_offered_reason": REASON,
            "occurred_at": when.isoformat(),
        },
        format="json",
    )
    assert held.status_code == 202, held.json()
    approval_id = held.json()["id"]
    assert CaseEvent.objects.filter(case=case, kind="case.charged").count() == 0
    decided = client_for("supervisor").post(f"/api/approvals/{approval_id}/decide/", {"approve": True}, format="json")
    assert decided.status_code == 200, decided.json()
    assert CaseEvent.objects.get(case=case, kind="case.charged").occurred_at == when


def test_a_case_recorded_late_has_one_opening_date(world: Any) -> None:
    """Issue 15: a case opened days before it was recorded showed two opening dates (the case's, and the timeline's
    "Case opened" at the time of recording)."""
    from conftest import child_data, offence_data
    from jj.cases import services as case_services
    from jj.people import services as people_services

    opened = timezone.now() - timedelta(days=5)
    child = people_services.child_register(actor=world["caseworker"], data=child_data())
    case = case_services.case_open(
        actor=world["caseworker"], child=child, kind="arrest", offences=[offence_data()], opened_at=opened
    )
    event = CaseEvent.objects.get(case=case, kind="case.opened")
    assert event.occurred_at == case.opened_at == opened
