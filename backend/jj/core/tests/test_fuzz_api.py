"""Issue 11: schemathesis over the OpenAPI schema, with every answer checked: no 5xx, and the status code, the
content type and the body are ones the schema documents for that operation (the error answers every operation can
give are documented by `jj.core.schema.JJAutoSchema`). In the normal run: every GET operation (query parameters:
where non-integer ids, NUL bytes and odd date-time offsets were found) as a caseworker and as a supervisor, 2
examples each, and every write operation with a generated body as a supervisor, 1 example each; a few minutes on
two shared cores. `make fuzz` runs both as both roles with 50 examples each (JJ_FUZZ_EXAMPLES,
JJ_FUZZ_WRITE_EXAMPLES, JJ_FUZZ_WRITE_ROLES)."""

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = int(os.environ.get("JJ_FUZZ_EXAMPLES", "2"))
WRITE_EXAMPLES = int(os.environ.get("JJ_FUZZ_WRITE_EXAMPLES", "1"))
WRITE_ROLES = os.environ.get("JJ_FUZZ_WRITE_ROLES", "supervisor").split(",")
# Signing in or out mid-run would change who the rest of the run is.
SKIPPED_PATHS = r"^/api/auth/(login|logout)/$"
# No 5xx, and every answer is one the schema documents: its status code, content type and body.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application()).exclude(
    path_regex=SKIPPED_PATHS
)
reads = schema.include(method="GET")
writes = schema.exclude(method="GET")


def _settings(examples: int) -> Any:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
        derandomize=True,
        database=None,
    )


@pytest.fixture
def signed_in(request: pytest.FixtureRequest, client_for: Any, make_case: Any) -> Iterator[dict[str, Any]]:
    """A session of the role, over the real WSGI application. As Django's test client does, the end of a
    request must not close the test's database connection (its transaction holds the test's data)."""
    make_case(counsel=True, court=True)
    client = client_for(request.param)
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield {
            "cookies": {name: morsel.value for name, morsel in client.cookies.items()},
            "headers": {"X-CSRFToken": client._credentials["HTTP_X_CSRFTOKEN"]},
        }
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("signed_in", ["caseworker", "supervisor"], indirect=True)
@reads.parametrize()
@_settings(EXAMPLES)
def test_reads_answer_as_documented(case: Any, signed_in: dict[str, Any]) -> None:
    response = case.call(headers=signed_in["headers"], cookies=signed_in["cookies"])
    case.validate_response(response, checks=CHECKS)


@pytest.mark.parametrize("signed_in", WRITE_ROLES, indirect=True)
@writes.parametrize()
@_settings(WRITE_EXAMPLES)
def test_writes_answer_as_documented(case: Any, signed_in: dict[str, Any]) -> None:
    response = case.call(headers=signed_in["headers"], cookies=signed_in["cookies"])
    case.validate_response(response, checks=CHECKS)
