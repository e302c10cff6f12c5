"""Exports of the case, child and deadline lists to CSV and XLSX: the list's filters applied, only what the role's
list shows (names masked as there), formula injection guarded, audited without search terms in clear."""

import csv
import io
import json
from typing import Any

import pytest
from openpyxl import load_workbook

from jj.audit.models import AuditEvent
from jj.core import exports
from jj.people.models import Child


def _csv(response: Any) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


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


@pytest.mark.parametrize("url", ["/api/cases/export/", "/api/children/export/", "/api/deadlines/export/?bucket=open"])
def test_every_list_exports_both_formats(url: str, make_case: Any, client_for: Any) -> None:
    make_case()
    client = client_for("caseworker")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    joiner = "&" if "?" in url else "?"
    response = client.get(f"{url}{joiner}file_format=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == exports.CONTENT_TYPES[exports.XLSX]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert sheet.cell(1, 1).value == "id"


def test_unknown_format_refused(make_case: Any, client_for: Any) -> None:
    make_case()
    events = AuditEvent.objects.count()
    assert client_for("caseworker").get("/api/cases/export/?file_format=exe").status_code == 400
    assert AuditEvent.objects.count() == events


def test_the_filters_apply(make_case: Any, client_for: Any) -> None:
    charged = make_case(charged=True, given_name="Charged")
    make_case(given_name="Open")
    rows = _csv(client_for("caseworker").get("/api/cases/export/?status=charged"))
    assert [int(row["id"]) for row in rows] == [charged.pk]


def test_only_the_scope(make_case: Any, client_for: Any) -> None:
    make_case()
    assert _csv(client_for("caseworker2").get("/api/children/export/")) == []
    assert _csv(client_for("sp_caseworker").get("/api/cases/export/")) == []


def test_formula_in_a_name_is_defused(make_case: Any, client_for: Any) -> None:
    make_case(given_name='=HYPERLINK("http://x")')
    rows = _csv(client_for("caseworker").get("/api/children/export/"))
    assert rows[0]["given_name"].startswith("'=")
    workbook = client_for("caseworker").get("/api/children/export/?file_format=xlsx")
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, header.index("given_name") + 1).value.startswith("'=")


def test_fields_as_the_role_sees_them(make_case: Any, client_for: Any) -> None:
    make_case(counsel=True, court=True)
    caseworker = _csv(client_for("caseworker").get("/api/children/export/"))[0]
    court = _csv(client_for("court_officer").get("/api/children/export/"))[0]
    assert caseworker["disability"] == "Hearing impairment"
    assert "disability" not in court  # health is not the court officer's to see
    assert court["given_name"] == "Amara"
    monitor = _csv(client_for("oversight_monitor").get("/api/children/export/"))
    assert monitor == []


def test_names_masked_as_in_the_list(make_case: Any, client_for: Any) -> None:
    make_case(counsel=True, court=True)
    for role in ("caseworker", "facility_officer", "court_officer"):
        client = client_for(role)
        listed = client.get("/api/cases/").json()["results"]
        exported = _csv(client.get("/api/cases/export/"))
        assert [row["child_display"] for row in exported] == [str(row["child_display"]) for row in listed]


def test_audited_with_the_search_hashed(make_case: Any, client_for: Any) -> None:
    case = make_case()
    client_for("caseworker").get("/api/children/export/?search=Okafor&file_format=xlsx")
    event = AuditEvent.objects.get(action="child.export")
    assert event.changes["shown_ids"] == [str(case.child_id)]
    assert event.changes["file_format"] == "xlsx"
    assert "Okafor" not in json.dumps(event.changes)
    assert Child.objects.count() == 1
