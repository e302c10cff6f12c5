from django.urls import path

from jj.deadlines import apis

urlpatterns = [
    path("deadlines/", apis.DeadlineListApi.as_view(), name="deadline-list"),
    path("deadlines/export/", apis.DeadlineExportApi.as_view(), name="deadline-export"),
    path("worklist/", apis.WorklistApi.as_view(), name="worklist"),
    path("notifications/", apis.NotificationListApi.as_view(), name="notification-list"),
]
