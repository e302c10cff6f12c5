"""Keyset paging (issue 12): walking a list by its cursors visits every row once, in order, both ways, ties
on the ordering column broken by id; the count is capped, never a COUNT of the whole set."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from jj.cases.models import Assignment, AssignmentRole, Case
from jj.core.pagination import KeysetPagination
from jj.people.models import Child


@pytest.fixture
def thirty(world: Any) -> list[int]:
    """30 cases of the supervisor's agency, opened in groups of three at the same instant (ties)."""
    now = timezone.now()
    kid = Child.objects.create(jurisdiction=world.north, agency=world.yjs, given_name="A")
    cases = Case.objects.bulk_create(
        Case(
            reference=f"R-{i:03d}",
            child=kid,
            jurisdiction=world.north,
            agency=world.yjs,
            kind="arrest",
            opened_at=now - timedelta(hours=i // 3),
        )
        for i in range(30)
    )
    Assignment.objects.bulk_create(
        Assignment(case=c, user=world["caseworker"], role=AssignmentRole.CASEWORKER, assigned_at=now) for c in cases
    )
    ordered = sorted(cases, key=lambda c: (c.opened_at, c.pk), reverse=True)
    return [c.pk for c in ordered]


def _walk(client: Any, url: str) -> tuple[list[list[int]], list[dict[str, Any]]]:
    pages, bodies = [], []
    while url:
        body = client.get(url).json()
        pages.append([row["id"] for row in body["results"]])
        bodies.append(body)
        url = body["next"]
    return pages, bodies


@pytest.mark.parametrize("username", ["supervisor", "caseworker"])
def test_cursor_walk_forwards_and_back(username: str, thirty: list[int], client_for: Any) -> None:
    client = client_for(username)
    pages, bodies = _walk(client, "/api/cases/?page_size=7")
    assert [pk for page in pages for pk in page] == thirty
    assert [len(p) for p in pages] == [7, 7, 7, 7, 2]
    assert all(b["count"] == 30 and b["count_exact"] for b in bodies)
    assert bodies[0]["previous_cursor"] is None
    assert bodies[-1]["next_cursor"] is None
    back, body = [], bodies[-1]
    while body["previous"]:
        body = client.get(body["previous"]).json()
        back.append([row["id"] for row in body["results"]])
    assert back == pages[-2::-1]


def test_ascending_and_string_orderings(thirty: list[int], client_for: Any) -> None:
    client = client_for("supervisor")
    pages, _ = _walk(client, "/api/cases/?page_size=8&ordering=reference")
    refs = dict(Case.objects.values_list("pk", "reference"))
    assert [refs[pk] for page in pages for pk in page] == sorted(refs.values())
    pages, _ = _walk(client, "/api/cases/?page_size=8&ordering=opened_at")
    assert [pk for page in pages for pk in page] == list(
        Case.objects.order_by("opened_at", "id").values_list("pk", flat=True)
    )


def test_a_page_number_answers_with_cursors_around_it(thirty: list[int], client_for: Any) -> None:
    client = client_for("supervisor")
    body = client.get("/api/cases/?page_size=5&page=3").json()
    assert [row["id"] for row in body["results"]] == thirty[10:15]
    assert [row["id"] for row in client.get(body["next"]).json()["results"]] == thirty[15:20]
    assert [row["id"] for row in client.get(body["previous"]).json()["results"]] == thirty[5:10]
    assert client.get("/api/cases/?page=99").status_code == 404


def test_the_count_is_capped(thirty: list[int], client_for: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(KeysetPagination, "count_cap", 10)
    body = client_for("supervisor").get("/api/cases/?page_size=5").json()
    assert (body["count"], body["count_exact"]) == (10, False)
    assert body["next_cursor"] is not None


def test_a_forged_cursor_is_a_404(thirty: list[int], client_for: Any) -> None:
    client = client_for("supervisor")
    for cursor in ["nonsense", "eyJ2IjoiYSJ9", "eyJ2Ijoibm90IGEgZGF0ZSIsImsiOjF9"]:
        assert client.get(f"/api/cases/?cursor={cursor}").status_code == 404
