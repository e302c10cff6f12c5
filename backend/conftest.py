"""Shared test fixtures: a small world of jurisdictions, agencies, one user per role, and API clients."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict

import pytest
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from rest_framework.test import APIClient

from jj.accounts.mfa import MFA_ROLES
from jj.accounts.models import Agency, Jurisdiction, Role, User
from jj.cases import services as case_services
from jj.cases.lifecycle import case_status_change
from jj.cases.models import AssignmentRole, Case, CaseStatus
from jj.people import services as people_services
from jj.people.models import Child

# Property tests never depend on the machine's speed (CI runs on a loaded 2-core machine): no deadline, and no
# "too slow" health check, which failed a sentencing property test once under load. Tests may still set their own.
hypothesis_settings.register_profile("jj", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("jj")

PASSWORD = "correct-horse-battery-staple-42"


# HRD-1 and CNS-1 (issue #16): what a detention order, sentence, placement, transfer, diversion referral or charge
# carries in a test that is not about the child being heard or about counsel (those have their own tests).
class Heard(TypedDict):
    child_views: str


class CounselPending(TypedDict):
    no_counsel_justification: str


HEARD: Heard = {"child_views": "Wants to stay near her school and her mother"}
COUNSEL_PENDING: CounselPending = {"no_counsel_justification": "Legal aid counsel appointed, arriving this afternoon"}


@dataclass
class World:
    north: Jurisdiction
    south: Jurisdiction
    yjs: Agency
    defender: Agency
    south_agency: Agency
    users: dict[str, User]

    def __getitem__(self, username: str) -> User:
        return self.users[username]


def make_user(username: str, role: str, agency: Agency | None) -> User:
    user = User(username=username, role=role, agency=agency, first_name=username.title())
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture(autouse=True)
def _empty_cache() -> Any:
    """Rate-limit counters live in the cache: each test starts without any."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db: Any) -> World:
    north = Jurisdiction.objects.create(code="north", name="Northland", timezone="Europe/Paris")
    south = Jurisdiction.objects.create(code="south", name="Southport", timezone="America/New_York")
    yjs = Agency.objects.create(jurisdiction=north, name="Youth Justice Service")
    defender = Agency.objects.create(jurisdiction=north, name="Public Defender")
    south_agency = Agency.objects.create(jurisdiction=south, name="Southport Services")
    users = {
        "caseworker": make_user("caseworker", Role.CASEWORKER, yjs),
        "caseworker2": make_user("caseworker2", Role.CASEWORKER, yjs),
        "supervisor": make_user("supervisor", Role.SUPERVISOR, yjs),
        "legal_counsel": make_user("legal_counsel", Role.LEGAL_COUNSEL, defender),
        "facility_officer": make_user("facility_officer", Role.FACILITY_OFFICER, yjs),
        "court_officer": make_user("court_officer", Role.COURT_OFFICER, yjs),
        "oversight_monitor": make_user("oversight_monitor", Role.OVERSIGHT_MONITOR, yjs),
        "administrator": make_user("administrator", Role.ADMINISTRATOR, yjs),
        "sp_caseworker": make_user("sp_caseworker", Role.CASEWORKER, south_agency),
        "sp_supervisor": make_user("sp_supervisor", Role.SUPERVISOR, south_agency),
    }
    return World(north, south, yjs, defender, south_agency, users)


def child_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "given_name": "Amara",
        "family_name": "Okafor",
        "date_of_birth": date(2010, 5, 17),
        "dob_certainty": "documented",
        "sex": "female",
        "disability": "Hearing impairment",
        "nationality": "Ghanaian",
    }
    data.update(overrides)
    return data


def offence_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"description": "Theft of a bicycle", "category": "05", "offence_date": date(2026, 3, 1)}
    data.update(overrides)
    return data


@pytest.fixture
def make_case(world: World) -> Callable[..., Case]:
    """A child and an open case, registered by `by` (a caseworker), optionally with counsel/court assigned."""

    def _make(
        by: str = "caseworker", *, counsel: bool = False, court: bool = False, charged: bool = False, **child: Any
    ) -> Case:
        worker = world[by]
        kid: Child = people_services.child_register(actor=worker, data=child_data(**child))
        case = case_services.case_open(actor=worker, child=kid, kind="arrest", offences=[offence_data()])
        if charged:  # through the lifecycle's one writer; the charge's own rules are tested where charging is
            case = case_status_change(
                case=case, to=CaseStatus.CHARGED, actor=worker, at=timezone.now(), action="test", summary="charged"
            )
        boss = world["sp_supervisor"] if worker.agency == world.south_agency else world["supervisor"]
        if counsel:
            case_services.case_assign(
                actor=boss, case=case, user=world["legal_counsel"], role=AssignmentRole.LEGAL_COUNSEL
            )
        if court:
            case_services.case_assign(
                actor=boss, case=case, user=world["court_officer"], role=AssignmentRole.COURT_OFFICER
            )
        return case

    return _make


@pytest.fixture
def client_for(world: World) -> Callable[[str], APIClient]:
    """An API client signed in as the named user, with CSRF checks on as in the browser."""

    def _client(username: str) -> APIClient:
        client = APIClient(enforce_csrf_checks=True)
        client.force_authenticate(user=None)
        user = world[username]
        client.force_login(user)
        if user.role in MFA_ROLES:
            # As after signing in with the authenticator app: the session carries the verified device.
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
                user=user, name="test authenticator", confirmed=True
            )
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        response = client.get("/api/auth/csrf/")
        token = response.cookies["csrftoken"].value
        client.credentials(HTTP_X_CSRFTOKEN=token)
        return client

    return _client


ALL_ROLES = [
    "caseworker",
    "supervisor",
    "legal_counsel",
    "facility_officer",
    "court_officer",
    "oversight_monitor",
    "administrator",
]


@pytest.fixture
def transactional_audit(transactional_db: Any) -> Any:
    """For tests that commit for real: afterwards, remove their audit rows the way only a database owner
    can (triggers off), so the database flush between tests is not refused by the append-only guard."""
    from django.db import connection

    from jj.audit.services import audit_seal_pending

    yield
    audit_seal_pending()  # pending reads are deleted by sealing them (their trigger refuses any other delete)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
            cursor.execute("DELETE FROM audit_auditevent")
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_delete")
            cursor.execute("DELETE FROM audit_auditevent")
            cursor.execute(
                "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_auditevent "
                "BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE refused'); END;"
            )
