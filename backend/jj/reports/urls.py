from django.urls import path

from jj.reports import apis

urlpatterns = [
    path("cases/<int:case_id>/report/", apis.CaseReportApi.as_view(), name="case-report"),
    path("children/<int:child_id>/subject-access/", apis.SubjectAccessApi.as_view(), name="child-subject-access"),
]
