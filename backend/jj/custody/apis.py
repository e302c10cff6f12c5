from datetime import timedelta
from typing import Any

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts.models import User
from jj.audit.services import audit_denied, audit_read
from jj.cases.access import case_get_for_user
from jj.compliance.models import ApprovalRequest
from jj.compliance.selectors import policy_for
from jj.compliance.serializers import ApprovalSerializer
from jj.core.exceptions import decision_to_json
from jj.core.permissions import HasCapability
from jj.core.views import ListAPIView
from jj.custody import allegations, reintegration, selectors, services
from jj.custody.access import episode_get_for_user, facility_queryset_for
from jj.custody.models import Complaint, CustodyEpisode, Facility, Incident, Inspection, LegalityChallenge
from jj.custody.serializers import (
    AftercarePlanSerializer,
    AppearanceSerializer,
    ChallengeDecisionSerializer,
    ComplaintResponseSerializer,
    ComplaintSerializer,
    ContactSerializer,
    CustodyEpisodeDetailSerializer,
    CustodyEpisodeSerializer,
    CustodyStartSerializer,
    DetentionOrderSerializer,
    EducationEnrolmentSerializer,
    FacilitySerializer,
    FacilityUpdateSerializer,
    FamilyNotificationSerializer,
    HealthExaminationSerializer,
    ImplicatedStaffSerializer,
    IncidentSerializer,
    IndividualPlanSerializer,
    InspectionFollowUpSerializer,
    InspectionSerializer,
    InvestigationOpenSerializer,
    LegalityChallengeSerializer,
    ReleaseSerializer,
    TransferSerializer,
)
from jj.people.access import shows_names
from jj.rules.engine import Trigger
from jj.rules.facts import FacilityReviewFacts
from jj.rules.registry import evaluate
from jj.rules.text import t


def _facility_in_scope(user: User, facility: Facility) -> Facility:
    """The facility (already loaded by the serializer) is in the caller's jurisdiction, as facility_queryset_for
    would find it: compared here instead of asking the database again."""
    jurisdiction_id = user.agency.jurisdiction_id if user.agency_id is not None else None  # type: ignore[union-attr]
    if jurisdiction_id is None or facility.jurisdiction_id != jurisdiction_id:
        raise serializers.ValidationError({"facility": [t("No such facility in your jurisdiction.")]})
    return facility


# What an episode just started by custody_start has none of yet (it writes the episode, its first placement and
# its legal status): its 201 answer is built without a query for each (test_custody_start_answer_equals_a_read).
EMPTY_WHEN_STARTED = (
    "detention_orders",
    "appearances",
    "family_notifications",
    "contacts",
    "health_examinations",
    "incidents",
    "complaints",
    "legality_challenges",
    "individual_plans",
    "education_enrolments",
    "aftercare_plans",
)


def _started_episode_out(user: User, episode_id: int) -> dict[str, Any] | None:
    """_episode_out for an episode custody_start has just created, in this transaction: its placements are read,
    the records it cannot have yet are known empty."""
    episode = (
        selectors.episode_list(user=user)
        .prefetch_related("placements__facility")
        .select_related("release")
        .filter(pk=episode_id)
        .first()
    )
    if episode is None:
        return None
    for name in EMPTY_WHEN_STARTED:
        empty = getattr(episode, name).none()
        empty._result_cache = []
        empty._prefetch_done = True
        episode._prefetched_objects_cache[name] = empty  # type: ignore[attr-defined]
    return CustodyEpisodeDetailSerializer(episode, show_names=shows_names(user), now=timezone.now()).data  # type: ignore[return-value]


def _episode_out(user: User, episode_id: int) -> dict[str, Any] | None:
    """The episode as the caller now sees it; None when the action took it out of the caller's scope (a facility
    officer's release: they see only children held in their facility now)."""
    episode = (
        selectors.episode_list(user=user)
        .prefetch_related(
            "placements__facility",
            "detention_orders",
            "appearances",
            "family_notifications",
            "contacts",
            "health_examinations",
            Prefetch(
                "incidents",
                queryset=allegations.investigation_records_visible_to(Incident.objects.all(), user).prefetch_related(
                    "implicated_staff"
                ),
            ),
            Prefetch(
                "complaints",
                queryset=allegations.investigation_records_visible_to(Complaint.objects.all(), user).prefetch_related(
                    "implicated_staff"
                ),
            ),
            "legality_challenges",
            "individual_plans",
            "education_enrolments",
            "aftercare_plans",
        )
        .select_related("release")
        .filter(pk=episode_id)
        .first()
    )
    if episode is None:
        return None
    return CustodyEpisodeDetailSerializer(episode, show_names=shows_names(user), now=timezone.now()).data  # type: ignore[return-value]


class FacilityListApi(ListAPIView):
    serializer_class = FacilitySerializer
    ordering_fields = ["name", "capacity", "occupancy", "id"]
    search_fields = ["name", "city"]
    filterset_fields = ["kind"]

    def scoped_queryset(self, user: User) -> QuerySet[Facility]:
        return selectors.facility_list(user=user).prefetch_related("staff").order_by("name", "id")

    @extend_schema(request=FacilitySerializer, responses={201: FacilitySerializer})
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = FacilitySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        staff = data.pop("staff", [])
        facility = services.facility_create(actor=user, data=data, staff=staff)
        return Response(FacilitySerializer(selectors.facility_list(user=user).get(pk=facility.pk)).data, status=201)


class FacilityDetailApi(APIView):
    def _get(self, user: User, facility_id: int) -> Facility:
        facility = selectors.facility_list(user=user).filter(pk=facility_id).first()
        if facility is None:
            audit_denied(actor=user, action="facility.read", object_type="facility", object_id=facility_id)
            raise Http404
        return facility

    @extend_schema(responses={200: FacilitySerializer})
    def get(self, request: Request, facility_id: int) -> Response:
        return Response(FacilitySerializer(self._get(request.user, facility_id)).data)  # type: ignore[arg-type]

    @extend_schema(request=FacilityUpdateSerializer, responses={200: FacilitySerializer})
    def patch(self, request: Request, facility_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        facility = self._get(user, facility_id)
        serializer = FacilityUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version, staff = data.pop("version"), data.pop("staff", None)
        services.facility_update(actor=user, facility=facility, version=version, data=data, staff=staff)
        return Response(FacilitySerializer(self._get(user, facility_id)).data)


class FacilityOccupancyApi(APIView):
    """Held now against capacity, and the end-of-day count over the last `days` days (CAP-1; indicators 2-3)."""

    @extend_schema(
        parameters=[OpenApiParameter("days", int, description="Days of history (1-366, default 30)")],
        responses={
            200: inline_serializer(
                "Occupancy",
                {
                    "generated_at": serializers.DateTimeField(),
                    "results": serializers.ListField(child=serializers.DictField()),
                },
            )
        },
    )
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        try:
            days = int(request.query_params.get("days", 30))
        except ValueError:
            days = -1
        if not 1 <= days <= 366:
            return Response({"days": ["Enter a whole number of days from 1 to 366."]}, status=400)
        facilities = selectors.facility_list(user=user).order_by("name", "id")
        today = timezone.localdate()
        series = selectors.occupancy_series(facilities=facilities, start=today - timedelta(days=days - 1), end=today)
        rows = [
            {
                "facility": f.pk,
                "name": f.name,
                "kind": f.kind,
                "capacity": f.capacity,
                "held_now": f.occupancy,  # type: ignore[attr-defined]
                "over_capacity": f.occupancy >= f.capacity,  # type: ignore[attr-defined]
                "series": series[f.pk],
            }
            for f in facilities
        ]
        return Response({"generated_at": timezone.now(), "results": rows})


class EpisodeListApi(ListAPIView):
    serializer_class = CustodyEpisodeSerializer
    audited_as = "custody_episode"
    filterset_class = selectors.EpisodeFilter
    ordering_fields = ["started_at", "id", "ended_at"]

    def scoped_queryset(self, user: User) -> QuerySet[CustodyEpisode]:
        return selectors.episode_list(user=user).order_by("-started_at", "-id")

    def get_serializer(self, *args: Any, **kwargs: Any) -> CustodyEpisodeSerializer:
        if getattr(self, "swagger_fake_view", False):
            return CustodyEpisodeSerializer(*args, **kwargs)
        return CustodyEpisodeSerializer(*args, show_names=shows_names(self.caller), now=timezone.now(), **kwargs)

    @extend_schema(
        request=CustodyStartSerializer, responses={201: CustodyEpisodeDetailSerializer, 202: ApprovalSerializer}
    )
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = CustodyStartSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        case = case_get_for_user(user=user, case_id=data.pop("case"), action="custody_episode.create")
        facility = _facility_in_scope(user, data.pop("facility"))
        episode = services.custody_start(actor=user, case=case, facility=facility, **data)
        if isinstance(episode, ApprovalRequest):  # DET-4: a supervisor approves the placement before it happens
            return Response(ApprovalSerializer(episode).data, status=status.HTTP_202_ACCEPTED)
        return Response(_started_episode_out(user, episode.pk), status=status.HTTP_201_CREATED)


class EpisodeDetailApi(APIView):
    @extend_schema(responses={200: CustodyEpisodeDetailSerializer})
    def get(self, request: Request, episode_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        episode = episode_get_for_user(user=user, episode_id=episode_id)
        audit_read(actor=user, object_type="custody_episode", object_id=episode.pk, child_id=episode.child_id)
        return Response(_episode_out(user, episode.pk))


LEFT_SCOPE = OpenApiResponse(
    description="Done; the episode is no longer in your scope (e.g. a facility officer's release)."
)


def _created_or_gone(user: User, episode_id: int) -> Response:
    out = _episode_out(user, episode_id)
    if out is None:
        return Response(status=status.HTTP_204_NO_CONTENT)
    return Response(out, status=status.HTTP_201_CREATED)


class _EpisodeActionApi(APIView):
    """POST a record about an episode: validated by `input_serializer`, written by `perform`."""

    input_serializer: type[serializers.Serializer] = serializers.Serializer
    action_name = ""

    def perform(self, user: User, episode: CustodyEpisode, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def post(self, request: Request, episode_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        episode = episode_get_for_user(user=user, episode_id=episode_id, action=self.action_name)
        serializer = self.input_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform(user, episode, dict(serializer.validated_data))
        return _created_or_gone(user, episode.pk)


def _action(name: str, serializer: type[serializers.Serializer], perform: Any, doc: str) -> type[_EpisodeActionApi]:
    class View(_EpisodeActionApi):
        input_serializer = serializer
        action_name = f"{name}.create"

        def perform(self, user: User, episode: CustodyEpisode, data: dict[str, Any]) -> Any:
            return perform(user, episode, data)

        @extend_schema(
            request=serializer, responses={201: CustodyEpisodeDetailSerializer, 204: LEFT_SCOPE}, description=doc
        )
        def post(self, request: Request, episode_id: int) -> Response:
            return super().post(request, episode_id)

    View.__name__ = View.__qualname__ = f"{name.title().replace('_', '')}Api"
    View.__doc__ = doc
    return View


def _transfer(user: User, episode: CustodyEpisode, data: dict[str, Any]) -> Any:
    facility = _facility_in_scope(user, data.pop("facility"))
    return services.custody_transfer(actor=user, episode=episode, facility=facility, **data)


def _release(user: User, episode: CustodyEpisode, data: dict[str, Any]) -> Any:
    aftercare = dict(data.pop("aftercare", None) or {})
    return services.custody_release(
        actor=user, episode=episode, reason=data["reason"], aftercare=aftercare, at=data.get("at")
    )


def _appearance(user: User, episode: CustodyEpisode, data: dict[str, Any]) -> Any:
    return services.appearance_record(actor=user, episode=episode, **data)


class TransferApi(_EpisodeActionApi):
    """Move the child to another facility (PTD-1, PTD-11, DET-3, DET-4, CAP-1). 202 with an approval request when
    a supervisor must approve the best-interests justification (MACR-7)."""

    input_serializer = TransferSerializer
    action_name = "custody_episode.transfer"

    @extend_schema(
        request=TransferSerializer,
        responses={201: CustodyEpisodeDetailSerializer, 202: ApprovalSerializer, 204: LEFT_SCOPE},
    )
    def post(self, request: Request, episode_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        episode = episode_get_for_user(user=user, episode_id=episode_id, action=self.action_name)
        serializer = TransferSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = _transfer(user, episode, dict(serializer.validated_data))
        if isinstance(result, ApprovalRequest):
            return Response(ApprovalSerializer(result).data, status=status.HTTP_202_ACCEPTED)
        return _created_or_gone(user, episode.pk)


DetentionOrderApi = _action(
    "detention_order",
    DetentionOrderSerializer,
    lambda user, episode, data: services.detention_order_record(actor=user, episode=episode, data=data),
    "Record a detention order. Refused (422) without alternatives considered and a justification (PTD-2), on family "
    "ties (PTD-7), or after the six-month limit (PTD-6).",
)
AppearanceApi = _action(
    "appearance",
    AppearanceSerializer,
    _appearance,
    "Record an appearance before a competent authority: meets the 24-hour deadline (PTD-1) or the review (PTD-4).",
)
ReleaseApi = _action("release", ReleaseSerializer, _release, "Release the child, with the aftercare plan.")
FamilyNotificationApi = _action(
    "family_notification",
    FamilyNotificationSerializer,
    lambda user, episode, data: services.family_notification_record(actor=user, episode=episode, data=data),
    "Record that parents or guardian were told (DET-1).",
)
ContactApi = _action(
    "contact",
    ContactSerializer,
    lambda user, episode, data: services.contact_record(actor=user, episode=episode, data=data),
    "Record a visit, call or letter (DET-5).",
)
HealthExaminationApi = _action(
    "health_examination",
    HealthExaminationSerializer,
    lambda user, episode, data: services.health_examination_record(actor=user, episode=episode, data=data),
    "Record the health examination on admission (DET-6).",
)
IncidentApi = _action(
    "incident",
    IncidentSerializer,
    lambda user, episode, data: services.incident_record(actor=user, episode=episode, data=data),
    "Record an incident (DET-7..9 refuse prohibited treatment; DTH-1 freezes the evidence).",
)
LegalityChallengeApi = _action(
    "legality_challenge",
    LegalityChallengeSerializer,
    lambda user, episode, data: services.legality_challenge_file(actor=user, episode=episode, data=data),
    "File a challenge to the legality of the deprivation of liberty (PTD-10: decided within 14 days).",
)
ComplaintApi = _action(
    "complaint",
    ComplaintSerializer,
    lambda user, episode, data: services.complaint_record(actor=user, episode=episode, data=data),
    "Record a child's complaint, uncensored (DET-10).",
)


class ComplaintRespondApi(APIView):
    @extend_schema(request=ComplaintResponseSerializer, responses={200: ComplaintSerializer})
    def post(self, request: Request, episode_id: int, complaint_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        episode = episode_get_for_user(user=user, episode_id=episode_id, action="complaint.respond")
        complaint = Complaint.objects.filter(episode=episode, pk=complaint_id).first()
        if complaint is None:
            raise Http404
        serializer = ComplaintResponseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answered = services.complaint_respond(actor=user, complaint=complaint, **serializer.validated_data)
        return Response(ComplaintSerializer(answered).data)


class _ImplicatedStaffApi(APIView):
    """ILL-1: name the staff implicated in an allegation (added only, never removed)."""

    model: type[Incident] | type[Complaint] = Incident

    @extend_schema(request=ImplicatedStaffSerializer, responses={200: CustodyEpisodeDetailSerializer})
    def post(self, request: Request, episode_id: int, record_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        name = self.model.__name__.lower()
        episode = episode_get_for_user(user=user, episode_id=episode_id, action=f"{name}.implicated_staff")
        record = self.model.objects.filter(episode=episode, pk=record_id).first()
        if record is None:
            raise Http404
        serializer = ImplicatedStaffSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        allegations.implicated_staff_add(
            actor=user, episode=episode, record=record, staff=serializer.validated_data["staff"]
        )
        return Response(_episode_out(user, episode.pk))


class _InvestigationOpenApi(APIView):
    """ILL-1: open the investigation of an allegation (a supervisor not implicated): meets its deadline."""

    model: type[Incident] | type[Complaint] = Incident

    @extend_schema(request=InvestigationOpenSerializer, responses={200: CustodyEpisodeDetailSerializer})
    def post(self, request: Request, episode_id: int, record_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        name = self.model.__name__.lower()
        episode = episode_get_for_user(user=user, episode_id=episode_id, action=f"{name}.investigation")
        record = self.model.objects.filter(episode=episode, pk=record_id).first()
        if record is None:
            raise Http404
        serializer = InvestigationOpenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        allegations.allegation_investigation_open(
            actor=user, episode=episode, record=record, body=serializer.validated_data["body"]
        )
        return Response(_episode_out(user, episode.pk))


class IncidentInvestigationApi(_InvestigationOpenApi):
    model = Incident


class ComplaintInvestigationApi(_InvestigationOpenApi):
    model = Complaint


class IncidentImplicatedStaffApi(_ImplicatedStaffApi):
    model = Incident


class ComplaintImplicatedStaffApi(_ImplicatedStaffApi):
    model = Complaint


class InspectionListApi(ListAPIView):
    """Independent inspections of the caller's jurisdiction's facilities (DET-11; indicator 12)."""

    serializer_class = InspectionSerializer
    permission_classes = [HasCapability.of("inspection.read")]
    filterset_fields = ["facility", "unannounced"]
    ordering_fields = ["visited_on", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[Inspection]:
        return (
            Inspection.objects.filter(facility__in=facility_queryset_for(user))
            .select_related("facility")
            .order_by("-visited_on", "-id")
        )

    @extend_schema(request=InspectionSerializer, responses={201: InspectionSerializer})
    def post(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        serializer = InspectionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        facility = _facility_in_scope(user, data.pop("facility"))
        inspection = services.inspection_record(actor=user, facility=facility, data=data)
        return Response(InspectionSerializer(inspection).data, status=status.HTTP_201_CREATED)


class InspectionFollowUpApi(APIView):
    """DET-11: the monitoring body records the follow-up of its recommendations (meets the follow-up deadline)."""

    permission_classes = [HasCapability.of("inspection.record")]

    @extend_schema(request=InspectionFollowUpSerializer, responses={200: InspectionSerializer})
    def post(self, request: Request, inspection_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        inspection = Inspection.objects.filter(pk=inspection_id, facility__in=facility_queryset_for(user)).first()
        if inspection is None:
            raise Http404
        serializer = InspectionFollowUpSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        done = services.inspection_follow_up_record(
            actor=user,
            inspection=inspection,
            done_on=serializer.validated_data["done_on"],
            note=serializer.validated_data["note"],
        )
        return Response(InspectionSerializer(done).data)


class FacilityInspectionStatusApi(APIView):
    """DET-11 for every facility of the jurisdiction: the last inspection, the last unannounced one, the decision."""

    permission_classes = [HasCapability.of("inspection.read")]

    @extend_schema(
        responses={
            200: inline_serializer(
                "InspectionStatus", {"results": serializers.ListField(child=serializers.DictField())}
            )
        }
    )
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        facilities = (
            facility_queryset_for(user)
            .annotate(
                last_inspection=Max("inspections__visited_on"),
                last_unannounced=Max("inspections__visited_on", filter=Q(inspections__unannounced=True)),
                follow_ups_overdue=Count(
                    "inspections",
                    filter=Q(
                        inspections__follow_up_due__lt=timezone.localdate(),
                        inspections__follow_up_done_on__isnull=True,
                    ),
                ),
            )
            .order_by("name", "id")
        )
        now = timezone.now()
        policy = policy_for(user.agency.jurisdiction_id) if user.agency else None  # type: ignore[union-attr]
        rows = []
        for f in facilities:
            facts = FacilityReviewFacts(
                f.last_inspection,  # type: ignore[attr-defined]
                f.last_unannounced,  # type: ignore[attr-defined]
                follow_ups_overdue=f.follow_ups_overdue,  # type: ignore[attr-defined]
            )
            decisions = evaluate(Trigger.FACILITY_REVIEW, policy, facts, now) if policy else []
            rows.append(
                {
                    "facility": f.pk,
                    "name": f.name,
                    "kind": f.kind,
                    "last_inspection_on": f.last_inspection,  # type: ignore[attr-defined]
                    "last_unannounced_on": f.last_unannounced,  # type: ignore[attr-defined]
                    "follow_ups_overdue": f.follow_ups_overdue,  # type: ignore[attr-defined]
                    "decisions": [decision_to_json(d) for d in decisions],
                }
            )
        return Response({"results": rows})


class LegalityChallengeDecideApi(APIView):
    @extend_schema(request=ChallengeDecisionSerializer, responses={200: LegalityChallengeSerializer})
    def post(self, request: Request, episode_id: int, challenge_id: int) -> Response:
        user: User = request.user  # type: ignore[assignment]
        episode = episode_get_for_user(user=user, episode_id=episode_id, action="legality_challenge.decide")
        challenge = (
            LegalityChallenge.objects.filter(episode=episode, pk=challenge_id).select_related("episode__case").first()
        )
        if challenge is None:
            raise Http404
        serializer = ChallengeDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        decided = services.legality_challenge_decide(actor=user, challenge=challenge, **serializer.validated_data)
        return Response(LegalityChallengeSerializer(decided).data)


IndividualPlanApi = _action(
    "individual_plan",
    IndividualPlanSerializer,
    lambda user, episode, data: reintegration.individual_plan_record(actor=user, episode=episode, **data),
    "Record the individual needs-and-risk assessment and plan (REI-1: due within 7 days of admission).",
)
EducationEnrolmentApi = _action(
    "education_enrolment",
    EducationEnrolmentSerializer,
    lambda user, episode, data: reintegration.education_enrolment_record(actor=user, episode=episode, **data),
    "Record the education or training a child held is enrolled in (REI-1).",
)
AftercarePlanApi = _action(
    "aftercare_plan",
    AftercarePlanSerializer,
    lambda user, episode, data: reintegration.aftercare_plan_record(actor=user, episode=episode, **data),
    "Record an aftercare plan after release (REI-1: due within 7 days of a release that carried none).",
)
