from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.capabilities import require
from jj.accounts.models import User
from jj.audit.services import audit_append, audit_read
from jj.audit.shredding import search_term_digest
from jj.core.pseudonym import child_pseudonym
from jj.core.views import EXPORT_SCHEMA, ExportMixin, ListAPIView
from jj.people import selectors, services
from jj.people.access import (
    child_fields_for,
    child_get_for_user,
    guardian_get_for_user,
    record_contest_get_for_user,
    shows_names,
)
from jj.people.duplicates import child_duplicates
from jj.people.models import Child, Guardian, RecordContest
from jj.people.serializers import (
    ChildInputSerializer,
    ChildMergeSerializer,
    ChildOutputSerializer,
    ChildUpdateSerializer,
    DuplicateMatchSerializer,
    DuplicateQuerySerializer,
    GuardianSerializer,
    GuardianUpdateSerializer,
    RecordContestDecisionSerializer,
    RecordContestSerializer,
)


class ChildListApi(ListAPIView):
    """Children the caller may see. Every list is audited with the ids it showed."""

    serializer_class = ChildOutputSerializer
    audited_as = "child"
    filterset_class = selectors.ChildFilter
    ordering_fields = ["created_at", "id", "family_name", "given_name", "date_of_birth"]

    def scoped_queryset(self, user: User) -> QuerySet[Child]:
        return selectors.child_list(user=user)

    def get_search_fields(self) -> list[str]:
        return ["given_name", "family_name", "other_names"] if shows_names(self.caller) else []

    def get_serializer(self, *args: Any, **kwargs: Any) -> ChildOutputSerializer:
        if getattr(self, "swagger_fake_view", False):
            return ChildOutputSerializer(*args, **kwargs)
        return ChildOutputSerializer(*args, allowed_fields=child_fields_for(self.caller), **kwargs)

    @extend_schema(request=ChildInputSerializer, responses={201: ChildOutputSerializer})
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = ChildInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        child = services.child_register(actor=user, data=dict(serializer.validated_data))
        return Response(
            ChildOutputSerializer(child, allowed_fields=child_fields_for(user)).data, status=status.HTTP_201_CREATED
        )


class ChildDetailApi(APIView):
    @extend_schema(responses={200: ChildOutputSerializer})
    def get(self, request: Request, child_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        child = child_get_for_user(user=user, child_id=child_id)
        audit_read(actor=user, object_type="child", object_id=child.pk, child_id=child.pk)
        return Response(ChildOutputSerializer(child, allowed_fields=child_fields_for(user)).data)

    @extend_schema(request=ChildUpdateSerializer, responses={200: ChildOutputSerializer})
    def patch(self, request: Request, child_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        child = child_get_for_user(user=user, child_id=child_id, action="child.update")
        serializer = ChildUpdateSerializer(child, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        if version is None:
            return Response(
                {"version": ["Send the version you read, so nobody's changes are overwritten."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        child = services.child_update(actor=user, child=child, version=version, data=data)
        return Response(ChildOutputSerializer(child, allowed_fields=child_fields_for(user)).data)


class GuardianListApi(ListAPIView):
    serializer_class = GuardianSerializer
    audited_as = "guardian"
    filterset_class = selectors.GuardianFilter
    ordering_fields = ["id", "name", "relationship"]

    def scoped_queryset(self, user: User) -> QuerySet[Guardian]:
        return selectors.guardian_list(user=user)

    @extend_schema(request=GuardianSerializer, responses={201: GuardianSerializer})
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = GuardianSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        child = child_get_for_user(user=user, child_id=data.pop("child").pk, action="guardian.create")
        guardian = services.guardian_add(actor=user, child=child, data=data)
        return Response(GuardianSerializer(guardian).data, status=status.HTTP_201_CREATED)


class GuardianDetailApi(APIView):
    @extend_schema(responses={200: GuardianSerializer})
    def get(self, request: Request, guardian_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        guardian = guardian_get_for_user(user=user, guardian_id=guardian_id)
        audit_read(actor=user, object_type="guardian", object_id=guardian.pk, child_id=guardian.child_id)
        return Response(GuardianSerializer(guardian).data)

    @extend_schema(request=GuardianUpdateSerializer, responses={200: GuardianSerializer})
    def patch(self, request: Request, guardian_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        guardian = guardian_get_for_user(user=user, guardian_id=guardian_id)
        serializer = GuardianUpdateSerializer(guardian, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        if version is None:
            return Response(
                {"version": ["Send the version you read, so nobody's changes are overwritten."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        guardian = services.guardian_update(actor=user, guardian=guardian, version=version, data=data)
        return Response(GuardianSerializer(guardian).data)


class RecordContestListApi(ListAPIView):
    """REC-1: contests of facts or opinions in the files the caller may read."""

    serializer_class = RecordContestSerializer
    audited_as = "record_contest"
    filterset_class = selectors.RecordContestFilter
    ordering_fields = ["id", "created_at", "status"]

    def scoped_queryset(self, user: User) -> QuerySet[RecordContest]:
        return selectors.record_contest_list(user=user)

    @extend_schema(request=RecordContestSerializer, responses={201: RecordContestSerializer})
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = RecordContestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        child = child_get_for_user(user=user, child_id=data.pop("child").pk, action="record_contest.create")
        contest = services.record_contest_open(actor=user, child=child, data=data)
        return Response(RecordContestSerializer(contest).data, status=status.HTTP_201_CREATED)


class RecordContestDetailApi(APIView):
    @extend_schema(responses={200: RecordContestSerializer})
    def get(self, request: Request, contest_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        contest = record_contest_get_for_user(user=user, contest_id=contest_id)
        audit_read(actor=user, object_type="record_contest", object_id=contest.pk, child_id=contest.child_id)
        return Response(RecordContestSerializer(contest).data)


class RecordContestDecisionApi(APIView):
    @extend_schema(request=RecordContestDecisionSerializer, responses={200: RecordContestSerializer})
    def post(self, request: Request, contest_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        contest = record_contest_get_for_user(user=user, contest_id=contest_id, action="record_contest.decide")
        services.record_contest_decider_check(actor=user, contest=contest)
        serializer = RecordContestDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        correction = None
        value = data.get("corrected_value", "")
        if contest.field and value != "":
            # The corrected value is validated exactly as an edit of that field would be.
            check = ChildInputSerializer(contest.child, data={contest.field: value}, partial=True)
            if not check.is_valid():
                return Response(
                    {"corrected_value": check.errors.get(contest.field, ["This value is not valid for the field."])},
                    status=status.HTTP_400_BAD_REQUEST,
                )
            correction = {contest.field: check.validated_data[contest.field]}
        contest = services.record_contest_decide(
            actor=user,
            contest=contest,
            version=data["version"],
            status=data["status"],
            decision_reason=data["decision_reason"],
            correction=correction,
        )
        return Response(RecordContestSerializer(contest).data)


class ChildDuplicatesApi(APIView):
    """Before registering a child: the children in the caller's scope who are likely the same one (name and date of
    birth). A POST, so the names never travel in a URL; audited as a search (the ids shown, the terms as keyed
    hashes only)."""

    @extend_schema(
        request=DuplicateQuerySerializer,
        responses={200: DuplicateMatchSerializer(many=True)},
        summary="Likely duplicates of a child about to be registered",
    )
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        require(user, "child.register", services.NOT_A_REGISTRAR)
        query = DuplicateQuerySerializer(data=request.data)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        matches = child_duplicates(
            user=user,
            given_name=params["given_name"],
            family_name=params["family_name"],
            date_of_birth=params["date_of_birth"],
        )
        audit_append(
            actor=user,
            action="child.duplicate_check",
            object_type="child",
            changes={
                "shown_ids": [str(m.child.pk) for m in matches],
                "query": {name: search_term_digest(str(value)) for name, value in params.items() if value},
            },
        )
        rows = [
            {
                "id": m.child.pk,
                "pseudonym": child_pseudonym(m.child.pk),
                "given_name": m.child.given_name,
                "family_name": m.child.family_name,
                "date_of_birth": m.child.date_of_birth,
                "score": m.score,
                "reasons": m.reasons,
            }
            for m in matches
        ]
        return Response(DuplicateMatchSerializer(rows, many=True).data)


class ChildMergeApi(APIView):
    @extend_schema(
        request=ChildMergeSerializer,
        responses={200: ChildOutputSerializer},
        summary="Merge a duplicate record into this child (supervisors of the agency; audited)",
    )
    def post(self, request: Request, child_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        keep = child_get_for_user(user=user, child_id=child_id, action="child.merge")
        require(user, "child.merge", services.NOT_A_MERGER)
        serializer = ChildMergeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        duplicate = child_get_for_user(user=user, child_id=serializer.validated_data["duplicate"], action="child.merge")
        child = services.child_merge(actor=user, keep=keep, duplicate=duplicate)
        return Response(ChildOutputSerializer(child, allowed_fields=child_fields_for(user)).data)


class ChildExportApi(ExportMixin, ChildListApi):
    """The list as CSV or XLSX (jj.core.views.ExportMixin)."""

    export_as = "child"
    http_method_names = ["get", "head", "options"]

    @EXPORT_SCHEMA
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:  # type: ignore[override]
        return self.export(request)
