from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django_otp.models import Device

from jj.rules.text import msgid


class Role(models.TextChoices):
    CASEWORKER = "caseworker", msgid("Caseworker")
    SUPERVISOR = "supervisor", msgid("Supervisor")
    LEGAL_COUNSEL = "legal_counsel", msgid("Legal counsel")
    FACILITY_OFFICER = "facility_officer", msgid("Facility officer")
    COURT_OFFICER = "court_officer", msgid("Court officer")
    OVERSIGHT_MONITOR = "oversight_monitor", msgid("Oversight monitor")
    ADMINISTRATOR = "administrator", msgid("Administrator")


class Jurisdiction(models.Model):
    """A legal order with its own law (a state, a province): owns its compliance policy."""

    code = models.SlugField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    timezone = models.CharField(max_length=64, default="UTC")

    def __str__(self) -> str:
        return self.name

    def today(self) -> date:
        """The calendar day it is now where this law applies: a day-bounded period (a simulation, an indicator) ends
        there, not in the server's UTC day, or acts of the last hours before local midnight fall outside it."""
        return timezone.localdate(timezone=ZoneInfo(self.timezone))


class Agency(models.Model):
    """An organisation whose staff use the system: a social-work office, a public defender, a facility's operator."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="agencies")
    name = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = "agencies"
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "name"], name="agency_unique_name")]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):  # type: ignore[django-manager-missing]  # WebAuthnCredential: an untyped django-otp Device
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.CASEWORKER)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="users")
    trained_in_child_justice_on = models.DateField(
        null=True,
        blank=True,
        help_text="When this person completed training in child justice (TRN-1; A/RES/79/172 para. 39; indicator 14).",
    )

    @property
    def jurisdiction_id(self) -> int | None:
        return self.agency.jurisdiction_id if self.agency_id and self.agency else None

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class WebAuthnCredential(Device):
    """A security key or platform authenticator (WebAuthn) enrolled as a second factor (jj.accounts.webauthn).

    A django-otp Device, so a sign-in verified with it marks the session the same way a TOTP code does. Only the
    public key is kept: the private key never leaves the authenticator. `confirmed` (from Device) is always true."""

    credential_id: "models.BinaryField[bytes | memoryview, bytes | memoryview]" = models.BinaryField(
        max_length=1024, unique=True
    )
    public_key: "models.BinaryField[bytes | memoryview, bytes | memoryview]" = models.BinaryField(max_length=2048)
    sign_count: "models.PositiveBigIntegerField[int, int]" = models.PositiveBigIntegerField(default=0)
    transports = models.JSONField(default=list, blank=True)
    created_at: "models.DateTimeField[Any, Any]" = models.DateTimeField(auto_now_add=True)
    last_used_at: "models.DateTimeField[Any, Any]" = models.DateTimeField(null=True, blank=True)

    class Meta(Device.Meta):
        ordering = ["created_at", "id"]
