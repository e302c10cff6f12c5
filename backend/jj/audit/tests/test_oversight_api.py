"""Oversight access to the audit trail (issue 6): scoped, pseudonymised, filterable, verifiable offline."""

import importlib.util
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ALL_ROLES
from jj.audit import chain
from jj.audit.models import AuditEvent
from jj.audit.services import audit_append
from jj.core.pseudonym import child_pseudonym

SCRIPT = Path(django_settings.BASE_DIR).parent / "docs" / "audit" / "verify_export.py"

WHY = {"purpose": "Annual inspection"}  # every export states why


def _load_script() -> Any:
    spec = importlib.util.spec_from_file_location("verify_export", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_oversight_monitors_read_the_trail(role: str, client_for: Any) -> None:
    for url in ["/api/audit/events/", "/api/audit/verify/", "/api/audit/export/?purpose=Annual+inspection"]:
        assert client_for(role).get(url).status_code == (200 if role == "oversight_monitor" else 403)


def test_monitor_sees_own_jurisdiction_only(make_case: Any, client_for: Any) -> None:
    make_case()
    make_case(by="sp_caseworker")
    rows = client_for("oversight_monitor").get("/api/audit/events/?page_size=200").json()["results"]
    assert {r["actor_username"] for r in rows if r["action"] == "case.create"} == {"caseworker"}


def test_filters_by_action_actor_and_child(make_case: Any, client_for: Any) -> None:
    case = make_case()
    client_for("caseworker").get(f"/api/cases/{case.pk}/")
    monitor = client_for("oversight_monitor")
    ref = child_pseudonym(case.child_id)
    rows = monitor.get(f"/api/audit/events/?child_ref={ref}&action=case.read").json()["results"]
    assert [(r["actor_username"], r["action"]) for r in rows] == [("caseworker", "case.read")]
    assert monitor.get("/api/audit/events/?actor_username=nobody").json()["count"] == 0


def test_filter_by_rule_id_and_decision_outcome(world: Any, client_for: Any) -> None:
    decision = {"rule_id": "PTD-2", "outcome": "require_justification", "message": "m"}
    audit_append(actor=world["caseworker"], action="detention_order.issue", decisions=[decision])
    audit_append(actor=world["caseworker"], action="other", decisions=[{**decision, "rule_id": "MACR-1"}])
    monitor = client_for("oversight_monitor")
    rows = monitor.get("/api/audit/events/?rule_id=PTD-2&decision_outcome=require_justification").json()["results"]
    assert [r["action"] for r in rows] == ["detention_order.issue"]
    assert monitor.get("/api/audit/events/?rule_id=PTD").json()["count"] == 0  # whole ids only


def test_oversight_responses_never_contain_a_name_or_date_of_birth(make_case: Any, client_for: Any) -> None:
    case = make_case(
        given_name="Zephyrine", family_name="Quackenbush", date_of_birth="2011-04-23", address="12 Rue Secrète"
    )
    worker = client_for("caseworker")
    worker.get(f"/api/children/{case.child_id}/")
    worker.patch(f"/api/children/{case.child_id}/", {"family_name": "Quackenbush-Ode", "version": 1}, format="json")
    worker.post(
        "/api/guardians/",
        {"child": case.child_id, "name": "Gwendolyn Quackenbush", "relationship": "mother", "phone": "+33 6 99"},
        format="json",
    )
    monitor = client_for("oversight_monitor")
    bodies = [
        monitor.get("/api/audit/events/?page_size=200").content.decode(),
        monitor.get("/api/audit/verify/").content.decode(),
        b"".join(monitor.get("/api/audit/export/", WHY).streaming_content).decode(),  # type: ignore[attr-defined]
        monitor.get("/api/children/").content.decode(),
        monitor.get("/api/cases/").content.decode(),
        monitor.get("/api/oversight/decisions/?page_size=200").content.decode(),
        monitor.get("/api/inspections/").content.decode(),
        monitor.get("/api/facilities/inspection-status/").content.decode(),
        monitor.get("/api/facilities/occupancy/").content.decode(),
        monitor.get("/api/custody-episodes/").content.decode(),
        monitor.get("/api/policies/").content.decode(),
    ]
    assert '"rule_id":"MACR-1"' in bodies[5]  # the decisions are there, the child is a pseudonym
    for body in bodies:
        for secret in ["Zephyrine", "Quackenbush", "2011-04-23", "Secrète", "Gwendolyn", "+33 6 99"]:
            assert secret not in body


def test_verify_endpoint_reports_ok_and_the_head(make_case: Any, client_for: Any) -> None:
    make_case()
    body = client_for("oversight_monitor").get("/api/audit/verify/").json()
    verify_event = AuditEvent.objects.get(action="audit.verify")  # written after the chain was read
    before = AuditEvent.objects.get(seq=verify_event.seq - 1)
    assert body["ok"] is True
    assert body["events_checked"] == before.seq
    assert (body["head_seq"], body["head_hash"]) == (before.seq, before.hash)


def test_verify_rejects_a_malformed_head(client_for: Any) -> None:
    response = client_for("oversight_monitor").get("/api/audit/verify/?head=abc")
    assert response.status_code == 400
    assert "head" in response.json()


def test_export_verifies_offline_with_the_standalone_script(make_case: Any, client_for: Any, tmp_path: Path) -> None:
    make_case(counsel=True)
    monitor = client_for("oversight_monitor")
    start = (timezone.now() - timedelta(days=1)).isoformat()
    response = monitor.get("/api/audit/export/", {"occurred_after": start, **WHY})
    assert response["Content-Type"] == "application/x-ndjson"
    export = tmp_path / "audit.jsonl"
    export.write_bytes(b"".join(response.streaming_content))  # type: ignore[attr-defined]
    lines = export.read_text().splitlines()
    assert len(lines) == AuditEvent.objects.count()
    last = json.loads(lines[-1])
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(export), "--head", f"{last['seq']}:{last['hash']}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(lines)} events verify" in result.stdout
    assert AuditEvent.objects.filter(action="audit.export", actor_username="oversight_monitor").exists()


@pytest.mark.parametrize("tamper", ["edit", "drop_middle", "drop_last"])
def test_script_names_the_tampered_event(tamper: str, make_case: Any, client_for: Any, tmp_path: Path) -> None:
    make_case(counsel=True)
    lines = (
        b"".join(client_for("oversight_monitor").get("/api/audit/export/", WHY).streaming_content).decode().splitlines()
    )  # type: ignore[attr-defined]
    head = json.loads(lines[-1])
    target = json.loads(lines[2])
    if tamper == "edit":
        target["action"] = "forged"
        lines[2] = json.dumps(target)
    elif tamper == "drop_middle":
        del lines[2]
    else:
        del lines[-1]
    export = tmp_path / "tampered.jsonl"
    export.write_text("\n".join(lines) + "\n")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(export), "--head", f"{head['seq']}:{head['hash']}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    named = head["seq"] if tamper == "drop_last" else target["seq"]
    assert f"#{named}" in result.stdout


@settings(deadline=None)
@given(
    event=st.fixed_dictionaries(
        {
            name: st.one_of(
                st.text(max_size=20),
                st.integers(),
                st.none(),
                st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
            )
            for name in chain.HASHED_FIELDS
        }
    )
)
def test_standalone_script_and_system_agree_on_the_canonical_form(event: dict[str, Any]) -> None:
    assert _load_script().canonical(event) == chain.canonical(event)


def test_supervisor_sees_who_opened_a_childs_file(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    client_for("legal_counsel").get(f"/api/children/{case.child_id}/")
    rows = client_for("supervisor").get(f"/api/children/{case.child_id}/access-log/").json()["results"]
    assert ("legal_counsel", "child.read") in {(r["actor_username"], r["action"]) for r in rows}


@pytest.mark.parametrize(
    ("role", "status"),
    [("caseworker", 403), ("legal_counsel", 403), ("sp_supervisor", 404), ("oversight_monitor", 404)],
)
def test_access_log_is_for_the_agency_supervisor(role: str, status: int, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    assert client_for(role).get(f"/api/children/{case.child_id}/access-log/").status_code == status


def test_export_shows_only_own_jurisdiction_and_links_the_rest(make_case: Any, client_for: Any, tmp_path: Path) -> None:
    """Issue 11: the export is scoped like the list; other jurisdictions' events are stubs, so the file still
    verifies offline end to end without revealing them."""
    make_case()
    make_case(by="sp_caseworker", given_name="Southerner")
    body = b"".join(client_for("oversight_monitor").get("/api/audit/export/", WHY).streaming_content).decode()  # type: ignore[attr-defined]
    events = [json.loads(line) for line in body.splitlines()]
    full = [e for e in events if not e.get("omitted")]
    stubs = [e for e in events if e.get("omitted")]
    assert "sp_caseworker" not in body
    assert stubs
    assert all(set(e) == {"seq", "prev_hash", "hash", "omitted"} for e in stubs)
    assert {e["actor_username"] for e in full if e["action"] == "child.create"} == {"caseworker"}
    export = tmp_path / "audit.jsonl"
    export.write_text(body)
    result = subprocess.run([sys.executable, str(SCRIPT), str(export)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_offline_verification_needs_the_chain_key(make_case: Any, client_for: Any, tmp_path: Path) -> None:
    """Issue 11: the export verifies only under the installation's key; without it the script says so."""
    import os

    make_case()
    export = tmp_path / "audit.jsonl"
    export.write_bytes(b"".join(client_for("oversight_monitor").get("/api/audit/export/", WHY).streaming_content))  # type: ignore[attr-defined]
    env = {k: v for k, v in os.environ.items() if k != "JJ_AUDIT_HMAC_KEY"}
    missing = subprocess.run([sys.executable, str(SCRIPT), str(export)], capture_output=True, text=True, env=env)
    assert missing.returncode == 2
    assert "JJ_AUDIT_HMAC_KEY" in missing.stderr
    key_file = tmp_path / "audit.key"
    for key, status in [("a wrong key of some length", 1), (django_settings.AUDIT_HMAC_KEY, 0)]:
        key_file.write_text(key + "\n")
        result = subprocess.run(
            [sys.executable, str(SCRIPT), str(export), "--key-file", str(key_file)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == status, result.stdout + result.stderr


def test_exports_are_rate_limited_per_monitor(client_for: Any, monkeypatch: Any) -> None:
    """Issue 11: an export streams a whole period of the trail; a monitor gets a few per hour, then 429."""
    from rest_framework.throttling import ScopedRateThrottle

    assert django_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["export"] == "10/hour"  # type: ignore[index]
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"export": "2/hour"})  # DRF reads it at import
    monitor = client_for("oversight_monitor")
    statuses = [monitor.get("/api/audit/export/", WHY).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert AuditEvent.objects.filter(action="audit.export").count() == 2
    assert client_for("oversight_monitor").get("/api/audit/events/").status_code == 200  # only exports
