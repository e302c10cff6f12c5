from django.urls import path

from jj.reports import apis

urlpatterns = [
    path("cases/<int:case_id>/report/", apis.CaseReportApi.as_view(), name="case-report"),
]
