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
savepoint that is rolled back, so every role sees the same starting state. A write is sent with a body that is
valid for an authorised caller (`matrix_bodies.BODIES`, one factory per write operation, built from the same side's
records): a 2xx shows the role's whole write path works, and a 403/404 is a refusal by permission, not by input
validation. A refused write must leave every table but the audit trail as it was, and append no successful audit
event (only the refusal). To regenerate the tables after a deliberate
change: JJ_MATRIX_PRINT=1 pytest jj/core/tests/test_permission_matrix.py --log-cli-level=INFO (each line is
prefixed by its table: own, colleague, agency; the message of every 400, 409 and 422 is logged too, to tell a body
that needs fixing from a rule or a state that refuses), and review the diff."""

import logging
import os
import re
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from conftest import HEARD, World, make_user
from jj.accounts.models import Agency, Role
from jj.audit.models import AuditEvent, Outcome
from jj.cases.models import Assignment, ChildProtectionReferral, Sentence
from jj.core.tests.matrix_bodies import BODIES, NEVER_2XX, PATH_KEYS, QUERIES, body_for
from jj.custody import services as custody_services
from jj.custody.models import (
    Complaint,
    Incident,
    LegalityChallenge,
    RecordsRemovalReview,
    SealedReadRequest,
    SealedReadStatus,
)
from jj.deadlines.models import Notification
from jj.diversion.models import Programme
from jj.documents.models import Document
from jj.hearings.models import Hearing
from jj.imports.models import ImportJob
from jj.oversight import services as oversight_services
from jj.oversight.models import ExportJob
from jj.people import services as people_services
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
    "POST /api/record-contests/": "cw=201 sv=201 lc=201 fo=403 co=403 om=404 ad=404",
    "POST /api/record-contests/{contest_id}/decision/": "cw=403 sv=200 lc=403 fo=404 co=404 om=404 ad=404",
    "GET /api/agencies/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/approvals/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/audit/events/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "GET /api/audit/export/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "GET /api/audit/verify/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "GET /api/auth/csrf/": "cw=204 sv=204 lc=204 fo=204 co=204 om=204 ad=204",
    "GET /api/auth/me/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/auth/mfa/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/auth/mfa/webauthn/keys/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
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
    "GET /api/diversion-referrals/{referral_id}/": "cw=200 sv=200 lc=200 fo=404 co=200 om=404 ad=404",
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
    "POST /api/protection-referrals/{referral_id}/follow-up/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/records/preview/": "cw=403 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/records/sealed-reads/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/records/removal-reviews/": "cw=403 sv=403 lc=403 fo=403 co=200 om=403 ad=403",
    "GET /api/staff/": "cw=403 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/users/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "GET /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "GET /api/worklist/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "PATCH /api/cases/{case_id}/": "cw=200 sv=200 lc=403 fo=403 co=403 om=404 ad=404",
    "PATCH /api/children/{child_id}/": "cw=200 sv=200 lc=403 fo=403 co=403 om=404 ad=404",
    "PATCH /api/facilities/{facility_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "PATCH /api/guardians/{guardian_id}/": "cw=200 sv=200 lc=403 fo=403 co=404 om=404 ad=404",
    "PATCH /api/policies/{code}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "PATCH /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "POST /api/agencies/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=201",
    "POST /api/approvals/{approval_id}/decide/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/auth/login/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "POST /api/auth/logout/": "cw=204 sv=204 lc=204 fo=204 co=204 om=204 ad=204",
    "POST /api/auth/mfa/totp/confirm/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/mfa/totp/setup/": "cw=201 sv=400 lc=201 fo=201 co=201 om=400 ad=400",
    "POST /api/auth/mfa/verify/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/mfa/webauthn/authenticate/options/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/mfa/webauthn/authenticate/verify/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/mfa/webauthn/keys/{credential_id}/remove/": "cw=400 sv=404 lc=400 fo=400 co=400 om=404 ad=404",
    "POST /api/auth/mfa/webauthn/register/options/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "POST /api/auth/mfa/webauthn/register/verify/": "cw=400 sv=400 lc=400 fo=400 co=400 om=400 ad=400",
    "POST /api/auth/password/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "POST /api/auth/password-reset/": "cw=202 sv=202 lc=202 fo=202 co=202 om=202 ad=202",
    "POST /api/auth/password-reset/confirm/": "cw=204 sv=204 lc=204 fo=204 co=204 om=204 ad=204",
    "POST /api/break-glass/": "cw=201 sv=201 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/cases/": "cw=201 sv=201 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/cases/{case_id}/adult-transfer/": "cw=403 sv=422 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/": "cw=403 sv=201 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/end/": "cw=403 sv=200 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/legal-aid/": (
        "cw=403 sv=200 lc=200 fo=403 co=403 om=404 ad=404"
    ),
    "POST /api/cases/{case_id}/charge/": "cw=200 sv=200 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/cases/{case_id}/close/": "cw=403 sv=200 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/cases/{case_id}/interviews/": "cw=201 sv=201 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/cases/{case_id}/offences/": "cw=201 sv=201 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/cases/{case_id}/sentence-reviews/": "cw=201 sv=201 lc=403 fo=403 co=201 om=403 ad=403",
    "POST /api/cases/{case_id}/sentences/": "cw=201 sv=201 lc=403 fo=404 co=201 om=404 ad=404",
    "POST /api/cases/{case_id}/shares/": "cw=403 sv=201 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/children/": "cw=201 sv=201 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/custody-episodes/": "cw=201 sv=201 lc=403 fo=404 co=403 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/aftercare-plans/": "cw=400 sv=400 lc=403 fo=400 co=403 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/appearances/": "cw=201 sv=201 lc=403 fo=403 co=201 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/": "cw=201 sv=201 lc=403 fo=201 co=403 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/{complaint_id}/respond/": (
        "cw=200 sv=200 lc=403 fo=200 co=403 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/implicated-staff/": (
        "cw=200 sv=200 lc=403 fo=200 co=403 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/investigation/": (
        "cw=403 sv=200 lc=403 fo=403 co=403 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/contacts/": "cw=201 sv=201 lc=403 fo=201 co=403 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/detention-orders/": "cw=201 sv=201 lc=403 fo=403 co=201 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/education-enrolments/": "cw=201 sv=201 lc=403 fo=201 co=403 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/family-notifications/": "cw=201 sv=201 lc=403 fo=201 co=403 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/health-examinations/": "cw=201 sv=201 lc=403 fo=201 co=403 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/": "cw=201 sv=201 lc=403 fo=201 co=403 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/implicated-staff/": (
        "cw=200 sv=200 lc=403 fo=200 co=403 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/investigation/": (
        "cw=403 sv=200 lc=403 fo=403 co=403 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/individual-plans/": "cw=201 sv=201 lc=403 fo=201 co=403 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/": "cw=201 sv=201 lc=201 fo=403 co=201 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/{challenge_id}/decide/": (
        "cw=200 sv=200 lc=403 fo=403 co=200 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/release/": "cw=201 sv=201 lc=403 fo=204 co=201 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/transfer/": "cw=201 sv=201 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/diversion-programmes/": "cw=403 sv=201 lc=403 fo=403 co=403 om=403 ad=201",
    "POST /api/diversion-referrals/": "cw=201 sv=201 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/activate/": "cw=200 sv=200 lc=403 fo=404 co=403 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/decline/": "cw=200 sv=200 lc=403 fo=404 co=403 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/outcome/": "cw=200 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/sessions/": "cw=200 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/facilities/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=201",
    "POST /api/guardians/": "cw=201 sv=201 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/inspections/{inspection_id}/follow-up/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "POST /api/inspections/": "cw=403 sv=403 lc=403 fo=403 co=403 om=201 ad=403",
    "POST /api/oversight/exports/": "cw=403 sv=403 lc=403 fo=403 co=403 om=202 ad=202",
    "POST /api/oversight/population/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=201",
    "POST /api/oversight/population/import/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=201",
    "POST /api/records/sealed-read/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/users/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=201",
    "POST /api/users/{user_id}/mfa-reset/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=204",
    "PUT /api/oversight/profile/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "DELETE /api/documents/{document_id}/": "cw=403 sv=204 lc=403 fo=403 co=403 om=404 ad=404",
    "GET /api/cases/{case_id}/documents/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/children/{child_id}/documents/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/custody-episodes/{episode_id}/documents/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/documents/{document_id}/download/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "POST /api/cases/{case_id}/documents/": "cw=201 sv=201 lc=201 fo=201 co=201 om=404 ad=404",
    "POST /api/children/{child_id}/documents/": "cw=201 sv=201 lc=201 fo=201 co=201 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/documents/": "cw=201 sv=201 lc=201 fo=201 co=201 om=404 ad=404",
    "POST /api/children/duplicates/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/children/{child_id}/merge/": "cw=403 sv=200 lc=403 fo=403 co=403 om=404 ad=404",
    "GET /api/cases/export/": "cw=200 sv=200 lc=200 fo=200 co=200 om=403 ad=403",
    "GET /api/children/export/": "cw=200 sv=200 lc=200 fo=200 co=200 om=403 ad=403",
    "GET /api/deadlines/export/": "cw=200 sv=200 lc=200 fo=200 co=200 om=403 ad=403",
    "GET /api/hearings/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/hearings/{hearing_id}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=404 ad=404",
    "GET /api/notifications/preference/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/notifications/unread-count/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "POST /api/jurisdictions/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/hearings/": "cw=201 sv=201 lc=201 fo=403 co=403 om=404 ad=404",
    "POST /api/hearings/{hearing_id}/outcome/": "cw=200 sv=200 lc=200 fo=403 co=200 om=404 ad=404",
    "POST /api/notifications/read-all/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "POST /api/notifications/{notification_id}/read/": "cw=200 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "PUT /api/notifications/preference/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/simulations/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/csv/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/pdf/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/xlsx/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    # REC-3 second person: the caseworker asked; a supervisor of the agency decides; the asker opens it once approved
    "POST /api/records/sealed-read/{request_id}/decide/": "cw=403 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/records/sealed-read/{request_id}/open/": "cw=200 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/records/removal-reviews/{review_id}/decide/": "cw=403 sv=403 lc=403 fo=403 co=200 om=403 ad=403",
    "GET /api/imports/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/template/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/{import_id}/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/{import_id}/rows/": "cw=200 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/imports/": "cw=202 sv=202 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/simulations/": "cw=403 sv=403 lc=403 fo=403 co=403 om=202 ad=202",
}


# A colleague's record (same agency, nobody of the callers assigned; for the facility officer, another facility),
# for the operations whose path names a record. Regenerated like EXPECTED; review every change.
EXPECTED_COLLEAGUE: dict[str, str] = {
    # 400 where the session has not given a second factor (these roles enrol none in the matrix), else 404
    "POST /api/auth/mfa/webauthn/keys/{credential_id}/remove/": "cw=400 sv=404 lc=400 fo=400 co=400 om=404 ad=404",
    "GET /api/children/{child_id}/subject-access/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/record-contests/{contest_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/record-contests/{contest_id}/decision/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
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
    "GET /api/diversion-referrals/{referral_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/facilities/{facility_id}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/guardians/{guardian_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/policies/{code}/": "cw=200 sv=200 lc=200 fo=200 co=200 om=200 ad=200",
    "GET /api/policies/{code}/decisions/": "cw=403 sv=200 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/protection-referrals/{referral_id}/": "cw=404 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/protection-referrals/{referral_id}/follow-up/": "cw=404 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "PATCH /api/cases/{case_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/children/{child_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/facilities/{facility_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "PATCH /api/guardians/{guardian_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/policies/{code}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "PATCH /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "POST /api/approvals/{approval_id}/decide/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/adult-transfer/": "cw=404 sv=422 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/end/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/assignments/{assignment_id}/legal-aid/": (
        "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/cases/{case_id}/charge/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/close/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/interviews/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/offences/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/sentence-reviews/": "cw=404 sv=201 lc=403 fo=403 co=404 om=403 ad=403",
    "POST /api/cases/{case_id}/sentences/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/shares/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/aftercare-plans/": "cw=404 sv=400 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/appearances/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/complaints/{complaint_id}/respond/": (
        "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/implicated-staff/": (
        "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/investigation/": (
        "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/contacts/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/detention-orders/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/education-enrolments/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/family-notifications/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/health-examinations/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/implicated-staff/": (
        "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/investigation/": (
        "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/individual-plans/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/legality-challenges/{challenge_id}/decide/": (
        "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404"
    ),
    "POST /api/custody-episodes/{episode_id}/release/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/transfer/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/oversight/exports/{export_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=404 ad=404",
    "GET /api/oversight/exports/{export_id}/file/": "cw=403 sv=403 lc=403 fo=403 co=403 om=404 ad=404",
    "POST /api/inspections/{inspection_id}/follow-up/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "POST /api/diversion-referrals/{referral_id}/activate/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/decline/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/outcome/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/sessions/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/users/{user_id}/mfa-reset/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=204",
    "DELETE /api/documents/{document_id}/": "cw=404 sv=204 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/cases/{case_id}/documents/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/children/{child_id}/documents/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/custody-episodes/{episode_id}/documents/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/documents/{document_id}/download/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/cases/{case_id}/documents/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/children/{child_id}/documents/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/custody-episodes/{episode_id}/documents/": "cw=404 sv=201 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/children/{child_id}/merge/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "GET /api/hearings/{hearing_id}/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/hearings/{hearing_id}/outcome/": "cw=404 sv=200 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/notifications/{notification_id}/read/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    # A simulation belongs to the jurisdiction: every monitor and administrator of it reads it, whoever asked.
    "GET /api/simulations/{simulation_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/csv/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/pdf/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "GET /api/simulations/{simulation_id}/xlsx/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=200",
    "POST /api/records/sealed-read/{request_id}/decide/": "cw=403 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/records/sealed-read/{request_id}/open/": "cw=404 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/records/removal-reviews/{review_id}/decide/": "cw=403 sv=403 lc=403 fo=403 co=200 om=403 ad=403",
    "GET /api/imports/{import_id}/": "cw=404 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
    "GET /api/imports/{import_id}/rows/": "cw=404 sv=200 lc=403 fo=403 co=403 om=403 ad=403",
}

# Another agency's record in the callers' jurisdiction. Regenerated like EXPECTED; review every change.
EXPECTED_AGENCY: dict[str, str] = {
    # 400 where the session has not given a second factor (these roles enrol none in the matrix), else 404
    "POST /api/auth/mfa/webauthn/keys/{credential_id}/remove/": "cw=400 sv=404 lc=400 fo=400 co=400 om=404 ad=404",
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
    "PATCH /api/facilities/{facility_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "PATCH /api/guardians/{guardian_id}/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "PATCH /api/policies/{code}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
    "PATCH /api/users/{user_id}/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=200",
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
    "POST /api/cases/{case_id}/sentence-reviews/": "cw=404 sv=404 lc=403 fo=403 co=404 om=403 ad=403",
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
    "POST /api/inspections/{inspection_id}/follow-up/": "cw=403 sv=403 lc=403 fo=403 co=403 om=200 ad=403",
    "POST /api/diversion-referrals/{referral_id}/activate/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/decline/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/outcome/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/diversion-referrals/{referral_id}/sessions/": "cw=404 sv=404 lc=404 fo=404 co=404 om=404 ad=404",
    "POST /api/users/{user_id}/mfa-reset/": "cw=403 sv=403 lc=403 fo=403 co=403 om=403 ad=204",
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
    "POST /api/records/sealed-read/{request_id}/decide/": "cw=403 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/records/sealed-read/{request_id}/open/": "cw=404 sv=404 lc=403 fo=403 co=403 om=403 ad=403",
    "POST /api/records/removal-reviews/{review_id}/decide/": "cw=403 sv=403 lc=403 fo=403 co=200 om=403 ad=403",
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
    world.users["sp_monitor"] = make_user("sp_monitor", Role.OVERSIGHT_MONITOR, world.south_agency)
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
    # A caseworker of the side's agency not yet on its case, to assign.
    assignees = {
        "north": world["caseworker2"],
        "colleague": world["caseworker"],
        "agency": make_user("ea_caseworker2", Role.CASEWORKER, east),
        "south": make_user("sp_caseworker2", Role.CASEWORKER, world.south_agency),
    }
    agencies = {"north": world.yjs, "colleague": world.yjs, "agency": east, "south": world.south_agency}
    # Somewhere to move a child to, in the same jurisdiction as the episode's facility.
    elsewhere = {
        "north": facilities["colleague"],
        "colleague": facilities["north"],
        "agency": facilities["north"],
        "south": _facility(world["sp_admin"], "South annex", world.south_agency, []),
    }
    programmes = {
        code: Programme.objects.create(
            jurisdiction=place, agency=agency, name="Mediation", kind="mediation", provider="P"
        )
        for code, place, agency in [("north", world.north, world.yjs), ("south", world.south, world.south_agency)]
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
        # A custodial sentence (SEN-4 reviews it), written directly: the matrix asks who reaches it, not SEN-1..3.
        Sentence.objects.create(case=case, sentence_type="custody", imposed_at=timezone.now(), length_months=6)
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
            "protection_referral_id": ChildProtectionReferral.objects.create(
                child_id=case.child_id, agency_id=case.agency_id, referred_by=world[who], reason="MACR-1"
            ).pk,
            # A held break-glass read of a sealed record (REC-3, second person), asked by the record's maker.
            "request_id": SealedReadRequest.objects.create(
                child_id=case.child_id, agency_id=case.agency_id, requested_by=world[who]
            ).pk,
            # REC-3: an independent removal review of a sealed child of the side, whose case no caller was assigned
            # to (a court officer assigned to it could not decide it).
            "review_id": _removal_review(make_case(by=who, given_name="Reviewed")),
            # An import is its requester's, and their agency supervisor's: the case maker's (a caseworker's).
            "import_id": ImportJob.objects.create(
                agency=case.agency, requested_by=world[who], file_format="csv", status="done"
            ).pk,
            # What the bodies of the writes name (matrix_bodies): the same side's agency, another facility, a
            # diversion programme and a second record of the same child (a duplicate to merge).
            "agency_id": agencies[side].pk,
            "assignee_id": assignees[side].pk,
            "other_facility_id": elsewhere[side].pk,
            "programme_id": programmes["south" if side == "south" else "north"].pk,
            "duplicate_id": people_services.child_register(
                actor=world[who], data={"given_name": "Twin", "family_name": "Record", "dob_certainty": "unknown"}
            ).pk,
            # A charged case of the same child-less kind, not in custody: for a new custody episode and a sentence.
            "spare_case_id": make_case(
                by=who, counsel=side == "north", court=side == "north", charged=True, given_name="Spare"
            ).pk,
            # A legal counsel's assignment (legal aid is recorded on those only): the callers' own case has one.
            "counsel_assignment_id": Assignment.objects.filter(case=case, role="legal_counsel")
            .values_list("pk", flat=True)
            .first(),
            # Break-glass reaches a case outside one's agency: another agency's in the same jurisdiction.
            "foreign_case_id": cases["south" if side == "south" else "agency"].pk,
        }
        values = result[side]
        # Records made through the API by the side's own people, with the bodies the matrix sends.
        # These answer with the episode (its id, not the record's): the record is the episode's newest of its kind.
        made: list[tuple[str, str, Any]] = [
            ("complaint_id", "POST /api/custody-episodes/{episode_id}/complaints/", Complaint.objects),
            ("incident_id", "POST /api/custody-episodes/{episode_id}/incidents/", Incident.objects),
            ("challenge_id", "POST /api/custody-episodes/{episode_id}/legality-challenges/", LegalityChallenge.objects),
        ]
        for key, operation, of_kind in made:
            assert _made(client_for(who), operation, values) == values["episode_id"]
            values[key] = of_kind.filter(episode_id=values["episode_id"]).latest("pk").pk
        # Diversions, one per case: one offered (on the spare case) and one active (on a case of its own).
        refer = "POST /api/diversion-referrals/"
        values["referral_id"] = _made(client_for(who), refer, {**values, "case_id": values["spare_case_id"]})
        diverted = make_case(by=who, given_name="Diverted").pk
        values["active_referral_id"] = _made(client_for(who), refer, {**values, "case_id": diverted})
        activate = "POST /api/diversion-referrals/{referral_id}/activate/"
        _made(client_for(who), activate, {**values, "referral_id": values["active_referral_id"]}, status=200)
        inspector = "sp_monitor" if side == "south" else "oversight_monitor"
        values["inspection_id"] = _made(client_for(inspector), "POST /api/inspections/", values)
    result["sealed"] = _sealed_record(world, make_case, client_for, facilities["north"])
    sealed_agency = Child.objects.get(pk=result["sealed"]["child_id"]).agency_id
    for side, maker in makers.items():
        result[side]["sealed_child_id"] = result["sealed"]["child_id"]
        # A break-glass read of the sealed record a second supervisor approved: only the side's maker opens it.
        result[side]["approved_request_id"] = SealedReadRequest.objects.create(
            child_id=result["sealed"]["child_id"],
            agency_id=sealed_agency,
            requested_by=world[maker],
            decided_by=world["supervisor"],
            status=SealedReadStatus.APPROVED,
            decided_at=timezone.now(),
        ).pk
    return result


def _removal_review(case: Any) -> int:
    Child.objects.filter(pk=case.child_id).update(sealed_at=timezone.now())  # as the records sweep does
    now = timezone.now()
    return RecordsRemovalReview.objects.create(
        child_id=case.child_id, opened_at=now, due_at=now + timedelta(days=30)
    ).pk


def _made(client: Any, operation: str, values: dict[str, Any], status: int = 201) -> int:
    """A record created (or moved on) through the API with the matrix's own body for that operation."""
    method, path = operation.split(" ", 1)
    body, content = body_for(operation, values)
    response = getattr(client, method.lower())(_url(path, values), body, format=content)
    assert response.status_code == status, (operation, response.content)
    return int(response.json()["id"])


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


def _url(path: str, values: dict[str, Any], operation: str = "") -> str:
    """The path with the side's ids; PATH_KEYS says where an operation needs another record of the side's."""
    keys = PATH_KEYS.get(operation, {})
    url = re.sub(r"\{(\w+)\}", lambda m: str(values.get(keys.get(m.group(1), m.group(1))) or MISSING), path)
    return f"{url}?{QUERIES[operation]}" if operation in QUERIES else url


def _tables() -> list[str]:
    names = []
    for model in apps.get_models():
        if model._meta.label in {"audit.AuditEvent"} or not model._meta.managed:
            continue
        names.append(connection.ops.quote_name(model._meta.db_table))
    return sorted(set(names))


def _fingerprint(tables: list[str]) -> list[Any]:
    """Row count of every table but the audit trail's, in one query and one row: the rows of a UNION ALL come in
    no guaranteed order (PostgreSQL's parallel append interleaves them), so the counts would be compared askew."""
    parts = [f"(SELECT COUNT(*) FROM {t})" for t in tables]  # noqa: S608  (names from Django's model registry)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return list(cursor.fetchone() or ())


class _Rollback(Exception):
    pass


def _call(client: Any, operation: str, path: str, values: dict[str, Any], tables: list[str]) -> tuple[int, str]:
    """The answer's status, and what a refused write changed ("" if nothing: no row outside the audit trail, no
    successful audit event); the database is left as it was."""
    method = operation.split(" ", 1)[0]
    url = _url(path, values, operation)
    result: tuple[int, str] = (0, "")
    cache.clear()  # rate-limit counters (logins, password resets): every request starts without any, as its rows do
    try:
        with transaction.atomic():
            if method == "GET":
                result = (client.get(url).status_code, "")
                raise _Rollback
            before = _fingerprint(tables)
            last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
            body, content = body_for(operation, values)
            response = getattr(client, method.lower())(url, body, format=content)
            changed = ""
            if response.status_code >= 400:
                after = _fingerprint(tables)
                if after != before:
                    changed = "rows:" + ",".join(t for t, b, a in zip(tables, before, after, strict=True) if a != b)
                succeeded = AuditEvent.objects.filter(seq__gt=last, outcome=Outcome.SUCCESS)
                if succeeded.exists():
                    changed += " audit:" + ",".join(succeeded.values_list("action", flat=True))
            if os.environ.get("JJ_MATRIX_PRINT") and response.status_code in {400, 409, 422}:
                STATS_LOG.info("refused %s %s: %s", operation, getattr(client, "jj_role", ""), response.content[:300])
            result = (response.status_code, changed.strip())
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


def test_every_write_operation_has_a_body() -> None:
    """A write endpoint without a valid body in matrix_bodies would be tested for its validation, not its access."""
    writes = {operation for operation in OPERATIONS if not operation.startswith("GET ")}
    assert not sorted(writes - set(BODIES)), "write operations without a body factory in matrix_bodies.BODIES"
    assert not sorted(set(BODIES) - writes), "body factories for operations the schema no longer has"


def test_every_write_succeeds_for_someone_or_says_why() -> None:
    """A valid body shows in the tables: some role gets a 2xx on its own record, or NEVER_2XX says why not."""
    writes = [operation for operation in OPERATIONS if not operation.startswith("GET ")]
    silent = sorted(op for op in writes if not re.search(r"=2\d\d", EXPECTED[op]) and op not in NEVER_2XX)
    assert not silent, f"write operations no role completes, without a reason in NEVER_2XX: {silent}"
    stale = sorted(op for op in NEVER_2XX if re.search(r"=2\d\d", EXPECTED.get(op, "")))
    assert not stale, f"NEVER_2XX lists operations that do succeed: {stale}"


def _row(answers: dict[str, int]) -> str:
    return " ".join(f"{short}={answers[short]}" for short in ROLES)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_operation_by_role_and_jurisdiction(operation: str, request: pytest.FixtureRequest, client_for: Any) -> None:
    method, path = operation.split(" ", 1)
    has_ids = "{" in path
    # Records only where the path or the body names one: building them is most of this test's time.
    needed = has_ids or method != "GET"
    records: dict[str, dict[str, Any]] = request.getfixturevalue("records") if needed else {"north": {}}
    tables = _tables()
    answers: dict[str, dict[str, int]] = {side: {} for side in SIDES}
    problems: list[str] = []
    for short, role in ROLES.items():
        client = client_for(role)
        client.jj_role = role  # named in the diagnostics JJ_MATRIX_PRINT logs
        sides = {side: {**values, "caller": role} for side, values in records.items()}  # role = username
        own, own_changed = _call(client, operation, path, sides["north"], tables)
        answers["own"][short] = own
        if own >= 500:
            problems.append(f"{role}: own record answered {own}")
        if own_changed:
            problems.append(f"{role}: refused ({own}) but something was written: {own_changed}")
        if not has_ids:
            continue
        for side in ("colleague", "agency"):
            answer, changed = _call(client, operation, path, sides[side], tables)
            answers[side][short] = answer
            # Within the jurisdiction a record answers as the caller's own does, or is refused with 403/404.
            if answer != own and answer not in {403, 404}:
                problems.append(f"{role}: {side}'s record answered {answer}, own {own}")
            if changed:
                problems.append(f"{role}: a refused write to {side}'s record wrote something: {changed}")
        other, other_changed = _call(client, operation, path, sides["south"], tables)
        missing, missing_changed = _call(client, operation, path, sides["missing"], tables)
        if other != missing:
            problems.append(f"{role}: another jurisdiction's record answered {other}, a nonexistent one {missing}")
        if 200 <= other < 300 or other >= 500 or missing >= 500:
            problems.append(f"{role}: another jurisdiction {other}, nonexistent {missing}")
        if other_changed or missing_changed:
            problems.append(f"{role}: a refused write to another jurisdiction or a missing id wrote something")
        # A sealed record is in no ordinary scope (REC-3): it answers exactly as a nonexistent one.
        sealed, sealed_changed = _call(client, operation, path, sides["sealed"], tables)
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
