from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.core.views import EXPORT_SCHEMA, ExportMixin, ListAPIView
from jj.deadlines import selectors
from jj.deadlines.models import Deadline, Notification
from jj.deadlines.serializers import DeadlineSerializer, NotificationSerializer
from jj.people.access import shows_names

WORKLIST_LIMIT = 20


class DeadlineListApi(ListAPIView):
    """Deadlines on the cases the caller may see. `?bucket=overdue|due_24h|due_week|open|met`."""

    serializer_class = DeadlineSerializer
    filterset_class = selectors.DeadlineFilter
    ordering_fields = ["due_at", "created_at", "id", "priority"]
    ordering = ["due_at", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[Deadline]:
        return selectors.deadline_list(user=user)

    def get_serializer(self, *args: Any, **kwargs: Any) -> DeadlineSerializer:
        if getattr(self, "swagger_fake_view", False):
            return DeadlineSerializer(*args, **kwargs)
        return DeadlineSerializer(*args, show_names=shows_names(self.caller), **kwargs)


class WorklistApi(APIView):
    """What needs doing, most urgent first: overdue, due within 24 hours, due within the week."""

    @extend_schema(
        responses={
            200: inline_serializer(
                "Worklist",
                {
                    "generated_at": serializers.DateTimeField(),
                    "counts": serializers.DictField(child=serializers.IntegerField()),
                    "overdue": DeadlineSerializer(many=True),
                    "due_24h": DeadlineSerializer(many=True),
                    "due_week": DeadlineSerializer(many=True),
                    "in_custody": serializers.ListField(child=serializers.DictField()),
                },
            )
        }
    )
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        now = timezone.now()
        base = selectors.deadline_list(user=user)
        body: dict[str, Any] = {"generated_at": now, "counts": selectors.worklist_counts(deadlines=base, now=now)}
        for bucket in selectors.WORKLIST_BANDS:
            qs = base.filter(selectors.bucket_q(bucket, now)).order_by("-priority", "due_at", "id")
            body[bucket] = DeadlineSerializer(qs[:WORKLIST_LIMIT], many=True, show_names=shows_names(user)).data
        # Children deprived of liberty now in the caller's scope, longest held first, with the elapsed time.
        from jj.custody.selectors import episode_list
        from jj.custody.serializers import CustodyEpisodeSerializer

        held = episode_list(user=user, now=now).filter(ended_at__isnull=True).order_by("started_at", "id")
        body["in_custody"] = CustodyEpisodeSerializer(
            held[:WORKLIST_LIMIT], many=True, show_names=shows_names(user), now=now
        ).data
        return Response(body)


class NotificationListApi(ListAPIView):
    serializer_class = NotificationSerializer
    ordering_fields = ["created_at", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[Notification]:
        return selectors.notification_list(user=user)


class DeadlineExportApi(ExportMixin, DeadlineListApi):
    """The list as CSV or XLSX (jj.core.views.ExportMixin)."""

    export_as = "deadline"
    http_method_names = ["get", "head", "options"]

    @EXPORT_SCHEMA
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:  # type: ignore[override]
        return self.export(request)
