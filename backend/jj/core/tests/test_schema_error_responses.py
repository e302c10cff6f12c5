"""Issue 11: the OpenAPI schema lists the error answers every operation gives (jj.core.schema.JJAutoSchema), so
that schemathesis' status-code check (test_fuzz_api.py) holds the API to its documentation."""

from typing import Any

from drf_spectacular.generators import SchemaGenerator

METHODS = {"get", "post", "put", "patch", "delete"}


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (method.upper(), path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def test_every_operation_documents_its_error_answers() -> None:
    problems = []
    for method, path, operation in _operations():
        codes = set(operation["responses"])
        wanted = {"400", "403"}
        if "{" in path:
            wanted.add("404")
        if method != "GET":
            wanted |= {"409", "413", "422"}
        if wanted - codes:
            problems.append(f"{method} {path}: {sorted(wanted - codes)} missing")
    assert not problems, problems


def test_error_bodies_are_the_shared_components() -> None:
    by_key = {f"{method} {path}": operation for method, path, operation in _operations()}
    responses = by_key["POST /api/cases/{case_id}/charge/"]["responses"]
    assert responses["422"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/RuleViolation"}
    assert responses["404"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert responses["400"]["content"]["application/json"]["schema"]["type"] == "object"


def test_an_operations_own_declaration_wins() -> None:
    by_key = {f"{method} {path}": operation for method, path, operation in _operations()}
    assert by_key["POST /api/auth/login/"]["responses"]["429"]["description"].startswith("Locked out")
