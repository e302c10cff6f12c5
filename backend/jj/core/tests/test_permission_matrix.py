"""Issue 11: the permission matrix, generated from the OpenAPI schema and the role list.

Every operation of /api/schema/ x every role x (a record of the caller's own jurisdiction, the same kind of record
in another jurisdiction, an id that does not exist). The answers for the own-jurisdiction record are in EXPECTED,
one line per operation; for the other two the rule is the same everywhere and is checked, not listed:

- another jurisdiction's record answers exactly as a nonexistent one (no hint that it exists), never 2xx;
- a refused write (any 4xx) changes no row of any table except the audit trail (which records the refusal);
- nothing answers 5xx.

An operation added to the API without its line in EXPECTED fails `test_every_operation_has_a_row`. Each request
runs in a savepoint that is rolled back, so every role sees the same starting state. Bodies are empty (`{}`): a
400 means the role got past every permission check to the input validation. To regenerate the table after a
deliberate change: JJ_MATRIX_PRINT=1 pytest jj/core/tests/test_permission_matrix.py
--log-cli-level=INFO, and review the diff."""

import logging
import os
import re
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, transaction
from drf_spectacular.generators import SchemaGenerator

from conftest import World, make_user
from jj.accounts.models import Role
from jj.cases.models import Assignment
from jj.custody import services as custody_services
from jj.oversight import services as oversight_services
from jj.oversight.models import ExportJob

ROLES = {
    "cw": "caseworker",
    "sv": "supervisor",
    "lc": "legal_counsel",
    "fo": "facility_officer",
    "co": "court_officer",
    "om": "oversight_monitor",
    "ad": "administrator",
}
MISSING = 999_999

STATS_LOG = logging.getLogger(__name__)  # what the runs did, shown with --log-cli-level=INFO


def _operations() -> list[str]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    )


OPERATIONS = _operations()

# The own-jurisdiction answers, role by role (cw sv lc fo co om ad). Reviewed by hand: change only on purpose.
EXPECTED: dict[str, str] = {
    "GET /api/agencies/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/approvals/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/audit/events/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "GET /api/audit/export/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "GET /api/audit/verify/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "GET /api/auth/csrf/": "cw=204 sv=204 lc=204 fo=204 co=204 om=204 ad=204",
    "GET /api/auth/me/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/auth/mfa/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/cases/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/cases/{case_id}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/cases/{case_id}/decisions/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/cases/{case_id}/interviews/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/cases/{case_id}/sentences/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/cases/{case_id}/timeline/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/children/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/children/{child_id}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/children/{child_id}/access-log/": "cw=403 sv=200 lc=403 fo=403 co=403 om=404 ad=404",
    "GET /api/children/{child_id}/criminal-history/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/custody-episodes/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/custody-episodes/{episode_id}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/deadlines/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/diversion-programmes/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/diversion-referrals/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/diversion-referrals/{referral_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/facilities/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/facilities/inspection-status/": "cw=403 sv=200 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/facilities/occupancy/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/facilities/{facility_id}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/guardians/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/guardians/{guardian_id}/": "cw=200 sv=200 lc=200 fo=200 co=404 om=404 ad=404",
    "GET /api/health/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/health/live/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/health/ready/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/inspections/": "cw=403 sv=200 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/notifications/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/oversight/compliance/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/oversight/decisions/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "GET /api/oversight/disparity/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/oversight/exports/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/oversight/exports/{export_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=404",
    "GET /api/oversight/exports/{export_id}/file/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=404",
    "GET /api/oversight/indicators/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/oversight/indicators/export/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/oversight/jurisdictions/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/oversight/occupancy/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/oversight/population/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/oversight/profile/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/policies/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/policies/{code}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/policies/{code}/decisions/": "cw=403 sv=200 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/protection-referrals/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/staff/": "cw=403 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/users/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "GET /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "GET /api/worklist/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "PATCH /api/cases/{case_id}/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "PATCH /api/children/{child_id}/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "PATCH /api/facilities/{facility_id}/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "PATCH /api/guardians/{guardian_id}/": "cw=400 sv=400 lc=400 fo=400 co=404 om=404 ad=404",
    "PATCH /api/policies/{code}/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "PATCH /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "POST /api/agencies/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "POST /api/approvals/{approval_id}/decide/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/auth/login/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/logout/": "cw=204 sv=204 lc=204 fo=204 co=204 om=204 ad=204",
    "POST /api/auth/mfa/totp/confirm/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/mfa/totp/setup/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/mfa/verify/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/break-glass/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/cases/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/cases/{case_id}/adult-transfer/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/end/": "cw=403 sv=200 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/legal-aid/": (
        "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404"
    ),
    "POST /api/cases/{case_id}/charge/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/cases/{case_id}/close/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/cases/{case_id}/interviews/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/cases/{case_id}/offences/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/cases/{case_id}/sentences/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/cases/{case_id}/shares/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/children/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/custody-episodes/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/custody-episodes/{episode_id}/aftercare-plans/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/appearances/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/{complaint_id}/respond/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/implicated-staff/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/contacts/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/detention-orders/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/education-enrolments/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/family-notifications/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/health-examinations/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/implicated-staff/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/individual-plans/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/{challenge_id}/decide/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/release/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/transfer/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/diversion-programmes/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/diversion-referrals/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/diversion-referrals/{referral_id}/activate/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/decline/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/outcome/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/sessions/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/facilities/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/guardians/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/inspections/": "cw=403 sv=400 lc=403 fo=403 co=403 om=400 ad=400",
    "POST /api/oversight/exports/": "cw=403 sv=403 lc=403 fo=403 co=403 om=202 ad=202",
    "POST /api/oversight/population/": "cw=403 sv=403 lc=403 fo=403 co=403 om=400 ad=400",
    "POST /api/oversight/population/import/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "POST /api/users/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "POST /api/users/{user_id}/mfa-reset/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "PUT /api/oversight/profile/": "cw=403 sv=403 lc=403 fo=403 co=403 om=400 ad=400",
}


@pytest.fixture
def records(world: World, make_case: Any, client_for: Any) -> dict[str, dict[str, Any]]:
    """One record of each kind in Northland (the callers' jurisdiction) and, where it can be built, in Southport."""
    world.users["sp_admin"] = make_user("sp_admin", Role.ADMINISTRATOR, world.south_agency)
    north_case = make_case(counsel=True, court=True)
    south_case = make_case(by="sp_caseworker", given_name="Southern")
    north_facility = custody_services.facility_create(
        actor=world["administrator"],
        data={
            "name": "North centre",
            "kind": "juvenile_detention",
            "capacity": 10,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
        staff=[world["facility_officer"]],
    )
    south_facility = custody_services.facility_create(
        actor=world["sp_admin"],
        data={
            "name": "South centre",
            "kind": "juvenile_detention",
            "capacity": 10,
            "children_wholly_separated": True,
            "operator": world.south_agency,
        },
    )
    episodes = {}
    for side, who, case, place in [
        ("north", "caseworker", north_case, north_facility),
        ("south", "sp_caseworker", south_case, south_facility),
    ]:
        response = client_for(who).post(
            "/api/custody-episodes/",
            {"case": case.pk, "facility": place.pk, "commitment_order_reference": "CO-1"},
            format="json",
        )
        assert response.status_code == 201, response.content
        episodes[side] = response.json()["id"]
    exports = {}
    for side, who, code in [("north", "oversight_monitor", world.north), ("south", "sp_admin", world.south)]:
        job = ExportJob.objects.create(
            requested_by=world[who],
            jurisdiction=code,
            file_format="csv",
            query={"period_start": "2025-01-01", "period_end": "2025-12-31"},
        )
        oversight_services.export_job_run(job_id=job.pk)
        exports[side] = job.pk
    guardians = {}
    for side, who, case in [("north", "caseworker", north_case), ("south", "sp_caseworker", south_case)]:
        response = client_for(who).post(
            "/api/guardians/", {"child": case.child_id, "name": "A parent", "relationship": "mother"}, format="json"
        )
        assert response.status_code == 201, response.content
        guardians[side] = response.json()["id"]
    return {
        "north": {
            "case_id": north_case.pk,
            "child_id": north_case.child_id,
            "episode_id": episodes["north"],
            "guardian_id": guardians["north"],
            "user_id": world["caseworker2"].pk,
            "facility_id": north_facility.pk,
            "code": world.north.code,
            "export_id": exports["north"],
            "assignment_id": Assignment.objects.filter(case=north_case).values_list("pk", flat=True).first(),
        },
        "south": {
            "case_id": south_case.pk,
            "child_id": south_case.child_id,
            "episode_id": episodes["south"],
            "guardian_id": guardians["south"],
            "user_id": world["sp_caseworker"].pk,
            "facility_id": south_facility.pk,
            "code": world.south.code,
            "export_id": exports["south"],
        },
        "missing": {},
    }


def _url(path: str, values: dict[str, Any]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1)) or MISSING), path)


def _tables() -> list[str]:
    names = []
    for model in apps.get_models():
        if model._meta.label in {"audit.AuditEvent"} or not model._meta.managed:
            continue
        names.append(connection.ops.quote_name(model._meta.db_table))
    return sorted(set(names))


def _fingerprint(tables: list[str]) -> list[Any]:
    """Row count of every table but the audit trail's, in one query."""
    parts = [f"SELECT COUNT(*) FROM {t}" for t in tables]  # noqa: S608  (names from Django's model registry)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        return [row[0] for row in cursor.fetchall()]


class _Rollback(Exception):
    pass


def _call(client: Any, method: str, url: str, tables: list[str]) -> tuple[int, bool]:
    """The answer's status, and whether a refused write changed anything; the database is left as it was."""
    result: tuple[int, bool] = (0, False)
    try:
        with transaction.atomic():
            before = _fingerprint(tables) if method != "GET" else []
            response = getattr(client, method.lower())(url, {}, format="json") if method != "GET" else client.get(url)
            changed = method != "GET" and response.status_code >= 400 and _fingerprint(tables) != before
            result = (response.status_code, changed)
            raise _Rollback
    except _Rollback:
        pass
    return result


def test_every_operation_has_a_row() -> None:
    missing = sorted(set(OPERATIONS) - set(EXPECTED))
    stale = sorted(set(EXPECTED) - set(OPERATIONS))
    assert not missing, f"operations without a row in EXPECTED: {missing}"
    assert not stale, f"rows in EXPECTED for operations the schema no longer has: {stale}"


@pytest.mark.parametrize("operation", OPERATIONS)
def test_operation_by_role_and_jurisdiction(operation: str, request: pytest.FixtureRequest, client_for: Any) -> None:
    method, path = operation.split(" ", 1)
    has_ids = "{" in path
    # Records only where the path names one: building them is most of this test's time.
    records: dict[str, dict[str, Any]] = request.getfixturevalue("records") if has_ids else {"north": {}}
    tables = _tables()
    answers: dict[str, int] = {}
    problems: list[str] = []
    for short, role in ROLES.items():
        client = client_for(role)
        own, own_changed = _call(client, method, _url(path, records["north"]), tables)
        answers[short] = own
        if own >= 500:
            problems.append(f"{role}: own record answered {own}")
        if own_changed:
            problems.append(f"{role}: refused ({own}) but something was written")
        if not has_ids:
            continue
        other, other_changed = _call(client, method, _url(path, records["south"]), tables)
        missing, missing_changed = _call(client, method, _url(path, records["missing"]), tables)
        if other != missing:
            problems.append(f"{role}: another jurisdiction's record answered {other}, a nonexistent one {missing}")
        if 200 <= other < 300 or other >= 500 or missing >= 500:
            problems.append(f"{role}: another jurisdiction {other}, nonexistent {missing}")
        if other_changed or missing_changed:
            problems.append(f"{role}: a refused write to another jurisdiction or a missing id wrote something")
    row = " ".join(f"{short}={answers[short]}" for short in ROLES)
    if os.environ.get("JJ_MATRIX_PRINT"):
        STATS_LOG.info('    "%s": "%s",', operation, row)
    assert not problems, problems
    assert row == EXPECTED.get(operation), f"{operation}: got {row!r}"
