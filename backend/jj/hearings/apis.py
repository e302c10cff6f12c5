from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.audit.services import audit_read
from jj.cases.access import case_get_for_user
from jj.core.views import ListAPIView
from jj.hearings import selectors, services
from jj.hearings.models import Hearing
from jj.hearings.serializers import HearingCreateSerializer, HearingOutcomeSerializer, HearingSerializer
from jj.people.access import shows_names


class HearingListApi(ListAPIView):
    """The hearings calendar: hearings of the cases the caller may see. `?mine=true` (my cases), `?court=`,
    `?agency=`, `?at__gte=` / `?at__lt=` (a day, a week), `?status=`. Every list is audited with the ids shown."""

    serializer_class = HearingSerializer
    filterset_class = selectors.HearingFilter
    audited_as = "hearing"
    ordering_fields = ["at", "id", "court", "created_at"]
    ordering = ["at", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[Hearing]:
        return selectors.hearing_list(user=user)

    def get_serializer(self, *args: Any, **kwargs: Any) -> HearingSerializer:
        if getattr(self, "swagger_fake_view", False):
            return HearingSerializer(*args, **kwargs)
        return HearingSerializer(*args, show_names=shows_names(self.caller), **kwargs)

    @extend_schema(request=HearingCreateSerializer, responses={201: HearingSerializer})
    def post(self, request: Request) -> Response:
        """Schedule a hearing (caseworker, supervisor, counsel) on a case the caller may record on."""
        user: User = request.user  # type: ignore[assignment]
        serializer = HearingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        case = case_get_for_user(user=user, case_id=data.pop("case"), action="hearing.create")
        hearing = services.hearing_schedule(actor=user, case=case, data=data)
        return Response(HearingSerializer(hearing, show_names=shows_names(user)).data, status=status.HTTP_201_CREATED)


class HearingDetailApi(APIView):
    @extend_schema(responses={200: HearingSerializer})
    def get(self, request: Request, hearing_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        hearing = selectors.hearing_get_for_user(user=user, hearing_id=hearing_id)
        audit_read(actor=user, object_type="hearing", object_id=hearing.pk, child_id=hearing.case.child_id)
        return Response(HearingSerializer(hearing, show_names=shows_names(user)).data)


class HearingOutcomeApi(APIView):
    """Record how a scheduled hearing ended: held (the child in custody: recorded as the episode's court appearance,
    meeting PTD-1 or the PTD-4 review as an appearance does, and linked), adjourned or cancelled. 409 if it was
    already closed."""

    @extend_schema(request=HearingOutcomeSerializer, responses={200: HearingSerializer})
    def post(self, request: Request, hearing_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        hearing = selectors.hearing_get_for_user(user=user, hearing_id=hearing_id, action="hearing.outcome")
        # A share is read-only: closing a hearing needs the case through the caller's own work (403 otherwise).
        case_get_for_user(user=user, case_id=hearing.case_id, action="hearing.outcome")
        serializer = HearingOutcomeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        hearing = services.hearing_outcome_record(actor=user, hearing=hearing, data=dict(serializer.validated_data))
        hearing = selectors.hearing_list(user=user).filter(pk=hearing.pk).first() or hearing
        return Response(HearingSerializer(hearing, show_names=shows_names(user)).data)
