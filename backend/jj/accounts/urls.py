from django.urls import path

from jj.accounts import apis

urlpatterns = [
    path("auth/csrf/", apis.CsrfApi.as_view(), name="auth-csrf"),
    path("auth/login/", apis.LoginApi.as_view(), name="auth-login"),
    path("auth/logout/", apis.LogoutApi.as_view(), name="auth-logout"),
    path("auth/me/", apis.MeApi.as_view(), name="auth-me"),
    path("agencies/", apis.AgencyListApi.as_view(), name="agency-list"),
    path("users/", apis.UserListApi.as_view(), name="user-list"),
    path("staff/", apis.StaffListApi.as_view(), name="staff-list"),
    path("users/<int:user_id>/", apis.UserDetailApi.as_view(), name="user-detail"),
]
