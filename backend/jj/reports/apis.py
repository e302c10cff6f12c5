from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.views import APIView

from jj.accounts.capabilities import require
from jj.accounts.models import User
from jj.audit.services import audit_append, audit_append_read
from jj.cases.access import case_get_for_user
from jj.core.exceptions import ActionNotAllowed
from jj.core.exports import watermark
from jj.core.pseudonym import child_pseudonym
from jj.core.views import EXPORT_PURPOSE_PARAMETER, export_purpose
from jj.people.access import child_get_for_user
from jj.reports.labels import LANGUAGES
from jj.reports.pdf import render_report
from jj.reports.selectors import report_data
from jj.reports.subject_access import render_subject_access

NOT_THE_SUPERVISOR = "Only a supervisor of the child's agency can produce everything held about the child."


class CaseReportApi(APIView):
    """The court report and case summary of a case as PDF, in `?lang=en|fr|es`, holding only what the reader's role
    may see (the child's fields by need to know). Audited as a read of the child's record."""

    @extend_schema(
        parameters=[OpenApiParameter("lang", str, enum=list(LANGUAGES), required=False), EXPORT_PURPOSE_PARAMETER],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request, case_id: int) -> HttpResponse:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="case_report.read")
        purpose = export_purpose(request.query_params.get("purpose"))
        language = request.query_params.get("lang", "en")
        if language not in LANGUAGES:
            language = "en"
        data = report_data(user=user, case=case)
        mark = watermark(exporter=user.username, role=str(user.role), at=timezone.now(), purpose=purpose)
        pdf = render_report(
            data,
            language=language,
            zone_name=case.jurisdiction.timezone or "UTC",
            reader_role=user.get_role_display(),  # type: ignore[attr-defined]
            now=timezone.now(),
            mark=mark,
        )
        audit_append_read(
            actor=user,
            action="case_report.read",
            object_type="case_report",
            object_id=case.pk,
            child_id=case.child_id,
            changes={"purpose": purpose, "watermark": mark},
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="case-{case.reference}-{language}.pdf"'
        response["Cache-Control"] = "no-store"
        return response


class SubjectAccessApi(APIView):
    """Everything the system holds about one child, as a PDF a supervisor of the child's agency produces for the
    child or their counsel (subject access; Havana Rules r. 19). Audited, with the stated purpose."""

    @extend_schema(
        parameters=[OpenApiParameter("lang", str, enum=list(LANGUAGES), required=False), EXPORT_PURPOSE_PARAMETER],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request, child_id: int) -> HttpResponse:
        user: User = request.user  # type: ignore[assignment]
        child = child_get_for_user(user=user, child_id=child_id, action="child.subject_access")
        require(user, "child.subject_access", NOT_THE_SUPERVISOR)
        if child.agency_id != user.agency_id:
            raise ActionNotAllowed(NOT_THE_SUPERVISOR)
        purpose = export_purpose(request.query_params.get("purpose"))
        language = request.query_params.get("lang", "en")
        if language not in LANGUAGES:
            language = "en"
        pdf = render_subject_access(
            child=child,
            language=language,
            zone_name=child.jurisdiction.timezone or "UTC",
            reader_role=user.get_role_display(),  # type: ignore[attr-defined]
            now=timezone.now(),
            mark=watermark(
                exporter=user.username,
                role=str(user.role),
                at=timezone.now(),
                purpose=purpose,
            ),
        )
        audit_append(
            actor=user,
            action="child.subject_access",
            object_type="child",
            object_id=child.pk,
            child_id=child.pk,
            reason=f"subject access: {purpose}",
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="subject-access-{child_pseudonym(child.pk)}.pdf"'
        response["Cache-Control"] = "no-store"
        return response
