"""The one capability table: which role may take which action, and over which records (its scope).

Every API permission (`jj.core.permissions.HasCapability`) and every role check in a service (`require`, `can`,
`roles_for`) reads this table; `/api/auth/me/` serves the caller's row so the web interface offers only the actions
the server would accept; `manage.py capabilities_catalogue` (`make docs`) writes it into
docs/roles-and-permissions.md, and a test fails when that page is not current.

The scope says which records the role reaches for the action; the record-level filtering itself stays in each app's
`access.py` (one indexed query per kind of record), which asks this table only whether the role acts at all. A role
absent from an action's row may not take it, whatever the record."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from jj.accounts.models import Role, User
from jj.core.exceptions import ActionNotAllowed


class Scope(StrEnum):
    ASSIGNED = "assigned"  # the cases the user is assigned to (and cases explicitly shared with them, to read)
    AGENCY = "agency"  # every case and child of the user's agency
    FACILITY = "facility"  # children held now in a facility where the user works, while they are there
    JURISDICTION = "jurisdiction"  # the user's jurisdiction (places, accounts, policy; never another's)
    PSEUDONYMISED = "pseudonymised"  # the jurisdiction, without names (pseudonyms and aggregates only)
    OWN = "own"  # what the user registered or asked for themselves
    OTHER_AGENCY = "other_agency"  # a case of another agency, for 24 hours, with a reason (break glass)
    # The installation as a whole, for the platform operator only: an administrator account marked as such from the
    # server's command line (`manage.py platform_operator`), never through the API. It reaches no jurisdiction's
    # records: a jurisdiction it opens is handed to that jurisdiction's own first administrator.
    PLATFORM = "platform"


SCOPE_TEXT: Mapping[Scope, str] = {
    Scope.ASSIGNED: "cases they are assigned to",
    Scope.AGENCY: "their agency",
    Scope.FACILITY: "children held in their facility now",
    Scope.JURISDICTION: "their jurisdiction",
    Scope.PSEUDONYMISED: "their jurisdiction, pseudonymised",
    Scope.OWN: "their own",
    Scope.OTHER_AGENCY: "another agency's case, 24 hours",
    Scope.PLATFORM: "the installation (platform operators only; no jurisdiction's records)",
}

CW, SUP, LC = Role.CASEWORKER, Role.SUPERVISOR, Role.LEGAL_COUNSEL
FO, CO, OM, ADM = Role.FACILITY_OFFICER, Role.COURT_OFFICER, Role.OVERSIGHT_MONITOR, Role.ADMINISTRATOR
A, AG, F, J, P = Scope.ASSIGNED, Scope.AGENCY, Scope.FACILITY, Scope.JURISDICTION, Scope.PSEUDONYMISED


@dataclass(frozen=True)
class Capability:
    action: str
    area: str
    text: str
    roles: Mapping[str, Scope]


def _c(action: str, area: str, text: str, roles: Mapping[Role, Scope]) -> Capability:
    return Capability(action, area, text, MappingProxyType({role.value: scope for role, scope in roles.items()}))


# The custody recorders, named once: the custody start and transfer; the court's acts; life in the facility.
_CUSTODY = {CW: A, SUP: AG}
_COURT = {CW: A, SUP: AG, CO: A}
_FACILITY = {CW: A, SUP: AG, FO: F}

CAPABILITIES: tuple[Capability, ...] = (
    # Cases and children
    _c("case.read", "cases", "read a case file", {CW: A, SUP: AG, LC: A, CO: A, FO: F}),
    _c("case.record", "cases", "record intake, offences, interviews and the charge", {CW: A, SUP: AG}),
    _c("case.supervise", "cases", "assign, share, close, transfer to the adult procedure", {SUP: AG}),
    _c("case.court_decision", "cases", "record a sentence, and its reviews for early release (SEN-4)", _COURT),
    _c(
        "case.break_glass",
        "cases",
        "emergency access to another agency's case",
        {CW: Scope.OTHER_AGENCY, SUP: Scope.OTHER_AGENCY},
    ),
    _c("case.staff_list", "cases", "list the staff who can be assigned to a case", {SUP: J}),
    _c("child.register", "cases", "register a child", {CW: Scope.OWN, SUP: AG}),
    _c(
        "child.import",
        "cases",
        "import children and cases from a spreadsheet, and follow the import",
        {CW: Scope.OWN, SUP: AG},
    ),
    _c("child.guardians", "cases", "read a child's guardians", {CW: A, SUP: AG, LC: A, FO: F}),
    _c("child.access_log", "cases", "see who opened a child's file", {SUP: AG}),
    _c(
        "record_contest.open",
        "records",
        "record a contest of a fact or an opinion in the child's file, and read the file's contests (REC-1)",
        {CW: A, SUP: AG, LC: A},
    ),
    _c("child.merge", "cases", "merge two records of one child (within the agency)", {SUP: AG}),
    _c("child.subject_access", "records", "produce everything held about a child, for the child or counsel", {SUP: AG}),
    _c(
        "document.attach",
        "cases",
        "attach documents to a child's record, a case or a custody episode",
        {CW: A, SUP: AG, LC: A, CO: A, FO: F},
    ),
    _c("document.delete", "cases", "delete an attached document", {SUP: AG}),
    _c(
        "hearing.schedule", "cases", "schedule hearings, and record one adjourned or cancelled", {CW: A, SUP: AG, LC: A}
    ),
    _c(
        "custody.open_investigation",
        "custody",
        "open the independent investigation of an allegation of ill-treatment (ILL-1; not if implicated)",
        {SUP: AG},
    ),
    _c("simulation.run", "oversight", "simulate a proposed policy over a past period", {OM: J, ADM: J}),
    _c("record_contest.decide", "records", "decide a contest of the file (one they did not record)", {SUP: AG}),
    _c("protection_referral.read", "cases", "read child-protection referrals", {CW: Scope.OWN, SUP: AG}),
    _c(
        "protection_referral.follow_up",
        "cases",
        "follow a child-protection referral up: send it to a service, record it received, accepted, closed; notes",
        {CW: Scope.OWN, SUP: AG},
    ),
    _c("records.preview", "records", "preview the sealing and removal of records", {SUP: AG}),
    # Controlled disclosure: a list leaves the system only in a format the role may take, with a stated purpose,
    # watermarked with the exporter and the time, and audited (REC-2).
    _c(
        "export.csv",
        "records",
        "export a list they can read as CSV, with a stated purpose",
        {CW: A, SUP: AG, LC: A, CO: A, FO: F},
    ),
    _c("export.xlsx", "records", "export a list they can read as XLSX, with a stated purpose", {CW: A, SUP: AG, CO: A}),
    _c("records.sealed_read", "records", "read a sealed record, with a reason", {CW: AG, SUP: AG}),
    _c(
        "records.sealed_read_approve",
        "records",
        "approve another person's break-glass read of a sealed record, where the policy asks for a second person",
        {SUP: AG},
    ),
    # REC-3: removal in exceptional cases after an independent review (GC24 71). A judicial officer of the
    # jurisdiction decides, never one assigned (now or before) to the child's cases: the service refuses them.
    _c(
        "records.removal_review",
        "records",
        "decide the independent review before a child's records are removed (never on a child whose case they were"
        " assigned to)",
        {CO: J},
    ),
    # Custody
    _c("custody.start", "custody", "start custody", _CUSTODY),
    _c("custody.transfer", "custody", "transfer to another facility", _CUSTODY),
    _c("custody.detention_order", "custody", "record a detention order", _COURT),
    _c("custody.appearance", "custody", "record a court appearance", _COURT),
    _c("custody.legality_challenge", "custody", "bring a challenge to the legality of detention", {**_COURT, LC: A}),
    _c("custody.legality_decision", "custody", "record the decision on a legality challenge", _COURT),
    _c("custody.release", "custody", "record a release", {**_COURT, **_FACILITY}),
    _c("custody.family_notification", "custody", "record that the family was told", _FACILITY),
    _c("custody.contact", "custody", "record a visit or call", _FACILITY),
    _c("custody.health_examination", "custody", "record a health examination", _FACILITY),
    _c("custody.incident", "custody", "record an incident", _FACILITY),
    _c("custody.complaint", "custody", "record a complaint", _FACILITY),
    _c("custody.complaint_response", "custody", "record the response to a complaint", _FACILITY),
    _c("custody.implicated_staff", "custody", "name the staff implicated in an allegation", _FACILITY),
    _c("custody.individual_plan", "custody", "record an individual assessment and plan", _FACILITY),
    _c("custody.education", "custody", "record an education enrolment", _FACILITY),
    _c("custody.aftercare_plan", "custody", "record an aftercare plan", _FACILITY),
    # Diversion
    _c("diversion.record", "diversion", "offer diversion and record its start, progress and outcome", {CW: A, SUP: AG}),
    _c("diversion.programmes", "diversion", "manage diversion programmes", {SUP: AG, ADM: J}),
    _c("approval.read", "approvals", "read approval requests", {CW: Scope.OWN, SUP: AG}),
    _c("approval.decide", "approvals", "approve or reject a reserved justification (never one's own)", {SUP: AG}),
    # Places and oversight
    _c("facility.manage", "facilities", "create and change facilities", {ADM: J}),
    _c("inspection.read", "facilities", "read inspections and facilities' inspection status", {OM: J, SUP: J, ADM: J}),
    _c("inspection.record", "facilities", "record an inspection and its follow-up", {OM: J}),
    _c("audit.read", "oversight", "read the pseudonymised audit trail", {OM: P}),
    _c("oversight.decisions", "oversight", "read every rule decision of the jurisdiction", {OM: P}),
    _c("statistics.read", "oversight", "read and export the statistics", {OM: P, ADM: P}),
    _c("statistics.dataset", "oversight", "export the pseudonymised dataset (one row per case)", {OM: P}),
    _c("population.manage", "oversight", "set population figures and the oversight profile", {ADM: J}),
    _c("policy.decisions", "oversight", "read the decisions about the jurisdiction's policy", {ADM: J, SUP: J, OM: J}),
    _c("policy.change", "administration", "change the jurisdiction's policy", {ADM: J}),
    _c(
        "jurisdiction.create",
        "administration",
        "open a jurisdiction with its policy facts, first agency and first administrator",
        {ADM: Scope.PLATFORM},
    ),
    _c(
        "users.manage",
        "administration",
        "manage user accounts and agencies: create, change role and agency, disable, set a password, reset MFA",
        {ADM: J},
    ),
    _c(
        "account.password",
        "administration",
        "change one's own password (the current one first; other sessions end)",
        dict.fromkeys(Role, Scope.OWN),
    ),
    _c(
        "account.security_keys",
        "administration",
        "list, enrol and remove one's own security keys (WebAuthn second factor; the password again first)",
        dict.fromkeys(Role, Scope.OWN),
    ),
)

TABLE: Mapping[str, Capability] = MappingProxyType({c.action: c for c in CAPABILITIES})


def roles_for(*actions: str) -> frozenset[str]:
    """The roles that may take any of these actions (an unknown action is a programming error: KeyError)."""
    return frozenset(role for action in actions for role in TABLE[action].roles)


def scope_of(role: str | None, action: str) -> Scope | None:
    """The records this role reaches for the action; None when it may not take it."""
    return None if role is None else TABLE[action].roles.get(role)


def is_platform_operator(user: User) -> bool:
    """An administrator account marked as the installation's operator (`manage.py platform_operator`)."""
    return getattr(user, "role", None) == Role.ADMINISTRATOR and bool(getattr(user, "is_superuser", False))


def can(user: User, action: str) -> bool:
    """Whether the user's role takes this action at all (the records it reaches are the app's `access.py`'s). A
    platform-scoped action also needs the account to be the platform operator's."""
    if not getattr(user, "is_authenticated", False):
        return False
    scope = scope_of(getattr(user, "role", None), action)
    if scope is Scope.PLATFORM:
        return is_platform_operator(user)
    return scope is not None


def require(user: User, action: str, message: str) -> None:
    """403 with the message unless the user's role takes this action."""
    if not can(user, action):
        raise ActionNotAllowed(message)


def capabilities_of(role: str | None, *, platform_operator: bool = False) -> dict[str, str]:
    """The row served to the web interface: every action this role takes, with its scope (platform-scoped actions
    only for the platform operator's account)."""
    if role is None:
        return {}
    return {
        c.action: str(c.roles[role])
        for c in CAPABILITIES
        if role in c.roles and (platform_operator or c.roles[role] is not Scope.PLATFORM)
    }


def roles_in_order() -> Iterable[str]:
    return Role.values


# The generated part of docs/roles-and-permissions.md lies between these two lines.
DOC_START = "<!-- capabilities: generated by `make docs` from jj/accounts/capabilities.py; do not edit by hand -->"
DOC_END = "<!-- capabilities: end -->"
ROLE_ABBREVIATIONS = {CW: "CW", SUP: "SUP", LC: "LC", FO: "FO", CO: "CO", OM: "OM", ADM: "ADM"}


def render_table() -> str:
    """The capability table as Markdown: one row per action, one column per role, the scope in each cell."""
    roles = list(Role)
    lines = [
        DOC_START,
        "",
        "Roles: " + ", ".join(f"{ROLE_ABBREVIATIONS[r]} = {r.value}" for r in roles) + ". A cell names the records"
        " the role reaches for that action; an empty cell means the role may not take it (403, or 404 for a record"
        " outside its reach).",
        "",
        "| area | action | what | " + " | ".join(ROLE_ABBREVIATIONS[r] for r in roles) + " |",
        "| --- | --- | --- | " + " | ".join("---" for _ in roles) + " |",
    ]
    for c in CAPABILITIES:
        cells = [str(c.roles[r]) if r in c.roles else "" for r in roles]
        lines.append(f"| {c.area} | `{c.action}` | {c.text} | " + " | ".join(cells) + " |")
    lines += ["", "| scope | reaches |", "| --- | --- |"]
    lines += [f"| {scope.value} | {SCOPE_TEXT[scope]} |" for scope in Scope]
    lines += ["", DOC_END]
    return "\n".join(lines)


def render_into(page: str) -> str:
    """The page with its generated section replaced by the current table (the prose around it is kept)."""
    head, sep, rest = page.partition(DOC_START)
    if not sep:
        raise ValueError("The page has no generated capability section.")
    _, sep, tail = rest.partition(DOC_END)
    if not sep:
        raise ValueError("The page's generated capability section has no end.")
    return head + render_table() + tail


# Every kind of deadline the rules open, with the action that meets it and the role that answers for it first (the
# worklist's owner of that duty). The web interface puts the action's form where that role opens it; a test renders
# every page as that role and finds the form. Kinds that no person's act meets are named with the reason.
DEADLINE_ACTIONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "family_notification": ("custody.family_notification", FO),
        "health_examination": ("custody.health_examination", FO),
        "gender_health_screening": ("custody.health_examination", FO),
        "allegation_medical_examination": ("custody.health_examination", FO),
        "complaint_response": ("custody.complaint_response", FO),
        "individual_plan": ("custody.individual_plan", FO),
        "aftercare_plan": ("custody.aftercare_plan", CW),  # after release: the officer no longer sees the child
        "competent_authority": ("custody.appearance", CO),
        "detention_review": ("custody.appearance", CO),
        "legality_challenge": ("custody.legality_decision", CO),
        "police_cell_exit": ("custody.transfer", CW),
        "formal_charge": ("case.record", CW),
        "charge_or_divert": ("case.record", CW),
        "final_decision": ("case.court_decision", CO),
        "case_final_decision": ("case.court_decision", CO),
        "diversion_review": ("diversion.record", CW),
        "diversion_end": ("diversion.record", CW),
        "legal_counsel": ("case.supervise", SUP),
        "inspection_follow_up": ("inspection.record", OM),
        "sentence_review": ("case.court_decision", CO),  # SEN-4: the authority's review, recorded on the sentence
        # ILL-1: a supervisor outside the facility's staff opens it, on an incident's or a complaint's allegation
        "allegation_investigation": ("custody.open_investigation", SUP),
        # REC-3: the court officer of the jurisdiction decides the independent review before removal
        "records_removal_review": ("records.removal_review", CO),
    }
)
DEADLINES_WITHOUT_A_FORM: Mapping[str, str] = MappingProxyType(
    {
        # REC-3's removal day is stored with the sealing decision (audit), never opened as a Deadline row: the sweep
        # removes on the day. Where the policy asks for an independent review first, the sweep opens it with its
        # own deadline, `records_removal_review`, which the court officer's decision meets.
        "records_removal": "the records sweep's own timer (REC-3), not on a worklist; where the policy asks for an "
        "independent review, the sweep opens one (records_removal_review) for a court officer to decide",
    }
)


def render_json() -> str:
    """The table for the web interface's tests (frontend/src/capabilities.generated.json): every role's row and
    the deadline kinds with the action that meets them. The running interface reads the caller's row from /me."""
    import json

    return (
        json.dumps(
            {
                "roles": {role: capabilities_of(role) for role in Role.values},
                "deadlines": {kind: {"action": a, "role": str(r)} for kind, (a, r) in DEADLINE_ACTIONS.items()},
                "deadlines_without_a_form": dict(DEADLINES_WITHOUT_A_FORM),
            },
            indent=2,
            sort_keys=True,
        )
        + "\n"
    )
