"""A simulation's result as CSV or XLSX (one row per number) and as a printable PDF report (jj.simulation.report).
Suppressed cells are written as "suppressed", never as their count; text a spreadsheet would run as a formula is
neutralised (oversight.export.guard). The result holds aggregates only: nothing here names a child."""

import csv
import io
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from jj.oversight.export import SUPPRESSED, guard
from jj.simulation.models import PolicySimulation
from jj.simulation.report import result_pdf

CONTENT_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}

COLUMNS = ("section", "item", "group", "measure", "value")


def _value(value: Any) -> Any:
    return SUPPRESSED if value is None else value


def result_rows(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Every number of the result as (section, item, group, measure, value), in reading order."""
    rows: list[tuple[Any, ...]] = []
    period = result.get("period", {})
    rows.append(("period", "from", "", "", period.get("from", "")))
    rows.append(("period", "to", "", "", period.get("to", "")))
    rows.append(("suppression", "threshold", "", "", result.get("threshold", "")))
    for p in result.get("parameters", []):
        rows.append(("parameter", p["name"], "", "current", str(p["current"])))
        rows.append(("parameter", p["name"], "", "proposed", str(p["proposed"])))
    coverage = result.get("coverage", {})
    rows.append(("coverage", "acts", "", "", coverage.get("acts", 0)))
    rows.append(("coverage", "replayable", "", "", coverage.get("replayable", 0)))
    rows.append(("coverage", "share", "", "", coverage.get("share", "")))
    rows.append(("reproduced", "mismatches", "", "", result.get("reproduced", {}).get("mismatches", 0)))
    for name, value in result.get("totals", {}).items():
        rows.append(("total", name, "", "", _value(value)))
    for name, value in result.get("acts", {}).items():
        rows.append(("acts", name, "", "", value))
    for r in result.get("rules", []):
        rows.append(("rule", r["rule_id"], f"{r['from']} -> {r['to']}", "acts", r["acts"]))
    for dimension, groups in result.get("breakdown", {}).items():
        for row in groups:
            for measure, value in row.items():
                if measure != "group":
                    rows.append((f"by {dimension}", dimension, row["group"], measure, _value(value)))
    for name, value in result.get("missing", {}).items():
        rows.append(("missing", name, "", "", value))
    return rows


def result_csv(result: dict[str, Any], *, mark: str = "") -> bytes:
    """The rows; `mark` (who exported it and when, jj.core.exports.watermark) is the first row, starting with '#'."""
    out = io.StringIO()
    writer = csv.writer(out)
    if mark:
        writer.writerow([guard("# " + mark)])
    writer.writerow(COLUMNS)
    for row in result_rows(result):
        writer.writerow([guard(cell) for cell in row])
    return out.getvalue().encode("utf-8")


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, str):
        return guard(ILLEGAL_CHARACTERS_RE.sub("", value))
    if isinstance(value, list | tuple | dict):
        return guard(str(value))
    return value


def result_xlsx(result: dict[str, Any], *, title: str, mark: str = "") -> bytes:
    """One sheet, the rows of the CSV under the watermark and a title line; numbers stay numbers, suppressed cells
    say so."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Simulation"
    if mark:
        sheet.append([_xlsx_cell("# " + mark)])
        sheet.oddHeader.center.text = mark
        sheet.oddFooter.center.text = mark
    sheet.append([_xlsx_cell(title)])
    sheet.append(list(COLUMNS))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in result_rows(result):
        sheet.append([_xlsx_cell(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def result_file(
    simulation: PolicySimulation, *, file_format: str, language: str, now: datetime, mark: str = ""
) -> bytes:
    """A finished simulation's result in `file_format` (csv, xlsx or pdf)."""
    result = simulation.result
    assert isinstance(result, dict)
    jurisdiction = simulation.jurisdiction
    if file_format == "csv":
        return result_csv(result, mark=mark)
    if file_format == "xlsx":
        title = (
            f"Policy impact simulation {simulation.pk} - {jurisdiction.name} - "
            f"{simulation.period_from} to {simulation.period_to} "
            f"(counts from 1 to {result.get('threshold')} suppressed)"
        )
        return result_xlsx(result, title=title, mark=mark)
    return result_pdf(
        result,
        language=language,
        jurisdiction=jurisdiction.name,
        period=f"{simulation.period_from} - {simulation.period_to}",
        requested_by=simulation.requested_by.username,
        asked_at=simulation.created_at,
        now=now,
        mark=mark,
    )
