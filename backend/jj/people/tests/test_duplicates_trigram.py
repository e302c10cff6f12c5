"""Duplicate matching across accents and transliterations, the same on SQLite (Python) and PostgreSQL (pg_trgm
and unaccent, people migration 0006, with a GIN index), within the caller's scope only. Run on PostgreSQL with
DATABASE_URL=postgres://... pytest jj/people/tests/test_duplicates_trigram.py."""

from typing import Any

import pytest
from django.db import connection

from jj.people.duplicates import name_similarity, same_spelling_family, transliterated

URL = "/api/children/duplicates/"


@pytest.mark.parametrize(
    ("word", "read"),
    [("muhammad", "muhamad"), ("mohammed", "muhamad"), ("mohamed", "muhamad"), ("yousuf", "iusuf"), ("maria", "maria")],
)
def test_transliterated(word: str, read: str) -> None:
    assert transliterated(word) == read


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("Mohammed Ali", "Muhammad Ali", True),
        ("Mohamed Haddad", "Muhammad Hadad", True),
        ("Yusuf Demir", "Yousuf Demir", True),
        ("Amara Okafor", "Amaro Okafur", False),  # other vowels: perhaps a sibling
        ("Mohammed Ali", "Mahmoud Ali", False),
    ],
)
def test_transliterations_count_as_one_name(a: str, b: str, alike: bool) -> None:
    assert same_spelling_family(a.casefold(), b.casefold()) is alike
    assert (name_similarity(a, b) >= 0.85) is alike


def _check(client: Any, **body: Any) -> list[dict[str, Any]]:
    response = client.post(URL, body, format="json")
    assert response.status_code == 200, response.content
    return response.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("registered", "typed"),
    [
        (("José", "García"), ("Jose", "Garcia")),
        (("Jose", "Garcia"), ("JOSÉ", "GARCÍA")),
        (("Mohammed", "Ali"), ("Muhammad", "Ali")),
        (("Muhammad", "Ali"), ("Mohamed", "Ali")),
    ],
)
def test_found_whatever_the_spelling_and_the_birth_date(
    registered: tuple[str, str], typed: tuple[str, str], make_case: Any, client_for: Any
) -> None:
    """Alike at LIKELY: found with another date of birth, or none typed."""
    case = make_case(given_name=registered[0], family_name=registered[1])
    rows = _check(client_for("caseworker"), given_name=typed[0], family_name=typed[1], date_of_birth="2012-01-01")
    assert [row["id"] for row in rows] == [case.child_id]
    rows = _check(client_for("caseworker"), given_name=typed[0], family_name=typed[1])
    assert [row["id"] for row in rows] == [case.child_id]


@pytest.mark.parametrize("role", ["caseworker2", "sp_caseworker", "sp_supervisor"])
def test_only_within_the_scope(role: str, make_case: Any, client_for: Any) -> None:
    make_case(given_name="José", family_name="García")
    assert _check(client_for(role), given_name="Jose", family_name="Garcia") == []


def test_the_trigram_index_exists_on_postgresql_only(db: Any) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'child_name_trgm_idx'")
            row = cursor.fetchone()
            assert row is not None
            assert "gin_trgm_ops" in row[0]
            assert "jj_name_fold" in row[0]
            cursor.execute("SELECT similarity(jj_name_fold('José', 'García'), 'jose garcia')")
            assert cursor.fetchone()[0] == 1.0  # type: ignore[index]
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'child_name_trgm_idx'")
            assert cursor.fetchone() is None
