"""Filters whose input is validated before it reaches the database: a bad value is a 400 with the field named,
never a 500 (issue 11: a non-integer `id__in`, a datetime offset PostgreSQL cannot store)."""

from datetime import UTC, datetime
from typing import Any

import django_filters
from rest_framework import filters


class IdInFilter(django_filters.BaseInFilter, django_filters.NumberFilter):
    """`?id__in=1,2,3` (react-admin's getMany): whole numbers only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("field_name", "id")
        super().__init__(*args, **kwargs)


class _UtcIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO-8601 date-time, turned to UTC: Python accepts offsets up to ±23:59, PostgreSQL only up to ±15:59."""

    def to_python(self, value: Any) -> datetime | None:
        parsed = super().to_python(value)
        return parsed.astimezone(UTC) if parsed is not None and parsed.tzinfo is not None else parsed


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = _UtcIsoDateTimeField


class ViewSearchFilter(filters.SearchFilter):
    """DRF's search, asking the view: a view whose searchable fields depend on the caller (names only for those
    who may see names) defines `get_search_fields()`, which DRF's SearchFilter never calls (issue 11)."""

    def get_search_fields(self, view: Any, request: Any) -> Any:
        method = getattr(view, "get_search_fields", None)
        if callable(method):
            return method()
        return super().get_search_fields(view, request)
