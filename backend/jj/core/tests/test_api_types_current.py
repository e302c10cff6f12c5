"""The frontend's TypeScript types are generated from the current OpenAPI schema: an API change without `make docs`
fails here (like docs/rules.md, docs/data-inventory.md and the capability table)."""

from jj.core.api_schema import DIGEST_LINE, TYPES_PATH, api_schema, canonical, schema_digest


def test_the_committed_frontend_types_are_generated_from_the_current_schema() -> None:
    first = TYPES_PATH.read_text().splitlines()[0]
    wanted = DIGEST_LINE + schema_digest(canonical(api_schema()))
    assert first == wanted, "frontend/src/api/schema.generated.ts is stale: run `make docs` and commit it"
