from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.audit.services import audit_read
from jj.cases import selectors, services
from jj.cases.access import case_get_for_user
from jj.cases.counsel import assignment_legal_aid_set
from jj.cases.models import Assignment, Case, CaseStatus, ChildProtectionReferral, Sentence
from jj.cases.serializers import (
    AdultTransferSerializer,
    AssignmentOutputSerializer,
    AssignSerializer,
    BreakGlassSerializer,
    CaseCreateSerializer,
    CaseEventSerializer,
    CaseOutputSerializer,
    CaseUpdateSerializer,
    ChargeSerializer,
    CloseSerializer,
    InterviewSerializer,
    LegalAidSerializer,
    OffenceSerializer,
    ProtectionReferralFollowUpSerializer,
    ProtectionReferralSerializer,
    ProtectionServicesSerializer,
    SentenceReviewSerializer,
    SentenceSerializer,
    ShareSerializer,
    UnassignSerializer,
)
from jj.compliance.models import ApprovalRequest, DecisionRecord
from jj.compliance.selectors import decisions_for_case
from jj.compliance.serializers import ApprovalSerializer, DecisionRecordSerializer
from jj.core.permissions import HasCapability
from jj.core.views import EXPORT_SCHEMA, ExportMixin, ListAPIView
from jj.people.access import child_get_for_user, shows_names


def _case_out(case: Any, user: User) -> dict[str, Any]:
    return CaseOutputSerializer(case, show_names=shows_names(user)).data  # type: ignore[return-value]


class CaseListApi(ListAPIView):
    serializer_class = CaseOutputSerializer
    audited_as = "case"
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


class AssignmentLegalAidApi(APIView):
    """CNS-1: record whether the legal counsel assigned works under legal aid."""

    @extend_schema(request=LegalAidSerializer, responses={200: AssignmentOutputSerializer})
    def post(self, request: Request, case_id: int, assignment_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="assignment.legal_aid")
        assignment = Assignment.objects.filter(case=case, pk=assignment_id).first()
        if assignment is None:
            return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
        serializer = LegalAidSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        updated = assignment_legal_aid_set(
            actor=user, case=case, assignment=assignment, legal_aid=serializer.validated_data["legal_aid"]
        )
        return Response(AssignmentOutputSerializer(updated).data)


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
        case = services.case_close(actor=user, case=case, **serializer.validated_data)
        return Response(_case_out(selectors.case_list(user=user).get(pk=case.pk), user))


class CaseChargeApi(APIView):
    @extend_schema(
        request=ChargeSerializer,
        responses={200: CaseOutputSerializer, 202: ApprovalSerializer},
        description="Formal charge. 422 when a rule refuses it; 202 with an approval request when the justification "
        "needs a supervisor's approval (DEV-1 by default).",
    )
    def post(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="case.charge")
        serializer = ChargeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = services.case_charge(actor=user, case=case, **serializer.validated_data)
        if isinstance(result, ApprovalRequest):
            return Response(ApprovalSerializer(result).data, status=status.HTTP_202_ACCEPTED)
        return Response(_case_out(selectors.case_list(user=user).get(pk=result.pk), user))


class CaseAdultTransferApi(APIView):
    @extend_schema(request=AdultTransferSerializer, responses={200: CaseOutputSerializer})
    def post(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="case.adult_transfer")
        serializer = AdultTransferSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = services.case_transfer_to_adult_procedure(actor=user, case=case, **serializer.validated_data)
        return Response(_case_out(selectors.case_list(user=user).get(pk=case.pk), user))


class SentenceReviewApi(APIView):
    """SEN-4: record the review of the case's custodial sentence for early release (meets the review deadline)."""

    permission_classes = [HasCapability.of("case.court_decision")]

    @extend_schema(request=SentenceReviewSerializer, responses={201: CaseEventSerializer})
    def post(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="sentence.review")
        sentence = case.sentences.order_by("-imposed_at", "-id").first()  # a case is sentenced once (INV-4)
        if sentence is None:
            raise Http404
        serializer = SentenceReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        event = services.sentence_review_record(
            actor=user,
            case=case,
            sentence=sentence,
            outcome=data["outcome"],
            authority=data["authority"],
            reasons=data["reasons"],
            at=data.get("reviewed_at"),
        )
        return Response(CaseEventSerializer(event).data, status=status.HTTP_201_CREATED)


class CaseSentenceApi(APIView):
    @extend_schema(responses={200: SentenceSerializer(many=True)})
    def get(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="sentence.list")
        audit_read(actor=user, object_type="case_sentences", object_id=case.pk, child_id=case.child_id)
        return Response(SentenceSerializer(case.sentences.order_by("imposed_at", "id"), many=True).data)

    @extend_schema(
        request=SentenceSerializer,
        responses={201: SentenceSerializer},
        description="Record a sentence. SEN-1 refuses death, life without release and corporal punishment for an "
        "offence committed under 18; a custodial sentence needs the non-custodial options considered (SEN-3).",
    )
    def post(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="sentence.create")
        serializer = SentenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        sentence = services.sentence_record(actor=user, case=case, data=dict(serializer.validated_data))
        return Response(SentenceSerializer(sentence).data, status=status.HTTP_201_CREATED)


class CaseDecisionsApi(ListAPIView):
    """The decision history of a case: every rule that fired on it, its facts, citation and justification."""

    serializer_class = DecisionRecordSerializer
    ordering_fields = ["decided_at", "id"]
    filterset_fields = ["rule_id", "outcome", "object_type", "trigger"]

    def scoped_queryset(self, user: User) -> QuerySet[DecisionRecord]:
        case = case_get_for_user(user=user, case_id=self.kwargs["case_id"], action="case.decisions")
        return decisions_for_case(case.pk)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        case = Case.objects.only("child_id").get(pk=self.kwargs["case_id"])
        audit_read(actor=self.caller, object_type="case_decisions", object_id=case.pk, child_id=case.child_id)
        return response


class ProtectionReferralListApi(ListAPIView):
    """Children routed to child protection instead of a criminal case (MACR-1, STA-1): `?status=`, `?child=`."""

    serializer_class = ProtectionReferralSerializer
    audited_as = "protection_referral"
    permission_classes = [HasCapability.of("protection_referral.read")]
    filterset_class = selectors.ProtectionReferralFilter
    ordering_fields = ["created_at", "id", "status"]

    def scoped_queryset(self, user: User) -> QuerySet[ChildProtectionReferral]:
        return selectors.protection_referral_list(user=user)

    def get_serializer(self, *args: Any, **kwargs: Any) -> ProtectionReferralSerializer:
        if getattr(self, "swagger_fake_view", False):
            return ProtectionReferralSerializer(*args, **kwargs)
        return ProtectionReferralSerializer(*args, show_names=shows_names(self.caller), **kwargs)


class ProtectionReferralDetailApi(APIView):
    """One child-protection referral: why, where it was sent, its status with dates, the follow-up notes."""

    permission_classes = [HasCapability.of("protection_referral.read")]

    @extend_schema(responses={200: ProtectionReferralSerializer})
    def get(self, request: Request, referral_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        referral = selectors.protection_referral_get_for_user(user=user, referral_id=referral_id)
        audit_read(actor=user, object_type="protection_referral", object_id=referral.pk, child_id=referral.child_id)
        return Response(ProtectionReferralSerializer(referral, show_names=shows_names(user)).data)


class ProtectionReferralFollowUpApi(APIView):
    """A step of the referral's workflow: `status` (sent, with `receiving_service`; received; accepted; closed)
    and/or a follow-up `note`. A move the lifecycle lacks is 409, nothing written."""

    permission_classes = [HasCapability.of("protection_referral.follow_up")]

    @extend_schema(request=ProtectionReferralFollowUpSerializer, responses={200: ProtectionReferralSerializer})
    def post(self, request: Request, referral_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        referral = selectors.protection_referral_get_for_user(
            user=user, referral_id=referral_id, action="protection_referral.follow_up"
        )
        serializer = ProtectionReferralFollowUpSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.protection_referral_follow_up(actor=user, referral=referral, **serializer.validated_data)
        referral = selectors.protection_referral_get_for_user(user=user, referral_id=referral_id)
        return Response(ProtectionReferralSerializer(referral, show_names=shows_names(user)).data)


class ProtectionServicesApi(APIView):
    """The child protection services the caller's agency has referred children to, to choose a receiving service
    from (a new one may be entered)."""

    permission_classes = [HasCapability.of("protection_referral.read")]

    @extend_schema(responses={200: ProtectionServicesSerializer})
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        return Response({"services": selectors.protection_services_known(user=user)})


class ChildCriminalHistoryApi(APIView):
    """A child's criminal history: convictions (sentences) and pending proceedings (charged cases). A case closed
    finally after a completed diversion never appears here (DIV-4; CRC/C/GC/24 para 18(f))."""

    @extend_schema(
        responses={
            200: inline_serializer(
                "CriminalHistory",
                {
                    "child": serializers.IntegerField(),
                    "convictions": SentenceSerializer(many=True),
                    "proceedings": serializers.ListField(child=serializers.DictField()),
                },
            )
        }
    )
    def get(self, request: Request, child_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        child = child_get_for_user(user=user, child_id=child_id, action="criminal_history.read")
        cases = selectors.case_list(user=user).filter(child=child).exclude(status=CaseStatus.CLOSED_FINAL)
        convictions = Sentence.objects.filter(case__in=cases).order_by("imposed_at", "id")
        proceedings = [
            {"case": c.pk, "reference": c.reference, "status": c.status}
            for c in cases.filter(status=CaseStatus.CHARGED).order_by("opened_at", "id")
        ]
        audit_read(actor=user, object_type="criminal_history", object_id=child.pk, child_id=child.pk)
        return Response(
            {
                "child": child.pk,
                "convictions": SentenceSerializer(convictions, many=True).data,
                "proceedings": proceedings,
            }
        )


class CaseInterviewApi(APIView):
    """Questioning of the child (DET-2): refused without a lawyer or an appropriate adult present."""

    @extend_schema(responses={200: InterviewSerializer(many=True)})
    def get(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="interview.list")
        audit_read(actor=user, object_type="case_interviews", object_id=case.pk, child_id=case.child_id)
        return Response(InterviewSerializer(case.interviews.order_by("at", "id"), many=True).data)

    @extend_schema(request=InterviewSerializer, responses={201: InterviewSerializer})
    def post(self, request: Request, case_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        case = case_get_for_user(user=user, case_id=case_id, action="interview.create")
        serializer = InterviewSerializer(data=request.data, context={"case": case})
        serializer.is_valid(raise_exception=True)
        interview = services.interview_record(actor=user, case=case, data=dict(serializer.validated_data))
        return Response(InterviewSerializer(interview).data, status=status.HTTP_201_CREATED)


class BreakGlassApi(APIView):
    """Emergency, time-limited access to a case of another agency of the jurisdiction, with a stated reason."""

    @extend_schema(
        request=BreakGlassSerializer,
        responses={
            201: inline_serializer(
                "BreakGlass", {"case": serializers.IntegerField(), "expires_at": serializers.DateTimeField()}
            )
        },
    )
    def post(self, request: Request) -> Response:
        serializer = BreakGlassSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = services.case_break_glass(
            actor=request.user,  # type: ignore[arg-type]
            case_id=serializer.validated_data["case"],
            reason=serializer.validated_data["reason"],
        )
        return Response({"case": row.content_object_id, "expires_at": row.expires_at}, status=status.HTTP_201_CREATED)


class CaseExportApi(ExportMixin, CaseListApi):
    """The list as CSV or XLSX (jj.core.views.ExportMixin)."""

    export_as = "case"
    http_method_names = ["get", "head", "options"]

    @EXPORT_SCHEMA
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:  # type: ignore[override]
        return self.export(request)
