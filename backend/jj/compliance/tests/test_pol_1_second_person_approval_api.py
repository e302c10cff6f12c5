"""POL-1 through the policy change path: switching off a supervisor's approval is accepted (domestic law rules)
with a below-standard WARN citing A/RES/79/172 para. 6, recorded in the policy's decision history and audited."""

from typing import Any

from jj.audit.models import AuditEvent


def test_pol_1_switching_off_the_supervisor_approval_warns_below_standard(world: Any, client_for: Any) -> None:
    admin = client_for("administrator")
    changed = admin.patch(
        "/api/policies/north/", {"version": 0, "supervisor_approval_rules": ["MACR-7"]}, format="json"
    )
    assert changed.status_code == 200, changed.json()
    (warning,) = changed.json()["decisions"]
    assert warning["rule_id"] == "POL-1"
    assert warning["outcome"] == "warn"
    assert warning["below_standard"] is True
    assert warning["citation"]["instrument"] == "A/RES/79/172"
    assert warning["citation"]["provision"] == "para. 6"
    assert warning["facts"]["approvals_removed"] == ["DEV-1"]
    event = AuditEvent.objects.get(action="policy.update")
    assert event.rule_ids == ",POL-1,"
    assert event.changes == {"supervisor_approval_rules": {"before": ["DEV-1", "MACR-7"], "after": ["MACR-7"]}}
    history = admin.get("/api/policies/north/decisions/").json()["results"]
    assert [(d["rule_id"], d["below_standard"]) for d in history] == [("POL-1", True)]


def test_pol_1_adding_a_supervisor_approval_decides_nothing(world: Any, client_for: Any) -> None:
    body = {"version": 0, "supervisor_approval_rules": ["DEV-1", "MACR-7", "DET-4"]}
    changed = client_for("administrator").patch("/api/policies/north/", body, format="json")
    assert changed.status_code == 200, changed.json()
    assert changed.json()["decisions"] == []
