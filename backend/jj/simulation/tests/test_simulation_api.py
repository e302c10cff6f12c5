"""The simulation API and service: who may ask (refusals write nothing but their audit event), field messages, the
background task run in-process, suppression of small cells, and the CSV, XLSX and PDF exports."""

import io
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from conftest import child_data, make_user, offence_data
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.cases import services as case_services
from jj.compliance.services import policy_update
from jj.core.exceptions import ActionNotAllowed
from jj.oversight.models import JurisdictionProfile
from jj.people import services as people_services
from jj.rules.policy import STANDARD
from jj.simulation import export, services
from jj.simulation.models import PolicySimulation, SimulationStatus
from jj.simulation.replay import MEASURES, suppressed_tables
from jj.simulation.report import _label, labels_for, result_pdf
from jj.simulation.tasks import run_simulation


def _today() -> date:
    """Northland's day (the world's jurisdiction is in Europe/Paris): the UTC day ends an hour later there."""
    return timezone.localdate(timezone=ZoneInfo("Europe/Paris"))


def _period() -> dict[str, str]:
    today = _today()
    return {"period_from": (today - timedelta(days=30)).isoformat(), "period_to": today.isoformat()}


def _young_cases(world: Any, n: int, *, sex: str = "female") -> None:
    worker = world["caseworker"]
    for i in range(n):
        child = people_services.child_register(
            actor=worker, data=child_data(given_name=f"Kid{i}{sex}", date_of_birth=date(2013, 6, 1), sex=sex)
        )
        case_services.case_open(
            actor=worker, child=child, kind="arrest", offences=[offence_data(offence_date=date(2026, 3, 1))]
        )


@pytest.fixture
def macr_12(world: Any) -> None:
    policy_update(actor=world["administrator"], jurisdiction=world.north, version=0, values={"macr": 12})


@pytest.mark.parametrize("role", ["caseworker", "supervisor", "legal_counsel", "facility_officer", "court_officer"])
def test_only_monitors_and_administrators_may_simulate_and_a_refusal_writes_nothing(
    world: Any, client_for: Any, role: str
) -> None:
    response = client_for(role).post("/api/simulations/", {**_period(), "macr": 16}, format="json")
    assert response.status_code == 403
    assert PolicySimulation.objects.count() == 0


def test_the_service_refuses_another_jurisdiction_and_audits_the_refusal(world: Any) -> None:
    south_monitor = make_user("sp_monitor", Role.OVERSIGHT_MONITOR, world.south_agency)
    for actor in (south_monitor, world["caseworker"]):
        with pytest.raises(ActionNotAllowed):
            services.simulation_request(
                actor=actor,
                jurisdiction=world.north,
                parameters={"macr": 16},
                period_from=date(2026, 1, 1),
                period_to=date(2026, 6, 30),
            )
    assert PolicySimulation.objects.count() == 0
    assert AuditEvent.objects.filter(action="simulation.request", outcome="denied").count() == 2


def test_parameters_are_validated_with_a_message_on_the_field(client_for: Any) -> None:
    client = client_for("oversight_monitor")
    too_high = client.post("/api/simulations/", {**_period(), "macr": 30}, format="json")
    assert too_high.status_code == 400
    assert "macr" in too_high.json()
    bad_choice = client.post("/api/simulations/", {**_period(), "over_capacity": "maybe"}, format="json")
    assert bad_choice.status_code == 400
    assert "over_capacity" in bad_choice.json()
    backwards = client.post(
        "/api/simulations/", {"period_from": "2026-06-01", "period_to": "2026-05-01", "macr": 16}, format="json"
    )
    assert backwards.status_code == 400
    assert "period_to" in backwards.json()
    nothing = client.post("/api/simulations/", _period(), format="json")
    assert nothing.status_code == 400
    same = client.post("/api/simulations/", {**_period(), "macr": STANDARD.macr}, format="json")
    assert same.status_code == 400
    assert "parameters" in same.json()
    assert PolicySimulation.objects.count() == 0


def test_a_simulation_runs_in_the_background_and_its_result_is_suppressed_audited_and_exported(
    world: Any, client_for: Any, macr_12: None, django_capture_on_commit_callbacks: Any
) -> None:
    _young_cases(world, 6, sex="female")
    _young_cases(world, 2, sex="male")
    client = client_for("oversight_monitor")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/simulations/", {**_period(), "macr": 14}, format="json")
    assert response.status_code == 202, response.content
    body = response.json()
    detail = client_for("administrator").get(f"/api/simulations/{body['id']}/").json()  # shared in the jurisdiction
    assert detail["status"] == "done"
    assert detail["progress"] == 100
    assert detail["coverage"] == 1.0
    result = detail["result"]
    assert result["totals"]["cases_removed"] == 8
    assert result["totals"]["children_removed"] == 8
    assert result["reproduced"]["mismatches"] == 0
    by_sex = {row["group"]: row for row in result["breakdown"]["sex"]}
    assert by_sex["male"]["cases_removed"] is None  # 2 is a small cell
    assert by_sex["female"]["cases_removed"] is None  # else 8 - 6 would give the 2 away
    by_age = {row["group"]: row for row in result["breakdown"]["age_group"]}
    assert by_age["10_13"]["cases_removed"] == 8
    assert {"rule_id": "MACR-1", "from": "warn", "to": "block", "acts": 8} in result["rules"]
    assert AuditEvent.objects.filter(action="simulation.request", object_id=str(body["id"])).exists()
    assert AuditEvent.objects.filter(action="simulation.run", object_id=str(body["id"])).exists()
    csv = client.get(f"/api/simulations/{body['id']}/csv/?purpose=Reform+briefing")
    assert csv.status_code == 200
    assert csv["Content-Type"] == "text/csv"
    text = csv.content.decode()
    assert text.startswith("# Confidential - exported by oversight_monitor (oversight_monitor) on ")
    assert "total,cases_removed,,,8" in text
    assert "by sex,sex,male,cases_removed,suppressed" in text
    assert "by age_group,age_group,10_13,cases_removed,8" in text
    assert AuditEvent.objects.filter(action="simulation.export", object_id=str(body["id"])).exists()
    listed = client.get("/api/simulations/").json()
    assert listed["count"] == 1
    assert listed["results"][0]["totals"]["cases_removed"] == 8


def test_a_jurisdiction_threshold_hides_more(
    world: Any, macr_12: None, django_capture_on_commit_callbacks: Any
) -> None:
    JurisdictionProfile.objects.create(jurisdiction=world.north, suppression_threshold=10)
    _young_cases(world, 6)
    with django_capture_on_commit_callbacks(execute=True):
        simulation = services.simulation_request(
            actor=world["oversight_monitor"],
            jurisdiction=world.north,
            parameters={"macr": 14},
            period_from=_today() - timedelta(days=1),
            period_to=_today(),
        )
    simulation.refresh_from_db()
    assert simulation.result is not None
    assert simulation.result["threshold"] == 10
    assert simulation.result["totals"]["cases_removed"] is None
    assert simulation.result["totals"]["children_removed"] is None


def test_secondary_suppression_hides_a_second_cell_so_none_can_be_recovered() -> None:
    def row(cases: int) -> dict[str, Any]:
        return dict.fromkeys(MEASURES, 0) | {"cases_removed": cases, "episodes_avoided": 6, "child_days_avoided": 9.5}

    totals = dict.fromkeys(MEASURES, 0) | {"cases_removed": 12, "episodes_avoided": 12, "child_days_avoided": 19.0}
    raw = {"agency": {}, "age_group": {}, "sex": {"female": row(10), "male": row(2)}}
    breakdown, published = suppressed_tables(totals, raw, 5)
    by_sex = {r["group"]: r for r in breakdown["sex"]}
    # The male cell is small; the female one goes too, or 12 - 10 would give it away. The total stays.
    assert by_sex["female"]["cases_removed"] is None
    assert by_sex["male"]["cases_removed"] is None
    assert published["cases_removed"] == 12
    # 6 and 6 are above the threshold: published, with their child-days.
    assert by_sex["male"]["episodes_avoided"] == 6
    assert by_sex["male"]["child_days_avoided"] == 9.5


def test_small_totals_are_hidden_with_their_child_days() -> None:
    totals = dict.fromkeys(MEASURES, 0) | {"cases_removed": 3, "episodes_avoided": 2, "child_days_avoided": 40.0}
    _, published = suppressed_tables(totals, {"agency": {}, "age_group": {}, "sex": {}}, 5)
    assert published["cases_removed"] is None
    assert published["episodes_avoided"] is None
    assert published["child_days_avoided"] is None
    assert published["acts_refused"] == 0  # a zero reveals nobody


def test_the_task_runs_in_process_and_a_second_delivery_changes_nothing(world: Any, macr_12: None) -> None:
    _young_cases(world, 1)
    simulation = PolicySimulation.objects.create(
        jurisdiction=world.north,
        requested_by=world["oversight_monitor"],
        parameters={"macr": 14},
        period_from=_today(),
        period_to=_today(),
    )
    assert run_simulation.apply(args=[simulation.pk]).get() == SimulationStatus.DONE
    simulation.refresh_from_db()
    finished = (simulation.finished_at, simulation.result)
    assert run_simulation.apply(args=[simulation.pk]).get() == SimulationStatus.DONE
    simulation.refresh_from_db()
    assert (simulation.finished_at, simulation.result) == finished
    assert AuditEvent.objects.filter(action="simulation.run").count() == 1


def test_a_simulation_of_another_jurisdiction_is_not_found(world: Any, client_for: Any) -> None:
    south_admin = make_user("sp_admin", Role.ADMINISTRATOR, world.south_agency)
    simulation = PolicySimulation.objects.create(
        jurisdiction=world.south,
        requested_by=south_admin,
        parameters={"macr": 16},
        period_from=date(2026, 1, 1),
        period_to=date(2026, 1, 31),
    )
    client = client_for("oversight_monitor")
    assert client.get(f"/api/simulations/{simulation.pk}/").status_code == 404
    for file_format in ("csv", "xlsx", "pdf"):
        assert client.get(f"/api/simulations/{simulation.pk}/{file_format}/").status_code == 404
    assert client.get("/api/simulations/").json()["count"] == 0


def test_the_result_exports_as_xlsx_and_pdf_suppressed_guarded_and_audited(
    world: Any, client_for: Any, macr_12: None, django_capture_on_commit_callbacks: Any
) -> None:
    world.yjs.name = '=HYPERLINK("http://x")'  # an agency name a spreadsheet would run as a formula
    world.yjs.save(update_fields=["name"])
    _young_cases(world, 6, sex="female")
    _young_cases(world, 2, sex="male")
    client = client_for("oversight_monitor")
    with django_capture_on_commit_callbacks(execute=True):
        pk = client.post("/api/simulations/", {**_period(), "macr": 14}, format="json").json()["id"]

    xlsx = client.get(f"/api/simulations/{pk}/xlsx/?purpose=Reform+briefing")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"] == export.CONTENT_TYPES["xlsx"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert str(rows[0][0]).startswith("# Confidential - exported by oversight_monitor (oversight_monitor) on ")
    agencies = {row[2] for row in rows if row[0] == "by agency"}
    assert "'" + world.yjs.name in agencies  # neutralised, not a formula
    assert not any(str(cell).startswith("=") for row in rows for cell in row)
    assert ("total", "cases_removed", None, None, 8) in rows  # numbers stay numbers
    assert ("by sex", "sex", "male", "cases_removed", "suppressed") in rows  # 2 is a small cell
    assert ("reproduced", "mismatches", None, None, 0) in rows
    text = " ".join(str(cell) for row in rows for cell in row)
    for name in ("Kid0female", "Kid1male"):
        assert name not in text

    pdf = client.get(f"/api/simulations/{pk}/pdf/?lang=fr&purpose=Reform+briefing")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    exports = AuditEvent.objects.filter(action="simulation.export", object_id=str(pk)).order_by("seq")
    assert [e.changes["format"] for e in exports] == ["xlsx", "pdf"]
    assert all(e.changes["watermark"].endswith("for: Reform briefing") for e in exports)


def test_the_printable_report_is_in_the_readers_language_and_keeps_suppressed_cells() -> None:
    result = {
        "period": {"from": "2025-01-01T00:00:00+00:00", "to": "2026-01-01T00:00:00+00:00"},
        "threshold": 5,
        "parameters": [{"name": "macr", "label": "Minimum age", "current": 12, "proposed": 14}],
        "coverage": {"acts": 10, "replayable": 10, "share": 1.0, "by_trigger": []},
        "reproduced": {"mismatches": 0, "rules": []},
        "totals": dict.fromkeys(MEASURES),
        "breakdown": {"sex": [{"group": "female", **dict.fromkeys(MEASURES)}], "age_group": [], "agency": []},
        "rules": [],
        "missing": {},
    }
    at = timezone.now()

    def render(language: str) -> bytes:
        return result_pdf(
            result,
            language=language,
            jurisdiction="Northland",
            period="2025-01-01 - 2025-12-31",
            requested_by="monitor",
            asked_at=at,
            now=at,
        )

    english = render("en")
    french = render("fr")
    assert english.startswith(b"%PDF")
    assert french.startswith(b"%PDF")
    assert english != french
    assert render("ar").startswith(b"%PDF")  # English labels (no Arabic shaping)
    assert labels_for("fr")["suppressed"] == "masqué"
    assert _label({"name": "macr", "label": "Minimum age"}, "fr") == "Âge minimum de la responsabilité pénale (ans)"
    assert labels_for("ar") == labels_for("en")


def test_a_result_not_ready_cannot_be_exported(world: Any, client_for: Any) -> None:
    simulation = PolicySimulation.objects.create(
        jurisdiction=world.north,
        requested_by=world["oversight_monitor"],
        parameters={"macr": 16},
        period_from=date(2026, 1, 1),
        period_to=date(2026, 1, 31),
    )
    for file_format in ("csv", "xlsx", "pdf"):
        response = client_for("oversight_monitor").get(f"/api/simulations/{simulation.pk}/{file_format}/")
        assert response.status_code == 409
    assert not AuditEvent.objects.filter(action="simulation.export").exists()


def test_the_replay_reads_in_batches_its_query_count_does_not_grow_with_the_acts(world: Any, macr_12: None) -> None:
    """Pinned: a year's replay reads the acts with one cursor, their facts one batch at a time, then the cases and
    episodes concerned set-based; more acts in a batch add no query (a national year is ~700 batches)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jj.compliance.selectors import policy_for
    from jj.simulation.replay import replay_period

    def queries() -> int:
        current = policy_for(world.north.pk)
        start, end = services.period_bounds(world.north, date(2025, 1, 1), _today())
        with CaptureQueriesContext(connection) as captured:
            result = replay_period(
                jurisdiction_id=world.north.pk,
                current=current,
                proposed=current.with_values({"macr": 14}),
                start=start,
                end=end,
                now=timezone.now(),
            )
        assert result.mismatches == 0
        return len(captured.captured_queries)

    _young_cases(world, 2)
    few = queries()
    _young_cases(world, 6, sex="male")
    assert queries() == few == 4  # the count, the acts, their facts, the episodes of the removed cases
