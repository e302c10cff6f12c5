from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.utils import timezone
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.core.views import EXPORT_SCHEMA, ExportMixin, ListAPIView
from jj.deadlines import selectors, services
from jj.deadlines.models import Deadline, Notification
from jj.deadlines.serializers import DeadlineSerializer, NotificationPreferenceSerializer, NotificationSerializer
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
    """The caller's notifications, newest first. `?unread=true` for those not yet read."""

    serializer_class = NotificationSerializer
    filterset_class = selectors.NotificationFilter
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


class NotificationUnreadCountApi(APIView):
    """How many of the caller's notifications are unread (the bell in the app bar)."""

    @extend_schema(responses={200: inline_serializer("UnreadCount", {"unread": serializers.IntegerField()})})
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        return Response({"unread": selectors.notification_unread_count(user=user)})


class NotificationReadApi(APIView):
    """Mark one of the caller's notifications read. Another person's answers 404, as one that does not exist."""

    @extend_schema(request=None, responses={200: NotificationSerializer})
    def post(self, request: Request, notification_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        notification = selectors.notification_list(user=user).filter(pk=notification_id).first()
        if notification is None:
            raise Http404
        services.notifications_mark_read(user=user, ids=[notification.pk], at=timezone.now())
        notification.refresh_from_db(fields=["read_at"])
        return Response(NotificationSerializer(notification).data)


class NotificationReadAllApi(APIView):
    """Mark every unread notification of the caller read."""

    @extend_schema(
        request=None, responses={200: inline_serializer("MarkedRead", {"marked": serializers.IntegerField()})}
    )
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        return Response({"marked": services.notifications_mark_read(user=user, ids=None, at=timezone.now())})


class NotificationPreferenceApi(APIView):
    """How the caller is told by e-mail: `immediate` (each notification), `digest` (one a day) or `off`."""

    @extend_schema(responses={200: NotificationPreferenceSerializer})
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        return Response({"email_mode": services.email_mode_of(user), "email": user.email})

    @extend_schema(request=NotificationPreferenceSerializer, responses={200: NotificationPreferenceSerializer})
    def put(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = NotificationPreferenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        pref = services.notification_preference_set(user=user, email_mode=serializer.validated_data["email_mode"])
        return Response({"email_mode": pref.email_mode, "email": user.email})
