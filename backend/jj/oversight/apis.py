"""The oversight workspace's API: thin views over the statistics (jj.oversight.indicators, .monitoring) and the
services. Every read is audited (what was asked, never what a child is), every export too."""

from typing import Any

from django.http import Http404, HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts import mfa
from jj.accounts.models import Jurisdiction, User
from jj.audit.services import audit_append
from jj.core.exports import watermark
from jj.core.permissions import HasCapability
from jj.core.throttling import CostlyThrottle
from jj.oversight import export, monitoring, selectors, services
from jj.oversight.access import jurisdictions_for, oversight_jurisdiction_get
from jj.oversight.conventions import Conventions
from jj.oversight.indicators import indicators_compute
from jj.oversight.serializers import (
    DisparityQuery,
    ExportJobRequest,
    ExportJobSerializer,
    ExportQuery,
    IndicatorQuery,
    IndicatorReportSerializer,
    JurisdictionAdminOut,
    JurisdictionCreateSerializer,
    JurisdictionOut,
    OccupancyQuery,
    PeriodQuery,
    PopulationImportSerializer,
    PopulationSerializer,
    ProfileSerializer,
)

Readers = HasCapability.of("statistics.read")
PlatformOperators = HasCapability.of("jurisdiction.create")
Administrators = HasCapability.of("population.manage")


def _validated(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return dict(query.validated_data)


def _jurisdiction_out(jurisdiction: Jurisdiction) -> dict[str, str]:
    return {"code": jurisdiction.code, "name": jurisdiction.name, "timezone": jurisdiction.timezone}


def _audit_query(user: User, action: str, jurisdiction: Jurisdiction, params: dict[str, Any]) -> None:
    audit_append(
        actor=user,
        action=action,
        object_type="jurisdiction",
        object_id=jurisdiction.code,
        changes={"query": {k: str(v) for k, v in params.items()}},
    )


def _indicator_report(user: User, params: dict[str, Any], action: str) -> tuple[Jurisdiction, dict[str, Any]]:
    jurisdiction = oversight_jurisdiction_get(user=user, code=params.get("jurisdiction"), action=action)
    conventions = selectors.conventions_for(jurisdiction=jurisdiction, params=params)
    results = indicators_compute(jurisdiction=jurisdiction, conventions=conventions, by=params.get("by"))
    report = {
        "jurisdiction": _jurisdiction_out(jurisdiction),
        "period_start": conventions.period_start,
        "period_end": conventions.period_end,
        "census_date": conventions.census,
        "by": params.get("by"),
        "threshold": conventions.threshold,
        "results": results,
    }
    return jurisdiction, report


class JurisdictionListApi(APIView):
    permission_classes = [IsAuthenticated, Readers]

    @extend_schema(responses={200: JurisdictionOut(many=True)}, summary="Jurisdictions whose statistics you may read")
    def get(self, request: Request) -> Response:
        return Response([_jurisdiction_out(j) for j in jurisdictions_for(request.user)])  # type: ignore[arg-type]


class JurisdictionAdminApi(APIView):
    """The installation's jurisdictions, for the platform operator, who opens new ones. Nobody else reaches this
    (an administrator of one jurisdiction gets 403, and gains nothing in a jurisdiction they did not open)."""

    permission_classes = [IsAuthenticated, PlatformOperators]

    @extend_schema(responses={200: JurisdictionAdminOut(many=True)}, summary="Every jurisdiction (platform operator)")
    def get(self, request: Request) -> Response:
        rows = selectors.jurisdiction_list_for_platform()
        return Response(JurisdictionAdminOut(rows, many=True).data)

    @extend_schema(
        request=JurisdictionCreateSerializer,
        responses={201: JurisdictionAdminOut},
        summary="Open a jurisdiction with its policy facts, first agency and first administrator (platform operator)",
    )
    def post(self, request: Request) -> Response:
        data = JurisdictionCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        user: User = request.user  # type: ignore[assignment]
        mfa.reauthenticate(actor=user, password=values.pop("current_password"), action="jurisdiction.create")
        profile = {name: values.pop(name) for name in services.PROFILE_FIELDS}
        jurisdiction, _ = services.jurisdiction_open(actor=user, profile=profile, **values)
        row = selectors.jurisdiction_list_for_platform().get(pk=jurisdiction.pk)
        return Response(JurisdictionAdminOut(row).data, status=status.HTTP_201_CREATED)


class IndicatorsApi(APIView):
    permission_classes = [IsAuthenticated, Readers]
    throttle_classes = [CostlyThrottle]
    throttle_scope = "statistics"  # computed over the whole period on each request (JJ_STATISTICS_RATE)

    @extend_schema(
        parameters=[IndicatorQuery],
        responses={200: IndicatorReportSerializer},
        summary="The 15 UNODC/UNICEF juvenile justice indicators, with conventions and small cells suppressed",
    )
    def get(self, request: Request) -> Response:
        params = _validated(IndicatorQuery, request)
        user: User = request.user  # type: ignore[assignment]
        jurisdiction, report = _indicator_report(user, params, "oversight.indicators")
        _audit_query(user, "oversight.indicators", jurisdiction, params)
        return Response(IndicatorReportSerializer(report).data)


class IndicatorsExportApi(APIView):
    permission_classes = [IsAuthenticated, Readers]
    throttle_classes = [CostlyThrottle]
    throttle_scope = "oversight_export"  # the indicators, then a file (JJ_OVERSIGHT_EXPORT_RATE)

    @extend_schema(
        parameters=[ExportQuery],
        responses={
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY,
        },
        summary="The indicator table as CSV or XLSX (audited; formula-like text neutralised)",
    )
    def get(self, request: Request) -> HttpResponse:
        params = _validated(ExportQuery, request)
        user: User = request.user  # type: ignore[assignment]
        jurisdiction, report = _indicator_report(user, params, "oversight.export")
        fmt = params["file"]
        purpose = params.pop("purpose")
        mark = watermark(exporter=user.username, role=str(user.role), at=timezone.now(), purpose=purpose)
        body = export.report_file(file_format=fmt, jurisdiction_name=jurisdiction.name, report=report, mark=mark)
        content_type = export.CONTENT_TYPES[fmt]
        audit_append(
            actor=user,
            action="oversight.export",
            object_type="jurisdiction",
            object_id=jurisdiction.code,
            changes={
                "format": fmt,
                "query": {k: str(v) for k, v in params.items()},
                "bytes": len(body),
                "purpose": purpose,
                "watermark": mark,
            },
        )
        name = export.report_filename(jurisdiction_code=jurisdiction.code, report=report, file_format=fmt)
        return _attachment(body, content_type, name)


def _attachment(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class ExportJobListApi(APIView):
    """Indicator exports computed in the background: ask for one (202, then follow its progress), list your own."""

    permission_classes = [IsAuthenticated, Readers]
    throttle_classes = [CostlyThrottle]
    throttle_scope = "oversight_export"  # asking for one (POST); listing one's own is cheap
    throttle_methods = frozenset({"POST"})

    @extend_schema(responses={200: ExportJobSerializer(many=True)}, summary="Your indicator exports (the latest 20)")
    def get(self, request: Request) -> Response:
        jobs = selectors.export_jobs_for(user=request.user)[:20]  # type: ignore[arg-type]
        return Response(ExportJobSerializer(jobs, many=True).data)

    @extend_schema(
        request=ExportJobRequest,
        responses={202: ExportJobSerializer},
        summary="Export the indicator table, or the pseudonymised dataset, in the background (CSV or XLSX; audited;"
        " formula-like text neutralised)",
    )
    def post(self, request: Request) -> Response:
        query = ExportJobRequest(data=request.data)
        query.is_valid(raise_exception=True)
        params = dict(query.validated_data)
        user: User = request.user  # type: ignore[assignment]
        jurisdiction = oversight_jurisdiction_get(user=user, code=params.get("jurisdiction"), action="oversight.export")
        fmt, kind = params.pop("file"), params.pop("kind")
        params.pop("jurisdiction", None)
        job = services.export_job_request(
            actor=user, jurisdiction=jurisdiction, file_format=fmt, params=params, kind=kind
        )
        fresh = selectors.export_job_get(user=user, pk=job.pk)  # as the task left it (done at once without a broker)
        return Response(ExportJobSerializer(fresh or job).data, status=status.HTTP_202_ACCEPTED)


class ExportJobDetailApi(APIView):
    permission_classes = [IsAuthenticated, Readers]

    @extend_schema(responses={200: ExportJobSerializer}, summary="An export's status and progress")
    def get(self, request: Request, export_id: int) -> Response:
        job = selectors.export_job_get(user=request.user, pk=export_id)  # type: ignore[arg-type]
        if job is None:
            raise Http404
        return Response(ExportJobSerializer(job).data)


class ExportJobFileApi(APIView):
    permission_classes = [IsAuthenticated, Readers]

    @extend_schema(
        responses={
            (200, "text/csv"): OpenApiTypes.BINARY,
            (200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY,
            409: OpenApiResponse(description="Not ready yet"),
            410: OpenApiResponse(description="Expired: export again"),
        },
        summary="Download a finished export (audited)",
    )
    def get(self, request: Request, export_id: int) -> HttpResponse:
        user: User = request.user  # type: ignore[assignment]
        job = selectors.export_job_get(user=user, pk=export_id, with_content=True)
        if job is None:
            raise Http404
        body = services.export_job_download(actor=user, job=job)
        return _attachment(body, export.CONTENT_TYPES[job.file_format], job.filename)


class _StatisticApi(APIView):
    """A statistic of one jurisdiction: the query validated, the jurisdiction in scope (404, audited, otherwise),
    the conventions, the computation, then the read audited with what was asked."""

    permission_classes = [IsAuthenticated, Readers]
    throttle_classes = [CostlyThrottle]
    throttle_scope = "statistics"  # JJ_STATISTICS_RATE
    query_class: type[serializers.Serializer] = PeriodQuery
    action = ""

    def compute(self, jurisdiction: Jurisdiction, c: Conventions, params: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def get(self, request: Request) -> Response:
        params = _validated(self.query_class, request)
        user: User = request.user  # type: ignore[assignment]
        jurisdiction = oversight_jurisdiction_get(user=user, code=params.get("jurisdiction"), action=self.action)
        body = self.compute(jurisdiction, selectors.conventions_for(jurisdiction=jurisdiction, params=params), params)
        _audit_query(user, self.action, jurisdiction, params)
        return Response(body)


@extend_schema_view(
    get=extend_schema(
        parameters=[PeriodQuery],
        responses={200: OpenApiTypes.OBJECT},
        summary="Compliance rates per rule: deadlines met, orders with alternatives, justifications, refusals",
    )
)
class ComplianceApi(_StatisticApi):
    action = "oversight.compliance"

    def compute(self, jurisdiction: Jurisdiction, c: Conventions, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "jurisdiction": _jurisdiction_out(jurisdiction),
            "period_start": c.period_start,
            "period_end": c.period_end,
            "threshold": c.threshold,
            "deadlines": monitoring.deadline_compliance(jurisdiction=jurisdiction, conventions=c, now=timezone.now()),
            "detention_orders": monitoring.detention_orders_with_alternatives(jurisdiction=jurisdiction, conventions=c),
            "justifications": monitoring.justifications_by_agency(jurisdiction=jurisdiction, conventions=c),
            "refusals": monitoring.refusals(jurisdiction=jurisdiction, conventions=c),
            "time_to_counsel": monitoring.time_to_counsel(jurisdiction=jurisdiction, conventions=c),
        }


@extend_schema_view(
    get=extend_schema(
        parameters=[DisparityQuery],
        responses={200: OpenApiTypes.OBJECT},
        summary="Relative rate index between groups at each decision point",
    )
)
class DisparityApi(_StatisticApi):
    query_class = DisparityQuery
    action = "oversight.disparity"

    def compute(self, jurisdiction: Jurisdiction, c: Conventions, params: dict[str, Any]) -> dict[str, Any]:
        body = monitoring.relative_rate_index(
            jurisdiction=jurisdiction, conventions=c, by=params["by"], reference=params.get("reference") or None
        )
        return {**body, "threshold": c.threshold, "period_start": c.period_start, "period_end": c.period_end}


@extend_schema_view(
    get=extend_schema(
        parameters=[OccupancyQuery],
        responses={200: OpenApiTypes.OBJECT},
        summary="Children held in each place of detention over time, against capacity",
    )
)
class OccupancyApi(_StatisticApi):
    query_class = OccupancyQuery
    action = "oversight.occupancy"

    def compute(self, jurisdiction: Jurisdiction, c: Conventions, params: dict[str, Any]) -> dict[str, Any]:
        return monitoring.occupancy(jurisdiction=jurisdiction, conventions=c, step=params["step"])


class PopulationListApi(APIView):
    """Child population figures of the administrator's (or monitor's) jurisdiction; administrators record them."""

    permission_classes = [IsAuthenticated, Readers]

    @extend_schema(responses={200: PopulationSerializer(many=True)}, summary="Child population figures")
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        jurisdiction = oversight_jurisdiction_get(user=user, code=None, action="population.list")
        rows = selectors.population_list(jurisdiction=jurisdiction)
        return Response(PopulationSerializer(rows, many=True).data)

    @extend_schema(
        request=PopulationSerializer,
        responses={201: PopulationSerializer},
        summary="Record or correct one population figure (administrators)",
    )
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        data = PopulationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        jurisdiction = oversight_jurisdiction_get(user=user, code=None, action="population.set")
        row = services.population_figure_set(actor=user, jurisdiction=jurisdiction, **data.validated_data)
        return Response(PopulationSerializer(row).data, status=status.HTTP_201_CREATED)


class PopulationImportApi(APIView):
    permission_classes = [IsAuthenticated, Administrators]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request=PopulationImportSerializer,
        responses={
            201: inline_serializer("PopulationImported", {"rows": serializers.IntegerField()}),
            400: OpenApiResponse(description="Every invalid line, with its number; nothing was written"),
        },
        summary="Import child population figures from CSV (all or nothing)",
    )
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        data = PopulationImportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        jurisdiction = oversight_jurisdiction_get(user=user, code=None, action="population.import")
        count = services.population_import(
            actor=user,
            jurisdiction=jurisdiction,
            text=data.validated_data["text"],
            source=data.validated_data["source"],
        )
        return Response({"rows": count}, status=status.HTTP_201_CREATED)


class ProfileApi(APIView):
    permission_classes = [IsAuthenticated, Readers]

    @extend_schema(responses={200: ProfileSerializer}, summary="The jurisdiction's policy facts (indicators 14, 15)")
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        jurisdiction = oversight_jurisdiction_get(user=user, code=None, action="jurisdiction_profile.get")
        return Response(ProfileSerializer(selectors.jurisdiction_profile_get(jurisdiction=jurisdiction)).data)

    @extend_schema(
        request=ProfileSerializer, responses={200: ProfileSerializer}, summary="Change them (administrators)"
    )
    def put(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        data = ProfileSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        jurisdiction = oversight_jurisdiction_get(user=user, code=None, action="jurisdiction_profile.update")
        values = dict(data.validated_data)
        version = values.pop("version")
        services.jurisdiction_profile_update(actor=user, jurisdiction=jurisdiction, version=version, data=values)
        return Response(ProfileSerializer(selectors.jurisdiction_profile_get(jurisdiction=jurisdiction)).data)
