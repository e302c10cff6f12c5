"""The rules engine contract (ARCHITECTURE.md, "The rules engine contract")."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    ALLOW = "allow"
    WARN = "warn"
    REQUIRE_JUSTIFICATION = "require_justification"
    BLOCK = "block"


@dataclass(frozen=True)
class Citation:
    instrument: str  # "CRC/C/GC/24", "A/RES/79/172", "CRC"
    provision: str  # "para. 22", "art. 37(b)"
    text: str  # the quoted words


@dataclass(frozen=True)
class DeadlineSpec:
    """A timer the service must create when it applies the decision."""

    kind: str
    due_at: datetime
    description: str
    escalate_to: str = "supervisor"


@dataclass(frozen=True)
class Decision:
    rule_id: str
    outcome: Outcome
    message: str
    citation: Citation
    facts: Mapping[str, Any]
    deadlines: tuple[DeadlineSpec, ...] = ()
    notify: tuple[str, ...] = ()
    # The request fields that would satisfy a REQUIRE_JUSTIFICATION (or change a BLOCK), for the UI to ask for.
    satisfied_by: tuple[str, ...] = ()
    # A justification for this decision must be approved by a second person (a supervisor).
    supervisor_approval: bool = False
    # The jurisdiction's policy falls below the international standard for this rule.
    below_standard: bool = False
    further_citations: tuple[Citation, ...] = field(default=())
    # For a REQUIRE_JUSTIFICATION: the facts already carry what satisfies it (the service still records who gave it).
    satisfied: bool = False
    # What the engine decided on (set by `registry.evaluate`): stored with the decision so that the act can be
    # replayed under another policy (jj.simulation). Not part of the decision's identity.
    evaluation: "Evaluation | None" = field(default=None, compare=False, repr=False)

    @property
    def unmet(self) -> bool:
        """This decision stops the action: a BLOCK, or a justification that has not been given."""
        if self.outcome is Outcome.BLOCK:
            return True
        return self.outcome is Outcome.REQUIRE_JUSTIFICATION and not self.satisfied

    @property
    def needs_approval(self) -> bool:
        """A justification was given for a rule the policy reserves to a second person's approval."""
        return self.outcome is Outcome.REQUIRE_JUSTIFICATION and self.satisfied and self.supervisor_approval


@dataclass(frozen=True, eq=False)
class Evaluation:
    """One call of the engine: the trigger, the complete facts, the moment, and every rule that answered (so a
    service that records only some of the decisions can say which it left out)."""

    trigger: str
    facts: Any
    as_of: datetime
    rule_ids: tuple[str, ...] = ()


class Trigger(StrEnum):
    """The events a service asks the engine about."""

    INTAKE = "intake"
    CHARGE = "charge"
    ADULT_TRANSFER = "adult_transfer"
    SENTENCE = "sentence"
    SENTENCE_REVIEW = "sentence_review"  # a custodial sentence reviewed for early release (SEN-4)
    POLICY_CHANGE = "policy_change"
    CUSTODY_START = "custody_start"
    TRANSFER = "transfer"
    DETENTION_ORDER = "detention_order"
    DETENTION_REVIEW = "detention_review"
    RELEASE = "release"
    INCIDENT = "incident"
    COMPLAINT = "complaint"
    PROGRAMME = "programme"
    FACILITY_REVIEW = "facility_review"
    INSPECTION = "inspection"
    LEGALITY_CHALLENGE = "legality_challenge"
    INTERVIEW = "interview"
    CONTACT_REVIEW = "contact_review"
    DIVERSION_OFFER = "diversion_offer"
    DIVERSION_ACTIVATE = "diversion_activate"
    DIVERSION_OUTCOME = "diversion_outcome"
    AGE_RECHECK = "age_recheck"  # the date of birth or the age assessment changed on a child in the process
    ASSIGNMENT = "assignment"
    COURT_APPEARANCE = "court_appearance"
    EDUCATION_REVIEW = "education_review"
    RECORDS_REVIEW = "records_review"  # the daily records sweep: sealing and removal of children's records (REC-3)


def unmet(decisions: Sequence[Decision]) -> list[Decision]:
    return [d for d in decisions if d.unmet]


def needing_approval(decisions: Sequence[Decision]) -> list[Decision]:
    return [d for d in decisions if d.needs_approval]
