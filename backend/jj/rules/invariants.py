"""INV-1..INV-9 (RULES.md section 7a): what no sequence of actions may ever produce. Each rule is checked where its
act happens; these hold across every path. They are data here so docs/rules.md lists them with the rules they
protect and where the code enforces them; jj/core/tests/test_inv_1_9_state_machine.py asserts every one of them
after every step of random sequences of real actions."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Invariant:
    inv_id: str
    statement: str
    protects: tuple[str, ...]
    enforced_by: str


INVARIANTS: tuple[Invariant, ...] = (
    Invariant(
        "INV-1",
        "No child whose age is below the minimum age of criminal responsibility, or unknown, is charged, sentenced or "
        "deprived of liberty under a criminal process. With no offence recorded yet, the age today is used; an "
        "unknown age counts as below the minimum. Re-checked when the date of birth or the age assessment changes "
        "(the child is referred to child protection and any episode is flagged for release at once), and at sentence.",
        ("MACR-1", "MACR-5", "STA-1"),
        "MACR-1 on intake, charge, custody start, detention order, sentence and age recheck; "
        "custody.lifecycle.child_age_recheck",
    ),
    Invariant(
        "INV-2",
        "The PTD-5 (charge) and PTD-6 (final decision) clocks run per case, from the first deprivation of liberty on "
        "it, counting every episode: releasing and re-detaining never restarts them.",
        ("PTD-5", "PTD-6"),
        "custody.lifecycle.case_clock, read by every detention order and review",
    ),
    Invariant(
        "INV-3",
        "While a child is detained pending trial, a review deadline (PTD-4) is always open; no appearance outcome "
        "closes the series while the child stays detained.",
        ("PTD-4",),
        "custody.services.appearance_record",
    ),
    Invariant(
        "INV-4",
        "No sentence on a case that is not charged; no sentence and no custody on a case whose diversion is active.",
        ("DIV-1", "DEV-1", "DIV-3"),
        "cases.lifecycle.CASE_TRANSITIONS; custody.lifecycle.custody_allowed_on",
    ),
    Invariant(
        "INV-5",
        "Release, transfer to a safer place, health care, family contact, legal contact and judicial review are never "
        "refused by any rule, hold or freeze: a DTH-1 evidence hold freezes what is already recorded, never new "
        "protective acts.",
        ("DTH-1", "PTD-10", "DET-5", "DET-6"),
        "custody.services (no rule runs before a release; the evidence hold refuses edits, not acts)",
    ),
    Invariant(
        "INV-6",
        "Every refusal leaves an audit event, even when the transaction of the refused act is rolled back.",
        ("all",),
        "compliance.services.refuse_unless_allowed and refusal_audit_keep",
    ),
    Invariant(
        "INV-7",
        "Every NOTIFY reaches at least one existing, active person, or the jurisdiction's independent oversight "
        "where the rule says independent; an escalation to nobody is a defect.",
        ("PTD-1", "PTD-6", "DTH-1", "DET-11", "CAP-1"),
        "deadlines.services.notification_create (the one writer of notifications)",
    ),
    Invariant(
        "INV-8",
        "Every open deadline can be met by an act its responsible role can perform; a deadline that becomes moot "
        "(the child was released before the examination) closes as moot with the reason, never silently.",
        ("DET-6", "PTD-1", "PTD-4", "PTD-11"),
        "deadlines.services.deadlines_moot, called when an episode ends or a child is sentenced",
    ),
    Invariant(
        "INV-9",
        "One justification answers one rule: a text written for PTD-11 (why a police cell) never satisfies PTD-9 or "
        "PTD-2.",
        ("PTD-2", "PTD-5", "PTD-9", "PTD-11", "DET-4"),
        "a field per rule (police_cell_justification, age_floor_justification, charge_delay_justification, ...)",
    ),
)
