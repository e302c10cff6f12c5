"""Words the rules write, kept translatable without a dependency on Django (jj.rules is pure).

A message is written once, in English, as a template with named fields: ``t("Due within {hours} hours.", hours=4)``.
The result is an ordinary ``str`` (the English text, as stored with a decision and written to the audit trail) that
also remembers its template and fields, so the API can render it again in the reader's language and time zone
(``jj.core.i18n``). Messages joined with ``+`` keep every part. Dates and times are fields, never text: English
shows them in ISO 8601 (UTC as given), a translation in the reader's own format and zone.
"""

from collections.abc import Mapping
from datetime import date, datetime
from string import Formatter
from typing import Any

# A part is (template, fields); fields is None for literal text that is not a template (not translated).
Part = tuple[str, Mapping[str, Any] | None]


class _IsoFormatter(Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, datetime | date) and not format_spec:
            return value.isoformat()
        if isinstance(value, list | tuple) and not format_spec:
            return ", ".join(str(v) for v in value)
        return super().format_field(value, format_spec)


ISO = _IsoFormatter()


def render(parts: tuple[Part, ...], formatter: Formatter = ISO) -> str:
    return "".join(
        template if fields is None else formatter.vformat(template, (), fields) for template, fields in parts
    )


class Text(str):
    """English text that remembers how it was written: ``parts`` is a tuple of (template, fields)."""

    parts: tuple[Part, ...]

    def __new__(cls, parts: tuple[Part, ...]) -> "Text":
        obj = super().__new__(cls, render(parts))
        obj.parts = parts
        return obj

    def __add__(self, other: str) -> "Text":  # type: ignore[override]
        return Text(self.parts + _parts(other))

    def __radd__(self, other: str) -> "Text":
        return Text(_parts(other) + self.parts)

    def __getnewargs__(self) -> tuple[tuple[Part, ...]]:  # type: ignore[override]
        return (self.parts,)


def _parts(value: str) -> tuple[Part, ...]:
    if isinstance(value, Text):
        return value.parts
    return ((value, None),) if value else ()


def t(template: str, **fields: Any) -> Text:
    """A translatable message: ``template`` is the msgid, ``fields`` fill its ``{names}``."""
    return Text(((template, dict(fields)),))


def join(texts: "list[str] | tuple[str, ...]", separator: str = "") -> Text:
    parts: tuple[Part, ...] = ()
    for i, text in enumerate(texts):
        parts += (_parts(separator) if i and separator else ()) + _parts(text)
    return Text(parts)


def parts_to_json(value: str) -> list[list[Any]]:
    """The parts of a message, as JSON (dates as ISO text marked with their kind), for storing with a decision."""
    return [
        [template, None if fields is None else {k: _field_json(v) for k, v in fields.items()}]
        for template, fields in _parts(value)
    ]


def parts_from_json(data: Any) -> tuple[Part, ...]:
    parts: list[Part] = []
    for template, fields in data or ():
        parts.append((template, None if fields is None else {k: _field_from_json(v) for k, v in fields.items()}))
    return tuple(parts)


def _field_json(value: Any) -> Any:
    if isinstance(value, Text):
        return {"text": parts_to_json(value)}
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, list | tuple):
        return [_field_json(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _field_from_json(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"text"}:
        return Text(parts_from_json(value["text"]))
    if isinstance(value, dict) and set(value) == {"datetime"}:
        return datetime.fromisoformat(value["datetime"])
    if isinstance(value, dict) and set(value) == {"date"}:
        return date.fromisoformat(value["date"])
    if isinstance(value, list):
        return [_field_from_json(v) for v in value]
    return value


def msgid(template: str) -> str:
    """Marks a template kept in a constant (and used later with ``t``) for the catalogue's extraction."""
    return template
