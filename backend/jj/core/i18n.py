"""Server text in the reader's language and time zone (issue 15).

The language is negotiated by Django's LocaleMiddleware from ``Accept-Language`` (the frontend sends react-admin's
current locale with every request). The time zone is the reader's, sent as ``X-Time-Zone`` (an IANA name); without
it, the server's ``TIME_ZONE``.

The rules write English templates with named fields (``jj.rules.text``); what is stored keeps the English text (the
record, the audit trail) and the template's parts, and the API renders them again here: each template through
gettext, each field in the reader's terms (a date in their format and zone, a code or a label through gettext, a
nested message recursively). Quoted sources (citations) are never translated: they keep the language in which
they were checked, which the API states (``CITATION_LANGUAGE``).
"""

from collections.abc import Callable, Mapping
from contextvars import ContextVar
from datetime import date, datetime
from string import Formatter
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import formats
from django.utils.translation import get_language, gettext

from jj.rules.text import Part, Text, parts_from_json, parts_to_json

# The language of the quoted words of every source the rules cite (the UN texts were checked in English).
CITATION_LANGUAGE = "en"

_zone: ContextVar[str | None] = ContextVar("jj_display_zone", default=None)


def display_zone() -> ZoneInfo:
    name = _zone.get() or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _valid_zone(name: str) -> str | None:
    if not name or len(name) > 64 or not name.isprintable():
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


class DisplayZoneMiddleware:
    """Takes the reader's time zone from ``X-Time-Zone`` for the dates written inside server messages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _zone.set(_valid_zone(request.headers.get("X-Time-Zone", "").strip()))
        try:
            return self.get_response(request)
        finally:
            _zone.reset(token)


def format_moment(value: datetime | date) -> str:
    """A date or a moment in the reader's format (their language) and, for a moment, their time zone."""
    if isinstance(value, datetime):
        local = value.astimezone(display_zone()) if value.tzinfo else value
        text = formats.date_format(local, "DATETIME_FORMAT")
        return f"{text} ({local.tzname()})" if local.tzinfo else text
    return formats.date_format(value, "DATE_FORMAT")


def translate_word(value: str) -> str:
    """A code or a label (a measure, a stage, a parameter's label): its translation when the catalogue has one."""
    return gettext(value) if value else value


class _ReaderFormatter(Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Text):
            return render_parts(value.parts)
        if isinstance(value, datetime | date):
            return format_moment(value)
        if isinstance(value, list | tuple):
            return ", ".join(self.format_field(v, "") for v in value)
        if isinstance(value, str) and not format_spec:
            return translate_word(value)
        if isinstance(value, int | float) and not isinstance(value, bool) and not format_spec:
            return formats.number_format(value)
        return super().format_field(value, format_spec)


_READER = _ReaderFormatter()


def render_parts(parts: tuple[Part, ...]) -> str:
    out = []
    for template, fields in parts:
        if fields is None or not template:
            out.append(template)
        else:
            try:
                out.append(_READER.vformat(gettext(template), (), fields))
            except (KeyError, IndexError, ValueError):  # a translation that names a field the template lacks
                out.append(_READER.vformat(template, (), fields))
    return "".join(out)


def localize(text: str, parts: Any = None) -> str:
    """``text`` (English, as stored) in the reader's language: from its parts when known (a live message, or the
    parts stored beside it), else through gettext as a whole (a fixed sentence), else as it is."""
    if isinstance(text, Text):
        return render_parts(text.parts)
    if parts:
        try:
            return render_parts(parts_from_json(parts))
        except (KeyError, IndexError, ValueError, TypeError):
            return text
    return gettext(text) if text else text


def localize_messages(extra: Mapping[str, Any]) -> dict[str, Any]:
    """An error's extra fields: the messages among them (Text, written with ``t``) in the reader's language; codes,
    numbers and everything else as they are."""

    def one(value: Any) -> Any:
        if isinstance(value, Text):
            return localize(value)
        if isinstance(value, list):
            return [one(v) for v in value]
        return value

    return {k: one(v) for k, v in extra.items()}


def stored_parts(text: str) -> list[list[Any]]:
    """What to store beside an English message so it can be shown again in any language."""
    return parts_to_json(text) if isinstance(text, Text) else []


def stored_decision(decision: Any) -> dict[str, Any]:
    """A decision as a record keeps it (an approval request, a protection referral): the English text and, beside
    it, its parts, so that it is shown again in the reader's language (LocalizedDecisionsField)."""
    from jj.core.exceptions import decision_to_json  # exceptions imports this module

    return {**decision_to_json(decision), "message_parts": stored_parts(decision.message)}


def localize_decision_rows(rows: Any) -> Any:
    """Stored decisions (see stored_decision) in the reader's language; their parts are not shown."""
    if not isinstance(rows, list):
        return rows
    shown = []
    for row in rows:
        if isinstance(row, Mapping) and isinstance(row.get("message"), str):
            parts = row.get("message_parts")
            shown.append(
                {k: v for k, v in localize_decision_json(row, row["message"], parts).items() if k != "message_parts"}
            )
        else:
            shown.append(row)
    return shown


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def quoted(citation: Mapping[str, Any]) -> dict[str, Any]:
    """A citation as the API shows it: the quoted words as checked, with the language they are in."""
    return {**citation, "language": CITATION_LANGUAGE}


def localize_decision_json(row: Mapping[str, Any], message: str, parts: Any = None) -> dict[str, Any]:
    """A decision as the API shows it: the message in the reader's language, the quotations kept as checked and
    marked with their language."""
    out = dict(row)
    out["message"] = localize(message, parts)
    if isinstance(out.get("citation"), Mapping):
        out["citation"] = quoted(out["citation"])
    out["further_citations"] = [quoted(c) for c in out.get("further_citations") or [] if isinstance(c, Mapping)]
    return out
