"""The simulation API: thin views over services (request) and selectors (list, detail), plus a result's files.
Every simulation belongs to one jurisdiction: its oversight monitors and administrators see it, nobody else."""

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.audit.services import audit_append, audit_denied
from jj.core.exports import watermark
from jj.core.permissions import HasCapability
from jj.core.throttling import CostlyThrottle
from jj.core.views import EXPORT_PURPOSE_PARAMETER, ListAPIView, export_purpose
from jj.oversight.access import oversight_jurisdiction_get
from jj.rules.policy import PARAMETERS
from jj.simulation import export, selectors, services
from jj.simulation.models import PolicySimulation
from jj.simulation.serializers import SimulationCreateSerializer, SimulationDetailSerializer, SimulationSerializer

Readers = HasCapability.of("simulation.run")


def _simulation_or_404(user: User, pk: int, action: str) -> PolicySimulation:
    simulation = selectors.simulation_get(user=user, pk=pk)
    if simulation is None:
        audit_denied(actor=user, action=action, object_type="simulation", object_id=pk, reason="scope")
        raise Http404
    return simulation


class SimulationListApi(ListAPIView):
    """The jurisdiction's policy impact simulations, newest first; POST asks for a new one (computed in the
    background: 202, then follow its progress)."""

    serializer_class = SimulationSerializer
    permission_classes = [Readers]
    throttle_classes = [CostlyThrottle]
    throttle_scope = "simulation"  # asking for one replays the period's cases (JJ_SIMULATION_RATE); listing is cheap
    throttle_methods = frozenset({"POST"})
    filterset_fields = ["status"]
    ordering_fields = ["created_at", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[PolicySimulation]:
        return selectors.simulations_for(user=user).order_by("-created_at", "-id")

    @extend_schema(
        request=SimulationCreateSerializer,
        responses={202: SimulationSerializer},
        summary="Simulate a proposed policy over a period (audited; computed in the background)",
    )
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = SimulationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        jurisdiction = oversight_jurisdiction_get(user=user, code=None, action="simulation.request")
        parameters = {k: (list(v) if isinstance(v, tuple) else v) for k, v in data.items() if k in PARAMETERS}
        simulation = services.simulation_request(
            actor=user,
            jurisdiction=jurisdiction,
            parameters=parameters,
            period_from=data["period_from"],
            period_to=data["period_to"],
        )
        fresh = selectors.simulation_get(user=user, pk=simulation.pk)  # done at once without a broker
        return Response(SimulationSerializer(fresh or simulation).data, status=status.HTTP_202_ACCEPTED)


class SimulationDetailApi(APIView):
    permission_classes = [Readers]

    @extend_schema(responses={200: SimulationDetailSerializer}, summary="A simulation: progress, then its result")
    def get(self, request: Request, simulation_id: int) -> Response:
        """Polled while the simulation runs, so not audited per read (as an export job's progress): the result is
        suppressed aggregates; asking for it, its run and every export of it are audited."""
        user: User = request.user  # type: ignore[assignment]
        simulation = _simulation_or_404(user, simulation_id, "simulation.read")
        return Response(SimulationDetailSerializer(simulation).data)


class SimulationExportApi(APIView):
    """A finished simulation's result as a file: CSV, XLSX or a printable PDF report (`?lang=en|fr|es`). Audited
    (`simulation.export`, with the format); aggregates only, suppressed cells stay suppressed."""

    permission_classes = [Readers]
    file_format = "csv"

    def get(self, request: Request, simulation_id: int) -> HttpResponse | Response:
        user: User = request.user  # type: ignore[assignment]
        simulation = _simulation_or_404(user, simulation_id, "simulation.export")
        if not isinstance(simulation.result, dict):
            return Response({"detail": "This simulation has no result yet."}, status=status.HTTP_409_CONFLICT)
        purpose = export_purpose(request.query_params.get("purpose"))
        language = request.query_params.get("lang", "en")
        now = timezone.now()
        mark = watermark(exporter=user.username, role=str(user.role), at=now, purpose=purpose)
        body = export.result_file(simulation, file_format=self.file_format, language=language, now=now, mark=mark)
        audit_append(
            actor=user,
            action="simulation.export",
            object_type="simulation",
            object_id=simulation.pk,
            changes={"format": self.file_format, "bytes": len(body), "purpose": purpose, "watermark": mark},
        )
        response = HttpResponse(body, content_type=export.CONTENT_TYPES[self.file_format])
        name = f"simulation-{simulation.jurisdiction.code}-{simulation.pk}.{self.file_format}"
        disposition = "inline" if self.file_format == "pdf" else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{name}"'
        response["Cache-Control"] = "no-store"
        return response


_CONFLICT = {409: OpenApiResponse(description="Not finished yet")}


class SimulationCsvApi(SimulationExportApi):
    file_format = "csv"

    @extend_schema(
        parameters=[EXPORT_PURPOSE_PARAMETER],
        responses={(200, "text/csv"): OpenApiTypes.BINARY, **_CONFLICT},
        summary="A finished simulation's result as CSV (audited; suppressed cells stay suppressed)",
    )
    def get(self, request: Request, simulation_id: int) -> HttpResponse | Response:
        return super().get(request, simulation_id)


class SimulationXlsxApi(SimulationExportApi):
    file_format = "xlsx"

    @extend_schema(
        parameters=[EXPORT_PURPOSE_PARAMETER],
        responses={(200, export.CONTENT_TYPES["xlsx"]): OpenApiTypes.BINARY, **_CONFLICT},
        summary="A finished simulation's result as XLSX (audited; suppressed cells stay suppressed)",
    )
    def get(self, request: Request, simulation_id: int) -> HttpResponse | Response:
        return super().get(request, simulation_id)


class SimulationPdfApi(SimulationExportApi):
    file_format = "pdf"

    @extend_schema(
        parameters=[
            OpenApiParameter("lang", str, enum=["en", "fr", "es", "ar"], required=False),
            EXPORT_PURPOSE_PARAMETER,
        ],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **_CONFLICT},
        summary="A finished simulation's printable report as PDF, in the reader's language (audited)",
    )
    def get(self, request: Request, simulation_id: int) -> HttpResponse | Response:
        return super().get(request, simulation_id)
