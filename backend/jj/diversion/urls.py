from django.urls import path

from jj.diversion import apis

R = "diversion-referrals/<int:referral_id>/"

urlpatterns = [
    path("diversion-programmes/", apis.ProgrammeListApi.as_view(), name="diversion-programme-list"),
    path("diversion-referrals/", apis.ReferralListApi.as_view(), name="diversion-referral-list"),
    path(R, apis.ReferralDetailApi.as_view(), name="diversion-referral-detail"),
    path(R + "activate/", apis.ActivateApi.as_view(), name="diversion-activate"),
    path(R + "decline/", apis.DeclineApi.as_view(), name="diversion-decline"),
    path(R + "sessions/", apis.SessionApi.as_view(), name="diversion-sessions"),
    path(R + "outcome/", apis.OutcomeApi.as_view(), name="diversion-outcome"),
]
