"""Application errors and the API exception handler that turns them into clear 4xx answers."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext
from rest_framework import exceptions, status
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response
from rest_framework.views import exception_handler

from jj.core.i18n import localize, localize_decision_json, localize_messages
from jj.rules.engine import Decision
from jj.rules.text import t


class ApplicationError(Exception):
    """A request that cannot be carried out, with a message a caseworker understands."""

    status_code: int = status.HTTP_400_BAD_REQUEST

    def __init__(self, message: str, *, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}


class ActionNotAllowed(ApplicationError):
    """The caller may see the record but their role may not do this to it (403; invisible records are 404)."""

    status_code = status.HTTP_403_FORBIDDEN


class VersionConflict(ApplicationError):
    status_code = status.HTTP_409_CONFLICT


class RuleViolation(ApplicationError):
    """A BLOCK or an unmet REQUIRE_JUSTIFICATION: HTTP 422 with every decision; nothing is written."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY

    def __init__(
        self,
        decisions: Sequence[Decision],
        *,
        unmet: Sequence[Decision],
        extra: dict[str, Any] | None = None,
        audit: dict[str, Any] | None = None,
    ) -> None:
        ids = ", ".join(d.rule_id for d in unmet)
        super().__init__(
            t("This action is not allowed as it stands ({ids}). See the decisions for what is needed.", ids=ids),
            extra=extra,
        )
        self.decisions = list(decisions)
        self.unmet = list(unmet)
        # The refusal's audit event (INV-6): its arguments, and the sequence number it was written under, so that
        # whoever unwinds a rolled-back transaction can write it again (compliance.services.refusal_audit_keep).
        self.audit = audit
        self.audit_seq: int | None = None
        self.audit_hash = ""


class EvidenceHold(ApplicationError):
    """A record frozen as evidence after a death or serious injury (DTH-1): it can no longer be changed."""

    status_code = status.HTTP_409_CONFLICT


def decision_to_json(decision: Decision, *, unmet: bool = False) -> dict[str, Any]:
    return {
        "rule_id": decision.rule_id,
        "outcome": decision.outcome.value,
        "message": decision.message,
        "citation": {
            "instrument": decision.citation.instrument,
            "provision": decision.citation.provision,
            "text": decision.citation.text,
        },
        "further_citations": [
            {"instrument": c.instrument, "provision": c.provision, "text": c.text} for c in decision.further_citations
        ],
        "facts": {k: _jsonable(v) for k, v in decision.facts.items()},
        "satisfied_by": list(decision.satisfied_by),
        "supervisor_approval": decision.supervisor_approval,
        "below_standard": decision.below_standard,
        "unmet": unmet,
    }


def _jsonable(value: object) -> object:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, RuleViolation):
        if exc.audit is not None:
            from jj.compliance.services import refusal_audit_keep  # the last net under every refused request

            refusal_audit_keep(exc)
        unmet_ids = {id(d) for d in exc.unmet}
        return Response(
            {
                "detail": localize(exc.message),
                "code": "rule_violation",
                "decisions": [
                    localize_decision_json(decision_to_json(d, unmet=id(d) in unmet_ids), d.message)
                    for d in exc.decisions
                ],
                **localize_messages(exc.extra),
            },
            status=exc.status_code,
        )
    if isinstance(exc, ApplicationError):
        return Response({"detail": localize(exc.message), **localize_messages(exc.extra)}, status=exc.status_code)
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
        return Response(
            {
                "detail": localize(
                    t("The request body is too large: at most {limit} MB is accepted.", limit=f"{limit:g}")
                )
            },
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=_django_validation_detail(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(t("Not found."))
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.APIException):
        response.data = _localize_errors(response.data)
    return response


def _localize_errors(data: Any) -> Any:
    """DRF's own messages are already in the reader's language (its catalogues); ours are English constants or
    templates, found in ours (an ErrorDetail keeps the text, not the parts, so a template's fields are lost)."""
    if isinstance(data, dict):
        return {k: _localize_errors(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_localize_errors(v) for v in data]
    if isinstance(data, ErrorDetail) and data:
        return ErrorDetail(gettext(str(data)), code=data.code)
    if isinstance(data, str) and data:
        return gettext(data)
    return data


def _django_validation_detail(exc: DjangoValidationError) -> Any:
    if hasattr(exc, "message_dict"):
        return {("non_field_errors" if k == "__all__" else k): v for k, v in exc.message_dict.items()}
    return {"non_field_errors": exc.messages}
