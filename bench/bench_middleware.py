"""X-Queries and X-SQL-ms on every response of the benchmark server (a connection execute wrapper: no DEBUG)."""

import time
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse


class QueryStatsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        stats = {"n": 0, "s": 0.0}

        def timed(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
            began = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                stats["n"] += 1
                stats["s"] += time.perf_counter() - began

        began = time.perf_counter()
        with connection.execute_wrapper(timed):
            response = self.get_response(request)
        response["X-Queries"] = str(stats["n"])
        response["X-SQL-ms"] = f"{stats['s'] * 1000:.3f}"
        response["X-Server-ms"] = f"{(time.perf_counter() - began) * 1000:.3f}"
        return response
