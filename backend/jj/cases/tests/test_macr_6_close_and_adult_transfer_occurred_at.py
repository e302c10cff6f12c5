"""Issue 13: closing a case and transferring it to the adult procedure (MACR-6) take the time they happened
(`occurred_at`, when recorded later): the case's closed_at and its status event carry that time (so indicators and
durations count them by when they happened), MACR-6 is evaluated as of then, and the audit trail says the act was
recorded late. Refused (400, nothing written) in the future or before the case was opened."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from jj.audit.models import AuditEvent
from jj.cases.models import Case, CaseEvent
from jj.compliance.models import DecisionRecord

ACTS = {"close": ("close", "case.close"), "adult": ("adult-transfer", "case.adult_transfer")}


def _old_case(make_case: Any) -> Case:
    case = make_case(counsel=True, date_of_birth=date(2006, 1, 1))  # 20 at the offence: MACR-6 allows the transfer
    Case.objects.filter(pk=case.pk).update(opened_at=timezone.now() - timedelta(days=10))
    case.refresh_from_db()
    return case


def _post(client: Any, case: Case, act: str, **extra: Any) -> Any:
    return client.post(f"/api/cases/{case.pk}/{ACTS[act][0]}/", {"reason": "end of measures", **extra}, format="json")


@pytest.mark.parametrize("act", sorted(ACTS))
def test_recorded_late_it_takes_its_own_time(act: str, make_case: Any, client_for: Any) -> None:
    case = _old_case(make_case)
    when = timezone.now() - timedelta(days=3)
    response = _post(client_for("supervisor"), case, act, occurred_at=when.isoformat())
    assert response.status_code == 200, response.json()
    case.refresh_from_db()
    assert (case.status, case.closed_at) == ("closed", when)
    assert CaseEvent.objects.filter(case=case, occurred_at=when).exists()
    changes = AuditEvent.objects.get(action=ACTS[act][1]).changes
    assert (changes["recorded_late"], changes["occurred_at"]) == (True, when.isoformat())
    if act == "adult":
        assert DecisionRecord.objects.filter(object_id=str(case.pk), decided_at=when).exists()


@pytest.mark.parametrize("act", sorted(ACTS))
def test_recorded_at_once_it_is_not_late(act: str, make_case: Any, client_for: Any) -> None:
    case = _old_case(make_case)
    assert _post(client_for("supervisor"), case, act).status_code == 200
    assert "recorded_late" not in AuditEvent.objects.get(action=ACTS[act][1]).changes


@pytest.mark.parametrize("act", sorted(ACTS))
@pytest.mark.parametrize(
    ("offset", "allowed"), [(timedelta(seconds=-1), False), (timedelta(0), True), (timedelta(seconds=1), True)]
)
def test_it_cannot_precede_the_case(
    act: str, offset: timedelta, allowed: bool, make_case: Any, client_for: Any
) -> None:
    case = _old_case(make_case)
    response = _post(client_for("supervisor"), case, act, occurred_at=(case.opened_at + offset).isoformat())
    assert response.status_code == (200 if allowed else 400), response.json()
    case.refresh_from_db()
    assert case.status == ("closed" if allowed else "open")
    if not allowed:
        assert "occurred_at" in response.json()
        assert case.closed_at is None
        assert not AuditEvent.objects.filter(action=ACTS[act][1]).exists()


@pytest.mark.parametrize("act", sorted(ACTS))
def test_in_the_future_it_is_refused(act: str, make_case: Any, client_for: Any) -> None:
    case = _old_case(make_case)
    response = _post(client_for("supervisor"), case, act, occurred_at=(timezone.now() + timedelta(hours=2)).isoformat())
    assert response.status_code == 400
    case.refresh_from_db()
    assert (case.status, case.closed_at) == ("open", None)
    assert not AuditEvent.objects.filter(action=ACTS[act][1]).exists()
