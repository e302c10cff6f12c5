"""REC-3 endpoints: the supervisor's preview of sealing and removal, and the break-glass read of a sealed record."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.core.permissions import HasCapability
from jj.custody.records import records_preview, sealed_child_read
from jj.people.access import child_fields_for
from jj.people.serializers import ChildOutputSerializer


class _PreviewQuery(serializers.Serializer):
    days = serializers.IntegerField(min_value=1, max_value=366, default=30)


class _PreviewRow(serializers.Serializer):
    child_id = serializers.IntegerField()
    pseudonym = serializers.CharField()
    action = serializers.ChoiceField(choices=["seal", "remove", "review"])
    due_on = serializers.DateField(allow_null=True)


class RecordsPreviewApi(APIView):
    """What will be sealed or removed in the caller's agency in the next `days` days (30 by default)."""

    permission_classes = [IsAuthenticated, HasCapability.of("records.preview")]

    @extend_schema(
        parameters=[OpenApiParameter("days", int, description="Look this many days ahead (1-366, default 30)")],
        responses={200: _PreviewRow(many=True)},
        summary="Preview the REC-3 sealing and removal of children's records",
    )
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        query = _PreviewQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        days = query.validated_data["days"]
        rows = records_preview(user=user, now=timezone.now(), days=days)
        audit_append(
            actor=user, action="records.preview", object_type="child", changes={"days": days, "shown": len(rows)}
        )
        return Response(_PreviewRow(rows, many=True).data)


class _SealedReadInput(serializers.Serializer):
    child = serializers.IntegerField()
    reason = serializers.CharField(help_text="Why you need this sealed record; recorded and reported to oversight.")


class SealedChildReadApi(APIView):
    """Break-glass: open a sealed child's record with a stated reason (audited, oversight told)."""

    permission_classes = [IsAuthenticated, HasCapability.of("records.sealed_read")]

    @extend_schema(
        request=_SealedReadInput,
        responses={200: inline_serializer("SealedChildRead", {"child": ChildOutputSerializer()})},
        summary="Open a sealed child's record (break-glass, REC-3)",
    )
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        data = _SealedReadInput(data=request.data)
        data.is_valid(raise_exception=True)
        child = sealed_child_read(
            actor=user, child_id=data.validated_data["child"], reason=data.validated_data["reason"]
        )
        return Response({"child": ChildOutputSerializer(child, allowed_fields=child_fields_for(user)).data})
