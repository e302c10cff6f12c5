from django.urls import path

from jj.people import apis

urlpatterns = [
    path("children/", apis.ChildListApi.as_view(), name="child-list"),
    path("children/<int:child_id>/", apis.ChildDetailApi.as_view(), name="child-detail"),
    path("guardians/", apis.GuardianListApi.as_view(), name="guardian-list"),
    path("guardians/<int:guardian_id>/", apis.GuardianDetailApi.as_view(), name="guardian-detail"),
]
