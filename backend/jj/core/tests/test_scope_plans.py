"""The row scopes have the planned shape (issue 12): a caseworker's lists are driven from their assigned ids and a
supervisor's from the agency index, so no plan reads the whole case table. On PostgreSQL this reads EXPLAIN (no
`Seq Scan on cases_case`); on SQLite, EXPLAIN QUERY PLAN (no `SCAN cases_case`, only SEARCH by an index). The
planner's choice is meaningful only with enough rows and fresh statistics: 4,000 cases, then ANALYZE; the
planner's settings are left as they are (no `enable_seqscan = off`, which would prove nothing)."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from conftest import make_user
from jj.accounts.models import Agency, Role
from jj.cases.models import Assignment, AssignmentRole, Case
from jj.cases.selectors import case_list
from jj.deadlines.models import Deadline
from jj.deadlines.selectors import deadline_list
from jj.people.models import Child
from jj.people.selectors import child_list

NATION = 4_000


@pytest.fixture
def nation(world: Any) -> Any:
    """A big agency with 4,000 cases (and their children and deadlines) beside the caller's few."""
    big = Agency.objects.create(jurisdiction=world.north, name="Capital Youth Service")
    other = make_user("other_worker", Role.CASEWORKER, big)
    now = timezone.now()
    children = Child.objects.bulk_create(
        Child(jurisdiction=world.north, agency=big, registered_by=other, given_name=f"C{i}") for i in range(NATION)
    )
    cases = Case.objects.bulk_create(
        Case(
            reference=f"BIG-{i}",
            child=kid,
            jurisdiction=world.north,
            agency=big,
            kind="arrest",
            opened_at=now - timedelta(minutes=i),
        )
        for i, kid in enumerate(children)
    )
    Assignment.objects.bulk_create(
        Assignment(case=case, user=other, role=AssignmentRole.CASEWORKER, assigned_at=now) for case in cases
    )
    Deadline.objects.bulk_create(
        Deadline(
            case=case,
            agency_id=case.agency_id,
            kind="review",
            description="Review",
            due_at=now + timedelta(hours=i % 300),
        )
        for i, case in enumerate(cases)
    )
    mine = world["caseworker"]
    for kid in children[:3]:
        case = Case.objects.create(
            reference=f"MINE-{kid.pk}",
            child=kid,
            jurisdiction=world.north,
            agency=world.yjs,
            kind="arrest",
            opened_at=now,
        )
        Assignment.objects.create(case=case, user=mine, role=AssignmentRole.CASEWORKER, assigned_at=now)
        Deadline.objects.create(
            case=case, agency_id=case.agency_id, kind="review", description="Review", due_at=now + timedelta(hours=2)
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return world


def _plan(queryset: Any) -> str:
    return str(queryset.explain())


def _scans_whole_table(plan: str, table: str) -> bool:
    if connection.vendor == "postgresql":
        return re.search(rf"Seq Scan on {table}\b", plan) is not None
    # SQLite: `SCAN t` reads every row (or all of an index); `SEARCH t USING ...` looks rows up by an index.
    return re.search(rf"\bSCAN {table}\b", plan) is not None


@pytest.mark.parametrize("username", ["caseworker", "supervisor"])
def test_case_list_is_driven_by_an_index(username: str, nation: Any) -> None:
    user = nation[username]
    page = case_list(user=user)[:25]
    plan = _plan(page)
    assert not _scans_whole_table(plan, "cases_case"), plan
    assert len(list(page)) == 3  # the caller's own three (assigned, or their agency's), none of the 4,000


def test_child_and_deadline_lists_are_driven_from_the_callers_cases(nation: Any) -> None:
    user = nation["caseworker"]
    children = child_list(user=user)[:25]
    assert not _scans_whole_table(_plan(children), "people_child"), _plan(children)
    assert not _scans_whole_table(_plan(children), "cases_case"), _plan(children)
    deadlines = deadline_list(user=user).filter(met_at__isnull=True).order_by("due_at", "id")[:20]
    plan = _plan(deadlines)
    assert not _scans_whole_table(plan, "deadlines_deadline"), plan
    assert not _scans_whole_table(plan, "cases_case"), plan


def test_a_supervisors_open_deadlines_are_read_from_the_agency_index(nation: Any) -> None:
    """The worklist's bands for a supervisor: the (agency_id, due_at) index of open deadlines, not the agency's
    cases and not the nation's open deadlines."""
    now = timezone.now()
    user = nation["supervisor"]
    week = deadline_list(user=user).filter(met_at__isnull=True, due_at__lt=now + timedelta(days=7))
    page = week.order_by("due_at", "id")[:20]
    plan = _plan(page)
    assert "deadline_agency_open_due_idx" in plan, plan
    assert not _scans_whole_table(plan, "deadlines_deadline"), plan
    assert not _scans_whole_table(plan, "cases_case"), plan
    assert len(list(page)) == 3  # the agency's three, none of the big agency's 4,000
