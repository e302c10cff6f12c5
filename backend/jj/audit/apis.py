from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from jj.accounts.capabilities import can
from jj.accounts.models import User
from jj.audit import selectors
from jj.audit.export import export_lines
from jj.audit.models import AuditEvent
from jj.audit.serializers import AccessLogEntrySerializer, AuditEventSerializer, ChainReportSerializer
from jj.audit.services import audit_append, audit_seal_before_reading, query_for_audit
from jj.audit.shredding import child_key_for_read, has_sealed
from jj.audit.verification import verify_chain
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.core.permissions import HasCapability
from jj.core.pseudonym import child_pseudonym
from jj.core.views import ListAPIView, export_purpose
from jj.people.access import child_get_for_user
from jj.rules.text import t

OversightOnly = HasCapability.of("audit.read")


class AuditEventListApi(ListAPIView):
    """The audit trail for oversight monitors: pseudonymised, filterable, newest first."""

    serializer_class = AuditEventSerializer
    permission_classes = [IsAuthenticated, OversightOnly]
    filterset_class = selectors.AuditEventFilter
    ordering_fields = ["seq", "occurred_at"]

    def scoped_queryset(self, user: User) -> QuerySet[AuditEvent]:
        audit_seal_before_reading()
        return selectors.audit_event_list(user=user)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        audit_append(
            actor=self.caller,
            action="audit.search",
            object_type="audit_event",
            changes={
                "query": query_for_audit(request.query_params.dict()),
                "shown": len(response.data["results"]),
            },
        )
        return response


class AuditVerifyApi(APIView):
    permission_classes = [IsAuthenticated, OversightOnly]

    @extend_schema(
        parameters=[OpenApiParameter("head", str, description="A head you were given earlier, as SEQ:HASH")],
        responses={200: ChainReportSerializer},
        summary="Recompute the audit chain and name the first broken link",
    )
    def get(self, request: Request) -> Response:
        head = None
        raw = request.query_params.get("head", "")
        if raw:
            seq, _, digest = raw.partition(":")
            if not seq.isdigit() or len(digest) != 64:
                raise serializers.ValidationError({"head": [t("Give the head as SEQ:HASH (64 hex characters).")]})
            head = (int(seq), digest)
        audit_seal_before_reading()
        report = verify_chain(expected_head=head)
        last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
        audit_append(
            actor=request.user,  # type: ignore[arg-type]
            action="audit.verify",
            object_type="audit_event",
            changes={
                "ok": report.ok,
                "events_checked": report.events_checked,
                "first_broken_seq": report.first_broken_seq,
            },
        )
        return Response(
            {
                "ok": report.ok,
                "events_checked": report.events_checked,
                "first_broken_seq": report.first_broken_seq,
                "problem": report.problem,
                "head_seq": last[0] if last else None,
                "head_hash": last[1] if last else None,
            }
        )


class _ExportQuery(serializers.Serializer):
    occurred_after = serializers.DateTimeField(required=False)
    occurred_before = serializers.DateTimeField(required=False)
    purpose = serializers.CharField()

    def validate_purpose(self, value: str) -> str:
        try:
            return export_purpose(value)
        except ApplicationError as refusal:
            raise serializers.ValidationError(refusal.message) from refusal


class AuditExportApi(APIView):
    permission_classes = [IsAuthenticated, OversightOnly]
    # Streams the whole trail of a period: a few per hour per monitor (JJ_EXPORT_RATE), then 429.
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "export"

    @extend_schema(
        parameters=[
            OpenApiParameter("occurred_after", OpenApiTypes.DATETIME),
            OpenApiParameter("occurred_before", OpenApiTypes.DATETIME),
            OpenApiParameter(
                "purpose",
                str,
                required=True,
                description="Why the trail leaves the system (5 to 200 characters): written into the audit trail",
            ),
        ],
        responses={
            (200, "application/x-ndjson"): OpenApiTypes.STR,
            429: OpenApiResponse(description="Too many exports: wait (Retry-After)"),
        },
        summary="Export the audit trail as JSON Lines with hashes, for offline verification",
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        query = _ExportQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        after: datetime | None = query.validated_data.get("occurred_after")
        before: datetime | None = query.validated_data.get("occurred_before")
        audit_seal_before_reading()
        audit_append(
            actor=request.user,  # type: ignore[arg-type]
            action="audit.export",
            object_type="audit_event",
            changes={
                "occurred_after": after.isoformat() if after else None,
                "occurred_before": before.isoformat() if before else None,
                "purpose": query.validated_data["purpose"],
            },
        )
        response = StreamingHttpResponse(
            export_lines(
                agency_ids=selectors.audit_scope_agency_ids(user=request.user) or frozenset(),  # type: ignore[arg-type]
                occurred_after=after,
                occurred_before=before,
            ),
            content_type="application/x-ndjson",
        )
        response["Content-Disposition"] = 'attachment; filename="audit-export.jsonl"'
        return response


class ChildAccessLogApi(ListAPIView):
    """Who opened this child's file, and when: for the supervisor of the child's agency."""

    serializer_class = AccessLogEntrySerializer

    def scoped_queryset(self, user: User) -> QuerySet[AuditEvent]:
        child = child_get_for_user(user=user, child_id=self.kwargs["child_id"], action="child.access_log")
        if not can(user, "child.access_log") or child.agency_id != user.agency_id:
            raise ActionNotAllowed("Only a supervisor of the child's agency can see who opened this file.")
        audit_seal_before_reading()
        return selectors.child_access_log(child_ref=child_pseudonym(child.pk))

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        if args and kwargs.get("many"):
            sealed = [event for event in args[0] if has_sealed(event.changes) or has_sealed(event.reason)]
            if sealed:  # one query for the child's data key, only when the page holds encrypted values
                context = kwargs.setdefault("context", self.get_serializer_context())
                context["child_key"] = child_key_for_read(child_ref=sealed[0].child_ref)
        return super().get_serializer(*args, **kwargs)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        audit_append(
            actor=self.caller,
            action="child.access_log",
            object_type="child",
            object_id=self.kwargs["child_id"],
            child_id=self.kwargs["child_id"],
        )
        return response
