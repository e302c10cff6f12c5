"""Reading an agency's spreadsheet: the file (CSV or XLSX) into numbered rows, each row into the data the people
and cases services take. Pure (bytes in, dictionaries out); what the rows may do is the services' and the rules'.

Cells a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) are refused, not
imported: a formula is no name, and text kept as it is would run again when the record is exported and opened
(the exports guard it too: jj.core.exports)."""

import csv
import io
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from jj.cases.models import CaseKind, OffenceCategory
from jj.core.exports import FORMULA_TRIGGERS
from jj.people.models import AgeAssessmentMethod, DobCertainty, Sex
from jj.rules.text import msgid

CSV, XLSX = "csv", "xlsx"
MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_UNZIPPED = 100 * 1024 * 1024  # an XLSX is a zip: refuse one that would expand beyond this (a zip bomb)

# The template's columns, in order. `external_ref` is the agency's own reference for the child (the file number in
# the spreadsheet kept today): with it, running the same file again creates nothing twice.
CHILD_COLUMNS = (
    "external_ref",
    "given_name",
    "family_name",
    "other_names",
    "date_of_birth",
    "dob_certainty",
    "dob_earliest",
    "dob_latest",
    "age_assessment_method",
    "sex",
    "languages",
    "interpreter_needed",
    "nationality",
)
CASE_COLUMNS = (
    "case_kind",
    "case_opened_on",
    "offence_description",
    "offence_category",
    "offence_local_code",
    "offence_date",
)
COLUMNS = CHILD_COLUMNS + CASE_COLUMNS
TEXT = ("external_ref", "given_name", "family_name", "other_names", "languages", "nationality")
DATES = ("date_of_birth", "dob_earliest", "dob_latest")
CHOICES: Mapping[str, Any] = {
    "dob_certainty": DobCertainty,
    "age_assessment_method": AgeAssessmentMethod,
    "sex": Sex,
    "case_kind": CaseKind,
    "offence_category": OffenceCategory,
}
EXAMPLE = {
    "external_ref": "YJS-0001",
    "given_name": "Amara",
    "family_name": "Okafor",
    "date_of_birth": "2010-05-17",
    "dob_certainty": "documented",
    "sex": "female",
    "languages": "English",
    "interpreter_needed": "no",
    "case_kind": "referral",
    "case_opened_on": "2026-03-02",
    "offence_description": "Theft of a bicycle",
    "offence_category": "05",
    "offence_date": "2026-03-01",
}

NOT_A_SPREADSHEET = msgid("This file is neither a CSV file (UTF-8) nor an XLSX workbook.")
TOO_BIG = msgid("The file is too large: split it into files of at most 10 MB.")
TOO_MANY_ROWS = msgid("The file has more than 20,000 rows: split it into smaller files.")
NO_GIVEN_NAME_COLUMN = msgid("The first row must name the columns, with at least given_name (see the template).")
NO_ROWS = msgid("The file has no rows under its header.")
REQUIRED = msgid("This field is required.")
FORMULA = msgid("This cell holds a spreadsheet formula: enter the value itself.")
BAD_DATE = msgid("Enter a date as YYYY-MM-DD (or DD/MM/YYYY).")
BAD_CHOICE = msgid("This is not one of the allowed values (see the template).")
BAD_BOOLEAN = msgid("Enter yes or no.")
CASE_INCOMPLETE = msgid("A case needs case_kind, offence_description, offence_category and offence_date.")


class FileRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ParsedRow:
    number: int  # as the spreadsheet numbers it: the header is row 1
    external_ref: str = ""
    child: dict[str, Any] = field(default_factory=dict)
    case: dict[str, Any] | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)


def sniff(content: bytes) -> str:
    """The file's format, from its content (never its name)."""
    if len(content) > MAX_BYTES:
        raise FileRefused(TOO_BIG)
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = archive.namelist()
                unzipped = sum(info.file_size for info in archive.infolist())
        except zipfile.BadZipFile as error:
            raise FileRefused(NOT_A_SPREADSHEET) from error
        if "xl/workbook.xml" not in names or unzipped > MAX_UNZIPPED:
            raise FileRefused(NOT_A_SPREADSHEET)
        return XLSX
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(NOT_A_SPREADSHEET) from error
    if "\x00" in text:
        raise FileRefused(NOT_A_SPREADSHEET)
    return CSV


def _header_name(value: Any) -> str:
    return "_".join(str(value or "").strip().casefold().split())


def _raw_rows(content: bytes, file_format: str) -> Iterator[list[Any]]:
    if file_format == XLSX:
        from openpyxl import load_workbook

        try:
            # data_only=False: a formula reads as its text ("=..."), so it is refused rather than its cached value
            # taken for data.
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        except Exception as error:  # openpyxl raises many kinds for a damaged workbook
            raise FileRefused(NOT_A_SPREADSHEET) from error
        sheet = book.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield list(values)
        book.close()
        return
    text = content.decode("utf-8-sig")
    yield from csv.reader(io.StringIO(text, newline=""))


def read_table(content: bytes, file_format: str) -> list[dict[str, Any]]:
    """The rows under the header, as {column: cell}; blank rows dropped. Columns not in the template are ignored."""
    rows = _raw_rows(content, file_format)
    try:
        header = [_header_name(v) for v in next(rows)]
    except StopIteration as error:
        raise FileRefused(NO_GIVEN_NAME_COLUMN) from error
    except csv.Error as error:
        raise FileRefused(NOT_A_SPREADSHEET) from error
    if "given_name" not in header:
        raise FileRefused(NO_GIVEN_NAME_COLUMN)
    wanted = [(i, name) for i, name in enumerate(header) if name in COLUMNS]
    table: list[dict[str, Any]] = []
    try:
        for number, values in enumerate(rows, start=2):
            if all(v is None or str(v).strip() == "" for v in values):
                continue
            if len(table) >= MAX_ROWS:
                raise FileRefused(TOO_MANY_ROWS)
            row = {name: values[i] if i < len(values) else None for i, name in wanted}
            row["__row__"] = number
            table.append(row)
    except csv.Error as error:
        raise FileRefused(NOT_A_SPREADSHEET) from error
    if not table:
        raise FileRefused(NO_ROWS)
    return table


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a calendar date, no time of day)
        except ValueError:
            continue
    raise ValueError(text)


def _choice(value: Any, choices: Any) -> str:
    text = _text(value).casefold()
    for option, label in choices.choices:
        if text in (str(option).casefold(), str(label).casefold()):
            return str(option)
    raise ValueError(text)


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).casefold()
    if text in ("", "no", "n", "false", "0", "non", "falso"):
        return False
    if text in ("yes", "y", "true", "1", "oui", "si", "sí"):
        return True
    raise ValueError(text)


def _is_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def parse_row(raw: Mapping[str, Any]) -> ParsedRow:
    """One row into the child's data and, when it has one, the case's (intake with one alleged offence); every
    problem is a message on its column, and a row with any is not imported."""
    parsed = ParsedRow(number=int(raw["__row__"]))
    errors: dict[str, list[str]] = {}

    def fail(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    for name, value in raw.items():
        if name != "__row__" and _is_formula(value):
            fail(name, FORMULA)
    cells = {k: v for k, v in raw.items() if k not in errors}
    for name in TEXT:
        if name in cells:
            parsed.child[name] = _text(cells[name])
    parsed.external_ref = parsed.child.pop("external_ref", "")
    if not parsed.child.get("given_name") and "given_name" not in errors:
        fail("given_name", REQUIRED)
    for name in DATES:
        try:
            parsed.child[name] = _date(cells.get(name))
        except ValueError:
            fail(name, BAD_DATE)
    for name in ("dob_certainty", "age_assessment_method", "sex"):
        if _text(cells.get(name)):
            try:
                parsed.child[name] = _choice(cells[name], CHOICES[name])
            except ValueError:
                fail(name, BAD_CHOICE)
    if "dob_certainty" not in parsed.child and parsed.child.get("date_of_birth") and "dob_certainty" not in errors:
        parsed.child["dob_certainty"] = DobCertainty.DOCUMENTED.value
    try:
        parsed.child["interpreter_needed"] = _boolean(cells.get("interpreter_needed"))
    except ValueError:
        fail("interpreter_needed", BAD_BOOLEAN)
    parsed.child = {k: v for k, v in parsed.child.items() if v is not None}
    if any(_text(raw.get(name)) for name in CASE_COLUMNS):
        parsed.case = _parse_case(cells, fail)
    parsed.errors = errors
    return parsed


def _parse_case(cells: Mapping[str, Any], fail: Callable[[str, str], None]) -> dict[str, Any]:
    case: dict[str, Any] = {}
    try:
        case["kind"] = _choice(cells.get("case_kind"), CaseKind) if _text(cells.get("case_kind")) else ""
        if not case["kind"]:
            fail("case_kind", CASE_INCOMPLETE)
    except ValueError:
        fail("case_kind", BAD_CHOICE)
    try:
        opened = _date(cells.get("case_opened_on"))
        case["opened_at"] = datetime.combine(opened, time(12), tzinfo=UTC) if opened else None
    except ValueError:
        fail("case_opened_on", BAD_DATE)
    offence: dict[str, Any] = {
        "description": _text(cells.get("offence_description")),
        "local_code": _text(cells.get("offence_local_code")),
    }
    if not offence["description"]:
        fail("offence_description", CASE_INCOMPLETE)
    try:
        offence["category"] = _choice(cells.get("offence_category"), OffenceCategory)
    except ValueError:
        fail("offence_category", BAD_CHOICE if _text(cells.get("offence_category")) else CASE_INCOMPLETE)
    try:
        offence["offence_date"] = _date(cells.get("offence_date"))
        if offence["offence_date"] is None:
            fail("offence_date", CASE_INCOMPLETE)
    except ValueError:
        fail("offence_date", BAD_DATE)
    case["offences"] = [offence]
    return case


def template_rows() -> list[dict[str, Any]]:
    return [{name: EXAMPLE.get(name, "") for name in COLUMNS}]
