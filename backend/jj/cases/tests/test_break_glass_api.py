"""Break-glass: emergency access to another agency's case, with a stated reason, time-limited, audited, reported."""

from typing import Any

import pytest

from conftest import ALL_ROLES, make_user
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.audit.shredding import readable
from jj.deadlines.models import Notification

REASON = "Child arrested in our district tonight; need the guardian contacts"


def test_break_glass_grants_24_hours_and_tells_supervisors_and_oversight(
    make_case: Any, client_for: Any, world: Any
) -> None:
    # A caseworker of another agency of the same jurisdiction.
    world.users["defender_worker"] = make_user("defender_worker", Role.CASEWORKER, world.defender)
    case = make_case()
    outsider = client_for("defender_worker")
    assert outsider.get(f"/api/cases/{case.pk}/").status_code == 404
    short = outsider.post("/api/break-glass/", {"case": case.pk, "reason": "need it"}, format="json")
    assert short.status_code == 400
    assert "reason" in short.json()
    granted = outsider.post("/api/break-glass/", {"case": case.pk, "reason": REASON}, format="json")
    assert granted.status_code == 201
    assert outsider.get(f"/api/cases/{case.pk}/").status_code == 200
    event = AuditEvent.objects.get(action="case.break_glass", outcome="success")
    assert readable(event.reason, child_ref=event.child_ref) == REASON  # stored encrypted
    assert set(Notification.objects.filter(kind="case.break_glass").values_list("recipient_role", flat=True)) == {
        "supervisor",
        "oversight_monitor",
    }
    assert client_for("oversight_monitor").get("/api/audit/events/?action=case.break_glass").json()["count"] == 1


def test_break_glass_cannot_reach_another_jurisdiction(make_case: Any, client_for: Any) -> None:
    case = make_case()
    response = client_for("sp_caseworker").post("/api/break-glass/", {"case": case.pk, "reason": REASON}, format="json")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="case.break_glass", outcome="denied").exists()


@pytest.mark.parametrize("role", ALL_ROLES)
def test_break_glass_per_role(role: str, make_case: Any, client_for: Any, world: Any) -> None:
    world.users["defender_worker"] = make_user("defender_worker", Role.CASEWORKER, world.defender)
    case = make_case(by="defender_worker")
    response = client_for(role).post("/api/break-glass/", {"case": case.pk, "reason": REASON}, format="json")
    assert response.status_code == (201 if role in ("caseworker", "supervisor") else 403)


@pytest.mark.parametrize("role", ["caseworker", "supervisor"])
def test_break_glass_is_refused_inside_ones_own_agency(role: str, make_case: Any, client_for: Any) -> None:
    """Emergency access is no way round need-to-know next door: a colleague's case is assigned, not broken into."""
    from jj.cases.models import CaseUserObjectPermission

    case = make_case(by="caseworker2")
    response = client_for(role).post("/api/break-glass/", {"case": case.pk, "reason": REASON}, format="json")
    assert response.status_code == 403
    assert "another agency" in response.json()["detail"]
    assert not CaseUserObjectPermission.objects.exists()
    assert not Notification.objects.filter(kind="case.break_glass").exists()
    assert not AuditEvent.objects.filter(action="case.break_glass", outcome="success").exists()
    assert AuditEvent.objects.filter(action="case.break_glass", outcome="denied").exists()
