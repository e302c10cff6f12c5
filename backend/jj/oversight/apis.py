"""The oversight workspace's API: thin views over the statistics (jj.oversight.indicators, .monitoring) and the
services. Every read is audited (what was asked, never what a child is), every export too."""

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import Jurisdiction, Role, User
from jj.audit.services import audit_append
from jj.core.permissions import HasRole
from jj.oversight import export, monitoring, selectors, services
from jj.oversight.access import jurisdictions_for, oversight_jurisdiction_get
from jj.oversight.conventions import Conventions
from jj.oversight.indicators import indicators_compute
from jj.oversight.serializers import (
    DisparityQuery,
    ExportQuery,
    IndicatorQuery,
    IndicatorReportSerializer,
    JurisdictionOut,
    OccupancyQuery,
    PeriodQuery,
    PopulationImportSerializer,
    PopulationSerializer,
    ProfileSerializer,
)

Readers = HasRole.of(Role.OVERSIGHT_MONITOR, Role.ADMINISTRATOR)
Monitors = HasRole.of(Role.OVERSIGHT_MONITOR)
Administrators = HasRole.of(Role.ADMINISTRATOR)

CONVENTION_FIELDS = (
    "census_date",
    "arrest_unit",
    "sentence_unit",
    "diversion_unit",
    "deaths_denominator",
    "duration_cohort",
    "population_year",
    "contact_window_months",
    "inspection_window_months",
)


def _validated(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return dict(query.validated_data)


def _conventions(params: dict[str, Any], jurisdiction: Jurisdiction) -> Conventions:
    """The caller's conventions; the threshold is the jurisdiction's, or higher if the caller asks."""
    floor = selectors.suppression_threshold_for(jurisdiction=jurisdiction)
    return Conventions(
        period_start=params["period_start"],
        period_end=params["period_end"],
        timezone=jurisdiction.timezone,
        threshold=max(floor, params.get("threshold") or floor),
        **{name: params[name] for name in CONVENTION_FIELDS if name in params},
    )


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
    conventions = _conventions(params, jurisdiction)
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


class IndicatorsApi(APIView):
    permission_classes = [IsAuthenticated, Readers]

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
        title = (
            f"UNODC/UNICEF juvenile justice indicators - {jurisdiction.name} - "
            f"{report['period_start']} to {report['period_end']} (census {report['census_date']}; "
            f"counts from 1 to {report['threshold']} suppressed)"
        )
        if fmt == "csv":
            body, content_type = export.to_csv(report["results"], title=title), "text/csv; charset=utf-8"
        else:
            body = export.to_xlsx(report["results"], title=title)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        audit_append(
            actor=user,
            action="oversight.export",
            object_type="jurisdiction",
            object_id=jurisdiction.code,
            changes={"format": fmt, "query": {k: str(v) for k, v in params.items()}, "bytes": len(body)},
        )
        response = HttpResponse(body, content_type=content_type)
        name = f"indicators-{jurisdiction.code}-{report['period_start']}-{report['period_end']}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class ComplianceApi(APIView):
    permission_classes = [IsAuthenticated, Readers]

    @extend_schema(
        parameters=[PeriodQuery],
        responses={200: OpenApiTypes.OBJECT},
        summary="Compliance rates per rule: deadlines met, orders with alternatives, justifications, refusals",
    )
    def get(self, request: Request) -> Response:
        params = _validated(PeriodQuery, request)
        user: User = request.user  # type: ignore[assignment]
        jurisdiction = oversight_jurisdiction_get(
            user=user, code=params.get("jurisdiction"), action="oversight.compliance"
        )
        c = _conventions(params, jurisdiction)
        body = {
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
        _audit_query(user, "oversight.compliance", jurisdiction, params)
        return Response(body)


class DisparityApi(APIView):
    permission_classes = [IsAuthenticated, Readers]

    @extend_schema(
        parameters=[DisparityQuery],
        responses={200: OpenApiTypes.OBJECT},
        summary="Relative rate index between groups at each decision point",
    )
    def get(self, request: Request) -> Response:
        params = _validated(DisparityQuery, request)
        user: User = request.user  # type: ignore[assignment]
        jurisdiction = oversight_jurisdiction_get(
            user=user, code=params.get("jurisdiction"), action="oversight.disparity"
        )
        c = _conventions(params, jurisdiction)
        body = monitoring.relative_rate_index(
            jurisdiction=jurisdiction, conventions=c, by=params["by"], reference=params.get("reference") or None
        )
        _audit_query(user, "oversight.disparity", jurisdiction, params)
        return Response({**body, "threshold": c.threshold, "period_start": c.period_start, "period_end": c.period_end})


class OccupancyApi(APIView):
    permission_classes = [IsAuthenticated, Readers]

    @extend_schema(
        parameters=[OccupancyQuery],
        responses={200: OpenApiTypes.OBJECT},
        summary="Children held in each place of detention over time, against capacity",
    )
    def get(self, request: Request) -> Response:
        params = _validated(OccupancyQuery, request)
        user: User = request.user  # type: ignore[assignment]
        jurisdiction = oversight_jurisdiction_get(
            user=user, code=params.get("jurisdiction"), action="oversight.occupancy"
        )
        c = _conventions(params, jurisdiction)
        body = monitoring.occupancy(jurisdiction=jurisdiction, conventions=c, step=params["step"])
        _audit_query(user, "oversight.occupancy", jurisdiction, params)
        return Response(body)


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
