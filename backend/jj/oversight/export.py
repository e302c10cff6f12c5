"""The indicator table as CSV or XLSX: one row per indicator and one per group, with definitions and conventions.
Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is prefixed with
an apostrophe (OWASP CSV injection guidance); numbers stay numbers."""

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
SUPPRESSED = "suppressed"

COLUMNS = (
    "indicator",
    "name",
    "core",
    "group",
    "numerator",
    "denominator",
    "value",
    "unit",
    "suppressed",
    "definition",
    "numerator_definition",
    "denominator_definition",
    "conventions",
    "notes",
)


def guard(value: Any) -> Any:
    """A cell safe to open in a spreadsheet."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _conventions(parameters: dict[str, Any]) -> str:
    parts = []
    for name, spec in parameters.items():
        text = f"{name}={spec['value']}"
        if "default" in spec:
            text += f" (default: {spec['default']})"
        parts.append(text)
    return "; ".join(parts)


def _cell(value: Any, hidden: bool) -> Any:
    if hidden:
        return SUPPRESSED
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def indicator_rows(results: Sequence[dict[str, Any]]) -> Iterable[list[Any]]:
    for r in results:
        flags = r["suppressed"]
        common = [r["unit"]]
        yield [
            r["number"],
            r["name"],
            "yes" if r["core"] else "no",
            "all",
            _cell(r["numerator"], flags["numerator"]),
            _cell(r["denominator"], flags["denominator"]),
            _cell(r["value"], flags["value"]),
            *common,
            "yes" if any(flags.values()) else "no",
            r["definition"],
            r["numerator_definition"],
            r["denominator_definition"],
            _conventions(r["parameters"]),
            " ".join(r["notes"]),
        ]
        for g in r["groups"] or []:
            gf = g["suppressed"]
            yield [
                r["number"],
                r["name"],
                "yes" if r["core"] else "no",
                g["group"],
                _cell(g["numerator"], gf["numerator"]),
                _cell(g["denominator"], gf["denominator"]),
                _cell(g["value"], gf["value"]),
                *common,
                "yes" if any(gf.values()) else "no",
                "",
                "",
                "",
                "",
                "",
            ]


def to_csv(results: Sequence[dict[str, Any]], *, title: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([guard(title)])
    writer.writerow(COLUMNS)
    for row in indicator_rows(results):
        writer.writerow([guard(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(results: Sequence[dict[str, Any]], *, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Indicators"
    sheet.append([guard(ILLEGAL_CHARACTERS_RE.sub("", title))])
    sheet.append(list(COLUMNS))
    for row in indicator_rows(results):
        sheet.append([guard(ILLEGAL_CHARACTERS_RE.sub("", v)) if isinstance(v, str) else v for v in row])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def report_title(*, jurisdiction_name: str, report: dict[str, Any]) -> str:
    return (
        f"UNODC/UNICEF juvenile justice indicators - {jurisdiction_name} - "
        f"{report['period_start']} to {report['period_end']} (census {report['census_date']}; "
        f"counts from 1 to {report['threshold']} suppressed)"
    )


def report_file(*, file_format: str, jurisdiction_name: str, report: dict[str, Any], mark: str = "") -> bytes:
    """The indicator table; `mark` (who exported it and when, jj.core.exports.watermark) ends its title row."""
    title = report_title(jurisdiction_name=jurisdiction_name, report=report)
    if mark:
        title = f"{title} - {mark}"
    if file_format == "csv":
        return to_csv(report["results"], title=title)
    return to_xlsx(report["results"], title=title)


def report_filename(*, jurisdiction_code: str, report: dict[str, Any], file_format: str) -> str:
    return f"indicators-{jurisdiction_code}-{report['period_start']}-{report['period_end']}.{file_format}"
