"""The oversight API: scope by the monitor's jurisdiction, audited reads and exports, spreadsheet-safe exports,
administrators' population figures and profile, and query counts that do not grow with the data."""

import io
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from jj.accounts.models import Agency, Role
from jj.audit.models import AuditEvent
from jj.cases.models import Case
from jj.oversight.models import ChildPopulation, JurisdictionProfile
from jj.oversight.tests.dataset import build
from jj.people.models import Child

YEAR = "period_start=2025-01-01&period_end=2025-12-31"


@pytest.fixture
def ds(world: Any):
    return build(world.north, world.yjs, world.south_agency)


def test_monitor_gets_the_fifteen_indicators_of_their_jurisdiction(ds, client_for):
    response = client_for("oversight_monitor").get(f"/api/oversight/indicators/?{YEAR}")
    assert response.status_code == 200
    body = response.json()
    assert body["jurisdiction"]["code"] == "north"
    assert body["threshold"] == 5
    assert [r["number"] for r in body["results"]] == list(range(1, 16))
    first = body["results"][0]
    assert (first["numerator"], first["denominator"], first["value"]) == (None, 200_000, None)  # 5 arrested: small
    assert first["suppressed"] == {"numerator": True, "denominator": False, "value": True}
    event = AuditEvent.objects.filter(action="oversight.indicators").last()
    assert event is not None
    assert event.object_id == "north"


def test_another_jurisdiction_is_not_found_and_the_attempt_audited(ds, client_for):
    response = client_for("oversight_monitor").get(f"/api/oversight/indicators/?{YEAR}&jurisdiction=south")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="oversight.indicators", outcome="denied", object_id="south").exists()


@pytest.mark.parametrize("username", ["caseworker", "supervisor", "legal_counsel", "facility_officer", "court_officer"])
def test_case_roles_cannot_read_oversight_statistics(ds, client_for, username):
    assert client_for(username).get(f"/api/oversight/indicators/?{YEAR}").status_code == 403


def test_threshold_can_be_raised_not_lowered(ds, client_for):
    client = client_for("oversight_monitor")
    assert client.get(f"/api/oversight/indicators/?{YEAR}&threshold=1").json()["threshold"] == 5
    assert client.get(f"/api/oversight/indicators/?{YEAR}&threshold=9").json()["threshold"] == 9


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("period_start=2025-12-31&period_end=2025-01-01", "period_end"),
        ("period_start=2015-01-01&period_end=2025-01-01", "period_end"),
        ("by=religion", "by"),
        ("arrest_unit=family", "arrest_unit"),
        ("period_start=yesterday", "period_start"),
    ],
)
def test_invalid_queries_get_field_messages(ds, client_for, query, field):
    response = client_for("oversight_monitor").get(f"/api/oversight/indicators/?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_disaggregation_and_conventions_through_the_api(ds, client_for):
    body = client_for("oversight_monitor").get(f"/api/oversight/indicators/?{YEAR}&by=sex&arrest_unit=event").json()
    arrests = body["results"][0]
    assert arrests["parameters"]["arrest_unit"] == {"value": "event", "default": "child"}
    assert arrests["numerator"] == 6
    assert {g["group"] for g in arrests["groups"]} == {"female", "male"}


def test_no_identifying_data_in_any_statistic(ds, client_for):
    client = client_for("oversight_monitor")
    text = ""
    for path in ("indicators", "compliance", "disparity", "occupancy"):
        text += client.get(f"/api/oversight/{path}/?{YEAR}").content.decode()
    text += client.get(f"/api/oversight/indicators/?{YEAR}&by=age_group").content.decode()
    for kid in Child.objects.all():
        for value in (kid.given_name, kid.family_name, kid.address, str(kid.date_of_birth)):
            assert value not in text


@pytest.fixture
def hostile_agency(ds, world):
    """An agency whose name a spreadsheet would run as a formula, with an arrest in 2025."""
    agency = Agency.objects.create(jurisdiction=world.north, name='=HYPERLINK("http://x.test","click")')
    kid = Child.objects.create(jurisdiction=world.north, agency=agency, given_name="Z", sex="male")
    Case.objects.create(
        reference="H-1",
        child=kid,
        jurisdiction=world.north,
        agency=agency,
        kind="arrest",
        opened_at=ds.cases["A1"].opened_at,
    )
    return agency


def test_csv_export_neutralises_formulas_and_is_audited(hostile_agency, client_for):
    response = client_for("oversight_monitor").get(
        f"/api/oversight/indicators/export/?{YEAR}&by=agency&file=csv&purpose=Annual+report"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "\n=HYPERLINK" not in text
    assert ",=HYPERLINK" not in text
    assert "suppressed" in text
    event = AuditEvent.objects.get(action="oversight.export")
    assert event.changes["format"] == "csv"


def test_xlsx_export_keeps_formulas_as_text(hostile_agency, client_for):
    response = client_for("oversight_monitor").get(
        f"/api/oversight/indicators/export/?{YEAR}&by=agency&file=xlsx&purpose=Annual+report"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert any(v.startswith("'=HYPERLINK") for v in values)
    assert not any(v.startswith("=") for v in values)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert AuditEvent.objects.filter(action="oversight.export", changes__format="xlsx").exists()


def test_compliance_disparity_occupancy(ds, client_for):
    client = client_for("oversight_monitor")
    compliance = client.get(f"/api/oversight/compliance/?{YEAR}")
    assert compliance.status_code == 200
    assert set(compliance.json()) >= {"deadlines", "detention_orders", "justifications", "refusals"}
    disparity = client.get(f"/api/oversight/disparity/?{YEAR}&by=sex")
    assert disparity.status_code == 200
    assert disparity.json()["reference"] == "male"
    occupancy = client.get(f"/api/oversight/occupancy/?{YEAR}")
    assert len(occupancy.json()["dates"]) == 12


def test_admin_records_a_population_figure_audited(world, client_for):
    response = client_for("administrator").post(
        "/api/oversight/population/",
        {"year": 2026, "sex": "female", "age_group": "14_15", "count": 12345, "source": "Census bureau"},
        format="json",
    )
    assert response.status_code == 201
    row = ChildPopulation.objects.get(jurisdiction=world.north, year=2026)
    assert row.count == 12345
    assert AuditEvent.objects.filter(action="population.set").exists()


def test_monitor_cannot_record_population_and_nothing_is_written(world, client_for):
    response = client_for("oversight_monitor").post(
        "/api/oversight/population/", {"year": 2026, "sex": "female", "age_group": "14_15", "count": 1}, format="json"
    )
    assert response.status_code == 403
    assert not ChildPopulation.objects.exists()


def test_population_csv_import_all_or_nothing(world, client_for):
    client = client_for("administrator")
    bad = "year,sex,age_group,count\n2026,female,14_15,100\n2026,female,teen,abc\n2026,female,14_15,5\n"
    response = client.post("/api/oversight/population/import/", {"csv": bad}, format="json")
    assert response.status_code == 400
    errors = response.json()["file"]
    assert any(e.startswith("Line 3:") and "age_group" in e and "count" in e for e in errors)
    assert any(e.startswith("Line 4:") and "twice" in e for e in errors)
    assert not ChildPopulation.objects.exists()

    good = io.BytesIO(b"\xef\xbb\xbfsex,year,age_group,count\nfemale,2026,14_15,100\nmale,2026,14_15,90\n")
    good.name = "population.csv"
    response = client.post("/api/oversight/population/import/", {"file": good, "source": "INE"}, format="multipart")
    assert response.status_code == 201
    assert response.json() == {"rows": 2}
    assert ChildPopulation.objects.filter(jurisdiction=world.north, year=2026).count() == 2
    assert AuditEvent.objects.filter(action="population.import").exists()


def test_profile_update_with_version(world, client_for):
    client = client_for("administrator")
    assert client.get("/api/oversight/profile/").json()["version"] == 0
    response = client.put(
        "/api/oversight/profile/",
        {"version": 0, "specialised_system": True, "prevention_plan": False, "suppression_threshold": 10},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert JurisdictionProfile.objects.get(jurisdiction=world.north).suppression_threshold == 10
    stale = client.put("/api/oversight/profile/", {"version": 0, "prevention_plan": True}, format="json")
    assert stale.status_code == 409
    assert JurisdictionProfile.objects.get(jurisdiction=world.north).prevention_plan is False
    monitor = client_for("oversight_monitor").put("/api/oversight/profile/", {"version": 1}, format="json")
    assert monitor.status_code == 403
    assert AuditEvent.objects.filter(action="jurisdiction_profile.update").count() == 1


def test_jurisdictions_list_is_the_callers_own(world, client_for):
    assert client_for("oversight_monitor").get("/api/oversight/jurisdictions/").json() == [
        {"code": "north", "name": "Northland", "timezone": "Europe/Paris"}
    ]


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(("query", "expected"), [("", 29), ("&by=sex", 43), ("&by=facility", 43)])
def test_indicator_query_count_does_not_grow_with_the_data(world, client_for, query, expected):
    client = client_for("oversight_monitor")
    url = f"/api/oversight/indicators/?{YEAR}{query}"
    empty = _queries(client, url)
    build(world.north, world.yjs, world.south_agency)
    assert _queries(client, url) == empty
    assert world["oversight_monitor"].role == Role.OVERSIGHT_MONITOR
    assert empty == expected
