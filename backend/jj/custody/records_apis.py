"""REC-3 endpoints: the supervisor's preview of sealing and removal, the break-glass read of a sealed record, and the
court officer's independent review before removal."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.capabilities import can
from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.core.exceptions import ActionNotAllowed
from jj.core.permissions import HasCapability
from jj.core.pseudonym import child_pseudonym
from jj.core.views import ListAPIView
from jj.custody.models import RecordsRemovalReview, RemovalReviewOutcome, SealedReadRequest
from jj.custody.records import (
    NOT_A_SEALED_READER,
    RETAIN_AT_MOST_DAYS,
    records_preview,
    removal_review_decide,
    removal_review_list,
    sealed_child_read,
    sealed_read_decide,
    sealed_read_open,
)
from jj.custody.selectors import SEALED_READ_SCOPES, sealed_read_requests_for
from jj.people.access import child_fields_for
from jj.people.serializers import ChildOutputSerializer
from jj.rules.text import t


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


class _HeldRead(serializers.Serializer):
    request = serializers.IntegerField(source="pk")
    status = serializers.CharField()


class SealedChildReadApi(APIView):
    """Break-glass: open a sealed child's record with a stated reason (audited, oversight told). Where the policy
    asks for a second person: 202 with the held request, and nothing of the record, until another supervisor
    approves it."""

    permission_classes = [IsAuthenticated, HasCapability.of("records.sealed_read")]

    @extend_schema(
        request=_SealedReadInput,
        responses={
            200: inline_serializer("SealedChildRead", {"child": ChildOutputSerializer()}),
            202: _HeldRead,
        },
        summary="Open a sealed child's record (break-glass, REC-3)",
    )
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        data = _SealedReadInput(data=request.data)
        data.is_valid(raise_exception=True)
        result = sealed_child_read(
            actor=user, child_id=data.validated_data["child"], reason=data.validated_data["reason"]
        )
        if isinstance(result, SealedReadRequest):
            return Response(_HeldRead(result).data, status=status.HTTP_202_ACCEPTED)
        return Response({"child": ChildOutputSerializer(result, allowed_fields=child_fields_for(user)).data})


class _DecideInput(serializers.Serializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class SealedReadDecideApi(APIView):
    """A second supervisor of the child's agency approves or rejects a held break-glass read (never their own)."""

    permission_classes = [IsAuthenticated, HasCapability.of("records.sealed_read_approve")]

    @extend_schema(
        request=_DecideInput,
        responses={200: _HeldRead},
        summary="Approve or reject a held break-glass read of a sealed record (REC-3, second person)",
    )
    def post(self, request: Request, request_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        data = _DecideInput(data=request.data)
        data.is_valid(raise_exception=True)
        held = sealed_read_decide(
            actor=user, request_id=request_id, approve=data.validated_data["approve"], note=data.validated_data["note"]
        )
        return Response(_HeldRead(held).data)


class SealedReadOpenApi(APIView):
    """The person who asked opens the approved record, once."""

    permission_classes = [IsAuthenticated, HasCapability.of("records.sealed_read")]

    @extend_schema(
        request=None,
        responses={200: inline_serializer("SealedChildOpened", {"child": ChildOutputSerializer()})},
        summary="Open a sealed record after a second supervisor approved the break-glass read (once)",
    )
    def post(self, request: Request, request_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        child = sealed_read_open(actor=user, request_id=request_id)
        return Response({"child": ChildOutputSerializer(child, allowed_fields=child_fields_for(user)).data})


class SealedReadRequestSerializer(serializers.ModelSerializer[SealedReadRequest]):
    pseudonym = serializers.SerializerMethodField()
    requested_by_username = serializers.CharField(source="requested_by.username", read_only=True)
    decided_by_username = serializers.CharField(source="decided_by.username", read_only=True, allow_null=True)

    class Meta:
        model = SealedReadRequest
        fields = [
            "id",
            "child",
            "pseudonym",
            "status",
            "requested_by_username",
            "decided_by_username",
            "created_at",
            "decided_at",
            "opened_at",
        ]
        read_only_fields = fields

    def get_pseudonym(self, obj: SealedReadRequest) -> str:
        return child_pseudonym(obj.child_id)


@extend_schema_view(
    get=extend_schema(
        parameters=[
            OpenApiParameter(
                "scope",
                str,
                enum=list(SEALED_READ_SCOPES),
                description="mine (the default): the caller's own requests; to_decide: their agency's requests that"
                " wait for a second supervisor, not asked by the caller (supervisors)",
            )
        ],
        summary="List break-glass reads of sealed records: the caller's own, or those awaiting their decision",
    )
)
class SealedReadRequestListApi(ListAPIView):
    """The break-glass reads the caller asked for (to follow them and open an approved one), or, for a second
    supervisor, those of their agency waiting for a decision. Only the child's id and pseudonym and the request's
    state; the stated reason stays in the audit trail. Audited as a list (REC-1)."""

    serializer_class = SealedReadRequestSerializer
    permission_classes = [IsAuthenticated, HasCapability.of("records.sealed_read", "records.sealed_read_approve")]
    ordering_fields = ["created_at", "id"]
    audited_as = "sealed_read_request"

    def scoped_queryset(self, user: User) -> QuerySet[SealedReadRequest]:
        scope = self.request.query_params.get("scope", "mine")
        if scope not in SEALED_READ_SCOPES:
            raise serializers.ValidationError({"scope": [t("Choose mine or to_decide.")]})
        if scope == "to_decide" and not can(user, "records.sealed_read_approve"):
            raise ActionNotAllowed(t("Only a supervisor of the child's agency can approve a break-glass read."))
        if scope == "mine" and not can(user, "records.sealed_read"):
            raise ActionNotAllowed(NOT_A_SEALED_READER)
        return sealed_read_requests_for(user=user, scope=scope)


class RemovalReviewSerializer(serializers.ModelSerializer[RecordsRemovalReview]):
    """An independent removal review as its decider sees it: the child by pseudonym only (the record is sealed)."""

    child_pseudonym = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = RecordsRemovalReview
        fields = ["id", "child_pseudonym", "opened_at", "due_at", "overdue", "decided_at", "outcome", "retain_until"]
        read_only_fields = fields

    def get_child_pseudonym(self, review: RecordsRemovalReview) -> str:
        return child_pseudonym(review.child_id)

    def get_overdue(self, review: RecordsRemovalReview) -> bool:
        return review.decided_at is None and review.due_at < timezone.now()


class RemovalReviewListApi(ListAPIView):
    """The open independent reviews before removal (REC-3) that the calling court officer may decide: their
    jurisdiction's, never one of a child whose case they are or were assigned to. Pseudonyms only."""

    permission_classes = [IsAuthenticated, HasCapability.of("records.removal_review")]
    serializer_class = RemovalReviewSerializer
    ordering_fields = ["due_at", "opened_at", "id"]
    ordering = ["due_at", "id"]
    audited_as = "records_removal_review"

    def scoped_queryset(self, user: User) -> QuerySet[Any]:
        return removal_review_list(user=user)


class _ReviewDecideInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=RemovalReviewOutcome.choices)
    reason = serializers.CharField(
        help_text="Why: free text about the child, kept encrypted under the child's key in the audit trail."
    )
    retain_until = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text=f"For `retain`: the day the review comes back (after today, at most {RETAIN_AT_MOST_DAYS} days on).",
    )


class RemovalReviewDecideApi(APIView):
    """An independent court officer decides: `remove` removes the child's identity now; `retain` keeps the sealed
    records until `retain_until`, when the review comes back."""

    permission_classes = [IsAuthenticated, HasCapability.of("records.removal_review")]

    @extend_schema(
        request=_ReviewDecideInput,
        responses={200: RemovalReviewSerializer},
        summary="Decide the independent review before a child's records are removed (REC-3)",
    )
    def post(self, request: Request, review_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        data = _ReviewDecideInput(data=request.data)
        data.is_valid(raise_exception=True)
        review = removal_review_decide(
            actor=user,
            review_id=review_id,
            outcome=data.validated_data["outcome"],
            reason=data.validated_data["reason"],
            retain_until=data.validated_data["retain_until"],
        )
        return Response(RemovalReviewSerializer(review).data)
