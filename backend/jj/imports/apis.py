"""The import API: upload a file (202, then follow its progress), follow a job, read its per-row report, and
download the template. Thin: the checks and the writes are the services', the scope the selectors'."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.audit.services import audit_denied
from jj.core import exports
from jj.core.exceptions import ApplicationError
from jj.core.permissions import HasCapability
from jj.core.views import ListAPIView
from jj.imports import rows, selectors, services
from jj.imports.models import ImportJob, ImportRow
from jj.imports.serializers import ImportJobSerializer, ImportRowSerializer, ImportUploadSerializer

Importers = HasCapability.of("child.import")


def _job_or_404(user: User, pk: int, action: str) -> ImportJob:
    job = selectors.import_job_get(user=user, pk=pk)
    if job is None:
        audit_denied(actor=user, action=action, object_type="import_job", object_id=pk, reason="scope")
        raise Http404
    return job


class ImportListApi(ListAPIView):
    """The imports the caller may follow, newest first; POST uploads a file (multipart: `file`, `dry_run`)."""

    serializer_class = ImportJobSerializer
    permission_classes = [Importers]
    ordering_fields = ["created_at", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[ImportJob]:
        return selectors.import_jobs_for(user=user).order_by("-created_at", "-id")

    @extend_schema(
        request={"multipart/form-data": ImportUploadSerializer},
        responses={202: ImportJobSerializer},
        summary="Import children and cases from a CSV or XLSX file, or try it (dry run); runs in the background",
    )
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = ImportUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        if upload.size > rows.MAX_BYTES:
            raise ApplicationError(rows.TOO_BIG, extra={"file": [rows.TOO_BIG]})
        job = services.import_request(actor=user, content=upload.read(), dry_run=serializer.validated_data["dry_run"])
        fresh = selectors.import_job_get(user=user, pk=job.pk)  # as the task left it (done at once without a broker)
        return Response(ImportJobSerializer(fresh or job).data, status=status.HTTP_202_ACCEPTED)


class ImportDetailApi(APIView):
    permission_classes = [Importers]

    @extend_schema(responses={200: ImportJobSerializer}, summary="An import's status, progress and counts")
    def get(self, request: Request, import_id: int) -> Response:
        """Polled while the import runs, so not audited per read: it holds counts, no child's data."""
        user: User = request.user  # type: ignore[assignment]
        return Response(ImportJobSerializer(_job_or_404(user, import_id, "import.read")).data)


class ImportRowsApi(ListAPIView):
    """The per-row report: row number, outcome, field messages, rule decisions, the records written (ids).
    Audited as a list of the report's rows."""

    serializer_class = ImportRowSerializer
    permission_classes = [Importers]
    audited_as = "import_row"
    filterset_fields = ["outcome"]
    ordering_fields = ["row"]

    def scoped_queryset(self, user: User) -> QuerySet[ImportRow]:
        job = _job_or_404(user, int(self.kwargs["import_id"]), "import.report")
        return selectors.import_rows_for(job=job)


class ImportTemplateApi(APIView):
    permission_classes = [Importers]

    @extend_schema(
        parameters=[OpenApiParameter("file_format", str, enum=list(exports.FORMATS), description="csv or xlsx")],
        responses={
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, exports.CONTENT_TYPES[exports.XLSX]): OpenApiTypes.BINARY,
        },
        summary="The import template: the columns, with one example row",
    )
    def get(self, request: Request, **kwargs: Any) -> HttpResponse:
        file_format = request.query_params.get("file_format", exports.CSV)
        if file_format not in exports.FORMATS:
            file_format = exports.CSV
        body = exports.render(rows.template_rows(), file_format)
        response = HttpResponse(body, content_type=exports.CONTENT_TYPES[file_format])
        response["Content-Disposition"] = f'attachment; filename="import-template.{file_format}"'
        return response
