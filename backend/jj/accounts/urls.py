from django.urls import path

from jj.accounts import apis

urlpatterns = [
    path("auth/csrf/", apis.CsrfApi.as_view(), name="auth-csrf"),
    path("auth/login/", apis.LoginApi.as_view(), name="auth-login"),
    path("auth/logout/", apis.LogoutApi.as_view(), name="auth-logout"),
    path("auth/me/", apis.MeApi.as_view(), name="auth-me"),
    path("auth/mfa/", apis.MfaStatusApi.as_view(), name="auth-mfa"),
    path("auth/mfa/totp/setup/", apis.TotpSetupApi.as_view(), name="auth-mfa-totp-setup"),
    path("auth/mfa/totp/confirm/", apis.TotpConfirmApi.as_view(), name="auth-mfa-totp-confirm"),
    path("auth/mfa/verify/", apis.MfaVerifyApi.as_view(), name="auth-mfa-verify"),
    path(
        "auth/mfa/webauthn/register/options/",
        apis.WebAuthnRegisterOptionsApi.as_view(),
        name="auth-mfa-webauthn-register-options",
    ),
    path(
        "auth/mfa/webauthn/register/verify/",
        apis.WebAuthnRegisterVerifyApi.as_view(),
        name="auth-mfa-webauthn-register-verify",
    ),
    path(
        "auth/mfa/webauthn/authenticate/options/",
        apis.WebAuthnAuthenticateOptionsApi.as_view(),
        name="auth-mfa-webauthn-authenticate-options",
    ),
    path(
        "auth/mfa/webauthn/authenticate/verify/",
        apis.WebAuthnAuthenticateVerifyApi.as_view(),
        name="auth-mfa-webauthn-authenticate-verify",
    ),
    path("auth/mfa/webauthn/keys/", apis.WebAuthnCredentialListApi.as_view(), name="auth-mfa-webauthn-keys"),
    path(
        "auth/mfa/webauthn/keys/<int:credential_id>/remove/",
        apis.WebAuthnCredentialRemoveApi.as_view(),
        name="auth-mfa-webauthn-key-remove",
    ),
    path("auth/password/", apis.PasswordChangeApi.as_view(), name="auth-password"),
    path("auth/password-reset/", apis.PasswordResetRequestApi.as_view(), name="auth-password-reset"),
    path(
        "auth/password-reset/confirm/",
        apis.PasswordResetConfirmApi.as_view(),
        name="auth-password-reset-confirm",
    ),
    path("agencies/", apis.AgencyListApi.as_view(), name="agency-list"),
    path("users/", apis.UserListApi.as_view(), name="user-list"),
    path("staff/", apis.StaffListApi.as_view(), name="staff-list"),
    path("users/<int:user_id>/", apis.UserDetailApi.as_view(), name="user-detail"),
    path("users/<int:user_id>/mfa-reset/", apis.UserMfaResetApi.as_view(), name="user-mfa-reset"),
]
