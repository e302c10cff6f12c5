"""The OpenAPI schema as the frontend's types are generated from it (`make docs`: openapi-typescript writes
frontend/src/api/schema.generated.ts). The generated file names the digest of the schema it was made from, so a test
fails when the API changed and the types were not regenerated (jj/core/tests/test_api_types_current.py)."""

import hashlib
import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator

TYPES_PATH = Path(settings.BASE_DIR).parent / "frontend" / "src" / "api" / "schema.generated.ts"
DIGEST_LINE = "// Generated from the OpenAPI schema with sha256 "


def api_schema() -> dict[str, Any]:
    """The schema as /api/schema/ serves it, in English (descriptions and enum labels are msgids)."""
    with translation.override("en"):
        schema: dict[str, Any] = SchemaGenerator().get_schema(request=None, public=True)
    return _without_backend_bounds(schema)


# DRF bounds an integer field by the database's integer range (SQLite 64-bit, PostgreSQL 32-bit): the same API would
# give two schemas, and the committed types would look stale on one of the two databases CI runs.
_BACKEND_BOUNDS = {2147483647, 9223372036854775807, -2147483648, -9223372036854775808}


def _without_backend_bounds(node: Any) -> Any:
    if isinstance(node, dict):
        if node.get("type") == "integer":
            for bound in ("maximum", "minimum"):
                if node.get(bound) in _BACKEND_BOUNDS:
                    del node[bound]
            if node.get("format") == "int64":
                del node["format"]
        for value in node.values():
            _without_backend_bounds(value)
    elif isinstance(node, list):
        for value in node:
            _without_backend_bounds(value)
    return node


def canonical(schema: dict[str, Any]) -> str:
    return json.dumps(schema, sort_keys=True, ensure_ascii=False, indent=1, default=str) + "\n"


def schema_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
