from django.urls import path

from jj.deadlines import apis

urlpatterns = [
    path("deadlines/", apis.DeadlineListApi.as_view(), name="deadline-list"),
    path("deadlines/export/", apis.DeadlineExportApi.as_view(), name="deadline-export"),
    path("worklist/", apis.WorklistApi.as_view(), name="worklist"),
    path("notifications/", apis.NotificationListApi.as_view(), name="notification-list"),
    path("notifications/unread-count/", apis.NotificationUnreadCountApi.as_view(), name="notification-unread-count"),
    path("notifications/read-all/", apis.NotificationReadAllApi.as_view(), name="notification-read-all"),
    path("notifications/preference/", apis.NotificationPreferenceApi.as_view(), name="notification-preference"),
    path("notifications/<int:notification_id>/read/", apis.NotificationReadApi.as_view(), name="notification-read"),
]
