"""The facts of a decision as JSON and back, so a stored act can be decided again (jj.simulation).

Every facts class is a frozen dataclass of plain values (str, int, float, bool, date, datetime, None), tuples and
other facts classes; `facts_dump` writes it with its class name and `facts_load` rebuilds exactly the same object
(`facts_load(facts_dump(x)) == x`). Pure: no database, no clock."""

import dataclasses
import functools
import types
import typing
from datetime import date, datetime
from typing import Any

from jj.rules import facts as facts_module
from jj.rules.policy import Policy

FACTS_CLASSES: dict[str, type] = {
    name: cls
    for name, cls in vars(facts_module).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == facts_module.__name__
}
FACTS_CLASSES["Policy"] = Policy


class FactsNotReplayable(ValueError):
    """The stored facts cannot be rebuilt (a class or a field that no longer exists)."""


def facts_dump(value: Any) -> dict[str, Any]:
    if not dataclasses.is_dataclass(value) or isinstance(value, type) or type(value).__name__ not in FACTS_CLASSES:
        raise FactsNotReplayable(f"Not a facts class: {type(value).__name__}")
    return {"type": type(value).__name__, "data": _dump(value)}


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    raise FactsNotReplayable(f"Cannot store a value of type {type(value).__name__}")


def facts_load(stored: dict[str, Any]) -> Any:
    cls = FACTS_CLASSES.get(str(stored.get("type", "")))
    if cls is None:
        raise FactsNotReplayable(f"Unknown facts class: {stored.get('type')}")
    return _load(cls, stored.get("data"))


@functools.cache
def _shape(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A facts class's field types and names, read once per class (not at every act a simulation replays)."""
    return typing.get_type_hints(cls), frozenset(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]


def _load_dataclass(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise FactsNotReplayable(f"{cls.__name__}: expected an object")
    hints, names = _shape(cls)
    unknown = set(data) - names
    if unknown:
        raise FactsNotReplayable(f"{cls.__name__}: unknown fields {sorted(unknown)}")
    return cls(**{name: _load(hints[name], value) for name, value in data.items()})


def _load(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _load(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        item = typing.get_args(hint)[0]  # every tuple of the facts is tuple[X, ...]
        return tuple(_load(item, v) for v in value or ())
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _load_dataclass(hint, value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    return value
