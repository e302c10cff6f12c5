"""Keyset (cursor) paging for every list, with a capped count (issue 12).

A page is found by `WHERE (key, id) beyond the last row seen ORDER BY key, id LIMIT n`, which an index on the
key reads in constant time at any depth; OFFSET reads and throws away every earlier row. The list's own ordering
decides the key (`-opened_at` -> key opened_at, tie broken by id in the same direction). Lists ordered by
something a keyset cannot follow (a related field, a nullable column, an expression) page by OFFSET as before.

Query parameters: `page_size`; `cursor` (opaque, from a previous answer's `next_cursor` / `previous_cursor`);
`page` (a page number, by OFFSET: the first page, or a jump; its answer carries cursors for the pages around it).
The answer: `count` (exact up to COUNT_CAP rows, else COUNT_CAP), `count_exact`, `next` / `previous` (URLs with a
cursor), `next_cursor` / `previous_cursor`, `results`. No COUNT of the whole set is ever run."""

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Field, Model, Q, QuerySet
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from jj.rules.text import msgid, t

COUNT_CAP = 1000
# Columns a cursor can carry as text and read back exactly.
KEYSET_TYPES = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "IntegerField",
        "PositiveIntegerField",
        "PositiveBigIntegerField",
        "SmallIntegerField",
        "PositiveSmallIntegerField",
        "CharField",
        "SlugField",
        "DateField",
        "DateTimeField",
    }
)
INVALID_CURSOR = msgid("This page link is not valid (it may be from another list); start again from the first page.")


def keyset_of(queryset: QuerySet[Any]) -> tuple[Field[Any, Any], bool] | None:
    """The ordering column and its direction (descending?) when the list can page by keyset, else None."""
    given = list(queryset.query.order_by) or list(queryset.model._meta.ordering or [])
    if not given:
        return queryset.model._meta.pk, False  # type: ignore[return-value]
    order = [o for o in given if isinstance(o, str)]
    if len(order) != len(given):
        return None
    first, rest = order[0], order[1:]
    name = first.lstrip("-")
    if any(o.lstrip("-") not in ("id", "pk") for o in rest) or "__" in name or first.startswith("?"):
        return None
    try:
        field = queryset.model._meta.get_field("id" if name == "pk" else name)
    except FieldDoesNotExist:
        return None
    if not isinstance(field, Field) or field.null or field.get_internal_type() not in KEYSET_TYPES:
        return None
    return field, first.startswith("-")


def _encode(payload: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(cursor: str) -> dict[str, Any]:
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise NotFound(INVALID_CURSOR) from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("k"), int) or "v" not in payload:
        raise NotFound(INVALID_CURSOR)
    return payload


class KeysetPagination(BasePagination):
    page_size = 25
    max_page_size = 200
    count_cap = COUNT_CAP

    def paginate_queryset(self, queryset: QuerySet[Any], request: Request, view: Any = None) -> list[Any]:
        self.request = request
        self.page_size_now = self._page_size(request)
        self.next_cursor: str | None = None
        self.previous_cursor: str | None = None
        capped = queryset.order_by()[: self.count_cap + 1].count()
        self.count = min(capped, self.count_cap)
        self.count_exact = capped <= self.count_cap
        keyset = keyset_of(queryset)
        cursor = request.query_params.get("cursor")
        if keyset is None:
            return self._offset_page(queryset, keyset)
        field, descending = keyset
        sign = "-" if descending else ""
        ordered = queryset.order_by(*dict.fromkeys([f"{sign}{field.name}", f"{sign}{field.model._meta.pk.name}"]))
        if not cursor:
            return self._offset_page(ordered, keyset)
        payload = _decode(cursor)
        try:
            value = field.to_python(payload["v"])
        except ValidationError as exc:
            raise NotFound(INVALID_CURSOR) from exc
        backwards = bool(payload.get("r"))
        rows = self._keyset_rows(ordered, field, descending, value, payload["k"], backwards)
        more = len(rows) > self.page_size_now
        rows = rows[: self.page_size_now]
        if backwards:
            rows.reverse()
            self._set_cursors(rows, keyset, has_previous=more, has_next=True)
        else:
            self._set_cursors(rows, keyset, has_previous=True, has_next=more)
        return rows

    def _page_size(self, request: Request) -> int:
        try:
            size = int(request.query_params.get("page_size", self.page_size))
        except ValueError:
            size = self.page_size
        return max(1, min(size, self.max_page_size))

    def _keyset_rows(
        self, ordered: QuerySet[Any], field: Field[Any, Any], descending: bool, value: Any, pk: int, backwards: bool
    ) -> list[Any]:
        """Rows strictly beyond (value, pk) in the list's direction (or before it, walking back)."""
        towards_smaller = descending != backwards
        op = "lt" if towards_smaller else "gt"
        bound = "lte" if towards_smaller else "gte"
        name = field.name
        beyond = Q(**{f"{name}__{bound}": value}) & (
            Q(**{f"{name}__{op}": value}) | Q(**{name: value, f"pk__{op}": pk})
        )
        qs = ordered.filter(beyond)
        if backwards:
            qs = qs.reverse()
        return list(qs[: self.page_size_now + 1])

    def _offset_page(self, queryset: QuerySet[Any], keyset: tuple[Field[Any, Any], bool] | None) -> list[Any]:
        try:
            number = int(self.request.query_params.get("page", 1))
        except ValueError as exc:
            raise NotFound(t("Invalid page.")) from exc
        if number < 1:
            raise NotFound(t("Invalid page."))
        start = (number - 1) * self.page_size_now
        rows = list(queryset[start : start + self.page_size_now + 1])
        if number > 1 and not rows:
            raise NotFound(t("Invalid page."))
        more = len(rows) > self.page_size_now
        rows = rows[: self.page_size_now]
        self.offset_page = number
        if keyset is not None:
            self._set_cursors(rows, keyset, has_previous=number > 1, has_next=more)
        else:
            self.next_page = number + 1 if more else None
            self.previous_page = number - 1 if number > 1 else None
        return rows

    def _set_cursors(
        self, rows: Sequence[Model], keyset: tuple[Field[Any, Any], bool], *, has_previous: bool, has_next: bool
    ) -> None:
        field = keyset[0]
        if not rows:
            return

        def cursor(row: Model, backwards: bool) -> str:
            value = field.value_to_string(row)
            return _encode({"v": value, "k": row.pk, "r": 1} if backwards else {"v": value, "k": row.pk})

        self.next_cursor = cursor(rows[-1], backwards=False) if has_next else None
        self.previous_cursor = cursor(rows[0], backwards=True) if has_previous else None

    def _link(self, cursor: str | None, page: int | None = None) -> str | None:
        url = remove_query_param(self.request.build_absolute_uri(), "page")
        if cursor is not None:
            return replace_query_param(url, "cursor", cursor)
        if page is not None:
            return replace_query_param(remove_query_param(url, "cursor"), "page", page)
        return None

    def get_paginated_response(self, data: Any) -> Response:
        if self.next_cursor is None and self.previous_cursor is None and getattr(self, "offset_page", None):
            next_link = self._link(None, getattr(self, "next_page", None))
            previous_link = self._link(None, getattr(self, "previous_page", None))
        else:
            next_link, previous_link = self._link(self.next_cursor), self._link(self.previous_cursor)
        return Response(
            {
                "count": self.count,
                "count_exact": self.count_exact,
                "next": next_link,
                "previous": previous_link,
                "next_cursor": self.next_cursor,
                "previous_cursor": self.previous_cursor,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        nullable_string = {"type": "string", "nullable": True}
        return {
            "type": "object",
            "required": ["count", "count_exact", "results"],
            "properties": {
                "count": {"type": "integer", "description": f"Exact up to {COUNT_CAP}; {COUNT_CAP} means at least."},
                "count_exact": {"type": "boolean"},
                "next": {**nullable_string, "format": "uri"},
                "previous": {**nullable_string, "format": "uri"},
                "next_cursor": nullable_string,
                "previous_cursor": nullable_string,
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        def param(name: str, kind: str, text: str) -> dict[str, Any]:
            return {"name": name, "required": False, "in": "query", "description": text, "schema": {"type": kind}}

        return [
            param("cursor", "string", "A page link from a previous answer's next_cursor or previous_cursor."),
            param("page", "integer", "A page number (by offset; prefer the cursors to walk a long list)."),
            param("page_size", "integer", f"Rows per page (at most {self.max_page_size})."),
        ]


# The name the settings give the default paginator.
PageNumberPagination = KeysetPagination
