from django.urls import path

from jj.people import apis

urlpatterns = [
    path("children/", apis.ChildListApi.as_view(), name="child-list"),
    path("children/export/", apis.ChildExportApi.as_view(), name="child-export"),
    path("children/duplicates/", apis.ChildDuplicatesApi.as_view(), name="child-duplicates"),
    path("children/<int:child_id>/", apis.ChildDetailApi.as_view(), name="child-detail"),
    path("children/<int:child_id>/merge/", apis.ChildMergeApi.as_view(), name="child-merge"),
    path("guardians/", apis.GuardianListApi.as_view(), name="guardian-list"),
    path("guardians/<int:guardian_id>/", apis.GuardianDetailApi.as_view(), name="guardian-detail"),
    path("record-contests/", apis.RecordContestListApi.as_view(), name="record-contest-list"),
    path("record-contests/<int:contest_id>/", apis.RecordContestDetailApi.as_view(), name="record-contest-detail"),
    path(
        "record-contests/<int:contest_id>/decision/",
        apis.RecordContestDecisionApi.as_view(),
        name="record-contest-decision",
    ),
]
