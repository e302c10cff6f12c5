from django.urls import path

from jj.cases import apis

urlpatterns = [
    path("cases/", apis.CaseListApi.as_view(), name="case-list"),
    path("cases/export/", apis.CaseExportApi.as_view(), name="case-export"),
    path("cases/<int:case_id>/", apis.CaseDetailApi.as_view(), name="case-detail"),
    path("cases/<int:case_id>/offences/", apis.CaseOffenceApi.as_view(), name="case-offences"),
    path("cases/<int:case_id>/assignments/", apis.CaseAssignApi.as_view(), name="case-assign"),
    path(
        "cases/<int:case_id>/assignments/<int:assignment_id>/end/", apis.CaseUnassignApi.as_view(), name="case-unassign"
    ),
    path(
        "cases/<int:case_id>/assignments/<int:assignment_id>/legal-aid/",
        apis.AssignmentLegalAidApi.as_view(),
        name="assignment-legal-aid",
    ),
    path("cases/<int:case_id>/shares/", apis.CaseShareApi.as_view(), name="case-share"),
    path("cases/<int:case_id>/timeline/", apis.CaseTimelineApi.as_view(), name="case-timeline"),
    path("cases/<int:case_id>/close/", apis.CaseCloseApi.as_view(), name="case-close"),
    path("cases/<int:case_id>/charge/", apis.CaseChargeApi.as_view(), name="case-charge"),
    path("cases/<int:case_id>/adult-transfer/", apis.CaseAdultTransferApi.as_view(), name="case-adult-transfer"),
    path("cases/<int:case_id>/sentences/", apis.CaseSentenceApi.as_view(), name="case-sentences"),
    path(
        "cases/<int:case_id>/sentence-reviews/",
        apis.SentenceReviewApi.as_view(),
        name="case-sentence-reviews",
    ),
    path("cases/<int:case_id>/interviews/", apis.CaseInterviewApi.as_view(), name="case-interviews"),
    path("cases/<int:case_id>/decisions/", apis.CaseDecisionsApi.as_view(), name="case-decisions"),
    path("break-glass/", apis.BreakGlassApi.as_view(), name="break-glass"),
    path("protection-referrals/", apis.ProtectionReferralListApi.as_view(), name="protection-referral-list"),
    path("protection-referrals/services/", apis.ProtectionServicesApi.as_view(), name="protection-referral-services"),
    path(
        "protection-referrals/<int:referral_id>/",
        apis.ProtectionReferralDetailApi.as_view(),
        name="protection-referral-detail",
    ),
    path(
        "protection-referrals/<int:referral_id>/follow-up/",
        apis.ProtectionReferralFollowUpApi.as_view(),
        name="protection-referral-follow-up",
    ),
    path("children/<int:child_id>/criminal-history/", apis.ChildCriminalHistoryApi.as_view(), name="criminal-history"),
]
