"""The project's URLs plus a bare DRF reference over the same tables (issue 12): no authentication, no scoping,
no audit, plain ModelSerializers with the fields the project's lists show, DRF's own PageNumberPagination.
What the project costs beyond this is the price of its guarantees (and of its inefficiencies)."""

from typing import Any

from django.urls import include, path
from rest_framework import generics, pagination, serializers
from rest_framework.permissions import AllowAny

from jj.cases.models import Case
from jj.deadlines.models import Deadline
from jj.people.models import Child


class RefChildSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Child
        fields = "__all__"


class RefCaseSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    child = RefChildSerializer(read_only=True)

    class Meta:
        model = Case
        fields = "__all__"


class RefDeadlineSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = Deadline
        fields = "__all__"


class RefPage(pagination.PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"


class Bare:
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    pagination_class = RefPage


class RefCaseList(Bare, generics.ListAPIView):  # type: ignore[type-arg]
    """?caseworker=<user id> (their open assignments) or ?agency=<id>."""

    serializer_class = RefCaseSerializer

    def get_queryset(self) -> Any:
        qs = Case.objects.select_related("child").order_by("-opened_at", "-id")
        if "caseworker" in self.request.query_params:
            return qs.filter(
                assignments__user_id=self.request.query_params["caseworker"], assignments__ended_at__isnull=True
            )
        return qs.filter(agency_id=self.request.query_params.get("agency", 0))


class RefDeadlineList(Bare, generics.ListAPIView):  # type: ignore[type-arg]
    serializer_class = RefDeadlineSerializer

    def get_queryset(self) -> Any:
        return Deadline.objects.filter(
            case__assignments__user_id=self.request.query_params.get("caseworker", 0), met_at__isnull=True
        ).order_by("due_at", "id")


class RefChildDetail(Bare, generics.RetrieveAPIView):  # type: ignore[type-arg]
    serializer_class = RefChildSerializer
    queryset = Child.objects.all()


urlpatterns = [
    path("", include("config.urls")),
    path("ref/cases/", RefCaseList.as_view()),
    path("ref/deadlines/", RefDeadlineList.as_view()),
    path("ref/children/<int:pk>/", RefChildDetail.as_view()),
]
