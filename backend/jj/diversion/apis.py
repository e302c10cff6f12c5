from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.audit.services import audit_denied, audit_read
from jj.cases.access import case_get_for_user
from jj.core.views import ListAPIView
from jj.diversion import services
from jj.diversion.models import DiversionReferral, Programme
from jj.diversion.selectors import referral_list
from jj.diversion.serializers import (
    ActivateSerializer,
    DeclineSerializer,
    OfferSerializer,
    OutcomeSerializer,
    ProgrammeSerializer,
    ReferralSerializer,
    SessionSerializer,
)


def programmes_for(user: User) -> QuerySet[Programme]:
    if user.agency is None:
        return Programme.objects.none()
    return Programme.objects.filter(jurisdiction_id=user.agency.jurisdiction_id)


def referrals_for(user: User) -> QuerySet[DiversionReferral]:
    return referral_list(user=user)


def referral_get(user: User, referral_id: int, action: str) -> DiversionReferral:
    referral = referrals_for(user).filter(pk=referral_id).first()
    if referral is None:
        audit_denied(actor=user, action=action, object_type="diversion_referral", object_id=referral_id)
        raise Http404
    return referral


def referral_out(user: User, referral_id: int) -> dict[str, Any]:
    row = referrals_for(user).prefetch_related("sessions").get(pk=referral_id)
    return ReferralSerializer(row).data  # type: ignore[return-value]


class ProgrammeListApi(ListAPIView):
    serializer_class = ProgrammeSerializer
    filterset_fields = ["kind", "active"]
    search_fields = ["name", "provider"]
    ordering_fields = ["name", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[Programme]:
        return programmes_for(user).order_by("name", "id")

    @extend_schema(request=ProgrammeSerializer, responses={201: ProgrammeSerializer})
    def post(self, request: Request) -> Response:
        serializer = ProgrammeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        programme = services.programme_create(actor=request.user, data=dict(serializer.validated_data))  # type: ignore[arg-type]
        return Response(ProgrammeSerializer(programme).data, status=status.HTTP_201_CREATED)


class ReferralListApi(ListAPIView):
    serializer_class = ReferralSerializer
    audited_as = "diversion_referral"
    filterset_fields = ["case", "status", "stage_offered"]
    ordering_fields = ["offered_at", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[DiversionReferral]:
        return referrals_for(user).prefetch_related("sessions").order_by("-offered_at", "-id")

    @extend_schema(request=OfferSerializer, responses={201: ReferralSerializer})
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = OfferSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        case = case_get_for_user(user=user, case_id=data["case"], action="diversion.offer")
        referral = services.referral_offer(
            actor=user,
            case=case,
            programme=data["programme"],
            stage=data["stage"],
            occurred_at=data.get("occurred_at"),
            child_views=data["child_views"],
            views_not_heard_reason=data["views_not_heard_reason"],
        )
        return Response(referral_out(user, referral.pk), status=status.HTTP_201_CREATED)


class ReferralDetailApi(APIView):
    @extend_schema(responses={200: ReferralSerializer})
    def get(self, request: Request, referral_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        referral = referral_get(user, referral_id, "diversion_referral.read")
        audit_read(actor=user, object_type="diversion_referral", object_id=referral.pk, child_id=referral.case.child_id)
        return Response(referral_out(user, referral.pk))


def _step(name: str, serializer: type[serializers.Serializer], perform: Any, doc: str) -> type[APIView]:
    class Step(APIView):
        @extend_schema(request=serializer, responses={200: ReferralSerializer}, description=doc)
        def post(self, request: Request, referral_id: int) -> Response:
            user: User = request.user  # type: ignore[assignment]
            referral = referral_get(user, referral_id, f"diversion.{name}")
            body = serializer(data=request.data)
            body.is_valid(raise_exception=True)
            perform(user, referral, dict(body.validated_data))
            return Response(referral_out(user, referral.pk))

    Step.__name__ = Step.__qualname__ = f"Diversion{name.title()}Api"
    return Step


ActivateApi = _step(
    "activate",
    ActivateSerializer,
    lambda user, referral, data: services.referral_activate(actor=user, referral=referral, data=data),
    "Start the diversion. Refused (422, DIV-2) unless compelling evidence, the acknowledgement, informed consent and "
    "legal advice are all recorded.",
)
DeclineApi = _step(
    "decline",
    DeclineSerializer,
    lambda user, referral, data: services.referral_decline(actor=user, referral=referral, **data),
    "The child declines the offer; the case goes on where it stood.",
)
SessionApi = _step(
    "session",
    SessionSerializer,
    lambda user, referral, data: services.session_record(actor=user, referral=referral, data=data),
    "Record a session: attendance, conditions, provider notes, victim participation (with consent).",
)
OutcomeApi = _step(
    "outcome",
    OutcomeSerializer,
    lambda user, referral, data: services.referral_outcome(actor=user, referral=referral, **data),
    "Completed: the case closes finally with no criminal record (DIV-4). Otherwise it returns to its stage.",
)
