from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.audit.services import audit_list, audit_read
from jj.cases import selectors, services
from jj.cases.access import case_get_for_user
from jj.cases.models import Assignment, Case
from jj.cases.serializers import (
    AssignmentOutputSerializer,
    AssignSerializer,
    CaseCreateSerializer,
    CaseEventSerializer,
    CaseOutputSerializer,
    CaseUpdateSerializer,
    CloseSerializer,
    OffenceSerializer,
    ShareSerializer,
    UnassignSerializer,
)
from jj.core.views import ListAPIView
from jj.people.access import child_get_for_user, shows_names


def _case_out(case: Any, user: User) -> dict[str, Any]:
    return CaseOutputSerializer(case, show_names=shows_names(user)).data  # type: ignore[return-value]


class CaseListApi(ListAPIView):
    serializer_class = CaseOutputSerializer
    filterset_class = selectors.CaseFilter
    ordering_fields = ["opened_at", "id", "reference", "status", "created_at"]

    def scoped_queryset(self, user: User) -> QuerySet[Case]:
        return selectors.case_list(user=user)

    def get_search_fields(self) -> list[str]:
        names = ["child__given_name", "child__family_name"] if shows_names(self.caller) else []
        return ["reference", *names]

    def get_serializer(self, *args: Any, **kwargs: Any) -> CaseOutputSerializer:
        if getattr(self, "swagger_fake_view", False):
            return CaseOutputSerializer(*args, **kwargs)
        return CaseOutputSerializer(*args, show_names=shows_names(self.caller), **kwargs)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        audit_list(
            actor=self.caller,
            object_type="case",
            ids=[row["id"] for row in response.data["results"]],  # type: ignore[arg-type]
            query=request.query_params.dict(),
        )
        return response

    @extend_schema(request=CaseCreateSerializer, responses={201: CaseOutputSerializer})
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = CaseCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        child = child_get_for_user(user=user, child_id=data.pop("child").pk, action="case.create")
        case = services.case_open(
            actor=user,
            child=child,
            kind=data["kind"],
            offences=data.get("offences", []),
            summary=data.get("summary", ""),
            opened_at=data.get("opened_at"),
        )
        return Response(_case_out(selectors.case_list(user=user).get(pk=case.pk), user), status=status.HTTP_201_CREATED)


class CaseDetailApi(APIView):
    @extend_schema(responses={200: CaseOutputSerializer})
    def get(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id)
        audit_read(actor=user, object_type="case", object_id=case.pk, child_id=case.child_id)
        return Response(_case_out(case, user))

    @extend_schema(request=CaseUpdateSerializer, responses={200: CaseOutputSerializer})
    def patch(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="case.update")
        serializer = CaseUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version")
        case = services.case_update(actor=user, case=case, version=version, data=data)
        return Response(_case_out(case, user))


class CaseOffenceApi(APIView):
    @extend_schema(request=OffenceSerializer, responses={201: OffenceSerializer})
    def post(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="offence.create")
        serializer = OffenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        offence = services.offence_add(actor=user, case=case, data=dict(serializer.validated_data))
        return Response(OffenceSerializer(offence).data, status=status.HTTP_201_CREATED)


class CaseAssignApi(APIView):
    @extend_schema(request=AssignSerializer, responses={201: AssignmentOutputSerializer})
    def post(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="case.assign")
        serializer = AssignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        assignment = services.case_assign(actor=user, case=case, **serializer.validated_data)
        return Response(AssignmentOutputSerializer(assignment).data, status=status.HTTP_201_CREATED)


class CaseUnassignApi(APIView):
    @extend_schema(request=UnassignSerializer, responses={200: AssignmentOutputSerializer})
    def post(self, request: Request, case_id: int, assignment_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="case.unassign")
        assignment = Assignment.objects.filter(case=case, pk=assignment_id).first()
        if assignment is None:
            return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
        serializer = UnassignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ended = services.case_unassign(
            actor=user, case=case, assignment=assignment, reason=serializer.validated_data.get("reason", "")
        )
        return Response(AssignmentOutputSerializer(ended).data)


class CaseShareApi(APIView):
    @extend_schema(request=ShareSerializer, responses={201: None})
    def post(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="case.share")
        serializer = ShareSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = services.case_share(actor=user, case=case, **serializer.validated_data)
        return Response(
            {"id": row.pk, "user": row.user_id, "expires_at": row.expires_at}, status=status.HTTP_201_CREATED
        )


class CaseTimelineApi(APIView):
    @extend_schema(responses={200: CaseEventSerializer(many=True)})
    def get(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="case.timeline")
        audit_read(actor=user, object_type="case_timeline", object_id=case.pk, child_id=case.child_id)
        return Response(CaseEventSerializer(selectors.case_timeline(case=case), many=True).data)


class CaseCloseApi(APIView):
    @extend_schema(request=CloseSerializer, responses={200: CaseOutputSerializer})
    def post(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="case.close")
        serializer = CloseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = services.case_close(actor=user, case=case, reason=serializer.validated_data["reason"])
        return Response(_case_out(selectors.case_list(user=user).get(pk=case.pk), user))
