from django.urls import path

from jj.deadlines import apis

urlpatterns = [
    path("deadlines/", apis.DeadlineListApi.as_view(), name="deadline-list"),
    path("worklist/", apis.WorklistApi.as_view(), name="worklist"),
    path("notifications/", apis.NotificationListApi.as_view(), name="notification-list"),
]
