from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from jj.core.throttling import throttled


class CsrfSessionAuthenticationScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """Documents the session cookie for the OpenAPI schema (unsafe methods also need the X-CSRFToken header)."""

    target_class = "jj.core.authentication.CsrfSessionAuthentication"
    name = "sessionAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}


class ErrorSerializer(serializers.Serializer[Any]):
    """The body of every refusal that is not about the input's fields: 403, 404, 409, 413, 429."""

    detail = serializers.CharField()
    code = serializers.CharField(required=False, help_text="A machine-readable reason where one is given.")


class RuleViolationSerializer(serializers.Serializer[Any]):
    """422: the rules that block the action, each with its citation (see docs/rules.md)."""

    detail = serializers.CharField()
    code = serializers.CharField()
    decisions = serializers.ListField(child=serializers.DictField())


UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ERROR_DESCRIPTIONS = {
    "400": "Invalid input: an object of field names (or non_field_errors) to lists of messages",
    "403": "Not signed in, second factor missing, the role may not do this, or a missing CSRF token",
    "404": "No such record in the caller's scope (another jurisdiction's records answer the same), or no such page",
    "409": "The record changed since it was read (version), or it is held as evidence",
    "413": "The request body is too large",
    "422": "A rule blocks the action: every decision with its citation",
    "429": "Too many requests of this kind for now: wait as long as Retry-After says",
}


class JJAutoSchema(AutoSchema):
    """Documents the error answers every operation can give, so that the schema lists every status code the API
    sends (schemathesis checks that in jj/core/tests/test_fuzz_api.py). Codes an operation declares itself are kept
    as declared."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = ["400", "403"]
        # A write names records in its body (a case, a child): one outside the caller's scope answers 404 too.
        if "{" in self.path or self.method in UNSAFE_METHODS or (self._is_list_view() and self._get_paginator()):
            codes.append("404")
        if self.method in UNSAFE_METHODS:
            codes += ["409", "413", "422"]
        if throttled(self.view, self.method):
            codes.append("429")
        for code in codes:
            if code in responses:
                continue
            body: Any = {"400": OpenApiTypes.OBJECT, "422": RuleViolationSerializer}.get(code, ErrorSerializer)
            response = OpenApiResponse(response=body, description=ERROR_DESCRIPTIONS[code])
            responses[code] = self._get_response_for_code(response, code, ["application/json"], direction)
        return responses
