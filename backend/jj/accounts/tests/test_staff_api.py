"""Staff a supervisor can assign: caseworkers of their agency, counsel and court officers of the jurisdiction."""

from typing import Any

import pytest

from conftest import ALL_ROLES


@pytest.mark.parametrize("role", ALL_ROLES)
def test_staff_list_per_role(role: str, client_for: Any) -> None:
    response = client_for(role).get("/api/staff/")
    assert response.status_code == (200 if role == "supervisor" else 403)


def test_staff_list_is_scoped_and_minimal(client_for: Any) -> None:
    body = client_for("supervisor").get("/api/staff/?page_size=50").json()
    usernames = {row["username"] for row in body["results"]}
    assert usernames == {"caseworker", "caseworker2", "legal_counsel", "court_officer"}
    # The training date lets a supervisor assign someone trained in child justice (TRN-1).
    assert set(body["results"][0]) == {
        "id",
        "username",
        "display_name",
        "role",
        "agency",
        "agency_name",
        "trained_in_child_justice_on",
    }
    counsel = client_for("supervisor").get("/api/staff/?role=legal_counsel").json()
    assert [row["username"] for row in counsel["results"]] == ["legal_counsel"]
    assert client_for("sp_supervisor").get("/api/staff/").json()["count"] == 1  # sp_caseworker only
