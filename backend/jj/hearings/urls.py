from django.urls import path

from jj.hearings import apis

urlpatterns = [
    path("hearings/", apis.HearingListApi.as_view(), name="hearing-list"),
    path("hearings/<int:hearing_id>/", apis.HearingDetailApi.as_view(), name="hearing-detail"),
    path("hearings/<int:hearing_id>/outcome/", apis.HearingOutcomeApi.as_view(), name="hearing-outcome"),
]
