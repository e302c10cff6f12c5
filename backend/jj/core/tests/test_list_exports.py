"""Exports of the case, child and deadline lists to CSV and XLSX: the list's filters applied, only what the role's
list shows (names masked as there), formula injection guarded, audited without search terms in clear. Controlled
disclosure (REC-2): a capability per role and format, a stated purpose, a watermark with the exporter and the time."""

import csv
import io
import json
from typing import Any

import pytest
from openpyxl import load_workbook

from jj.audit.models import AuditEvent
from jj.core import exports
from jj.people.models import Child

PURPOSE = "purpose=Monthly+caseload+review"


def _csv(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200, response.content
    lines = response.content.decode("utf-8-sig").splitlines(keepends=True)
    assert lines[0].startswith("# Confidential - exported by ")  # the watermark row
    return list(csv.DictReader(io.StringIO("".join(lines[1:]))))


def _get(client: Any, url: str) -> Any:
    return client.get(f"{url}{'&' if '?' in url else '?'}{PURPOSE}")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("a=b", "a=b"),
        ("", ""),
        (-1, -1),
        (3.5, 3.5),
    ],
)
def test_guard(value: Any, expected: Any) -> None:
    assert exports.guard(value) == expected


def test_render_flattens_and_guards() -> None:
    rows = [{"id": 1, "child": {"name": "=cmd"}, "tags": ["a", "b"], "ok": True, "none": None}]
    body = exports.render(rows, exports.CSV).decode("utf-8-sig")
    assert body.splitlines() == ["id,child.name,tags,ok,none", "1,'=cmd,a; b,yes,"]
    marked = exports.render(rows, exports.CSV, mark="=by x").decode("utf-8-sig")
    assert marked.splitlines()[0] == "# =by x"


@pytest.mark.parametrize("url", ["/api/cases/export/", "/api/children/export/", "/api/deadlines/export/?bucket=open"])
def test_every_list_exports_both_formats(url: str, make_case: Any, client_for: Any) -> None:
    make_case()
    client = client_for("caseworker")
    response = _get(client, url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"].startswith("no-store")
    joiner = "&" if "?" in url else "?"
    response = _get(client, f"{url}{joiner}file_format=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == exports.CONTENT_TYPES[exports.XLSX]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert sheet.cell(1, 1).value.startswith("# Confidential - exported by caseworker (caseworker) on ")
    assert sheet.cell(2, 1).value == "id"


def test_unknown_format_refused(make_case: Any, client_for: Any) -> None:
    make_case()
    events = AuditEvent.objects.count()
    assert _get(client_for("caseworker"), "/api/cases/export/?file_format=exe").status_code == 400
    assert AuditEvent.objects.count() == events


def test_the_filters_apply(make_case: Any, client_for: Any) -> None:
    charged = make_case(charged=True, given_name="Charged")
    make_case(given_name="Open")
    rows = _csv(client_for("caseworker").get(f"/api/cases/export/?status=charged&{PURPOSE}"))
    assert [int(row["id"]) for row in rows] == [charged.pk]


def test_only_the_scope(make_case: Any, client_for: Any) -> None:
    make_case()
    assert _csv(_get(client_for("caseworker2"), "/api/children/export/")) == []
    assert _csv(_get(client_for("sp_caseworker"), "/api/cases/export/")) == []


def test_formula_in_a_name_is_defused(make_case: Any, client_for: Any) -> None:
    make_case(given_name='=HYPERLINK("http://x")')
    rows = _csv(_get(client_for("caseworker"), "/api/children/export/"))
    assert rows[0]["given_name"].startswith("'=")
    workbook = _get(client_for("caseworker"), "/api/children/export/?file_format=xlsx")
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet is not None
    header = [cell.value for cell in sheet[2]]
    assert sheet.cell(3, header.index("given_name") + 1).value.startswith("'=")


def test_fields_as_the_role_sees_them(make_case: Any, client_for: Any) -> None:
    make_case(counsel=True, court=True)
    caseworker = _csv(_get(client_for("caseworker"), "/api/children/export/"))[0]
    court = _csv(_get(client_for("court_officer"), "/api/children/export/"))[0]
    assert caseworker["disability"] == "Hearing impairment"
    assert "disability" not in court  # health is not the court officer's to see
    assert court["given_name"] == "Amara"
    # The monitor reads no list of children, and exports none (no export capability at all).
    assert _get(client_for("oversight_monitor"), "/api/children/export/").status_code == 403


def test_names_masked_as_in_the_list(make_case: Any, client_for: Any) -> None:
    make_case(counsel=True, court=True)
    for role in ("caseworker", "facility_officer", "court_officer"):
        client = client_for(role)
        listed = client.get("/api/cases/").json()["results"]
        exported = _csv(_get(client, "/api/cases/export/"))
        assert [row["child_display"] for row in exported] == [str(row["child_display"]) for row in listed]


def test_audited_with_the_search_hashed(make_case: Any, client_for: Any) -> None:
    case = make_case()
    _get(client_for("caseworker"), "/api/children/export/?search=Okafor&file_format=xlsx")
    event = AuditEvent.objects.get(action="child.export")
    assert event.changes["shown_ids"] == [str(case.child_id)]
    assert event.changes["file_format"] == "xlsx"
    assert event.changes["purpose"] == "Monthly caseload review"
    assert event.changes["watermark"].startswith("Confidential - exported by caseworker (caseworker) on ")
    assert "Okafor" not in json.dumps(event.changes)
    assert Child.objects.count() == 1


# --- Controlled disclosure guards -----------------------------------------------------------------------------------


@pytest.mark.parametrize("purpose", ["", "purpose=", "purpose=++++", "purpose=abcd", "purpose=" + "x" * 201])
def test_a_purpose_is_required(purpose: str, make_case: Any, client_for: Any) -> None:
    make_case()
    events = AuditEvent.objects.count()
    response = client_for("caseworker").get(f"/api/cases/export/?{purpose}")
    assert response.status_code == 400
    assert "purpose" in response.json()
    assert AuditEvent.objects.filter(action="case.export").count() == 0
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize("purpose", ["x" * 5, "x" * 200])
def test_purpose_boundaries_accepted(purpose: str, make_case: Any, client_for: Any) -> None:
    make_case()
    assert client_for("caseworker").get(f"/api/cases/export/?purpose={purpose}").status_code == 200


@pytest.mark.parametrize(
    ("role", "csv_ok", "xlsx_ok"),
    [
        ("caseworker", True, True),
        ("supervisor", True, True),
        ("court_officer", True, True),
        ("legal_counsel", True, False),
        ("facility_officer", True, False),
        ("oversight_monitor", False, False),
        ("administrator", False, False),
    ],
)
def test_a_permission_per_role_and_format(
    role: str, csv_ok: bool, xlsx_ok: bool, make_case: Any, client_for: Any
) -> None:
    make_case(counsel=True, court=True)
    client = client_for(role)
    for file_format, allowed in (("csv", csv_ok), ("xlsx", xlsx_ok)):
        before = AuditEvent.objects.filter(action="case.export").count()
        response = _get(client, f"/api/cases/export/?file_format={file_format}")
        assert response.status_code == (200 if allowed else 403), (role, file_format)
        after = AuditEvent.objects.filter(action="case.export").count()
        assert after == before + (1 if allowed else 0)


def test_the_watermark_names_the_exporter_the_time_and_the_purpose(make_case: Any, client_for: Any) -> None:
    make_case()
    response = _get(client_for("supervisor"), "/api/cases/export/?file_format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    mark = sheet.cell(1, 1).value
    assert "exported by supervisor (supervisor) on " in mark
    assert " UTC for: Monthly caseload review" in mark
    assert "Monthly caseload review" in sheet.oddFooter.center.text
    assert "Monthly caseload review" in sheet.oddHeader.center.text
    body = _get(client_for("supervisor"), "/api/cases/export/").content.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("# Confidential - exported by supervisor (supervisor) on ")
    assert "Amara" not in body.splitlines()[0]


def test_a_formula_in_the_purpose_is_defused(make_case: Any, client_for: Any) -> None:
    make_case()
    body = client_for("caseworker").get("/api/cases/export/?purpose=%3DHYPERLINK(1)").content.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("# Confidential")  # the mark starts with '#', never '='
