"""Lists cost a constant number of queries whatever the page size (rule 7: fast by construction)."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("supervisor", "/api/children/"),
        ("supervisor", "/api/cases/"),
        ("caseworker", "/api/cases/"),
        ("legal_counsel", "/api/cases/"),
        ("supervisor", "/api/guardians/"),
        ("administrator", "/api/users/"),
        ("supervisor", "/api/agencies/"),
    ],
)
def test_list_query_count_does_not_grow_with_page_size(role: str, url: str, make_case: Any, client_for: Any) -> None:
    for _ in range(12):
        make_case(counsel=True, court=True)
    client = client_for(role)
    small = _queries(client, f"{url}?page_size=2")
    large = _queries(client, f"{url}?page_size=12")
    assert small == large
