from django.urls import path

from jj.custody import apis, records_apis

E = "custody-episodes/<int:episode_id>/"

urlpatterns = [
    path("records/preview/", records_apis.RecordsPreviewApi.as_view(), name="records-preview"),
    path("records/sealed-reads/", records_apis.SealedReadRequestListApi.as_view(), name="records-sealed-read-list"),
    path("records/sealed-read/", records_apis.SealedChildReadApi.as_view(), name="records-sealed-read"),
    path("records/removal-reviews/", records_apis.RemovalReviewListApi.as_view(), name="records-removal-reviews"),
    path(
        "records/removal-reviews/<int:review_id>/decide/",
        records_apis.RemovalReviewDecideApi.as_view(),
        name="records-removal-review-decide",
    ),
    path(
        "records/sealed-read/<int:request_id>/decide/",
        records_apis.SealedReadDecideApi.as_view(),
        name="records-sealed-read-decide",
    ),
    path(
        "records/sealed-read/<int:request_id>/open/",
        records_apis.SealedReadOpenApi.as_view(),
        name="records-sealed-read-open",
    ),
    path("facilities/", apis.FacilityListApi.as_view(), name="facility-list"),
    path("facilities/occupancy/", apis.FacilityOccupancyApi.as_view(), name="facility-occupancy"),
    path(
        "facilities/inspection-status/", apis.FacilityInspectionStatusApi.as_view(), name="facility-inspection-status"
    ),
    path("inspections/", apis.InspectionListApi.as_view(), name="inspection-list"),
    path(
        "inspections/<int:inspection_id>/follow-up/", apis.InspectionFollowUpApi.as_view(), name="inspection-follow-up"
    ),
    path("facilities/<int:facility_id>/", apis.FacilityDetailApi.as_view(), name="facility-detail"),
    path("custody-episodes/", apis.EpisodeListApi.as_view(), name="custody-episode-list"),
    path(E, apis.EpisodeDetailApi.as_view(), name="custody-episode-detail"),
    path(E + "transfer/", apis.TransferApi.as_view(), name="custody-transfer"),
    path(E + "detention-orders/", apis.DetentionOrderApi.as_view(), name="custody-detention-orders"),
    path(E + "appearances/", apis.AppearanceApi.as_view(), name="custody-appearances"),
    path(E + "release/", apis.ReleaseApi.as_view(), name="custody-release"),
    path(E + "family-notifications/", apis.FamilyNotificationApi.as_view(), name="custody-family-notifications"),
    path(E + "contacts/", apis.ContactApi.as_view(), name="custody-contacts"),
    path(E + "health-examinations/", apis.HealthExaminationApi.as_view(), name="custody-health-examinations"),
    path(E + "incidents/", apis.IncidentApi.as_view(), name="custody-incidents"),
    path(E + "complaints/", apis.ComplaintApi.as_view(), name="custody-complaints"),
    path(E + "individual-plans/", apis.IndividualPlanApi.as_view(), name="custody-individual-plans"),
    path(E + "education-enrolments/", apis.EducationEnrolmentApi.as_view(), name="custody-education-enrolments"),
    path(E + "aftercare-plans/", apis.AftercarePlanApi.as_view(), name="custody-aftercare-plans"),
    path(E + "legality-challenges/", apis.LegalityChallengeApi.as_view(), name="custody-legality-challenges"),
    path(
        E + "legality-challenges/<int:challenge_id>/decide/",
        apis.LegalityChallengeDecideApi.as_view(),
        name="custody-legality-challenge-decide",
    ),
    path(
        E + "incidents/<int:record_id>/implicated-staff/",
        apis.IncidentImplicatedStaffApi.as_view(),
        name="custody-incident-implicated-staff",
    ),
    path(
        E + "complaints/<int:record_id>/implicated-staff/",
        apis.ComplaintImplicatedStaffApi.as_view(),
        name="custody-complaint-implicated-staff",
    ),
    path(
        E + "incidents/<int:record_id>/investigation/",
        apis.IncidentInvestigationApi.as_view(),
        name="custody-incident-investigation",
    ),
    path(
        E + "complaints/<int:record_id>/investigation/",
        apis.ComplaintInvestigationApi.as_view(),
        name="custody-complaint-investigation",
    ),
    path(
        E + "complaints/<int:complaint_id>/respond/",
        apis.ComplaintRespondApi.as_view(),
        name="custody-complaint-respond",
    ),
]
