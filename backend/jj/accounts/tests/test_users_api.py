"""User management is the administrator's, audited; nobody else reaches it."""

from typing import Any

import pytest

from conftest import ALL_ROLES, PASSWORD
from jj.accounts.models import User
from jj.audit.models import AuditEvent

NEW_USER = {
    "username": "newworker",
    "password": "a-long-enough-passphrase-2026",
    "role": "caseworker",
    "current_password": PASSWORD,
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_user_list_only_for_administrators(role: str, client_for: Any) -> None:
    response = client_for(role).get("/api/users/")
    assert response.status_code == (200 if role == "administrator" else 403)


def test_administrator_sees_only_own_jurisdiction(client_for: Any) -> None:
    names = {u["username"] for u in client_for("administrator").get("/api/users/?page_size=50").json()["results"]}
    assert "caseworker" in names
    assert "sp_caseworker" not in names


def test_create_user_audited_and_password_hashed(world: Any, client_for: Any) -> None:
    response = client_for("administrator").post("/api/users/", {**NEW_USER, "agency": world.yjs.pk}, format="json")
    assert response.status_code == 201, response.json()
    assert "password" not in response.json()
    user = User.objects.get(username="newworker")
    assert user.check_password(NEW_USER["password"])
    assert AuditEvent.objects.get(action="user.create").changes["role"]["after"] == "caseworker"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"password": "short"}, "password"),
        ({"username": "caseworker"}, "username"),
        ({"role": "king"}, "role"),
        ({"agency": None}, "agency"),
        ({"password": "password1234"}, "non_field_errors"),
    ],
)
def test_invalid_user_is_explained(payload: dict[str, Any], field: str, world: Any, client_for: Any) -> None:
    response = client_for("administrator").post(
        "/api/users/", {**NEW_USER, "agency": world.yjs.pk, **payload}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert not User.objects.filter(username="newworker").exists()


def test_role_change_is_audited_as_such(world: Any, client_for: Any) -> None:
    target = world["caseworker2"]
    response = client_for("administrator").patch(
        f"/api/users/{target.pk}/", {"current_password": PASSWORD, "role": "supervisor"}, format="json"
    )
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="user.role_change")
    assert event.changes["role"] == {"before": "caseworker", "after": "supervisor"}


def test_administrator_cannot_demote_themselves(world: Any, client_for: Any) -> None:
    admin = world["administrator"]
    response = client_for("administrator").patch(
        f"/api/users/{admin.pk}/", {"current_password": PASSWORD, "role": "caseworker"}, format="json"
    )
    assert response.status_code == 400
    assert User.objects.get(pk=admin.pk).role == "administrator"


def test_user_of_other_jurisdiction_is_404(world: Any, client_for: Any) -> None:
    assert client_for("administrator").get(f"/api/users/{world['sp_caseworker'].pk}/").status_code == 404


def test_password_reset_by_administrator(world: Any, client_for: Any) -> None:
    target = world["caseworker2"]
    response = client_for("administrator").patch(
        f"/api/users/{target.pk}/",
        {"current_password": PASSWORD, "password": "another-long-passphrase-99"},
        format="json",
    )
    assert response.status_code == 200
    assert User.objects.get(pk=target.pk).check_password("another-long-passphrase-99")
    assert AuditEvent.objects.filter(action="user.password_change").exists()


@pytest.mark.parametrize("role", ALL_ROLES)
def test_agencies_are_reference_data_for_everyone_signed_in(role: str, client_for: Any) -> None:
    names = {a["name"] for a in client_for(role).get("/api/agencies/").json()["results"]}
    assert names == {"Youth Justice Service", "Public Defender"}


@pytest.mark.parametrize("role", ["caseworker", "supervisor"])
def test_only_administrators_create_agencies(role: str, world: Any, client_for: Any) -> None:
    response = client_for(role).post("/api/agencies/", {"name": "X", "jurisdiction": world.north.pk}, format="json")
    assert response.status_code == 403
