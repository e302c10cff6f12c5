"""Issue 11: the permission matrix, generated from the OpenAPI schema and the role list.

Every operation of /api/schema/ x every role x (a record of the caller's own, a colleague's record, another
agency's record in the same jurisdiction, the same kind of record in another jurisdiction, a sealed record, an id
that does not exist). The answers for the caller's own record are in EXPECTED, one line per operation; for a
colleague's record
(same agency, registered by another caseworker, nobody of the callers assigned, held in a facility where the
facility officer does not work) in EXPECTED_COLLEAGUE, and for another agency's in EXPECTED_AGENCY, one line per
operation whose path names a record. For the rest the rule is the same everywhere and is checked, not listed:

- within the jurisdiction, a colleague's or another agency's record answers as the caller's own does, or is
  refused with 403 or 404, never anything else;
- another jurisdiction's record answers exactly as a nonexistent one (no hint that it exists), never 2xx;
- a sealed child's record (case, child, custody episode, guardian, contest, assignment) answers exactly as a
  nonexistent one, for every role, although it would otherwise be the caller's own;
- a refused write (any 4xx) changes no row of any table except the audit trail (which records the refusal);
- nothing answers 5xx.

An operation added to the API without its lines fails `test_every_operation_has_a_row`. Each request runs in a
savepoint that is rolled back, so every role sees the same starting state. Bodies are empty (`{}`): a 400 means
the role got past every permission check to the input validation. To regenerate the tables after a deliberate
change: JJ_MATRIX_PRINT=1 pytest jj/core/tests/test_permission_matrix.py --log-cli-level=INFO (each line is
prefixed by its table: own, colleague, agency), and review the diff."""

import logging
import os
import re
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from conftest import HEARD, World, make_user
from jj.accounts.models import Agency, Role
from jj.cases.models import Assignment, ChildProtectionReferral
from jj.custody import services as custody_services
from jj.custody.models import SealedReadRequest
from jj.deadlines.models import Notification
from jj.documents.models import Document
from jj.hearings.models import Hearing
from jj.imports.models import ImportJob
from jj.oversight import services as oversight_services
from jj.oversight.models import ExportJob
from jj.people.models import Child
from jj.simulation.models import PolicySimulation, SimulationStatus

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
SIDES = ("own", "colleague", "agency")

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
    "GET /api/children/{child_id}/subject-access/": "cw=403 sv=200 lc=403 fo=403 co=403 om=404 ad=404",
    "GET /api/record-contests/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/record-contests/{contest_id}/": "cw=200 sv=200 lc=200 fo=404 co=404 om=404 ad=404",
    "POST /api/record-contests/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/record-contests/{contest_id}/decision/": "cw=403 sv=400 lc=403 fo=404 co=404 om=404 ad=404",
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
    "GET /api/cases/{case_id}/report/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
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
    # Platform operator only (an administrator account marked from the command line): the matrix's administrator
    # administers one jurisdiction, so it is refused like everyone else (jj/oversight/tests/test_jurisdiction_open.py).
    "GET /api/jurisdictions/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=403",
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
    "GET /api/protection-referrals/services/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/protection-referrals/{referral_id}/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/protection-referrals/{referral_id}/follow-up/": "cw=400 sv=400 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/records/preview/": "cw=403 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
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
    "POST /api/auth/password/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/password-reset/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/password-reset/confirm/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
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
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/investigation/": (
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
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/investigation/": (
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
    "POST /api/inspections/{inspection_id}/follow-up/": "cw=403 sv=403 lc=403 fo=403 co=403 om=404 ad=403",
    "POST /api/inspections/": "cw=403 sv=400 lc=403 fo=403 co=403 om=400 ad=400",
    "POST /api/oversight/exports/": "cw=403 sv=403 lc=403 fo=403 co=403 om=400 ad=400",  # 400: no purpose stated
    "POST /api/oversight/population/": "cw=403 sv=403 lc=403 fo=403 co=403 om=400 ad=400",
    "POST /api/oversight/population/import/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "POST /api/records/sealed-read/": "cw=400 sv=400 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/users/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "POST /api/users/{user_id}/mfa-reset/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "PUT /api/oversight/profile/": "cw=403 sv=403 lc=403 fo=403 co=403 om=400 ad=400",
    "DELETE /api/documents/{document_id}/": "cw=403 sv=204 lc=403 fo=403 co=403 om=404 ad=404",
    "GET /api/cases/{case_id}/documents/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/children/{child_id}/documents/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/custody-episodes/{episode_id}/documents/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/documents/{document_id}/download/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "POST /api/cases/{case_id}/documents/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/children/{child_id}/documents/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/documents/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/children/duplicates/": "cw=400 sv=400 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/children/{child_id}/merge/": "cw=403 sv=400 lc=403 fo=403 co=403 om=404 ad=404",
    "GET /api/cases/export/": "cw=200 sv=200 lc=200 fo=200 co=200 om=403 ad=403",
    "GET /api/children/export/": "cw=200 sv=200 lc=200 fo=200 co=200 om=403 ad=403",
    "GET /api/deadlines/export/": "cw=200 sv=200 lc=200 fo=200 co=200 om=403 ad=403",
    "GET /api/hearings/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/hearings/{hearing_id}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/notifications/preference/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/notifications/unread-count/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "POST /api/hearings/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/jurisdictions/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/hearings/{hearing_id}/outcome/": "cw=400 sv=400 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/notifications/read-all/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "POST /api/notifications/{notification_id}/read/": "cw=200 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "PUT /api/notifications/preference/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "GET /api/simulations/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/csv/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/pdf/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/xlsx/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "POST /api/simulations/": "cw=403 sv=403 lc=403 fo=403 co=403 om=400 ad=400",
    # sv=400: the body (approve) is checked before the request is looked up; cw=409: the own request is not approved
    "POST /api/records/sealed-read/{request_id}/decide/": "cw=403 sv=400 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/records/sealed-read/{request_id}/open/": "cw=409 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/template/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/{import_id}/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/{import_id}/rows/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/imports/": "cw=400 sv=400 lc=403 fo=403 co=403 om=403 ad=403",
}


# A colleague's record (same agency, nobody of the callers assigned; for the facility officer, another facility),
# for the operations whose path names a record. Regenerated like EXPECTED; review every change.
EXPECTED_COLLEAGUE: dict[str, str] = {
    "GET /api/children/{child_id}/subject-access/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/record-contests/{contest_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/record-contests/{contest_id}/decision/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/decisions/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/report/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/interviews/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/sentences/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/timeline/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/children/{child_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/children/{child_id}/access-log/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/children/{child_id}/criminal-history/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/custody-episodes/{episode_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/diversion-referrals/{referral_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/facilities/{facility_id}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/guardians/{guardian_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/policies/{code}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/policies/{code}/decisions/": "cw=403 sv=200 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/protection-referrals/{referral_id}/": "cw=404 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/protection-referrals/{referral_id}/follow-up/": "cw=404 sv=400 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "PATCH /api/cases/{case_id}/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/children/{child_id}/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/facilities/{facility_id}/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "PATCH /api/guardians/{guardian_id}/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/policies/{code}/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "PATCH /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "POST /api/approvals/{approval_id}/decide/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/adult-transfer/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/end/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/legal-aid/": (
        "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/cases/{case_id}/charge/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/close/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/interviews/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/offences/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/sentences/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/shares/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/aftercare-plans/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/appearances/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/{complaint_id}/respond/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/implicated-staff/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/investigation/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/contacts/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/detention-orders/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/education-enrolments/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/family-notifications/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/health-examinations/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/implicated-staff/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/investigation/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/individual-plans/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/{challenge_id}/decide/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/release/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/transfer/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/oversight/exports/{export_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=404 ad=404",
    "GET /api/oversight/exports/{export_id}/file/": "cw=403 sv=403 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/inspections/{inspection_id}/follow-up/": "cw=403 sv=403 lc=403 fo=403 co=403 om=404 ad=403",
    "POST /api/diversion-referrals/{referral_id}/activate/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/decline/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/outcome/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/sessions/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/users/{user_id}/mfa-reset/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "DELETE /api/documents/{document_id}/": "cw=404 sv=204 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/documents/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/children/{child_id}/documents/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/custody-episodes/{episode_id}/documents/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/documents/{document_id}/download/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/documents/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/children/{child_id}/documents/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/documents/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/children/{child_id}/merge/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/hearings/{hearing_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/hearings/{hearing_id}/outcome/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/notifications/{notification_id}/read/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    # A simulation belongs to the jurisdiction: every monitor and administrator of it reads it, whoever asked.
    "GET /api/simulations/{simulation_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/csv/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/pdf/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/xlsx/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "POST /api/records/sealed-read/{request_id}/decide/": "cw=403 sv=400 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/records/sealed-read/{request_id}/open/": "cw=404 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/{import_id}/": "cw=404 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/{import_id}/rows/": "cw=404 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
}

# Another agency's record in the callers' jurisdiction. Regenerated like EXPECTED; review every change.
EXPECTED_AGENCY: dict[str, str] = {
    "GET /api/children/{child_id}/subject-access/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/record-contests/{contest_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/record-contests/{contest_id}/decision/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/decisions/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/report/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/interviews/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/sentences/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/timeline/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/children/{child_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/children/{child_id}/access-log/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/children/{child_id}/criminal-history/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/custody-episodes/{episode_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/diversion-referrals/{referral_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/facilities/{facility_id}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/guardians/{guardian_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/policies/{code}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/policies/{code}/decisions/": "cw=403 sv=200 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/protection-referrals/{referral_id}/": "cw=404 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/protection-referrals/{referral_id}/follow-up/": "cw=404 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "PATCH /api/cases/{case_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/children/{child_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/facilities/{facility_id}/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "PATCH /api/guardians/{guardian_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/policies/{code}/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "PATCH /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "POST /api/approvals/{approval_id}/decide/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/adult-transfer/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/end/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/legal-aid/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/cases/{case_id}/charge/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/close/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/interviews/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/offences/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/sentences/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/shares/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/aftercare-plans/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/appearances/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/{complaint_id}/respond/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/implicated-staff/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/investigation/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/contacts/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/detention-orders/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/education-enrolments/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/family-notifications/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/health-examinations/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/implicated-staff/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/investigation/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/individual-plans/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/{challenge_id}/decide/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/release/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/transfer/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/oversight/exports/{export_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=404 ad=404",
    "GET /api/oversight/exports/{export_id}/file/": "cw=403 sv=403 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/inspections/{inspection_id}/follow-up/": "cw=403 sv=403 lc=403 fo=403 co=403 om=404 ad=403",
    "POST /api/diversion-referrals/{referral_id}/activate/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/decline/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/outcome/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/sessions/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/users/{user_id}/mfa-reset/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=400",
    "DELETE /api/documents/{document_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/documents/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/children/{child_id}/documents/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/custody-episodes/{episode_id}/documents/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/documents/{document_id}/download/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/documents/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/children/{child_id}/documents/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/documents/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/children/{child_id}/merge/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/hearings/{hearing_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/hearings/{hearing_id}/outcome/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/notifications/{notification_id}/read/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    # A simulation belongs to the jurisdiction: every monitor and administrator of it reads it, whoever asked.
    "GET /api/simulations/{simulation_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/csv/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/pdf/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/xlsx/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "POST /api/records/sealed-read/{request_id}/decide/": "cw=403 sv=400 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/records/sealed-read/{request_id}/open/": "cw=404 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/{import_id}/": "cw=404 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/{import_id}/rows/": "cw=404 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
}


def _facility(actor: Any, name: str, operator: Any, staff: list[Any]) -> Any:
    data = {
        "name": name,
        "kind": "juvenile_detention",
        "capacity": 10,
        "children_wholly_separated": True,
        "operator": operator,
    }
    return custody_services.facility_create(actor=actor, data=data, staff=staff)


def _document(case: Any, by: Any) -> int:
    """A court order attached to the case (stored through the storage API, as an upload would be)."""
    document = Document(
        child_id=case.child_id,
        case=case,
        document_type="court_order",
        original_name="order.pdf",
        size=9,
        content_type="application/pdf",
        sha256="0" * 64,
        uploaded_by=by,
    )
    document.file.save("order.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return document.pk


def _export(requester: Any, jurisdiction: Any) -> int:
    job = ExportJob.objects.create(
        requested_by=requester,
        jurisdiction=jurisdiction,
        file_format="csv",
        query={"period_start": "2025-01-01", "period_end": "2025-12-31"},
    )
    oversight_services.export_job_run(job_id=job.pk)
    return job.pk


def _simulation(requester: Any, jurisdiction: Any) -> int:
    simulation = PolicySimulation.objects.create(
        requested_by=requester,
        jurisdiction=jurisdiction,
        parameters={"macr": 16},
        period_from="2025-01-01",
        period_to="2025-12-31",
        status=SimulationStatus.DONE,
        result={"totals": {"cases_removed": None}},
    )
    return simulation.pk


@pytest.fixture
def records(world: World, make_case: Any, client_for: Any) -> dict[str, dict[str, Any]]:
    """One record of each kind for every dimension: the callers' own (Northland, their agency, the assigned roles
    assigned), a colleague's (same agency, registered by another caseworker, nobody of the callers assigned, in a
    facility where the facility officer does not work), another agency's in Northland, and Southport's."""
    world.users["sp_admin"] = make_user("sp_admin", Role.ADMINISTRATOR, world.south_agency)
    east = Agency.objects.create(jurisdiction=world.north, name="Northland East Office")
    world.users["ea_caseworker"] = make_user("ea_caseworker", Role.CASEWORKER, east)
    cases = {
        "north": make_case(counsel=True, court=True),
        "colleague": make_case(by="caseworker2", given_name="Colleagues"),
        "agency": make_case(by="ea_caseworker", given_name="Eastern"),
        "south": make_case(by="sp_caseworker", given_name="Southern"),
    }
    admin = world["administrator"]
    facilities = {
        "north": _facility(admin, "North centre", world.yjs, [world["facility_officer"]]),
        "colleague": _facility(admin, "North annex", world.yjs, []),
        "agency": _facility(admin, "East centre", east, []),
        "south": _facility(world["sp_admin"], "South centre", world.south_agency, []),
    }
    makers = {"north": "caseworker", "colleague": "caseworker2", "agency": "ea_caseworker", "south": "sp_caseworker"}
    users = {
        "north": world["caseworker2"],
        "colleague": world["supervisor"],
        "agency": world["ea_caseworker"],
        "south": world["sp_caseworker"],
    }
    jurisdictions = {"north": world.north, "colleague": world.north, "agency": world.north, "south": world.south}
    # An indicator export is its requester's alone: the monitor's own, and others' in and outside the jurisdiction.
    exporters = {
        "north": world["oversight_monitor"],
        "colleague": make_user("monitor2", Role.OVERSIGHT_MONITOR, world["oversight_monitor"].agency),
        "agency": world["ea_caseworker"],
        "south": world["sp_admin"],
    }
    result: dict[str, dict[str, Any]] = {"missing": {}}
    for side, who in makers.items():
        case, place = cases[side], facilities[side]
        episode = client_for(who).post(
            "/api/custody-episodes/",
            {"case": case.pk, "facility": place.pk, "commitment_order_reference": "CO-1", **HEARD},
            format="json",
        )
        assert episode.status_code == 201, episode.content
        guardian = client_for(who).post(
            "/api/guardians/", {"child": case.child_id, "name": "A parent", "relationship": "mother"}, format="json"
        )
        assert guardian.status_code == 201, guardian.content
        contest = client_for(who).post(
            "/api/record-contests/",
            {"child": case.child_id, "subject": "other", "statement": "Not so.", "raised_by": "child"},
            format="json",
        )
        assert contest.status_code == 201, contest.content
        result[side] = {
            "case_id": case.pk,
            "child_id": case.child_id,
            "episode_id": episode.json()["id"],
            "guardian_id": guardian.json()["id"],
            "contest_id": contest.json()["id"],
            "user_id": users[side].pk,
            "facility_id": place.pk,
            "code": jurisdictions[side].code,
            "assignment_id": Assignment.objects.filter(case=case).order_by("pk").values_list("pk", flat=True).first(),
            "export_id": _export(exporters[side], jurisdictions[side]),
            "document_id": _document(case, users[side]),
            "hearing_id": Hearing.objects.create(
                case=case, court="Youth Court", at=timezone.now() + timedelta(days=1), purpose="review"
            ).pk,
            # A notification is its recipient's alone: the case's maker's (the north caseworker's own).
            "notification_id": Notification.objects.create(
                recipient=world[who], recipient_role=world[who].role, case=case, kind="k", message="m"
            ).pk,
            "simulation_id": _simulation(exporters[side], jurisdictions[side]),
            # A child-protection referral is its maker's (and their agency's supervisors').
            "referral_id": ChildProtectionReferral.objects.create(
                child_id=case.child_id, agency_id=case.agency_id, referred_by=world[who], reason="MACR-1"
            ).pk,
            # A held break-glass read of a sealed record (REC-3, second person), asked by the record's maker.
            "request_id": SealedReadRequest.objects.create(
                child_id=case.child_id, agency_id=case.agency_id, requested_by=world[who]
            ).pk,
            # An import is its requester's, and their agency supervisor's: the case maker's (a caseworker's).
            "import_id": ImportJob.objects.create(
                agency=case.agency, requested_by=world[who], file_format="csv", status="done"
            ).pk,
        }
    result["sealed"] = _sealed_record(world, make_case, client_for, facilities["north"])
    return result


def _sealed_record(world: World, make_case: Any, client_for: Any, facility: Any) -> dict[str, Any]:
    """REC-3: a record every caller would reach (their agency, counsel and court assigned, held where the facility
    officer works), then sealed. Only the ids of the child's records: the rest stay nonexistent."""
    case = make_case(counsel=True, court=True, given_name="Sealed")
    episode = client_for("caseworker").post(
        "/api/custody-episodes/",
        {"case": case.pk, "facility": facility.pk, "commitment_order_reference": "CO-2", **HEARD},
        format="json",
    )
    assert episode.status_code == 201, episode.content
    guardian = client_for("caseworker").post(
        "/api/guardians/", {"child": case.child_id, "name": "A parent", "relationship": "father"}, format="json"
    )
    contest = client_for("caseworker").post(
        "/api/record-contests/",
        {"child": case.child_id, "subject": "other", "statement": "Not so.", "raised_by": "child"},
        format="json",
    )
    Child.objects.filter(pk=case.child_id).update(sealed_at=timezone.now())  # as the records sweep does
    return {
        "case_id": case.pk,
        "child_id": case.child_id,
        "episode_id": episode.json()["id"],
        "guardian_id": guardian.json()["id"],
        "contest_id": contest.json()["id"],
        "assignment_id": Assignment.objects.filter(case=case).order_by("pk").values_list("pk", flat=True).first(),
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


# Every file that leaves the system states why (REC-2; 400 without): the matrix states a purpose on every GET of a
# file, so an export's row shows who may download it (a hearing list filters on its own `purpose`, so only files).
FILE_SUFFIXES = ("/export/", "/report/", "/subject-access/", "/csv/", "/xlsx/", "/pdf/")
FILE_QUERY = {"purpose": "Permission matrix"}


class _Rollback(Exception):
    pass


def _call(client: Any, method: str, url: str, tables: list[str]) -> tuple[int, bool]:
    """The answer's status, and whether a refused write changed anything; the database is left as it was."""
    result: tuple[int, bool] = (0, False)
    try:
        with transaction.atomic():
            before = _fingerprint(tables) if method != "GET" else []
            response = (
                getattr(client, method.lower())(url, {}, format="json")
                if method != "GET"
                else client.get(url, FILE_QUERY if url.endswith(FILE_SUFFIXES) else {})
            )
            changed = method != "GET" and response.status_code >= 400 and _fingerprint(tables) != before
            result = (response.status_code, changed)
            raise _Rollback
    except _Rollback:
        pass
    return result


def test_every_operation_has_a_row() -> None:
    with_ids = {operation for operation in OPERATIONS if "{" in operation}
    for name, table, wanted in [
        ("EXPECTED", EXPECTED, set(OPERATIONS)),
        ("EXPECTED_COLLEAGUE", EXPECTED_COLLEAGUE, with_ids),
        ("EXPECTED_AGENCY", EXPECTED_AGENCY, with_ids),
    ]:
        missing = sorted(wanted - set(table))
        stale = sorted(set(table) - wanted)
        assert not missing, f"operations without a row in {name}: {missing}"
        assert not stale, f"rows in {name} for operations the schema no longer has (or that name no record): {stale}"


def _row(answers: dict[str, int]) -> str:
    return " ".join(f"{short}={answers[short]}" for short in ROLES)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_operation_by_role_and_jurisdiction(operation: str, request: pytest.FixtureRequest, client_for: Any) -> None:
    method, path = operation.split(" ", 1)
    has_ids = "{" in path
    # Records only where the path names one: building them is most of this test's time.
    records: dict[str, dict[str, Any]] = request.getfixturevalue("records") if has_ids else {"north": {}}
    tables = _tables()
    answers: dict[str, dict[str, int]] = {side: {} for side in SIDES}
    problems: list[str] = []
    for short, role in ROLES.items():
        client = client_for(role)
        own, own_changed = _call(client, method, _url(path, records["north"]), tables)
        answers["own"][short] = own
        if own >= 500:
            problems.append(f"{role}: own record answered {own}")
        if own_changed:
            problems.append(f"{role}: refused ({own}) but something was written")
        if not has_ids:
            continue
        for side in ("colleague", "agency"):
            answer, changed = _call(client, method, _url(path, records[side]), tables)
            answers[side][short] = answer
            # Within the jurisdiction a record answers as the caller's own does, or is refused with 403/404.
            if answer != own and answer not in {403, 404}:
                problems.append(f"{role}: {side}'s record answered {answer}, own {own}")
            if changed:
                problems.append(f"{role}: a refused write to {side}'s record wrote something")
        other, other_changed = _call(client, method, _url(path, records["south"]), tables)
        missing, missing_changed = _call(client, method, _url(path, records["missing"]), tables)
        if other != missing:
            problems.append(f"{role}: another jurisdiction's record answered {other}, a nonexistent one {missing}")
        if 200 <= other < 300 or other >= 500 or missing >= 500:
            problems.append(f"{role}: another jurisdiction {other}, nonexistent {missing}")
        if other_changed or missing_changed:
            problems.append(f"{role}: a refused write to another jurisdiction or a missing id wrote something")
        # A sealed record is in no ordinary scope (REC-3): it answers exactly as a nonexistent one.
        sealed, sealed_changed = _call(client, method, _url(path, records["sealed"]), tables)
        if sealed != missing or sealed_changed:
            problems.append(f"{role}: a sealed record answered {sealed} (wrote: {sealed_changed}), missing {missing}")
    rows = {side: _row(answers[side]) for side in SIDES if answers[side]}
    if os.environ.get("JJ_MATRIX_PRINT"):
        for side, row in rows.items():
            STATS_LOG.info('%s    "%s": "%s",', side, operation, row)
    assert not problems, problems
    assert rows["own"] == EXPECTED.get(operation), f"{operation}: got {rows['own']!r}"
    if has_ids:
        assert rows["colleague"] == EXPECTED_COLLEAGUE.get(operation), f"{operation}: colleague {rows['colleague']!r}"
        assert rows["agency"] == EXPECTED_AGENCY.get(operation), f"{operation}: other agency {rows['agency']!r}"
