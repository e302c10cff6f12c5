"""Issue 11: a request body for every write operation of the permission matrix, one that an authorised caller's
request would be accepted with. A refusal (403/404) of a valid body comes from the permission checks, not from the
input validation, and a 2xx for an authorised role walks the whole write path (rolled back afterwards).

Each factory gets the values of one side of the matrix (the ids of the caller's own records, a colleague's, another
agency's, another jurisdiction's, a sealed child's, or nothing for the nonexistent id) and builds the body from
those, so that a request about another jurisdiction's record names that jurisdiction's records throughout.
`test_every_write_operation_has_a_body` keeps this table complete: a new write endpoint needs its factory."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from conftest import COUNSEL_PENDING, HEARD, PASSWORD
from jj.imports.rows import COLUMNS, EXAMPLE

MISSING = 999_999

Values = dict[str, Any]
Factory = Callable[[Values], dict[str, Any]]


def _id(values: Values, key: str) -> int:
    return int(values.get(key) or MISSING)


def _version(model_label: str, values: Values, key: str, field: str = "pk", unsaved: int = 1) -> int:
    """The record's current version (an optimistic-locking field), or `unsaved` where there is no row (a
    jurisdiction's policy or profile nobody saved yet reads as version 0)."""
    model = apps.get_model(model_label)
    found = model.objects.filter(**{field: values.get(key)}).values_list("version", flat=True).first()
    return unsaved if found is None else int(found)


def _now(hours: float = 0) -> str:
    return (timezone.now() - timedelta(hours=hours)).isoformat()


def _today(days: int = 0) -> str:
    return (timezone.localdate() - timedelta(days=days)).isoformat()


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("order.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")


def _csv_import() -> SimpleUploadedFile:
    """The import template's own example row, as a dry run (nothing is created, the rows are checked)."""
    header = ",".join(COLUMNS)
    row = ",".join(EXAMPLE.get(name, "") for name in COLUMNS)
    return SimpleUploadedFile("children.csv", f"{header}\n{row}\n".encode(), content_type="text/csv")


def _reset_link(values: Values) -> dict[str, Any]:
    """The uid and token of the link a password reset e-mails to the caller (as password_reset_request makes it)."""
    user = get_user_model().objects.filter(username=values.get("caller")).first()
    if user is None:
        return {"uid": "MA", "token": "none"}
    return {"uid": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)}


def _document(values: Values) -> dict[str, Any]:
    return {"file": _pdf(), "document_type": "court_order"}


# Operations whose body is multipart (a file), sent with format="multipart".
MULTIPART = {
    "POST /api/cases/{case_id}/documents/",
    "POST /api/children/{child_id}/documents/",
    "POST /api/custody-episodes/{episode_id}/documents/",
    "POST /api/oversight/population/import/",
    "POST /api/imports/",
}

# The query string a read needs to be answered at all (a list export states its purpose, REC-2).
QUERIES: dict[str, str] = {
    "GET /api/cases/export/": "purpose=Monthly+caseload+review",
    "GET /api/children/export/": "purpose=Monthly+caseload+review",
    "GET /api/deadlines/export/": "purpose=Monthly+caseload+review",
    # Every other file that leaves the system states its purpose too (issue 14).
    "GET /api/audit/export/": "purpose=Annual+inspection",
    "GET /api/oversight/indicators/export/": "purpose=Annual+report",
    "GET /api/cases/{case_id}/report/": "purpose=Hearing+on+Monday",
    "GET /api/children/{child_id}/subject-access/": "purpose=Request+of+the+child%27s+counsel",
    "GET /api/simulations/{simulation_id}/csv/": "purpose=Reform+briefing",
    "GET /api/simulations/{simulation_id}/xlsx/": "purpose=Reform+briefing",
    "GET /api/simulations/{simulation_id}/pdf/": "purpose=Reform+briefing",
}

# Where an operation needs another of the side's records in its path than the one its parameter is named after.
PATH_KEYS: dict[str, dict[str, str]] = {
    "POST /api/cases/{case_id}/assignments/{assignment_id}/legal-aid/": {"assignment_id": "counsel_assignment_id"},
    "POST /api/cases/{case_id}/sentences/": {"case_id": "spare_case_id"},  # a sentence needs a charge first
    # Progress and outcome are recorded on an active diversion (DIV-2's safeguards recorded).
    "POST /api/diversion-referrals/{referral_id}/outcome/": {"referral_id": "active_referral_id"},
    "POST /api/diversion-referrals/{referral_id}/sessions/": {"referral_id": "active_referral_id"},
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/implicated-staff/": {"record_id": "incident_id"},
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/investigation/": {"record_id": "incident_id"},
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/implicated-staff/": {"record_id": "complaint_id"},
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/investigation/": {"record_id": "complaint_id"},
    # {referral_id} names a diversion referral elsewhere; here a child-protection referral (MACR-1).
    "GET /api/protection-referrals/{referral_id}/": {"referral_id": "protection_referral_id"},
    "POST /api/protection-referrals/{referral_id}/follow-up/": {"referral_id": "protection_referral_id"},
    # Only an approved break-glass request is opened, by the one who asked (REC-3, second person).
    "POST /api/records/sealed-read/{request_id}/open/": {"request_id": "approved_request_id"},
}

# Write operations where no role's request about its own record succeeds in the matrix, and why. Every other write
# operation has a 2xx somewhere in its EXPECTED row: its body is valid and its write path is walked.
NEVER_2XX: dict[str, str] = {
    "POST /api/auth/mfa/totp/confirm/": "needs a code from an authenticator app being enrolled (test_mfa.py)",
    "POST /api/auth/mfa/verify/": "needs a code from the caller's authenticator app (test_mfa.py)",
    "POST /api/auth/mfa/webauthn/authenticate/options/": "the matrix's users enrol no security key (test_webauthn.py)",
    "POST /api/auth/mfa/webauthn/authenticate/verify/": "needs a security key's signature (test_webauthn.py)",
    "POST /api/auth/mfa/webauthn/register/verify/": "needs an authenticator's answer (test_webauthn.py)",
    "POST /api/auth/mfa/webauthn/keys/{credential_id}/remove/": "the matrix's users enrol no security key (404)",
    "POST /api/cases/{case_id}/adult-transfer/": "MACR-6 refuses it for a child (422): the rule, not the role",
    "POST /api/custody-episodes/{episode_id}/aftercare-plans/": "after a release only; the matrix's child is held",
    "POST /api/approvals/{approval_id}/decide/": "the matrix builds no approval request (nonexistent id only)",
    "POST /api/jurisdictions/": "the platform operator's only; no matrix role is one (test_jurisdiction_open.py)",
}

BODIES: dict[str, Factory] = {
    "POST /api/agencies/": lambda v: {"name": "Northland West Office"},
    "POST /api/approvals/{approval_id}/decide/": lambda v: {"approve": True, "note": "Agreed."},
    # Signing in again as oneself (the caller's username is in the values). The two codes cannot be valid without
    # a live authenticator: the matrix shows the check is reached (400, wrong code) and nothing else is.
    "POST /api/auth/login/": lambda v: {"username": v.get("caller", "nobody"), "password": PASSWORD},
    "POST /api/auth/logout/": lambda v: {},
    "POST /api/auth/mfa/totp/confirm/": lambda v: {"code": "000000"},
    "POST /api/auth/mfa/totp/setup/": lambda v: {"current_password": PASSWORD},
    "POST /api/auth/mfa/verify/": lambda v: {"code": "000000"},
    # A security key's answers cannot be valid without an authenticator: the matrix shows the check is reached (400)
    # and nothing else is; test_webauthn.py walks the ceremonies with a software authenticator.
    "POST /api/auth/mfa/webauthn/authenticate/options/": lambda v: {},
    "POST /api/auth/mfa/webauthn/authenticate/verify/": lambda v: {"credential": {"id": "AAAA", "rawId": "AAAA"}},
    "POST /api/auth/mfa/webauthn/keys/{credential_id}/remove/": lambda v: {"current_password": PASSWORD},
    "POST /api/auth/mfa/webauthn/register/options/": lambda v: {"current_password": PASSWORD},
    "POST /api/auth/mfa/webauthn/register/verify/": lambda v: {"credential": {"id": "AAAA", "rawId": "AAAA"}},
    "POST /api/break-glass/": lambda v: {
        "case": _id(v, "foreign_case_id"),
        "reason": "Child in hospital, caseworker away",
    },
    "POST /api/cases/": lambda v: {
        "child": _id(v, "child_id"),
        "kind": "referral",
        "summary": "Referred by the school",
        "offences": [{"description": "Shoplifting", "category": "05", "offence_date": _today(3)}],
    },
    "PATCH /api/cases/{case_id}/": lambda v: {
        "summary": "Met the family",
        "version": _version("cases.Case", v, "case_id"),
    },
    "POST /api/cases/{case_id}/adult-transfer/": lambda v: {"reason": "Proceedings moved to the adult court"},
    "POST /api/cases/{case_id}/assignments/": lambda v: {"user": _id(v, "assignee_id"), "role": "caseworker"},
    "POST /api/cases/{case_id}/assignments/{assignment_id}/end/": lambda v: {"reason": "Moved to another team"},
    "POST /api/cases/{case_id}/assignments/{assignment_id}/legal-aid/": lambda v: {"legal_aid": True},
    "POST /api/cases/{case_id}/charge/": lambda v: {
        "version": _version("cases.Case", v, "case_id"),
        "justification": "The evidence supports the charge",
        "individual_assessment": "Assessed with the family",
        "diversion_not_offered_reason": "The child asked for a trial",
        **COUNSEL_PENDING,
    },
    "POST /api/cases/{case_id}/close/": lambda v: {"reason": "No further action"},
    "POST /api/cases/{case_id}/documents/": _document,
    "POST /api/cases/{case_id}/interviews/": lambda v: {
        "at": _now(1),
        "conducted_by": "Detective Ray",
        "lawyer_present": True,
        "appropriate_adult_present": True,
        "appropriate_adult_relationship": "mother",
        "audio_visual_recorded": True,
    },
    "POST /api/cases/{case_id}/offences/": lambda v: {
        "description": "Damage to a bus shelter",
        "category": "05",
        "offence_date": _today(4),
    },
    "POST /api/cases/{case_id}/sentence-reviews/": lambda v: {
        "outcome": "continued",
        "authority": "Youth court",
        "reasons": "Progress in education; risks remain",
    },
    "POST /api/cases/{case_id}/sentences/": lambda v: {
        "sentence_type": "warning",
        "justification": "First contact with the law",
        "court": "Youth Court",
        **HEARD,
        **COUNSEL_PENDING,
    },
    "POST /api/cases/{case_id}/shares/": lambda v: {"user": _id(v, "user_id"), "reason": "Covering during leave"},
    "POST /api/children/": lambda v: {"given_name": "Noor", "family_name": "Haddad", "date_of_birth": "2011-02-03"},
    "POST /api/children/duplicates/": lambda v: {"given_name": "Noor", "family_name": "Haddad"},
    "PATCH /api/children/{child_id}/": lambda v: {
        "languages": "English, Arabic",
        "version": _version("people.Child", v, "child_id"),
    },
    "POST /api/children/{child_id}/documents/": _document,
    "POST /api/children/{child_id}/merge/": lambda v: {"duplicate": _id(v, "duplicate_id")},
    "POST /api/custody-episodes/": lambda v: {
        "case": _id(v, "spare_case_id"),
        "facility": _id(v, "facility_id"),
        "commitment_order_reference": "CO-9",
        **HEARD,
    },
    "POST /api/custody-episodes/{episode_id}/aftercare-plans/": lambda v: {
        "items": {"housing": True, "education": True},
        "responsible": "Caseworker Lee",
    },
    "POST /api/custody-episodes/{episode_id}/appearances/": lambda v: {
        "kind": "first_appearance",
        "at": _now(1),
        "authority": "Youth Court",
        "outcome": "detention_continued",
        "justification": "Risk of flight",
    },
    "POST /api/custody-episodes/{episode_id}/complaints/": lambda v: {
        "subject": "Pushed by a guard",
        "allegation_kind": "staff_violence",
    },
    "POST /api/custody-episodes/{episode_id}/complaints/{complaint_id}/respond/": lambda v: {
        "response": "Portions increased"
    },
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/implicated-staff/": lambda v: {
        "staff": [_id(v, "user_id")]
    },
    "POST /api/custody-episodes/{episode_id}/complaints/{record_id}/investigation/": lambda v: {
        "body": "Independent inspectorate"
    },
    "POST /api/custody-episodes/{episode_id}/contacts/": lambda v: {
        "kind": "visit",
        "at": _now(1),
        "relationship": "mother",
        "direction": "incoming",
    },
    "POST /api/custody-episodes/{episode_id}/detention-orders/": lambda v: {
        "grounds": ["court_appearance"],
        "legal_basis": "Youth Justice Act s. 12",
        "alternatives_considered": [{"alternative": "bail", "reason_rejected": "Failed to appear twice"}],
        "justification": "Two missed hearings",
        "judicial_authority": "Youth Court",
        "grounds_for_detention_found": True,
        **HEARD,
        **COUNSEL_PENDING,
    },
    "POST /api/custody-episodes/{episode_id}/documents/": _document,
    "POST /api/custody-episodes/{episode_id}/education-enrolments/": lambda v: {
        "enrolled_on": _today(),
        "provider": "Centre school",
    },
    "POST /api/custody-episodes/{episode_id}/family-notifications/": lambda v: {
        "event": "admission",
        "person_notified": "The mother",
        "at": _now(0.5),
        "method": "phone",
    },
    "POST /api/custody-episodes/{episode_id}/health-examinations/": lambda v: {"at": _now(0.5), "examiner": "Dr Ode"},
    "POST /api/custody-episodes/{episode_id}/incidents/": lambda v: {
        "kind": "other",
        "occurred_at": _now(2),
        "description": "A fight in the yard",
        "allegation_kind": "peer_violence",
    },
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/implicated-staff/": lambda v: {
        "staff": [_id(v, "user_id")]
    },
    "POST /api/custody-episodes/{episode_id}/incidents/{record_id}/investigation/": lambda v: {
        "body": "Independent inspectorate"
    },
    "POST /api/custody-episodes/{episode_id}/individual-plans/": lambda v: {
        "needs": "Schooling, family contact",
        "plan": "Daily classes, weekly visits",
        "assessed_by": "Caseworker Lee",
    },
    "POST /api/custody-episodes/{episode_id}/legality-challenges/": lambda v: {
        "filed_by": "Counsel",
        "authority": "Youth Court",
    },
    "POST /api/custody-episodes/{episode_id}/legality-challenges/{challenge_id}/decide/": lambda v: {
        "outcome": "dismissed"
    },
    "POST /api/custody-episodes/{episode_id}/release/": lambda v: {"reason": "bail"},
    "POST /api/custody-episodes/{episode_id}/transfer/": lambda v: {
        "facility": _id(v, "other_facility_id"),
        "commitment_order_reference": "CO-9",
        **HEARD,
    },
    "POST /api/diversion-programmes/": lambda v: {
        "name": "Restorative circle",
        "kind": "mediation",
        "provider": "Community Mediation Trust",
    },
    "POST /api/diversion-referrals/": lambda v: {
        "case": _id(v, "case_id"),
        "programme": _id(v, "programme_id"),
        "stage": "intake",
        **HEARD,
    },
    "POST /api/diversion-referrals/{referral_id}/activate/": lambda v: {
        "compelling_evidence": "CCTV and a witness statement",
        "informed_of": ["nature", "content", "duration", "consequences"],
        "acknowledgement_of_responsibility": "Admitted freely",
        "child_consent": True,
        "guardian_consent": True,
        "legal_advice_offered": True,
        "review_route_explained": True,
    },
    "POST /api/diversion-referrals/{referral_id}/decline/": lambda v: {"reason": "The child prefers a trial"},
    "POST /api/diversion-referrals/{referral_id}/outcome/": lambda v: {"outcome": "completed"},
    "POST /api/diversion-referrals/{referral_id}/sessions/": lambda v: {"at": _now(1), "attended": True},
    "DELETE /api/documents/{document_id}/": lambda v: {},
    "POST /api/facilities/": lambda v: {
        "name": "West centre",
        "kind": "juvenile_residential",
        "capacity": 8,
        "children_wholly_separated": True,
        "operator": _id(v, "agency_id"),
    },
    "PATCH /api/facilities/{facility_id}/": lambda v: {
        "city": "Harbourtown",
        "version": _version("custody.Facility", v, "facility_id"),
    },
    "POST /api/guardians/": lambda v: {"child": _id(v, "child_id"), "name": "An aunt", "relationship": "relative"},
    "PATCH /api/guardians/{guardian_id}/": lambda v: {
        "phone": "+33 1 23 45 67 89",
        "version": _version("people.Guardian", v, "guardian_id"),
    },
    "POST /api/hearings/": lambda v: {
        "case": _id(v, "case_id"),
        "court": "Youth Court",
        "at": (timezone.now() + timedelta(days=3)).isoformat(),
        "purpose": "review",
    },
    "POST /api/hearings/{hearing_id}/outcome/": lambda v: {"status": "adjourned", "note": "Counsel unwell"},
    "POST /api/inspections/": lambda v: {
        "facility": _id(v, "facility_id"),
        "visited_on": _today(2),
        "body": "National Preventive Mechanism",
        "unannounced": True,
    },
    "POST /api/inspections/{inspection_id}/follow-up/": lambda v: {"done_on": _today(), "note": "Fixed"},
    "PUT /api/notifications/preference/": lambda v: {"email_mode": "digest"},
    "POST /api/notifications/read-all/": lambda v: {},
    "POST /api/notifications/{notification_id}/read/": lambda v: {},
    "POST /api/oversight/exports/": lambda v: {
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "purpose": "Annual report",
    },
    "POST /api/oversight/population/": lambda v: {"year": 2025, "sex": "female", "age_group": "14_15", "count": 1200},
    "POST /api/oversight/population/import/": lambda v: {
        "csv": "year,sex,age_group,count\n2025,male,14_15,1300\n",
        "source": "Census office",
    },
    "PUT /api/oversight/profile/": lambda v: {
        "version": _version("oversight.JurisdictionProfile", v, "code", "jurisdiction__code", 0),
        "prevention_plan": True,
        "prevention_plan_reference": "Plan 2026",
    },
    "PATCH /api/policies/{code}/": lambda v: {
        "review_interval_days": 20,
        "version": _version("compliance.JurisdictionPolicy", v, "code", "jurisdiction__code", 0),
    },
    "POST /api/record-contests/": lambda v: {
        "child": _id(v, "child_id"),
        "subject": "other",
        "statement": "The address is wrong.",
        "raised_by": "child",
    },
    "POST /api/record-contests/{contest_id}/decision/": lambda v: {
        "version": _version("people.RecordContest", v, "contest_id"),
        "status": "rejected",
        "decision_reason": "The address was checked with the school",
    },
    "POST /api/records/sealed-read/": lambda v: {
        "child": _id(v, "sealed_child_id"),
        "reason": "Court order 12/3 asks for the full file",
    },
    "POST /api/records/sealed-read/{request_id}/decide/": lambda v: {"approve": True, "note": "Court order seen"},
    "POST /api/records/sealed-read/{request_id}/open/": lambda v: {},
    # REC-3: retain (a removal would crypto-shred the child of the side, which the matrix's rollback undoes anyway).
    "POST /api/records/removal-reviews/{review_id}/decide/": lambda v: {
        "outcome": "retain",
        "reason": "Exceptional: a related appeal is still pending before the court",
        "retain_until": (timezone.now() + timedelta(days=60)).date().isoformat(),
    },
    "POST /api/protection-referrals/{referral_id}/follow-up/": lambda v: {"note": "Called the service"},
    "POST /api/imports/": lambda v: {"file": _csv_import(), "dry_run": True},
    "POST /api/auth/password/": lambda v: {
        "current_password": PASSWORD,
        "new_password": "another-long-and-unusual-passphrase-78",
    },
    "POST /api/auth/password-reset/": lambda v: {"email": "someone@example.org"},
    "POST /api/auth/password-reset/confirm/": lambda v: {
        **_reset_link(v),
        "new_password": "another-long-and-unusual-passphrase-78",
    },
    "POST /api/jurisdictions/": lambda v: {
        "code": "westland",
        "name": "Westland",
        "timezone": "UTC",
        "agency_name": "Westland Youth Justice Service",
        "admin_username": "westland-admin",
        "admin_password": "a-long-and-unusual-passphrase-79",
        "current_password": PASSWORD,
    },
    "POST /api/simulations/": lambda v: {"period_from": "2025-01-01", "period_to": "2025-12-31", "macr": 15},
    "POST /api/users/": lambda v: {
        "current_password": PASSWORD,
        "username": "new-caseworker",
        "password": "a-long-and-unusual-passphrase-77",
        "role": "caseworker",
        "agency": _id(v, "agency_id"),
    },
    "PATCH /api/users/{user_id}/": lambda v: {"current_password": PASSWORD, "first_name": "Renamed"},
    "POST /api/users/{user_id}/mfa-reset/": lambda v: {"current_password": PASSWORD},
}


def body_for(operation: str, values: Values) -> tuple[dict[str, Any], str]:
    """The body and its format (json or multipart) for one operation on one side's records."""
    body = BODIES[operation](values)
    return body, "multipart" if operation in MULTIPART else "json"


__all__ = ["BODIES", "MULTIPART", "NEVER_2XX", "PATH_KEYS", "QUERIES", "body_for"]
