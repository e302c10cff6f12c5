"""Probes, metrics, and logs that carry request ids but no personal data."""

import io
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

from conftest import child_data
from jj.audit.models import AuditEvent
from jj.core.observability import JsonLogFormatter, PersonalDataFilter, RequestIdFilter, redact_text
from jj.deadlines.services import deadlines_from_decisions, deadlines_sweep
from jj.rules.engine import Citation, DeadlineSpec, Decision, Outcome

CITE = Citation("CRC/C/GC/24", "para. 90", "brought before a competent authority within 24 hours")
GIVEN, FAMILY = "Zephyrine", "Quillfeather"


# --- Probes ------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_liveness_and_readiness_without_a_broker() -> None:
    client = Client()
    assert client.get("/api/health/live/").json() == {"status": "ok"}
    ready = client.get("/api/health/ready/")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": "ok", "broker": "not used"}


@pytest.mark.django_db
@override_settings(CELERY_BROKER_URL="redis://127.0.0.1:1/0")  # nothing listens on port 1
def test_readiness_fails_when_the_broker_is_unreachable_and_liveness_does_not() -> None:
    client = Client()
    ready = client.get("/api/health/ready/")
    assert ready.status_code == 503
    assert ready.json() == {"status": "error", "database": "ok", "broker": "unreachable"}
    assert client.get("/api/health/live/").status_code == 200


# --- Metrics -----------------------------------------------------------------------------------------------------


def _overdue(case: Any) -> None:
    spec = DeadlineSpec(kind="k", due_at=timezone.now() - timedelta(hours=2), description="Before a judge")
    decision = Decision(rule_id="PTD-1", outcome=Outcome.ALLOW, message="m", citation=CITE, facts={}, deadlines=(spec,))
    deadlines_from_decisions(case=case, decisions=[decision])


def _metric(body: str, prefix: str) -> float:
    values = [float(line.rsplit(" ", 1)[1]) for line in body.splitlines() if line.startswith(prefix)]
    assert values, f"no {prefix} in the metrics"
    return sum(values)


def test_metrics_report_routes_overdue_deadlines_sweep_lag_and_audit_time(
    world: Any, make_case: Any, client_for: Any
) -> None:
    case = make_case()
    _overdue(case)
    client_for("caseworker").get(f"/api/cases/{case.pk}/")
    body = Client().get("/api/metrics/", REMOTE_ADDR="127.0.0.1").content.decode()
    assert _metric(body, 'jj_http_requests_total{method="GET",route="/api/cases/<int:case_id>/",status="200"}') >= 1
    assert _metric(body, 'jj_http_request_duration_seconds_count{method="GET",route="/api/cases/<int:case_id>/"}')
    assert _metric(body, f'jj_deadlines_overdue{{agency_id="{world.yjs.pk}"}}') == 1
    assert _metric(body, "jj_deadline_sweep_lag_seconds") > 3600
    assert _metric(body, 'jj_audit_append_db_seconds_count{step="insert"}') >= 1
    assert str(case.pk) not in body.split("jj_http_requests_total")[1].split("\n")[0]  # ids never become labels

    deadlines_sweep(now=timezone.now())
    after = Client().get("/api/metrics/", REMOTE_ADDR="127.0.0.1").content.decode()
    assert _metric(after, "jj_deadline_sweep_lag_seconds") == 0
    assert _metric(after, f'jj_deadlines_overdue{{agency_id="{world.yjs.pk}"}}') == 1  # alerted, still not met


@pytest.mark.django_db
def test_metrics_are_refused_outside_the_allowed_networks() -> None:
    assert Client().get("/api/metrics/", REMOTE_ADDR="203.0.113.9").status_code == 403
    with override_settings(METRICS_ALLOWED_NETWORKS=["203.0.113.0/24"]):
        assert Client().get("/api/metrics/", REMOTE_ADDR="203.0.113.9").status_code == 200


@pytest.mark.django_db
@override_settings(METRICS_TOKEN="s3cret-scraper-token")
def test_with_a_token_set_metrics_need_it_from_everywhere() -> None:
    client = Client()
    assert client.get("/api/metrics/", REMOTE_ADDR="127.0.0.1").status_code == 403
    assert client.get("/api/metrics/", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    assert client.get("/api/metrics/", HTTP_AUTHORIZATION="Bearer s3cret-scraper-token").status_code == 200


# --- Logs ------------------------------------------------------------------------------------------------------


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    """Everything the production log handler (settings.LOGGING's console) writes, at DEBUG, Django's SQL included."""
    stream = io.StringIO()
    root = logging.getLogger()
    (console,) = [h for h in root.handlers if h.get_name() == "console"]
    assert isinstance(console, logging.StreamHandler)
    assert isinstance(console.formatter, JsonLogFormatter)
    assert {type(f) for f in console.filters} == {RequestIdFilter, PersonalDataFilter}
    previous = console.setStream(stream)
    loud = [root] + [logging.getLogger(n) for n in ("django", "django.request", "django.db.backends", "jj", "axes")]
    old = [lg.level for lg in loud]
    for lg in loud:
        lg.setLevel(logging.DEBUG)
    connection.force_debug_cursor = True
    try:
        yield stream
    finally:
        connection.force_debug_cursor = False
        for lg, level in zip(loud, old, strict=True):
            lg.setLevel(level)
        console.setStream(previous)  # type: ignore[arg-type]


def test_a_workflow_through_the_api_leaves_no_names_in_the_logs(
    world: Any, client_for: Any, captured_logs: io.StringIO
) -> None:
    client = client_for("caseworker")
    data = child_data(given_name=GIVEN, family_name=FAMILY, date_of_birth="2011-02-03")
    created = client.post("/api/children/", data, format="json", HTTP_X_REQUEST_ID="trace-register-1")
    assert created.status_code == 201, created.content
    child_id = created.json()["id"]
    body = {
        "child": child_id,
        "kind": "arrest",
        "offences": [
            {"description": f"Taken from {GIVEN}'s neighbour", "category": "05", "offence_date": "2026-03-01"}
        ],
    }
    case = client.post("/api/cases/", body, format="json")
    assert case.status_code == 201, case.content
    assert client.get(f"/api/children/{child_id}/").status_code == 200
    assert client.get(f"/api/children/?search={GIVEN}").json()["count"] == 1
    assert client.get(f"/api/cases/{case.json()['id']}/").status_code == 200
    refused = client.post("/api/children/", {**data, "date_of_birth": "not a date"}, format="json")
    assert refused.status_code == 400
    assert client.get("/api/children/987654/").status_code == 404
    logging.getLogger("jj.test").warning("register %(given_name)s", {"given_name": GIVEN})
    logging.getLogger("jj.test").error("failed", extra={"family_name": FAMILY, "params": [FAMILY]})
    try:
        raise ValueError(f"duplicate key\nDETAIL:  Key (family_name)=({FAMILY}) already exists.")
    except ValueError:
        logging.getLogger("jj.test").exception("integrity")

    text = captured_logs.getvalue()
    lines = [json.loads(line) for line in text.splitlines()]
    assert any(line["logger"] == "django.db.backends" for line in lines), "the SQL log was captured"
    assert any(line.get("route") == "/api/children/" for line in lines), "requests were logged"
    for name in (GIVEN, FAMILY, GIVEN.lower(), FAMILY.lower()):
        assert name not in text
    # The request id a client sent is in that request's log lines and in the audit event it wrote.
    register_lines = [line for line in lines if line.get("request_id") == "trace-register-1"]
    assert any(line.get("route") == "/api/children/" and line.get("status") == 201 for line in register_lines)
    assert created["X-Request-ID"] == "trace-register-1"
    assert AuditEvent.objects.filter(request_id="trace-register-1", action__startswith="child.").exists()


def test_database_error_details_are_redacted() -> None:
    detail = "ERROR: duplicate\nDETAIL:  Key (given_name, family_name)=(Amara, Okafor) already exists."
    assert "Amara" not in redact_text(detail)
    assert "Key (given_name, family_name)=([redacted])" in redact_text(detail)
    failing = "new row violates check constraint\nDETAIL:  Failing row contains (1, Amara, Okafor, 2010-05-17)."
    assert "Amara" not in redact_text(failing)
