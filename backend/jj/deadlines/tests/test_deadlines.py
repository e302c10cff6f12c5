"""Deadlines: created from decisions, met by events, overdue from the data, alerted once by the sweep."""

import threading
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jj.deadlines.models import Deadline, Notification
from jj.deadlines.services import deadlines_from_decisions, deadlines_meet, deadlines_sweep
from jj.rules.engine import Citation, DeadlineSpec, Decision, Outcome

CITE = Citation("CRC/C/GC/24", "para. 90", "brought before a competent authority within 24 hours")


def _decision(*specs: DeadlineSpec) -> Decision:
    return Decision(rule_id="PTD-1", outcome=Outcome.ALLOW, message="m", citation=CITE, facts={}, deadlines=specs)


def _deadline(case: Any, *, hours: float, kind: str = "competent_authority_24h") -> Deadline:
    spec = DeadlineSpec(kind=kind, due_at=timezone.now() + timedelta(hours=hours), description="Before a judge")
    return deadlines_from_decisions(
        case=case, decisions=[_decision(spec)], subject_type="custody_episode", subject_id=1
    )[0]


def test_overdue_is_computed_from_data_without_any_sweep(make_case: Any, client_for: Any) -> None:
    case = make_case()
    late = _deadline(case, hours=-1)
    soon = _deadline(case, hours=2)
    body = client_for("caseworker").get("/api/worklist/").json()
    assert [d["id"] for d in body["overdue"]] == [late.pk]
    assert [d["id"] for d in body["due_24h"]] == [soon.pk]
    assert body["overdue"][0]["overdue"] is True
    assert body["overdue"][0]["rule_id"] == "PTD-1"


def test_meeting_a_deadline_clears_it_from_the_worklist(world: Any, make_case: Any, client_for: Any) -> None:
    case = make_case()
    _deadline(case, hours=-1)
    met = deadlines_meet(
        case=case,
        kinds=["competent_authority_24h"],
        at=timezone.now(),
        by=world["caseworker"],
        subject_type="custody_episode",
        subject_id=1,
    )
    assert len(met) == 1
    assert client_for("caseworker").get("/api/worklist/").json()["counts"]["overdue"] == 0
    assert client_for("caseworker").get("/api/deadlines/?bucket=met").json()["count"] == 1


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("caseworker", True),
        ("supervisor", True),
        ("legal_counsel", False),
        ("caseworker2", False),
        ("sp_supervisor", False),
        ("oversight_monitor", False),
        ("administrator", False),
    ],
)
def test_worklist_is_scoped_to_the_callers_cases(role: str, sees: bool, make_case: Any, client_for: Any) -> None:
    _deadline(make_case(), hours=-1)
    assert (client_for(role).get("/api/worklist/").json()["counts"]["overdue"] == 1) is sees
    assert (client_for(role).get("/api/deadlines/?kind=competent_authority_24h").json()["count"] == 1) is sees


def test_pretrial_priority_comes_first_among_overdue(make_case: Any, client_for: Any) -> None:
    case = make_case()
    older = _deadline(case, hours=-5)
    spec = DeadlineSpec(kind="review", due_at=timezone.now() - timedelta(hours=1), description="Review")
    urgent = deadlines_from_decisions(case=case, decisions=[_decision(spec)], priority=True)[0]
    ids = [d["id"] for d in client_for("caseworker").get("/api/worklist/").json()["overdue"]]
    assert ids == [urgent.pk, older.pk]


def test_sweep_alerts_each_overdue_deadline_exactly_once(make_case: Any) -> None:
    case = make_case()
    late = _deadline(case, hours=-1)
    _deadline(case, hours=+1)
    now = timezone.now()
    assert deadlines_sweep(now=now) == 1
    assert deadlines_sweep(now=now) == 0
    notes = Notification.objects.filter(deadline=late)
    # INV-7: every alert names a real, active person: the caseworker assigned and the agency's supervisor.
    assert {(n.recipient.username if n.recipient else None, n.recipient_role) for n in notes} == {
        ("caseworker", "caseworker"),
        ("supervisor", "supervisor"),
    }


def test_inv_7_escalation_to_the_independent_body_reaches_the_jurisdictions_monitors(make_case: Any) -> None:
    """Regression: escalations went to a role name that no user has ("oversight_body"), so they reached nobody."""
    case = make_case()
    late = _deadline(case, hours=-1)
    late.escalate_to = "oversight_body"  # the name older rows carry
    late.save()
    deadlines_sweep(now=timezone.now())
    names = set(Notification.objects.filter(deadline=late).values_list("recipient__username", flat=True))
    assert names == {"caseworker", "oversight_monitor"}


def test_inv_7_an_agency_without_a_supervisor_escalates_to_oversight_never_to_nobody(
    make_case: Any, world: Any
) -> None:
    case = make_case()
    world["supervisor"].is_active = False
    world["supervisor"].save()
    late = _deadline(case, hours=-1)
    deadlines_sweep(now=timezone.now())
    names = set(Notification.objects.filter(deadline=late).values_list("recipient__username", flat=True))
    assert names == {"caseworker", "oversight_monitor"}
    assert Notification.objects.filter(recipient__isnull=True).count() == 0


def test_supervisor_sees_role_notifications_of_own_agency(make_case: Any, client_for: Any) -> None:
    _deadline(make_case(), hours=-1)
    deadlines_sweep(now=timezone.now())
    assert client_for("supervisor").get("/api/notifications/").json()["count"] == 1
    assert client_for("sp_supervisor").get("/api/notifications/").json()["count"] == 0
    assert client_for("caseworker").get("/api/notifications/").json()["count"] == 1


@pytest.mark.usefixtures("transactional_audit")
def test_concurrent_sweepers_notify_each_deadline_once(make_case: Any) -> None:
    case = make_case()
    for _ in range(30):
        _deadline(case, hours=-1)
    now = timezone.now()
    errors: list[BaseException] = []

    def sweeper() -> None:
        try:
            deadlines_sweep(now=now, batch=5)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweeper) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    overdue = Deadline.objects.filter(due_at__lt=now)  # DEL-1's intake deadlines of the case are not due yet
    per_deadline = {d.pk: d.notifications.filter(recipient_role="supervisor").count() for d in overdue}
    assert len(per_deadline) == 30
    assert set(per_deadline.values()) == {1}


@pytest.mark.parametrize("url", ["/api/deadlines/", "/api/worklist/"])
def test_deadline_lists_cost_constant_queries(url: str, make_case: Any, client_for: Any) -> None:
    client = client_for("supervisor")
    case = make_case()
    _deadline(case, hours=-1)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(10):
        _deadline(make_case(), hours=-1)
        _deadline(case, hours=3)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(one.captured_queries) == len(many.captured_queries)


def test_every_deadline_carries_its_cases_agency_and_the_supervisor_list_follows_it(
    world: Any, make_case: Any, client_for: Any
) -> None:
    """Issue 12: the services copy the case's agency onto each deadline (the supervisor's worklist reads it from
    the (agency_id, due_at) index); another agency's supervisor sees none of them."""
    case = make_case()
    other = make_case(by="sp_caseworker")
    mine, theirs = _deadline(case, hours=2), _deadline(other, hours=2)
    assert (mine.agency_id, theirs.agency_id) == (case.agency_id, other.agency_id)
    assert Deadline.objects.get(pk=mine.pk).agency_id == world.yjs.pk
    body = client_for("supervisor").get("/api/worklist/").json()
    shown = {d["id"] for band in ("overdue", "due_24h", "due_week") for d in body[band]}
    assert mine.pk in shown
    assert theirs.pk not in shown
    assert set(Deadline.objects.filter(pk__in=shown).values_list("case_id", flat=True)) == {case.pk}
    listed = {d["id"] for d in client_for("sp_supervisor").get("/api/deadlines/?bucket=open").json()["results"]}
    assert theirs.pk in listed
    assert mine.pk not in listed
    assert set(Deadline.objects.filter(pk__in=listed).values_list("case_id", flat=True)) == {other.pk}
