from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.core.views import ListAPIView
from jj.documents import selectors, services
from jj.documents.access import CASE, CHILD, EPISODE, document_get_for_user, record_get_for_user
from jj.documents.models import Document
from jj.documents.serializers import DocumentOutputSerializer, DocumentUploadSerializer


class _RecordDocumentsApi(ListAPIView):
    """The documents attached to a record (GET, audited with the ids shown) and attaching one (POST, multipart:
    `file` and `document_type`; the content is checked, never the name or the browser's claim)."""

    serializer_class = DocumentOutputSerializer
    audited_as = "document"
    ordering_fields = ["created_at", "id", "document_type", "size"]
    record_kind = CHILD
    record_kwarg = "child_id"

    def scoped_queryset(self, user: User) -> QuerySet[Document]:
        _record, documents = selectors.document_list(
            user=user, kind=self.record_kind, record_id=int(self.kwargs[self.record_kwarg])
        )
        return documents

    @extend_schema(request={"multipart/form-data": DocumentUploadSerializer}, responses={201: DocumentOutputSerializer})
    def post(self, request: Request, **kwargs: Any) -> Response:
        user: User = request.user  # type: ignore[assignment]
        record = record_get_for_user(
            user=user, kind=self.record_kind, record_id=int(kwargs[self.record_kwarg]), action="document.create"
        )
        serializer = DocumentUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = services.document_upload(
            actor=user,
            record=record,
            upload=serializer.validated_data["file"],
            document_type=serializer.validated_data["document_type"],
        )
        return Response(DocumentOutputSerializer(document).data, status=status.HTTP_201_CREATED)


class ChildDocumentsApi(_RecordDocumentsApi):
    record_kind = CHILD
    record_kwarg = "child_id"


class CaseDocumentsApi(_RecordDocumentsApi):
    record_kind = CASE
    record_kwarg = "case_id"


class EpisodeDocumentsApi(_RecordDocumentsApi):
    record_kind = EPISODE
    record_kwarg = "episode_id"


class DocumentDetailApi(APIView):
    @extend_schema(responses={204: None}, summary="Delete a document (supervisors; audited)")
    def delete(self, request: Request, document_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        document, record = document_get_for_user(user=user, document_id=document_id, action="document.delete")
        services.document_delete(actor=user, document=document, record=record)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DocumentDownloadApi(APIView):
    @extend_schema(
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
        summary="Download a document (a read of the child's record; audited)",
    )
    def get(self, request: Request, document_id: int) -> FileResponse:
        user: User = request.user  # type: ignore[assignment]
        document, record = document_get_for_user(user=user, document_id=document_id, action="document.read")
        audit_append(
            actor=user,
            action="document.read",
            object_type="document",
            object_id=document.pk,
            child_id=record.child_id,
        )
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )
        response["Cache-Control"] = "no-store"
        return response
