from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import filters, generics, mixins
from rest_framework.request import Request
from rest_framework.response import Response

from jj.accounts.models import User
from jj.core import exports
from jj.core.exceptions import ApplicationError
from jj.core.filters import ViewSearchFilter


class ListAPIView(mixins.ListModelMixin, generics.GenericAPIView):  # type: ignore[type-arg]
    """A read-only list with react-admin's paging, sorting, search and filters (incl. id__in for getMany).
    Subclasses implement `scoped_queryset(user)` with a scoped selector; nothing here widens what a caller sees."""

    filter_backends = [DjangoFilterBackend, ViewSearchFilter, filters.OrderingFilter]
    # Set to the object type to record every list as an audit event with the ids shown and the query (REC-1).
    audited_as = ""

    def scoped_queryset(self, user: User) -> QuerySet[Any]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            model: type[Model] = self.serializer_class.Meta.model  # type: ignore[union-attr]
            return model._default_manager.none()
        return self.scoped_queryset(self.request.user)  # type: ignore[arg-type]

    @property
    def caller(self) -> User:
        return self.request.user  # type: ignore[return-value]

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.list(request, *args, **kwargs)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        if self.audited_as:
            from jj.audit.services import audit_list  # audit builds on core

            audit_list(
                actor=self.caller,
                object_type=self.audited_as,
                ids=[row["id"] for row in response.data["results"]],  # type: ignore[index]
                query=request.query_params.dict(),
            )
        return response


EXPORT_PURPOSE_PARAMETER = OpenApiParameter(
    "purpose",
    str,
    required=True,
    description=f"Why the file leaves the system ({exports.PURPOSE_MIN} to {exports.PURPOSE_MAX} characters;"
    " no child's name): written into the file's watermark and the audit trail",
)
EXPORT_SCHEMA = extend_schema(
    parameters=[
        OpenApiParameter("file_format", str, enum=list(exports.FORMATS), description="csv (the default) or xlsx"),
        EXPORT_PURPOSE_PARAMETER,
    ],
    responses={
        (200, "text/csv"): OpenApiTypes.BINARY,
        (200, exports.CONTENT_TYPES[exports.XLSX]): OpenApiTypes.BINARY,
    },
    summary="The list as CSV or XLSX, with its filters, search and ordering (a stated purpose; watermarked, audited)",
)


def export_purpose(raw: str | None) -> str:
    """The stated purpose of an export, on one line; 400 when missing, too short or too long."""
    from jj.rules.text import t

    purpose = " ".join((raw or "").split())
    if not exports.PURPOSE_MIN <= len(purpose) <= exports.PURPOSE_MAX:
        message = t(
            "State why this list leaves the system ({low} to {high} characters).",
            low=exports.PURPOSE_MIN,
            high=exports.PURPOSE_MAX,
        )
        raise ApplicationError(message, extra={"purpose": [message]})
    return purpose


class ExportMixin:
    """`GET <list>/export/?file_format=csv|xlsx&purpose=...&<the list's filters>`: the rows the list would show
    (every page, at most exports.MAX_ROWS), through the list's own serializer, so each role exports only what its list
    shows. Controlled disclosure (REC-2): the role must take `export.<format>` in the capability table (403), a
    purpose must be stated (400), the file's first row is a watermark with the exporter, the time and the purpose, and
    the export is audited as `<object type>.export` with the ids exported, the query (search terms as keyed hashes)
    and the purpose. The file is streamed once and never stored (`Cache-Control: no-store`): there is no link to
    outlive it."""

    export_as = ""

    def export(self, request: Request) -> HttpResponse:
        from jj.accounts.capabilities import require
        from jj.audit.services import audit_append, query_for_audit  # audit builds on core
        from jj.rules.text import t

        view: Any = self
        params = request.query_params.dict()
        file_format = params.pop("file_format", exports.CSV)
        if file_format not in exports.FORMATS:
            raise ApplicationError("Choose csv or xlsx.", extra={"file_format": ["Choose csv or xlsx."]})
        caller: User = view.caller
        require(caller, f"export.{file_format}", t("Your role may not export lists as {fmt}.", fmt=file_format))
        purpose = export_purpose(params.pop("purpose", None))
        params.pop("page", None)
        params.pop("page_size", None)
        queryset = view.filter_queryset(view.get_queryset())[: exports.MAX_ROWS]
        rows = list(view.get_serializer(queryset, many=True).data)
        now = timezone.now()
        mark = exports.watermark(exporter=caller.username, role=str(caller.role), at=now, purpose=purpose)
        body = exports.render(rows, file_format, mark=mark)
        audit_append(
            actor=caller,
            action=f"{self.export_as}.export",
            object_type=self.export_as,
            changes={
                "shown_ids": [str(row.get("id", "")) for row in rows],
                "query": query_for_audit(params),
                "file_format": file_format,
                "purpose": purpose,
                "watermark": mark,
            },
        )
        response = HttpResponse(body, content_type=exports.CONTENT_TYPES[file_format])
        stamp = now.strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="{self.export_as}s-{stamp}.{file_format}"'
        response["Cache-Control"] = "no-store"
        return response


# Django's own error pages, for requests that never reach a DRF view (a URL whose id is not a number, a bad Host
# header): the same JSON body as the API's refusals, as the schema documents, never an HTML page.
def json_bad_request(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse({"detail": "Bad request."}, status=400)


def json_permission_denied(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse({"detail": "You do not have permission to perform this action."}, status=403)


def json_not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse({"detail": "Not found."}, status=404)


def json_server_error(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"detail": "Server error: the request was not carried out."}, status=500)


CSRF_REFUSED = (
    "The request was refused by the cross-site request check ({reason}). Reload the page; if it persists, the "
    "address in the browser is not one the server trusts (DJANGO_ALLOWED_HOSTS, DJANGO_CSRF_TRUSTED_ORIGINS) or "
    "secure cookies are on over plain HTTP (DJANGO_SECURE_COOKIES)."
)


def json_csrf_failure(request: HttpRequest, reason: str = "") -> JsonResponse:
    return JsonResponse({"detail": CSRF_REFUSED.format(reason=reason.rstrip(".") or "no reason given")}, status=403)
