"""Issue 13: an arrest recorded after the fact (`opened_at`) and a counsel's assignment recorded after the fact
(`occurred_at`) take the time they happened: the intake rules and DEL-1's deadlines count from the arrest, CNS-1's
deadline to assign counsel is met as of the assignment (so the median time to counsel counts the real wait), and
the audit trail says both were recorded late. In the future: refused, nothing written."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from conftest import World, child_data, offence_data
from jj.audit.models import AuditEvent
from jj.cases.models import Assignment, Case, CaseEvent
from jj.people import services as people_services


def test_an_arrest_recorded_late_is_dated_and_audited_as_such(world: World, client_for: Any) -> None:
    child = people_services.child_register(actor=world["caseworker"], data=child_data())
    when = (timezone.now() - timedelta(days=2)).replace(microsecond=0)
    response = client_for("caseworker").post(
        "/api/cases/",
        {"child": child.pk, "kind": "arrest", "opened_at": when.isoformat(), "offences": [offence_data()]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    case = Case.objects.get(pk=response.json()["id"])
    assert case.opened_at == when
    assert CaseEvent.objects.get(case=case, kind="case.opened").occurred_at == when
    changes = AuditEvent.objects.get(action="case.create").changes
    assert (changes["recorded_late"], changes["occurred_at"]) == (True, when.isoformat())


def test_an_arrest_in_the_future_is_refused(world: World, client_for: Any) -> None:
    child = people_services.child_register(actor=world["caseworker"], data=child_data())
    response = client_for("caseworker").post(
        "/api/cases/",
        {
            "child": child.pk,
            "kind": "arrest",
            "opened_at": (timezone.now() + timedelta(hours=3)).isoformat(),
            "offences": [offence_data()],
        },
        format="json",
    )
    assert response.status_code == 400
    assert not Case.objects.filter(child=child).exists()
    assert not AuditEvent.objects.filter(action="case.create").exists()


def test_counsel_assigned_late_is_dated_and_the_wait_is_the_real_one(
    world: World, make_case: Any, client_for: Any
) -> None:
    case = make_case()
    Case.objects.filter(pk=case.pk).update(opened_at=timezone.now() - timedelta(days=5))
    when = (timezone.now() - timedelta(days=4)).replace(microsecond=0)
    response = client_for("supervisor").post(
        f"/api/cases/{case.pk}/assignments/",
        {"user": world["legal_counsel"].pk, "role": "legal_counsel", "occurred_at": when.isoformat()},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assignment = Assignment.objects.get(case=case, user=world["legal_counsel"])
    assert assignment.assigned_at == when
    assert (
        CaseEvent.objects.get(case=case, kind="assignment.started", data__assignment=assignment.pk).occurred_at == when
    )
    changes = AuditEvent.objects.get(action="case.assign", changes__role="legal_counsel").changes
    assert changes["recorded_late"] is True


def test_counsel_cannot_be_assigned_before_the_case_or_in_the_future(
    world: World, make_case: Any, client_for: Any
) -> None:
    case = make_case()
    for when in (case.opened_at - timedelta(seconds=1), timezone.now() + timedelta(hours=2)):
        response = client_for("supervisor").post(
            f"/api/cases/{case.pk}/assignments/",
            {"user": world["legal_counsel"].pk, "role": "legal_counsel", "occurred_at": when.isoformat()},
            format="json",
        )
        assert response.status_code == 400
        assert not Assignment.objects.filter(case=case, user=world["legal_counsel"]).exists()
        assert not AuditEvent.objects.filter(action="case.assign", changes__role="legal_counsel").exists()
