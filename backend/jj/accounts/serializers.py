from datetime import date

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jj.accounts.models import Agency, Role, User
from jj.rules.text import t


class JurisdictionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    timezone = serializers.CharField()


class AgencyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class MfaStatusSerializer(serializers.Serializer):
    required = serializers.BooleanField()  # type: ignore[assignment]
    enrolled = serializers.BooleanField()
    verified = serializers.BooleanField()
    recovery_codes_left = serializers.IntegerField()
    totp = serializers.BooleanField()
    security_keys = serializers.IntegerField()


class WebAuthnCredentialSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    transports = serializers.ListField(child=serializers.CharField())
    sign_count = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    display_name = serializers.CharField()
    role = serializers.ChoiceField(choices=Role.choices)
    agency = AgencyRefSerializer(allow_null=True)
    jurisdiction = serializers.SerializerMethodField()
    mfa = serializers.SerializerMethodField()
    capabilities = serializers.SerializerMethodField(
        help_text="The actions this user's role may take, each with its scope (jj/accounts/capabilities.py)."
    )

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_capabilities(self, user: User) -> dict[str, str]:
        from jj.accounts.capabilities import capabilities_of, is_platform_operator

        return capabilities_of(user.role, platform_operator=is_platform_operator(user))

    @extend_schema_field(MfaStatusSerializer)
    def get_mfa(self, user: User) -> dict[str, object]:
        from dataclasses import asdict

        from jj.accounts.mfa import mfa_status

        return asdict(mfa_status(self.context["request"]))

    @extend_schema_field(JurisdictionRefSerializer(allow_null=True))
    def get_jurisdiction(self, user: User) -> dict[str, object] | None:
        if user.agency is None:
            return None
        j = user.agency.jurisdiction
        return {"id": j.pk, "code": j.code, "name": j.name, "timezone": j.timezone}


class AgencySerializer(serializers.ModelSerializer[Agency]):
    jurisdiction_name = serializers.CharField(source="jurisdiction.name", read_only=True)

    class Meta:
        model = Agency
        fields = ["id", "name", "jurisdiction", "jurisdiction_name"]
        read_only_fields = fields


class AgencyCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    # Optional: the administrator's own jurisdiction by default; any other is refused by the API.
    jurisdiction = serializers.IntegerField(min_value=1, required=False)


class UserOutputSerializer(serializers.ModelSerializer[User]):
    agency_name = serializers.CharField(source="agency.name", read_only=True, default=None)

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "role",
            "agency",
            "agency_name",
            "is_active",
            "last_login",
            "date_joined",
            "trained_in_child_justice_on",
        ]
        read_only_fields = fields


class CurrentPasswordMixin(serializers.Serializer):
    """Sensitive account changes ask for the signed-in person's own password again."""

    current_password = serializers.CharField(write_only=True, max_length=512, style={"input_type": "password"})


class UserCreateSerializer(CurrentPasswordMixin):
    username = serializers.RegexField(r"^[\w.@+-]+$", max_length=150)
    password = serializers.CharField(write_only=True, min_length=12, style={"input_type": "password"})
    role = serializers.ChoiceField(choices=Role.choices)
    # An id, resolved by the API through the administrator's scope (jj.accounts.access), not from every agency.
    agency = serializers.IntegerField(min_value=1, allow_null=True, required=False)
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)

    def validate_username(self, value: str) -> str:
        if User.objects.filter(username__iexact=value).exists():
            raise serializers.ValidationError(t("This username is already taken."))
        return value


class UserUpdateSerializer(CurrentPasswordMixin):
    role = serializers.ChoiceField(choices=Role.choices, required=False)
    agency = serializers.IntegerField(min_value=1, allow_null=True, required=False)
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    is_active = serializers.BooleanField(required=False)
    password = serializers.CharField(write_only=True, min_length=12, required=False)
    trained_in_child_justice_on = serializers.DateField(
        required=False, allow_null=True, help_text="When this person completed training in child justice (TRN-1)."
    )

    def validate_trained_in_child_justice_on(self, value: date | None) -> date | None:
        if value is not None and value > timezone.localdate():
            raise serializers.ValidationError(t("A training date cannot be in the future."))
        return value


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=512, style={"input_type": "password"})


class PasswordChangeSerializer(serializers.Serializer):
    current_password = serializers.CharField(write_only=True, max_length=512, style={"input_type": "password"})
    new_password = serializers.CharField(write_only=True, max_length=512, style={"input_type": "password"})


class PasswordChangeOutputSerializer(serializers.Serializer):
    sessions_ended = serializers.IntegerField(help_text="How many other sessions of the account were ended.")


class PasswordResetRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)


class PasswordResetConfirmSerializer(serializers.Serializer):
    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=128)
    new_password = serializers.CharField(write_only=True, max_length=512, style={"input_type": "password"})


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


class StaffSerializer(serializers.ModelSerializer[User]):
    """A colleague a supervisor may assign to a case: who they are and where they work, nothing more."""

    display_name = serializers.SerializerMethodField()
    agency_name = serializers.CharField(source="agency.name", read_only=True, default=None)

    class Meta:
        model = User
        fields = ["id", "username", "display_name", "role", "agency", "agency_name", "trained_in_child_justice_on"]
        read_only_fields = fields

    def get_display_name(self, user: User) -> str:
        return user.get_full_name() or user.username


class MfaCodeSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=32)


class TotpSetupOutputSerializer(serializers.Serializer):
    secret = serializers.CharField(help_text="Base32 secret, for typing into an authenticator app")
    otpauth_uri = serializers.CharField(help_text="otpauth:// URI, for a QR code")


class RecoveryCodesSerializer(serializers.Serializer):
    recovery_codes = serializers.ListField(child=serializers.CharField(), help_text="Shown once; each works once")
