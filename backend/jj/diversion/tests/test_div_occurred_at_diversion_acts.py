"""Issue 13: diversion acts carry the time they happened. An offer, a start, a decline or an outcome recorded after
the fact takes its own time (so indicator 10 counts a diversion by when it started, not when it was typed), the
rules are evaluated as of that time, and the audit trail says it was recorded late. Refused (400, nothing written)
in the future or before the act it follows."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import HEARD
from jj.audit.models import AuditEvent
from jj.cases.models import Case, CaseEvent
from jj.deadlines.models import Deadline
from jj.diversion import services
from jj.diversion.models import DiversionReferral, Programme
from jj.diversion.tests.test_div_1_4_diversion_api import SAFEGUARDS


@pytest.fixture
def mediation(world: Any) -> Programme:
    data = {"name": "Mediation", "kind": "mediation", "provider": "Northland Mediation", "typical_duration_days": 60}
    return services.programme_create(actor=world["supervisor"], data=data)


@pytest.fixture
def old_case(make_case: Any) -> Case:
    case = make_case()
    Case.objects.filter(pk=case.pk).update(opened_at=timezone.now() - timedelta(days=30))
    case.refresh_from_db()
    return case


def _offer(client: Any, case: Case, programme: Programme, **extra: Any) -> Any:
    body = {"case": case.pk, "programme": programme.pk, "stage": "intake", **HEARD, **extra}
    return client.post("/api/diversion-referrals/", body, format="json")


def test_acts_recorded_late_take_the_time_they_happened(old_case, mediation, client_for):
    worker = client_for("caseworker")
    now = timezone.now()
    offered, started, completed = now - timedelta(days=20), now - timedelta(days=10), now - timedelta(days=1)
    response = _offer(worker, old_case, mediation, occurred_at=offered.isoformat())
    assert response.status_code == 201, response.json()
    rid = response.json()["id"]
    active = worker.post(
        f"/api/diversion-referrals/{rid}/activate/", {**SAFEGUARDS, "occurred_at": started.isoformat()}, format="json"
    )
    assert active.status_code == 200, active.json()
    review = Deadline.objects.get(case=old_case, kind="diversion_review")
    done = worker.post(
        f"/api/diversion-referrals/{rid}/outcome/",
        {"outcome": "completed", "occurred_at": completed.isoformat()},
        format="json",
    )
    assert done.status_code == 200, done.json()

    row = DiversionReferral.objects.get(pk=rid)
    assert (row.offered_at, row.activated_at, row.outcome_at) == (offered, started, completed)
    assert row.child_consent_at == started
    assert row.ends_on == (started + timedelta(days=60)).date()
    review.refresh_from_db()
    assert review.met_at == completed
    events = dict(
        CaseEvent.objects.filter(case=old_case, kind__startswith="diversion.").values_list("kind", "occurred_at")
    )
    assert events == {"diversion.offered": offered, "diversion.started": started, "diversion.completed": completed}
    for action, at in (("diversion.offer", offered), ("diversion.activate", started), ("diversion.outcome", completed)):
        changes = AuditEvent.objects.get(action=action, object_id=str(rid)).changes
        assert changes["recorded_late"] is True
        assert changes["occurred_at"] == at.isoformat()
    old_case.refresh_from_db()
    assert old_case.status == "closed_final"


def test_acts_recorded_at_once_are_not_marked_late(make_case, mediation, client_for):
    worker = client_for("caseworker")
    rid = _offer(worker, make_case(), mediation).json()["id"]
    offered = DiversionReferral.objects.get(pk=rid).offered_at
    declined = worker.post(  # a time given, a moment after the offer: not late
        f"/api/diversion-referrals/{rid}/decline/",
        {"reason": "The family prefers court", "occurred_at": offered.isoformat()},
        format="json",
    )
    assert declined.status_code == 200
    for action in ("diversion.offer", "diversion.decline"):
        assert "recorded_late" not in (AuditEvent.objects.get(action=action).changes or {})


@pytest.mark.parametrize(
    ("offset", "allowed"), [(timedelta(seconds=-1), False), (timedelta(0), True), (timedelta(seconds=1), True)]
)
def test_a_start_cannot_precede_the_offer(old_case, mediation, client_for, offset, allowed):
    worker = client_for("caseworker")
    offered = timezone.now() - timedelta(days=3)
    rid = _offer(worker, old_case, mediation, occurred_at=offered.isoformat()).json()["id"]
    response = worker.post(
        f"/api/diversion-referrals/{rid}/activate/",
        {**SAFEGUARDS, "occurred_at": (offered + offset).isoformat()},
        format="json",
    )
    assert response.status_code == (200 if allowed else 400), response.json()
    row = DiversionReferral.objects.get(pk=rid)
    if allowed:
        assert row.activated_at == offered + offset
    else:
        assert "occurred_at" in response.json()
        assert (row.status, row.activated_at, row.acknowledgement_of_responsibility) == ("offered", None, "")
        assert not AuditEvent.objects.filter(action="diversion.activate").exists()


@pytest.mark.parametrize(
    ("offset", "allowed"), [(timedelta(seconds=-1), False), (timedelta(0), True), (timedelta(seconds=1), True)]
)
def test_an_offer_cannot_precede_the_case(old_case, mediation, client_for, offset, allowed):
    response = _offer(
        client_for("caseworker"), old_case, mediation, occurred_at=(old_case.opened_at + offset).isoformat()
    )
    assert response.status_code == (201 if allowed else 400), response.json()
    assert DiversionReferral.objects.filter(case=old_case).exists() == allowed


def test_an_act_in_the_future_is_refused_and_nothing_written(make_case, mediation, client_for):
    case = make_case()
    response = _offer(
        client_for("caseworker"), case, mediation, occurred_at=(timezone.now() + timedelta(hours=1)).isoformat()
    )
    assert response.status_code == 400
    assert "occurred_at" in response.json()
    assert not DiversionReferral.objects.filter(case=case).exists()
    assert not AuditEvent.objects.filter(action="diversion.offer").exists()


def test_an_outcome_cannot_precede_the_start(make_case, mediation, client_for):
    worker = client_for("caseworker")
    case = make_case()
    rid = _offer(worker, case, mediation).json()["id"]
    assert worker.post(f"/api/diversion-referrals/{rid}/activate/", SAFEGUARDS, format="json").status_code == 200
    started = DiversionReferral.objects.get(pk=rid).activated_at
    assert started is not None
    response = worker.post(
        f"/api/diversion-referrals/{rid}/outcome/",
        {"outcome": "completed", "occurred_at": (started - timedelta(seconds=1)).isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert DiversionReferral.objects.get(pk=rid).status == "active"
    case.refresh_from_db()
    assert case.status == "diverted"


def test_a_cleared_time_means_now(make_case, mediation, client_for):
    before = timezone.now()
    response = _offer(client_for("caseworker"), make_case(), mediation, occurred_at=None)
    assert response.status_code == 201, response.json()
    assert DiversionReferral.objects.get(pk=response.json()["id"]).offered_at >= before
