"""The inputs of the checks: frozen dataclasses built by selectors, so checks run without a database."""

from dataclasses import dataclass, field
from datetime import date

from jj.rules.policy import Policy


@dataclass(frozen=True)
class ChildFacts:
    date_of_birth: date | None
    dob_certainty: str  # documented | estimated | unknown
    dob_earliest: date | None = None
    dob_latest: date | None = None
    age_assessment_method: str = "none"  # none | documents | developmental | medical_only
    developmental_disorder: bool = False


@dataclass(frozen=True)
class OffenceFacts:
    offence_date: date
    offence_date_end: date | None = None
    category: str = "11"
    is_status_offence: bool = False


@dataclass(frozen=True)
class CaseFacts:
    """A case at intake or charge, or the case behind a sentence or a transfer."""

    child: ChildFacts
    offences: tuple[OffenceFacts, ...]
    stage: str = "intake"  # intake | charge: where in the process the case stands
    justification: str = ""
    individual_assessment: str = ""  # DEV-1: the individual assessment that supports a charge

    @property
    def case_facts(self) -> "CaseFacts":
        return self


@dataclass(frozen=True)
class NonCustodialOption:
    option: str
    reason_rejected: str


@dataclass(frozen=True)
class SentenceFacts:
    case: CaseFacts
    sentence_type: str  # see SENTENCE_TYPES in checks.sentencing
    length_months: int | None = None
    non_custodial_options_considered: tuple[NonCustodialOption, ...] = ()
    justification: str = ""
    mandatory_minimum_applied: bool = False
    parole_eligibility_date: date | None = None

    @property
    def case_facts(self) -> CaseFacts:
        return self.case


@dataclass(frozen=True)
class PolicyChangeFacts:
    before: Policy
    after: Policy
    changed: tuple[str, ...] = field(default=())
