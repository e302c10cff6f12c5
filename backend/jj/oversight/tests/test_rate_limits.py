"""Issue 11: rate limits on the expensive endpoints, per user: the statistics (computed over a whole period on each
request), the indicator exports (synchronous file or background job) and the policy simulations. The audit export's
own limit is tested in jj/audit/tests/test_oversight_api.py. Before this, only the audit export was limited."""

from typing import Any

import pytest
from django.conf import settings as django_settings
from drf_spectacular.generators import SchemaGenerator
from rest_framework.throttling import ScopedRateThrottle

from conftest import make_user
from jj.accounts.models import Role
from jj.audit.models import AuditEvent

PERIOD = {"period_start": "2025-01-01", "period_end": "2025-12-31"}

# (scope, method, url, body, answer while within the rate, the audit action each answered request leaves)
LIMITED = [
    ("statistics", "get", "/api/oversight/indicators/", PERIOD, 200, "oversight.indicators"),
    ("statistics", "get", "/api/oversight/compliance/", PERIOD, 200, None),
    ("statistics", "get", "/api/oversight/disparity/", PERIOD, 200, None),
    ("statistics", "get", "/api/oversight/occupancy/", PERIOD, 200, None),
    (
        "oversight_export",
        "get",
        "/api/oversight/indicators/export/",
        {**PERIOD, "file": "csv", "purpose": "Annual report"},
        200,
        "oversight.export",
    ),
    ("oversight_export", "post", "/api/oversight/exports/", {**PERIOD, "purpose": "Annual report"}, 202, None),
    (
        "simulation",
        "post",
        "/api/simulations/",
        {"period_from": "2025-01-01", "period_to": "2025-12-31", "macr": 15},
        202,
        None,
    ),
]


def test_the_rates_are_settings_with_defaults() -> None:
    rates: dict[str, str] = django_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]  # type: ignore[index,assignment]
    assert rates["statistics"] == "600/hour"
    assert rates["oversight_export"] == "30/hour"
    assert rates["simulation"] == "30/hour"


@pytest.mark.parametrize(
    ("scope", "method", "url", "body", "ok", "action"), LIMITED, ids=[f"{x[1]} {x[2]}" for x in LIMITED]
)
def test_over_the_rate_is_a_429_and_does_nothing(
    scope: str,
    method: str,
    url: str,
    body: dict[str, Any],
    ok: int,
    action: str | None,
    world: Any,
    client_for: Any,
    monkeypatch: Any,
) -> None:
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {scope: "2/hour"})  # DRF reads it at import
    world.users["monitor2"] = make_user("monitor2", Role.OVERSIGHT_MONITOR, world["oversight_monitor"].agency)

    def send(who: str) -> Any:
        client = client_for(who)
        return client.post(url, body, format="json") if method == "post" else client.get(url, body)

    answers = [send("oversight_monitor") for _ in range(2)]
    assert [a.status_code for a in answers] == [ok, ok], answers[-1].content
    before = AuditEvent.objects.count()
    refused = send("oversight_monitor")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert AuditEvent.objects.count() == before  # nothing computed, nothing recorded
    if action:
        assert AuditEvent.objects.filter(action=action).count() == 2
    assert send("monitor2").status_code == ok  # per user: another monitor is not held back


def test_listing_ones_own_exports_and_simulations_is_not_limited(client_for: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"oversight_export": "1/hour", "simulation": "1/hour"})
    monitor = client_for("oversight_monitor")
    assert {monitor.get("/api/oversight/exports/").status_code for _ in range(3)} == {200}
    assert {monitor.get("/api/simulations/").status_code for _ in range(3)} == {200}


def test_the_schema_documents_the_429_where_a_rate_applies_and_only_there() -> None:
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    limited = {(url, method) for _, method, url, *_ in LIMITED} | {("/api/audit/export/", "get")}
    for url, method in limited:
        assert "429" in paths[url][method]["responses"], (url, method)
    assert "429" not in paths["/api/oversight/exports/"]["get"]["responses"]
    assert "429" not in paths["/api/simulations/"]["get"]["responses"]
    assert "429" not in paths["/api/cases/"]["get"]["responses"]
