import base64
import json
from typing import Any

from django.contrib.auth import authenticate
from django.db.models import Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jj.accounts import mfa, security_keys, selectors, services
from jj.accounts.access import (
    admin_jurisdiction_id,
    agency_get_for_admin,
    jurisdiction_get_for_admin,
    user_get_for_admin,
)
from jj.accounts.capabilities import require
from jj.accounts.models import Agency, Role, User
from jj.accounts.serializers import (
    AgencyCreateSerializer,
    AgencySerializer,
    DetailSerializer,
    LoginSerializer,
    MeSerializer,
    MfaCodeSerializer,
    MfaStatusSerializer,
    PasswordChangeOutputSerializer,
    PasswordChangeSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetRequestSerializer,
    RecoveryCodesSerializer,
    StaffSerializer,
    TotpSetupOutputSerializer,
    UserCreateSerializer,
    UserOutputSerializer,
    UserUpdateSerializer,
    WebAuthnCredentialSerializer,
)
from jj.core.i18n import localize
from jj.core.permissions import HasCapability
from jj.core.views import ListAPIView
from jj.rules.text import t

WRONG_CREDENTIALS = "Wrong username or password."
THROTTLED = "Too many failed sign-ins from your network. Wait 15 minutes, or ask an administrator."
LOCKED_OUT = "Too many failed sign-in attempts from here. Wait 15 minutes or ask an administrator to unlock you."


def lockout_response(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """django-axes calls this when a username+IP is locked out."""
    return JsonResponse({"detail": LOCKED_OUT}, status=429)


class CsrfApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={204: None}, summary="Set the CSRF cookie")
    @method_decorator(ensure_csrf_cookie)
    def get(self, request: Request) -> Response:
        return Response(status=status.HTTP_204_NO_CONTENT)


@method_decorator(csrf_protect, name="dispatch")
class LoginApi(APIView):
    """JSON login. CSRF-protected explicitly: DRF only enforces CSRF for already-authenticated sessions."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        request=LoginSerializer,
        responses={
            200: MeSerializer,
            400: OpenApiResponse(description="Wrong username or password, or a field missing"),
            429: OpenApiResponse(description="Locked out (this username here) or throttled (this address)"),
        },
        summary="Sign in",
    )
    def post(self, request: Request) -> Response:
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        username = serializer.validated_data["username"]
        if services.auth_address_throttled(username=username):
            return Response({"detail": THROTTLED}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        user = authenticate(request._request, username=username, password=serializer.validated_data["password"])
        if user is None or not isinstance(user, User):
            locked = bool(getattr(request._request, "axes_locked_out", False))
            services.auth_login_failed(username=username, locked_out=locked)
            if locked:
                return Response({"detail": LOCKED_OUT}, status=status.HTTP_429_TOO_MANY_REQUESTS)
            return Response({"detail": WRONG_CREDENTIALS}, status=status.HTTP_400_BAD_REQUEST)
        services.auth_login(request=request._request, user=user)
        return Response(MeSerializer(user, context={"request": request._request}).data)


class LogoutApi(APIView):
    @extend_schema(request=None, responses={204: None}, summary="Sign out")
    def post(self, request: Request) -> Response:
        services.auth_logout(request=request._request, user=request.user)  # type: ignore[arg-type]
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeApi(APIView):
    @extend_schema(responses={200: MeSerializer}, summary="The signed-in user")
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request.user, context={"request": request._request}).data)


class AgencyListApi(ListAPIView):
    serializer_class = AgencySerializer
    ordering_fields = ["name", "id"]
    search_fields = ["name"]
    filterset_fields = {"id": ["in"], "jurisdiction": ["exact"]}

    def scoped_queryset(self, user: User) -> QuerySet[Agency]:
        return selectors.agency_list(actor=user)

    @extend_schema(request=AgencyCreateSerializer, responses={201: AgencySerializer})
    def post(self, request: Request) -> Response:
        actor: User = request.user  # type: ignore[assignment]
        require(actor, "users.manage", "Only administrators can create agencies.")
        serializer = AgencyCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        wanted = serializer.validated_data.get("jurisdiction") or admin_jurisdiction_id(actor=actor)
        jurisdiction = jurisdiction_get_for_admin(actor=actor, jurisdiction_id=wanted, action="agency.create")
        agency = services.agency_create(actor=actor, jurisdiction=jurisdiction, name=serializer.validated_data["name"])
        return Response(AgencySerializer(agency).data, status=status.HTTP_201_CREATED)


class UserListApi(ListAPIView):
    serializer_class = UserOutputSerializer
    permission_classes = [IsAuthenticated, HasCapability.of("users.manage")]
    ordering_fields = ["username", "role", "id", "last_login"]
    search_fields = ["username", "first_name", "last_name"]
    filterset_fields = {"id": ["in"], "role": ["exact"], "agency": ["exact"], "is_active": ["exact"]}

    def scoped_queryset(self, user: User) -> QuerySet[User]:
        return selectors.user_list(actor=user)

    @extend_schema(request=UserCreateSerializer, responses={201: UserOutputSerializer})
    def post(self, request: Request) -> Response:
        actor: User = request.user  # type: ignore[assignment]
        serializer = UserCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        mfa.reauthenticate(actor=actor, password=data.pop("current_password"), action="user.create")
        agency_id = data.pop("agency", None)
        agency = (
            None if agency_id is None else agency_get_for_admin(actor=actor, agency_id=agency_id, action="user.create")
        )
        user = services.user_create(actor=actor, agency=agency, **data)
        return Response(UserOutputSerializer(user).data, status=status.HTTP_201_CREATED)


class UserDetailApi(APIView):
    permission_classes = [IsAuthenticated, HasCapability.of("users.manage")]

    @extend_schema(responses={200: UserOutputSerializer})
    def get(self, request: Request, user_id: int) -> Response:
        user = user_get_for_admin(actor=request.user, user_id=user_id)  # type: ignore[arg-type]
        return Response(UserOutputSerializer(user).data)

    @extend_schema(request=UserUpdateSerializer, responses={200: UserOutputSerializer})
    def patch(self, request: Request, user_id: int) -> Response:
        actor: User = request.user  # type: ignore[assignment]
        user = user_get_for_admin(actor=actor, user_id=user_id)
        serializer = UserUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "current_password" not in data:
            raise ValidationError({"current_password": [t("Confirm this change with your own password.")]})
        mfa.reauthenticate(actor=actor, password=data.pop("current_password"), action="user.update")
        if "agency" in data:
            agency_id = data.pop("agency")
            data["agency"] = (
                None
                if agency_id is None
                else agency_get_for_admin(actor=actor, agency_id=agency_id, action="user.update")
            )
        password = data.pop("password", None)
        user = services.user_update(actor=actor, user=user, data=data)
        if password:
            services.user_set_password(actor=actor, user=user, password=password)
        return Response(UserOutputSerializer(user).data)


class StaffListApi(ListAPIView):
    """Staff of the supervisor's jurisdiction who can be assigned to a case (caseworkers of the supervisor's agency,
    counsel and court officers of any agency of the jurisdiction)."""

    serializer_class = StaffSerializer
    permission_classes = [HasCapability.of("case.staff_list")]
    filterset_fields = ["role"]
    search_fields = ["username", "first_name", "last_name"]
    ordering_fields = ["username", "id"]

    def scoped_queryset(self, user: User) -> QuerySet[User]:
        if user.agency is None:
            return User.objects.none()
        same_jurisdiction = Q(agency__jurisdiction_id=user.agency.jurisdiction_id, is_active=True)
        assignable = Q(role__in=[Role.LEGAL_COUNSEL, Role.COURT_OFFICER]) | Q(
            role=Role.CASEWORKER, agency_id=user.agency_id
        )
        return User.objects.filter(same_jurisdiction & assignable).select_related("agency").order_by("username")


class MfaStatusApi(APIView):
    @extend_schema(responses={200: MfaStatusSerializer}, summary="Whether a second factor is required, enrolled, given")
    def get(self, request: Request) -> Response:
        return Response(MfaStatusSerializer(mfa.mfa_status(request._request)).data)


class PasswordConfirmSerializer(serializers.Serializer):
    current_password = serializers.CharField(write_only=True, max_length=512, style={"input_type": "password"})


class TotpSetupApi(APIView):
    """Start enrolling an authenticator app: the secret, as text and as an otpauth:// URI for a QR code."""

    @extend_schema(request=PasswordConfirmSerializer, responses={201: TotpSetupOutputSerializer})
    def post(self, request: Request) -> Response:
        actor: User = request.user  # type: ignore[assignment]
        serializer = PasswordConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mfa.reauthenticate(actor=actor, password=serializer.validated_data["current_password"], action="mfa.setup")
        device = mfa.totp_setup(actor=actor)
        secret = base64.b32encode(device.bin_key).decode().rstrip("=")
        return Response({"secret": secret, "otpauth_uri": device.config_url}, status=status.HTTP_201_CREATED)


class TotpConfirmApi(APIView):
    """Finish enrolling with a code from the app: the recovery codes come back, once."""

    @extend_schema(request=MfaCodeSerializer, responses={201: RecoveryCodesSerializer})
    def post(self, request: Request) -> Response:
        serializer = MfaCodeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        codes = mfa.totp_confirm(
            request=request._request,
            actor=request.user,  # type: ignore[arg-type]
            code=serializer.validated_data["code"],
        )
        return Response({"recovery_codes": codes}, status=status.HTTP_201_CREATED)


class MfaVerifyApi(APIView):
    """The second step of signing in: a code from the app, or a recovery code."""

    @extend_schema(request=MfaCodeSerializer, responses={200: MeSerializer})
    def post(self, request: Request) -> Response:
        serializer = MfaCodeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mfa.mfa_verify(
            request=request._request,
            actor=request.user,  # type: ignore[arg-type]
            code=serializer.validated_data["code"],
        )
        return Response(MeSerializer(request.user, context={"request": request._request}).data)


class UserMfaResetApi(APIView):
    """An administrator removes a user's authenticator and recovery codes (same jurisdiction only)."""

    permission_classes = [IsAuthenticated, HasCapability.of("users.manage")]

    @extend_schema(request=PasswordConfirmSerializer, responses={204: None})
    def post(self, request: Request, user_id: int) -> Response:
        actor: User = request.user  # type: ignore[assignment]
        user = user_get_for_admin(actor=actor, user_id=user_id)
        serializer = PasswordConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mfa.reauthenticate(actor=actor, password=serializer.validated_data["current_password"], action="mfa.reset")
        mfa.mfa_reset(actor=actor, user=user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordChangeApi(APIView):
    """The signed-in user changes their own password: the current one first; every other session then ends."""

    permission_classes = [IsAuthenticated, HasCapability.of("account.password")]

    @extend_schema(request=PasswordChangeSerializer, responses={200: PasswordChangeOutputSerializer})
    def post(self, request: Request) -> Response:
        actor: User = request.user  # type: ignore[assignment]
        serializer = PasswordChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mfa.reauthenticate(
            actor=actor, password=serializer.validated_data["current_password"], action="auth.password_change"
        )
        ended = services.password_change(
            request=request._request, user=actor, new_password=serializer.validated_data["new_password"]
        )
        return Response({"sessions_ended": ended})


RESET_SENT = t(
    "If an account has this address, an e-mail with a link to choose a new password is on its way. "
    "The link works once, for a limited time."
)


@method_decorator(csrf_protect, name="dispatch")
class PasswordResetRequestApi(APIView):
    """Ask for a reset link by e-mail. The answer is the same whether the address is known or not."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        request=PasswordResetRequestSerializer,
        responses={
            202: DetailSerializer,
            429: OpenApiResponse(description="Too many requests from this address (whatever was asked)"),
        },
        summary="Ask for a password reset link",
    )
    def post(self, request: Request) -> Response:
        serializer = PasswordResetRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if services.password_reset_throttled():
            return Response({"detail": localize(services.RESET_THROTTLED)}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        services.password_reset_request(email=serializer.validated_data["email"])
        return Response({"detail": localize(RESET_SENT)}, status=status.HTTP_202_ACCEPTED)


@method_decorator(csrf_protect, name="dispatch")
class PasswordResetConfirmApi(APIView):
    """Choose a new password from the link in the e-mail (it works once, for a limited time)."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(request=PasswordResetConfirmSerializer, responses={204: None}, summary="Set a new password")
    def post(self, request: Request) -> Response:
        serializer = PasswordResetConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.password_reset_confirm(uid=data["uid"], token=data["token"], new_password=data["new_password"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebAuthnCredentialInputSerializer(serializers.Serializer):
    """The browser's PublicKeyCredential, as JSON (binary fields base64url), checked by jj.accounts.security_keys."""

    credential = serializers.DictField()
    name = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")


class WebAuthnRegisteredSerializer(serializers.Serializer):
    key = WebAuthnCredentialSerializer()
    recovery_codes = serializers.ListField(child=serializers.CharField())


class WebAuthnRegisterOptionsApi(APIView):
    """Start enrolling a security key: the password again, then options for navigator.credentials.create."""

    permission_classes = [IsAuthenticated, HasCapability.of("account.security_keys")]

    @extend_schema(request=PasswordConfirmSerializer, responses={200: OpenApiTypes.OBJECT})
    def post(self, request: Request) -> Response:
        actor: User = request.user  # type: ignore[assignment]
        serializer = PasswordConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mfa.reauthenticate(
            actor=actor, password=serializer.validated_data["current_password"], action="mfa.webauthn_register"
        )
        return Response(json.loads(security_keys.registration_options(request=request._request, actor=actor)))


class WebAuthnRegisterVerifyApi(APIView):
    """Finish enrolling a security key with its answer; recovery codes come back, once, if there were none."""

    permission_classes = [IsAuthenticated, HasCapability.of("account.security_keys")]

    @extend_schema(request=WebAuthnCredentialInputSerializer, responses={201: WebAuthnRegisteredSerializer})
    def post(self, request: Request) -> Response:
        serializer = WebAuthnCredentialInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        key, codes = security_keys.registration_verify(
            request=request._request,
            actor=request.user,  # type: ignore[arg-type]
            credential=serializer.validated_data["credential"],
            name=serializer.validated_data["name"],
        )
        data = {"key": WebAuthnCredentialSerializer(key).data, "recovery_codes": codes}
        return Response(data, status=status.HTTP_201_CREATED)


class WebAuthnAuthenticateOptionsApi(APIView):
    """The second step of signing in with a security key: options for navigator.credentials.get."""

    @extend_schema(request=None, responses={200: OpenApiTypes.OBJECT})
    def post(self, request: Request) -> Response:
        actor: User = request.user  # type: ignore[assignment]
        return Response(json.loads(security_keys.authentication_options(request=request._request, actor=actor)))


class WebAuthnAuthenticateVerifyApi(APIView):
    """The key's answer: the session counts as second-factor verified, as after a TOTP code."""

    @extend_schema(request=WebAuthnCredentialInputSerializer, responses={200: MeSerializer})
    def post(self, request: Request) -> Response:
        serializer = WebAuthnCredentialInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        security_keys.authentication_verify(
            request=request._request,
            actor=request.user,  # type: ignore[arg-type]
            credential=serializer.validated_data["credential"],
        )
        return Response(MeSerializer(request.user, context={"request": request._request}).data)


class WebAuthnCredentialListApi(APIView):
    """The signed-in user's own security keys."""

    permission_classes = [IsAuthenticated, HasCapability.of("account.security_keys")]

    @extend_schema(responses={200: WebAuthnCredentialSerializer(many=True)})
    def get(self, request: Request) -> Response:
        keys = selectors.webauthn_credentials_of(request.user)  # type: ignore[arg-type]
        return Response(WebAuthnCredentialSerializer(keys, many=True).data)


class WebAuthnCredentialRemoveApi(APIView):
    """Remove one of one's own security keys: the password again first."""

    permission_classes = [IsAuthenticated, HasCapability.of("account.security_keys")]

    @extend_schema(request=PasswordConfirmSerializer, responses={204: None})
    def post(self, request: Request, credential_id: int) -> Response:
        actor: User = request.user  # type: ignore[assignment]
        serializer = PasswordConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mfa.reauthenticate(
            actor=actor, password=serializer.validated_data["current_password"], action="mfa.webauthn_remove"
        )
        security_keys.credential_remove(request=request._request, actor=actor, credential_id=credential_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
