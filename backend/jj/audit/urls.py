from django.urls import path

from jj.audit import apis

urlpatterns = [
    path("audit/events/", apis.AuditEventListApi.as_view(), name="audit-events"),
    path("audit/verify/", apis.AuditVerifyApi.as_view(), name="audit-verify"),
    path("audit/export/", apis.AuditExportApi.as_view(), name="audit-export"),
    path("children/<int:child_id>/access-log/", apis.ChildAccessLogApi.as_view(), name="child-access-log"),
]
