"""REC-3 on the law's timetable: a child whose process ended is sealed and vanishes from every ordinary list; at 18
the identity is removed without anyone acting; the chain still verifies; a break-glass read needs a reason."""

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jj.audit.models import AuditEvent
from jj.audit.shredding import readable
from jj.audit.verification import verify_chain
from jj.cases import services as case_services
from jj.cases.models import Case
from jj.custody.records import records_sweep
from jj.custody.tasks import sweep_records
from jj.deadlines.models import Deadline, Notification
from jj.people.models import Child

NAME = "Peregrina"
DOB = date(2008, 12, 15)  # 18 on 2026-12-15


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)


@pytest.fixture
def closed_case(make_case: Any, world: Any) -> Case:
    """A child of 17 whose case was closed: the process has ended for them."""
    case = make_case(given_name=NAME, date_of_birth=DOB)
    return case_services.case_close(actor=world["supervisor"], case=case, reason="Dismissed: the evidence fell away")


def _listed(client: Any, url: str) -> list[int]:
    return [row["id"] for row in client.get(url).json()["results"]]


@pytest.mark.parametrize(
    ("day", "sealed", "removed"),
    [
        (date(2026, 12, 14), True, False),  # the day before the 18th birthday: sealed only
        (date(2026, 12, 15), True, True),  # the birthday: removed
        (date(2026, 12, 16), True, True),  # the day after: a sweep that missed the birthday catches up
    ],
)
def test_sweep_seals_then_removes_at_18(closed_case: Case, day: date, sealed: bool, removed: bool) -> None:
    result = records_sweep(now=at(day))
    child = Child.objects.get(pk=closed_case.child_id)
    assert (child.sealed_at is not None, child.removed_at is not None) == (sealed, removed)
    assert (result.sealed, result.removed) == (1, int(removed))
    assert (child.given_name == NAME) is not removed
    assert verify_chain().ok


def test_a_child_whose_process_runs_is_neither_sealed_nor_removed(make_case: Any) -> None:
    case = make_case(given_name=NAME, date_of_birth=DOB)
    assert records_sweep(now=at(date(2026, 12, 16))) == records_sweep(now=at(date(2026, 12, 16)))
    child = Child.objects.get(pk=case.child_id)
    assert child.sealed_at is None
    assert child.removed_at is None


def test_sealed_child_vanishes_from_every_ordinary_list_and_detail(
    closed_case: Case, client_for: Any, world: Any
) -> None:
    """Released at 17, sealed the next sweep: gone for the caseworker and the supervisor, lists and details."""
    deadline = Deadline.objects.create(
        case=closed_case,
        agency_id=closed_case.agency_id,
        kind="review",
        description="Review",
        due_at=at(date(2026, 11, 1)),
        met_at=at(date(2026, 11, 1)),
    )
    for username in ("caseworker", "supervisor"):
        assert closed_case.child_id in _listed(client_for(username), "/api/children/")
        assert deadline.pk in _listed(client_for(username), "/api/deadlines/?bucket=met")
    records_sweep(now=at(date(2026, 12, 1)))
    for username in ("caseworker", "supervisor", "legal_counsel", "court_officer"):
        client = client_for(username)
        assert closed_case.child_id not in _listed(client, "/api/children/")
        assert closed_case.pk not in _listed(client, "/api/cases/")
        assert client.get(f"/api/children/{closed_case.child_id}/").status_code == 404
        assert client.get(f"/api/cases/{closed_case.pk}/").status_code == 404
        assert client.get(f"/api/children/?search={NAME}").json()["results"] == []
        assert deadline.pk not in _listed(client, "/api/deadlines/?bucket=met")


def test_sweeping_twice_does_it_once_and_the_task_runs_it(closed_case: Case) -> None:
    records_sweep(now=at(date(2026, 12, 15)))
    events = AuditEvent.objects.count()
    again = records_sweep(now=at(date(2026, 12, 16)))
    assert (again.sealed, again.removed) == (0, 0)
    assert AuditEvent.objects.count() == events
    assert sweep_records.delay().get() == 0
    assert AuditEvent.objects.filter(action="child.seal").count() == 1
    assert AuditEvent.objects.filter(action="child.identity_shred").count() == 1


def test_preview_shows_what_falls_due_in_the_next_30_days(closed_case: Case, client_for: Any) -> None:
    response = client_for("supervisor").get("/api/records/preview/?days=30")
    assert response.status_code == 200
    rows = {(row["child_id"], row["action"]) for row in response.json()}
    # Today (2026-11-30 in this suite's clock or later) the seal is due; the removal only if the birthday is near.
    assert (closed_case.child_id, "seal") in rows or (closed_case.child_id, "remove") in rows
    assert NAME not in response.content.decode()
    assert AuditEvent.objects.filter(action="records.preview").count() == 1


@pytest.mark.parametrize("query", ["days=0", "days=367", "days=x"])
def test_preview_refuses_bad_horizons_with_the_field_named(world: Any, client_for: Any, query: str) -> None:
    response = client_for("supervisor").get(f"/api/records/preview/?{query}")
    assert response.status_code == 400
    assert "days" in response.json()


@pytest.mark.parametrize("role", ["caseworker", "oversight_monitor", "administrator", "legal_counsel"])
def test_preview_is_for_supervisors(world: Any, client_for: Any, role: str) -> None:
    assert client_for(role).get("/api/records/preview/").status_code == 403


def test_break_glass_read_of_a_sealed_record_needs_a_reason_and_tells_oversight(
    closed_case: Case, client_for: Any, world: Any
) -> None:
    records_sweep(now=at(date(2026, 12, 1)))
    client = client_for("supervisor")
    events = AuditEvent.objects.count()
    short = client.post("/api/records/sealed-read/", {"child": closed_case.child_id, "reason": "need"}, format="json")
    assert short.status_code == 400
    assert "reason" in short.json()
    assert AuditEvent.objects.count() == events  # nothing written
    assert not Notification.objects.filter(kind="child.sealed_read").exists()
    reason = "Court asked for the earlier file in a related hearing"
    response = client.post(
        "/api/records/sealed-read/", {"child": closed_case.child_id, "reason": reason}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["child"]["given_name"] == NAME
    event = AuditEvent.objects.get(action="child.sealed_read")
    assert readable(event.reason, child_ref=event.child_ref) == reason  # stored encrypted
    assert Notification.objects.filter(kind="child.sealed_read", recipient=world["oversight_monitor"]).exists()


def test_break_glass_read_outside_the_agency_or_of_an_unsealed_child_is_not_found(
    closed_case: Case, client_for: Any, make_case: Any
) -> None:
    reason = "Court asked for the earlier file in a related hearing"
    records_sweep(now=at(date(2026, 12, 1)))
    other = client_for("sp_supervisor").post(
        "/api/records/sealed-read/", {"child": closed_case.child_id, "reason": reason}, format="json"
    )
    assert other.status_code == 404
    assert AuditEvent.objects.filter(action="child.sealed_read", outcome="denied").count() == 1
    unsealed = make_case()
    response = client_for("supervisor").post(
        "/api/records/sealed-read/", {"child": unsealed.child_id, "reason": reason}, format="json"
    )
    assert response.status_code == 404
    counsel = client_for("legal_counsel").post(
        "/api/records/sealed-read/", {"child": closed_case.child_id, "reason": reason}, format="json"
    )
    assert counsel.status_code == 403


def test_preview_costs_the_same_queries_for_one_due_child_or_many(
    closed_case: Case, make_case: Any, world: Any, client_for: Any
) -> None:
    """The facts are built in batches: no query per child."""
    client = client_for("supervisor")
    with CaptureQueriesContext(connection) as one:
        assert len(client.get("/api/records/preview/").json()) == 1
    for _ in range(3):
        case = make_case(date_of_birth=DOB)
        case_services.case_close(actor=world["supervisor"], case=case, reason="Dismissed: the evidence fell away")
    with CaptureQueriesContext(connection) as four:
        assert len(client.get("/api/records/preview/").json()) == 4
    assert len(four.captured_queries) == len(one.captured_queries)
