"""REC-4 data inventory: every table the system keeps, why, which rule or indicator needs it, who sees it and how
long it is kept; and, for the child's own record, every field. Collect only what a rule, an indicator or the
casework itself needs (A/RES/79/172 para 34; CRC/C/GC/24 para 113): a table or a child field without an entry here
fails the test suite, and docs/data-inventory.md is generated from this module (`make docs`)."""

from dataclasses import dataclass

from django.apps import apps

from jj.rules.registry import all_rules

# Retention, in the words of the policy (docs/audit.md explains the mechanisms).
WITH_THE_CHILD = (
    "With the child's record: sealed when the process has ended for the child (REC-3), identity removed at the "
    "jurisdiction's removal age (18 by default); the non-identifying facts stay, pseudonymised, for the statistics."
)
FOR_EVER_SHREDDABLE = (
    "For ever (append-only); identifying values are encrypted under the child's data key and become unreadable "
    "when the child's identity is removed."
)
WHILE_ACTIVE = "While in use; deactivated, never deleted, so the audit trail can always say who acted."
FOR_EVER = "For ever: what applied when each decision was taken must stay answerable."
UNTIL_EXPIRY = "Until the file expires (purged by the export sweep)."
KEY_LIFE = "Until the child's identity is removed: then destroyed, which is what makes the removal final."

CASE_ROLES = "caseworker, supervisor, legal counsel, court officer of the case (need to know)"
OVERSIGHT_PSEUDONYMISED = "oversight monitors, pseudonymised"


@dataclass(frozen=True)
class Holding:
    """One table: what it holds and why."""

    purpose: str
    needed_by: tuple[str, ...]  # rule ids, indicators ("IND-3"), or "casework"
    seen_by: str
    retention: str


INVENTORY: dict[str, Holding] = {
    "accounts.Jurisdiction": Holding(
        "The legal order whose law and policy apply.", ("casework",), "everyone in it", FOR_EVER
    ),
    "accounts.Agency": Holding(
        "Who employs the staff; the hard boundary of every scope.", ("REC-1",), "everyone in the jurisdiction", FOR_EVER
    ),
    "accounts.User": Holding(
        "Staff accounts: role, agency, training in child justice (TRN-1), sign-in.",
        ("REC-1", "TRN-1"),
        "administrators of the jurisdiction; names of colleagues to their agency",
        WHILE_ACTIVE,
    ),
    "accounts.WebAuthnCredential": Holding(
        "Security keys enrolled as a second factor: credential id, public key (never a private key), signature "
        "counter (a cloned key is refused), transports, name, when added and last used.",
        ("casework",),
        "the key's owner; removed by them (password again) or by an administrator's MFA reset",
        "Until removed by its owner or an administrator's MFA reset; deleted with the account's second factors.",
    ),
    "audit.AuditEvent": Holding(
        "Every read and write of a child's record and every refusal, on a keyed hash chain.",
        ("REC-1",),
        "oversight monitors (values masked); supervisors for their agency's children",
        FOR_EVER_SHREDDABLE,
    ),
    "audit.PendingAuditEvent": Holding(
        "A read or list of a child's record, written at once and chained into the trail by the sealer.",
        ("REC-1",),
        "nobody (the sealer moves it into the trail)",
        "Until sealed into the trail, moments later.",
    ),
    "audit.ChildDataKey": Holding(
        "One child's data key, wrapped by the master key outside the database.", ("REC-3",), "nobody", KEY_LIFE
    ),
    "documents.Document": Holding(
        "Court orders, assessments and consent forms attached to a child, a case or a custody episode.",
        ("REC-1", "casework"),
        "as the record it is attached to",
        WITH_THE_CHILD,
    ),
    "imports.ImportJob": Holding(
        "An import of an agency's spreadsheet: its file until the import has run (then deleted), progress and counts.",
        ("casework",),
        "the caseworker who asked for it; supervisors of the agency",
        "The file: until the import has run. The job: for ever (it says what was imported, when and by whom).",
    ),
    "imports.ImportRow": Holding(
        "The per-row report of an import: row number, outcome, field messages, rule decisions, record ids; no names.",
        ("MACR-1", "casework"),
        "the caseworker who asked for it; supervisors of the agency",
        "With the import job.",
    ),
    "imports.ImportedRecord": Holding(
        "The agency's own reference of an imported child, so a file imported again creates nothing twice.",
        ("casework",),
        "the importer's agency (never shown alone)",
        WITH_THE_CHILD,
    ),
    "people.Child": Holding(
        "The child's record: identity, age evidence, needs. Field by field below.",
        ("MACR-1", "REC-1"),
        "by field and role (jj/people/access.py)",
        WITH_THE_CHILD,
    ),
    "people.Guardian": Holding(
        "Parents, guardians, appropriate adults: who is told of an arrest and who attends an interview.",
        ("DET-1", "DET-2"),
        "caseworker, supervisor, legal counsel, facility officer of the child",
        WITH_THE_CHILD,
    ),
    "people.RecordContest": Holding(
        "The child's contests of facts or opinions in the file, and their decisions.",
        ("REC-1",),
        "caseworker, supervisor, legal counsel of the child",
        WITH_THE_CHILD,
    ),
    "cases.Case": Holding(
        "One contact of the child with the justice system and its status.",
        ("DEL-1", "IND-1"),
        CASE_ROLES,
        WITH_THE_CHILD,
    ),
    "cases.Offence": Holding(
        "The alleged offence: its date fixes the age that governs; status offences are refused.",
        ("MACR-2", "STA-1"),
        CASE_ROLES,
        WITH_THE_CHILD,
    ),
    "cases.Assignment": Holding(
        "Who works on a case: the scope of caseworkers, counsel and court officers.",
        ("REC-1", "CNS-1", "TRN-1"),
        CASE_ROLES,
        WITH_THE_CHILD,
    ),
    "cases.CaseEvent": Holding("The case timeline.", ("casework",), CASE_ROLES, WITH_THE_CHILD),
    "cases.CaseUserObjectPermission": Holding(
        "A case shared with one person of another agency, read-only, until it expires.",
        ("REC-1",),
        "supervisors of the case's agency",
        "Until the share expires or is withdrawn.",
    ),
    "cases.ChildProtectionReferral": Holding(
        "Where a child below the minimum age (or alleged only a status offence) goes instead of a criminal case: "
        "the receiving child protection service, the referral's status with its dates, and follow-up notes (free "
        "text about the child: masked in the audit trail, blanked when the identity is removed).",
        ("MACR-1", "STA-1"),
        "the caseworker who made the referral, supervisors of the agency",
        WITH_THE_CHILD,
    ),
    "cases.Sentence": Holding(
        "The final decision and its measures; prohibited sentences are refused.",
        ("SEN-1", "SEN-2", "SEN-3", "SEN-4", "IND-9"),
        CASE_ROLES,
        WITH_THE_CHILD,
    ),
    "cases.Interview": Holding(
        "Questioning: who was present, counsel or a supervised waiver, interpreter.",
        ("DET-2",),
        CASE_ROLES,
        WITH_THE_CHILD,
    ),
    "deadlines.Deadline": Holding(
        "Every time limit a rule opened, and when it was met.",
        ("PTD-1", "PTD-4", "DET-1", "DEL-1"),
        "the roles that meet them; oversight monitors, pseudonymised",
        WITH_THE_CHILD,
    ),
    "deadlines.Notification": Holding(
        "Alerts to the people a rule says must be told (never a child's name).",
        ("DTH-1", "ILL-1"),
        "the person addressed",
        WITH_THE_CHILD,
    ),
    "compliance.DecisionInputs": Holding(
        "The complete facts each act was decided on, so a policy simulation can decide it again.",
        ("REC-4", "POL-1"),
        "nobody directly: simulations publish suppressed counts only",
        "With the child's record; deleted when the child's identity is removed.",
    ),
    "hearings.Hearing": Holding(
        "Hearings planned on a case (court, time, purpose) and their outcome.",
        ("PTD-1", "PTD-4", "casework"),
        CASE_ROLES,
        WITH_THE_CHILD,
    ),
    "compliance.JurisdictionPolicy": Holding(
        "The jurisdiction's departures from the international standard, with their history.",
        ("POL-1",),
        "everyone in the jurisdiction",
        FOR_EVER,
    ),
    "compliance.ApprovalRequest": Holding(
        "An act held until a second person approves its justification.", ("POL-1",), "supervisors", WITH_THE_CHILD
    ),
    "compliance.DecisionRecord": Holding(
        "Each decision of the rules engine with the facts it decided on (what the simulation replays).",
        ("REC-4", "IND-3"),
        CASE_ROLES + "; " + OVERSIGHT_PSEUDONYMISED,
        WITH_THE_CHILD,
    ),
    "custody.Facility": Holding(
        "Places of detention: kind, capacity, separation, complaints mechanism.",
        ("DET-3", "GIR-1", "IND-7", "IND-12", "IND-13"),
        "everyone in the jurisdiction",
        FOR_EVER,
    ),
    "custody.CustodyEpisode": Holding(
        "One continuous deprivation of liberty, to the minute.",
        ("PTD-1", "PTD-6", "IND-2", "IND-4"),
        CASE_ROLES + "; facility officers of the place",
        WITH_THE_CHILD,
    ),
    "custody.Placement": Holding(
        "Where the child was held, from when to when.", ("DET-3", "GIR-1", "IND-7"), CASE_ROLES, WITH_THE_CHILD
    ),
    "custody.LegalStatusChange": Holding(
        "The legal status history, so pretrial and sentenced time can be counted.",
        ("IND-3", "IND-4", "IND-5"),
        OVERSIGHT_PSEUDONYMISED,
        WITH_THE_CHILD,
    ),
    "custody.DetentionOrder": Holding(
        "A judge's order: grounds, alternatives considered, duration.", ("PTD-2", "PTD-6"), CASE_ROLES, WITH_THE_CHILD
    ),
    "custody.JudicialAppearance": Holding(
        "The child brought before a judge, and periodic reviews.", ("PTD-1", "PTD-4"), CASE_ROLES, WITH_THE_CHILD
    ),
    "custody.Release": Holding(
        "The end of custody, its reason and aftercare.", ("REI-1", "IND-11"), CASE_ROLES, WITH_THE_CHILD
    ),
    "custody.FamilyNotification": Holding(
        "Parents or guardian told of an arrest, admission, transfer or release.", ("DET-1",), CASE_ROLES, WITH_THE_CHILD
    ),
    "custody.ContactLog": Holding(
        "Visits, calls and letters.", ("DET-5", "IND-8"), CASE_ROLES + "; facility officers", WITH_THE_CHILD
    ),
    "custody.HealthExamination": Holding(
        "The health examination on admission.", ("DET-6", "GIR-1"), "facility officers, caseworker", WITH_THE_CHILD
    ),
    "custody.Incident": Holding(
        "What happened to a child in custody: restraint, separation, injury, death.",
        ("DET-7", "DTH-1", "ILL-1"),
        "facility officers, supervisors; oversight monitors, pseudonymised",
        WITH_THE_CHILD,
    ),
    "custody.Complaint": Holding(
        "A complaint by the child, uncensored.", ("DET-10", "ILL-1"), "oversight monitors, supervisors", WITH_THE_CHILD
    ),
    "custody.Inspection": Holding(
        "A visit by an independent monitoring body and its follow-up.",
        ("DET-11", "IND-12"),
        "oversight monitors",
        FOR_EVER,
    ),
    "custody.LegalityChallenge": Holding(
        "A challenge to the legality of the detention.", ("PTD-10",), CASE_ROLES, WITH_THE_CHILD
    ),
    "custody.IndividualPlan": Holding(
        "The needs-and-risk assessment and plan after admission.", ("REI-1",), CASE_ROLES, WITH_THE_CHILD
    ),
    "custody.EducationEnrolment": Holding(
        "Education or training of a child held.", ("REI-1",), CASE_ROLES, WITH_THE_CHILD
    ),
    "custody.AftercarePlan": Holding("Aftercare after release.", ("REI-1", "IND-11"), CASE_ROLES, WITH_THE_CHILD),
    "deadlines.NotificationPreference": Holding(
        "How a person wants to be told: at once or a daily digest.", ("casework",), "the person", WHILE_ACTIVE
    ),
    "deadlines.OutboxEmail": Holding(
        "An e-mail waiting to be sent (a case reference and a link, never a child's name).",
        ("REC-2", "casework"),
        "nobody (the outbox task sends it)",
        "Until sent; sent rows are kept as the delivery record.",
    ),
    "diversion.Programme": Holding(
        "The programmes a child can be diverted to.", ("DIV-1",), "everyone in the jurisdiction", FOR_EVER
    ),
    "diversion.DiversionReferral": Holding(
        "A diversion offered: consent, safeguards, outcome.", ("DIV-1", "DIV-2", "IND-10"), CASE_ROLES, WITH_THE_CHILD
    ),
    "diversion.DiversionSession": Holding(
        "Attendance and conditions of a diversion.", ("DIV-2",), CASE_ROLES, WITH_THE_CHILD
    ),
    "oversight.ChildPopulation": Holding(
        "Official child population estimates, the denominators of the rates.",
        ("IND-1", "IND-2", "IND-3"),
        "oversight monitors, administrators",
        FOR_EVER,
    ),
    "oversight.JurisdictionProfile": Holding(
        "Policy facts of the jurisdiction.", ("IND-14", "IND-15"), "oversight monitors, administrators", FOR_EVER
    ),
    "custody.SealedReadRequest": Holding(
        "A break-glass read of a sealed record held for a second supervisor's approval (the reason only in the"
        " audit trail, encrypted under the child's key).",
        ("REC-3",),
        "supervisors of the child's agency; the person who asked",
        WITH_THE_CHILD,
    ),
    "custody.RecordsRemovalReview": Holding(
        "The independent review before a child's records are removed, where the policy asks for one: opened, due,"
        " decided (remove, or retain until a date at most a year ahead), by whom and why. The reason is free text"
        " about the child: blanked at removal, kept in the audit trail only encrypted under the child's key.",
        ("REC-3",),
        "court officers of the jurisdiction never assigned to the child's cases (the child by pseudonym only)",
        WITH_THE_CHILD,
    ),
    "oversight.ExportJob": Holding(
        "An oversight export computed in the background: the indicator table (suppressed aggregates) or the"
        " pseudonymised dataset (one row per case: keyed pseudonyms, age group, no name, birth date or address).",
        ("REC-2",),
        "the monitor who asked for it",
        UNTIL_EXPIRY,
    ),
    "simulation.PolicySimulation": Holding(
        "What a proposed policy would have changed over a period: suppressed counts only.",
        ("POL-1", "REC-4"),
        "oversight monitors and administrators of the jurisdiction",
        FOR_EVER,
    ),
}

# Every field of the child's own record, and what needs it.
CHILD_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "id": ("Row identity; the pseudonym is derived from it.", ("REC-4",)),
    "created_at": ("When registered.", ("casework",)),
    "updated_at": ("When last changed.", ("casework",)),
    "version": ("Concurrent edits never overwrite each other.", ("casework",)),
    "jurisdiction": ("Whose law applies.", ("MACR-1",)),
    "agency": ("Who holds the record: the scope of access.", ("REC-1",)),
    "registered_by": ("Who registered the child.", ("REC-1",)),
    "given_name": ("To identify the child in casework; never in statistics or logs.", ("casework", "REC-2")),
    "family_name": ("As given name.", ("casework", "REC-2")),
    "other_names": ("Aliases, so one child is not two records.", ("casework",)),
    "date_of_birth": ("The age at the offence and at each act.", ("MACR-1", "MACR-2", "IND-1")),
    "dob_certainty": ("Documented, estimated, disputed: the benefit of the doubt.", ("MACR-2", "MACR-5")),
    "dob_earliest": ("The oldest plausible date of birth of an estimate or a dispute.", ("MACR-5",)),
    "dob_latest": ("The youngest plausible date of birth: the one that counts.", ("MACR-5",)),
    "age_assessment_method": ("Whether an estimate is an age finding.", ("MACR-5",)),
    "sex": ("Girls held apart; disaggregation of every indicator.", ("GIR-1", "IND-2")),
    "languages": ("To be understood and informed.", ("DET-2",)),
    "interpreter_needed": ("An interpreter at questioning.", ("DET-2",)),
    "disability": ("Reasonable accommodation; disaggregation.", ("DIS-1",)),
    "accommodation_needs": ("What accommodation each act must provide.", ("DIS-1",)),
    "health_notes": ("Health care in custody.", ("DET-6",)),
    "developmental_disorder": ("Children with such disorders are kept out of the justice system.", ("DEV-1",)),
    "pregnant": ("No restraint or separation; gender-specific care.", ("GIR-1",)),
    "child_in_care": ("A child-mother and her child.", ("GIR-1",)),
    "armed_forces_association": ("Treated primarily as a victim.", ("CAF-1",)),
    "address": ("To reach the family and return the child home.", ("DET-1", "REI-1")),
    "nationality": ("Disaggregation for discrimination (with consent).", ("REC-4",)),
    "migration_status": ("Disaggregation for discrimination (with consent).", ("REC-4",)),
    "minority_status": ("Disaggregation for discrimination, only with consent.", ("REC-4",)),
    "minority_status_consent": ("The consent without which minority status is not recorded.", ("REC-4",)),
    "migration_status_consent": (
        "The consent without which nationality and migration status are not counted in statistics.",
        ("REC-4",),
    ),
    "disability_consent": (
        "The consent without which a disability is not counted in statistics (as recorded or not, never described).",
        ("REC-4",),
    ),
    "sealed_at": ("When the records were sealed.", ("REC-3",)),
    "removed_at": ("When the identity was removed.", ("REC-3",)),
}


# RULES.md's records rules that are structure, not checks of an act: need-to-know scopes and audited reads (REC-1),
# no identity in any output (REC-2), this inventory and pseudonymised statistics (REC-4).
STRUCTURAL_RULES = frozenset({"REC-1", "REC-2", "REC-4"})


def known_needs() -> set[str]:
    """What an entry may cite: a rule id, an indicator IND-1..IND-15, or the casework itself."""
    rules = {spec.rule_id for spec in all_rules()} | STRUCTURAL_RULES
    return rules | {f"IND-{n}" for n in range(1, 16)} | {"casework"}


def jj_models() -> list[str]:
    return sorted(m._meta.label for m in apps.get_models() if m.__module__.startswith("jj."))


def render() -> str:
    lines = [
        "# Data inventory (REC-4)",
        "",
        "<!-- Generated from backend/jj/oversight/inventory.py by `make docs`; edit that file, not this one. -->",
        "",
        "Every table the system keeps: why, which rule or indicator needs it (rule ids as in docs/rules.md; IND-n is",
        "UNODC/UNICEF indicator n, docs/indicators.md), who sees it and how long it is kept. A table or a field of the",
        "child's record with no purpose here fails the test suite: what no rule, indicator or casework needs is not",
        "collected (A/RES/79/172 para 34; CRC/C/GC/24 para 113). No table is ever exported to an offender register",
        "(REC-2).",
        "",
        "## Tables",
        "",
        "| table | purpose | needed by | seen by | retention |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label in sorted(INVENTORY):
        h = INVENTORY[label]
        lines.append(f"| `{label}` | {h.purpose} | {', '.join(h.needed_by)} | {h.seen_by} | {h.retention} |")
    lines += [
        "",
        "## The child's record, field by field",
        "",
        "Which role sees which field: `jj/people/access.py` (`CHILD_FIELDS_BY_ROLE`); identifying values enter the",
        "audit trail only encrypted (`MASKED_IN_AUDIT`).",
        "",
        "| field | purpose | needed by |",
        "| --- | --- | --- |",
    ]
    for name, (purpose, needs) in CHILD_FIELDS.items():
        lines.append(f"| `{name}` | {purpose} | {', '.join(needs)} |")
    return "\n".join(lines) + "\n"
