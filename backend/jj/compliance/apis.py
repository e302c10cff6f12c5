from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import Jurisdiction, Role, User
from jj.audit.services import audit_denied
from jj.compliance import services
from jj.compliance.models import ApprovalRequest, DecisionRecord
from jj.compliance.selectors import (
    OversightDecisionFilter,
    decisions_for_oversight,
    decisions_for_policy,
    policy_for,
    policy_row,
)
from jj.compliance.serializers import (
    ApprovalDecisionSerializer,
    ApprovalSerializer,
    DecisionRecordSerializer,
    OversightDecisionSerializer,
    PolicyUpdateSerializer,
)
from jj.core.exceptions import decision_to_json
from jj.core.i18n import localize_decision_json
from jj.core.permissions import HasCapability
from jj.core.views import ListAPIView
from jj.rules.policy import PARAMETERS, maximum_penalty_below_standard

PolicyOut = inline_serializer(
    "Policy",
    {
        "jurisdiction": serializers.CharField(),
        "name": serializers.CharField(),
        "version": serializers.IntegerField(),
        "values": serializers.DictField(),
        "below_standard": serializers.ListField(child=serializers.CharField()),
        "parameters": serializers.ListField(child=serializers.DictField()),
    },
)
# The list answers as every list does, one page (of one policy: the caller's jurisdiction's).
PolicyPage = inline_serializer(
    "PolicyPage",
    {
        "count": serializers.IntegerField(),
        "next": serializers.CharField(allow_null=True),
        "previous": serializers.CharField(allow_null=True),
        "results": PolicyOut.__class__(many=True),
    },
)


def _jurisdiction_for(user: User, code: str, action: str) -> Jurisdiction:
    """A caller sees the policy of their own jurisdiction only; any other is 404."""
    own = user.agency.jurisdiction if user.agency_id else None  # type: ignore[union-attr]
    if own is None or own.code != code:
        audit_denied(actor=user, action=action, object_type="policy", object_id=code, reason="other jurisdiction")
        raise Http404
    return own


def policy_out(jurisdiction: Jurisdiction) -> dict[str, Any]:
    policy = policy_for(jurisdiction.pk)
    row = policy_row(jurisdiction.pk)
    below = set(policy.rules_below_standard())
    if maximum_penalty_below_standard(policy):
        below.add("SEN-3")
    values = policy.as_dict()
    return {
        "jurisdiction": jurisdiction.code,
        "name": jurisdiction.name,
        "version": row.version if row else 0,
        "values": values,
        "below_standard": sorted(below),
        "parameters": [
            {
                "name": p.name,
                "label": p.label,
                "value": values[p.name],
                "standard": list(p.default) if isinstance(p.default, tuple) else p.default,
                "below_standard": policy.below_standard(p.name),
                "direction": p.direction.value,
                "choices": list(p.choices),
                "minimum": p.minimum,
                "maximum": p.maximum,
                "rule_ids": list(p.rule_ids),
                "source": p.source,
                "unverified": p.unverified,
            }
            for p in PARAMETERS.values()
        ],
    }


class PolicyListApi(APIView):
    @extend_schema(
        responses={200: PolicyPage},
        summary="The caller's jurisdiction's policy (a list of one)",
        operation_id="policies_list",
    )
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        if not user.agency_id:
            return Response({"count": 0, "next": None, "previous": None, "results": []})
        rows = [policy_out(user.agency.jurisdiction)]  # type: ignore[union-attr]
        return Response({"count": 1, "next": None, "previous": None, "results": rows})


class PolicyDetailApi(APIView):
    @extend_schema(responses={200: PolicyOut})
    def get(self, request: Request, code: str) -> Response:
        jurisdiction = _jurisdiction_for(request.user, code, "policy.read")  # type: ignore[arg-type]
        return Response(policy_out(jurisdiction))

    @extend_schema(
        request=PolicyUpdateSerializer,
        responses={200: PolicyOut},
        description="Administrators only. A value on the non-protective side of the standard is accepted with a "
        "POL-1 WARN in `decisions`; an exception to the minimum age (MACR-3) is refused with 422.",
    )
    def patch(self, request: Request, code: str) -> Response:
        user: User = request.user  # type: ignore[assignment]
        jurisdiction = _jurisdiction_for(user, code, "policy.update")
        serializer = PolicyUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        version = values.pop("version")
        _, decisions = services.policy_update(actor=user, jurisdiction=jurisdiction, version=version, values=values)
        shown = [localize_decision_json(decision_to_json(d), d.message) for d in decisions]
        return Response({**policy_out(jurisdiction), "decisions": shown})


class PolicyDecisionsApi(ListAPIView):
    """The decision history of a jurisdiction's policy: every change's warnings, who made it, when."""

    serializer_class = DecisionRecordSerializer
    permission_classes = [HasCapability.of("policy.decisions")]
    ordering_fields = ["decided_at", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[DecisionRecord]:
        jurisdiction = _jurisdiction_for(user, self.kwargs["code"], "policy.decisions")
        return decisions_for_policy(jurisdiction.pk)


class ApprovalListApi(ListAPIView):
    """Supervisors: requests on their agency's cases; caseworkers: their own requests."""

    serializer_class = ApprovalSerializer
    permission_classes = [HasCapability.of("approval.read")]
    filterset_fields = ["status", "case"]
    ordering_fields = ["created_at", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[ApprovalRequest]:
        scope = Q(case__agency_id=user.agency_id) if user.role == Role.SUPERVISOR else Q(requested_by=user)
        qs = ApprovalRequest.objects.filter(scope).select_related("case", "requested_by", "decided_by")
        return qs.order_by("-created_at", "-id")


class ApprovalDecideApi(APIView):
    @extend_schema(request=ApprovalDecisionSerializer, responses={200: ApprovalSerializer})
    def post(self, request: Request, approval_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        approval = None
        if user.role in (Role.SUPERVISOR, Role.CASEWORKER) and user.agency_id is not None:
            approval = (
                ApprovalRequest.objects.filter(pk=approval_id, case__agency_id=user.agency_id)
                .select_related("case")
                .first()
            )
        if approval is None:
            audit_denied(actor=user, action="approval.decide", object_type="approval", object_id=approval_id)
            raise Http404
        serializer = ApprovalDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.approval_decide(actor=user, approval=approval, **serializer.validated_data)
        approval.refresh_from_db()
        return Response(ApprovalSerializer(approval).data, status=status.HTTP_200_OK)


class OversightDecisionListApi(ListAPIView):
    """Every decision the rules engine took in the caller's jurisdiction, children pseudonymised (issue 6)."""

    serializer_class = OversightDecisionSerializer
    permission_classes = [HasCapability.of("oversight.decisions")]
    filterset_class = OversightDecisionFilter
    ordering_fields = ["decided_at", "id", "rule_id"]

    def scoped_queryset(self, user: User) -> QuerySet[DecisionRecord]:
        if user.agency is None:
            return DecisionRecord.objects.none()
        return decisions_for_oversight(user.agency.jurisdiction_id).order_by("-decided_at", "-id")

    audited_as = "decision"
