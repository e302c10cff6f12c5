"""A list as a spreadsheet (CSV or XLSX): the rows a list endpoint shows, with its filters, search and ordering,
through the same serializer, so a role exports exactly the fields, and the names masked, that its list shows.
Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
apostrophe (OWASP CSV injection guidance); numbers stay numbers. Pure: rows in, bytes out."""

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A stated purpose: long enough to say something, short enough for a line of the watermark.
PURPOSE_MIN, PURPOSE_MAX = 5, 200
# More than any caseworker's list; a larger export is cut here and says so in its last row.
MAX_ROWS = 10_000


def guard(value: Any) -> Any:
    """A cell safe to open in a spreadsheet."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        return "; ".join(str(_cell(v)) for v in value)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, default=str)
    return guard(str(value))


def flatten(row: Mapping[str, Any]) -> dict[str, Any]:
    """One level of nesting becomes `outer.inner` columns (a case's child, say); deeper values become text."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, Mapping):
            for inner, inner_value in value.items():
                flat[f"{key}.{inner}"] = _cell(inner_value)
        else:
            flat[key] = _cell(value)
    return flat


def columns_of(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def watermark(*, exporter: str, role: str, at: datetime, purpose: str) -> str:
    """The line every exported file carries: who exported it, when (UTC), and why. No child is named in it."""
    stamp = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"Confidential - exported by {exporter} ({role}) on {stamp} for: {purpose}"


def render(rows: Iterable[Mapping[str, Any]], file_format: str, *, mark: str = "") -> bytes:
    """The file; `mark` (the watermark) is its first row (CSV: one cell starting with '#'; XLSX: row 1, and the
    printed page's header and footer), the column names follow."""
    flat = [flatten(row) for row in rows]
    columns = columns_of(flat)
    if file_format == XLSX:
        workbook = Workbook(write_only=False)
        sheet = workbook.active
        assert sheet is not None
        if mark:
            sheet.append([guard(_xlsx("# " + mark))])
            sheet.cell(1, 1).font = Font(italic=True)
            sheet.oddHeader.center.text = _xlsx(mark).replace("&", "&&")
            sheet.oddFooter.center.text = _xlsx(mark).replace("&", "&&")
            workbook.properties.creator = _xlsx(mark)[:255]
        sheet.append([guard(c) for c in columns])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in flat:
            sheet.append([_xlsx(row.get(c, "")) for c in columns])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    text = io.StringIO()
    writer = csv.writer(text)
    if mark:
        writer.writerow([guard("# " + mark)])
    writer.writerow([guard(c) for c in columns])
    for row in flat:
        writer.writerow([row.get(c, "") for c in columns])
    return text.getvalue().encode("utf-8-sig")  # the BOM: spreadsheets then read accents right


def _xlsx(value: Any) -> Any:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
