"""The inputs of the checks: frozen dataclasses built by selectors, so checks run without a database."""

from dataclasses import dataclass, field
from datetime import date, datetime

from jj.rules.policy import Policy


@dataclass(frozen=True)
class ChildFacts:
    date_of_birth: date | None
    dob_certainty: str  # documented | estimated | unknown
    dob_earliest: date | None = None
    dob_latest: date | None = None
    age_assessment_method: str = "none"  # none | documents | developmental | medical_only
    developmental_disorder: bool = False
    sex: str = "unknown"  # female | male | other | unknown
    accommodation_needs: str = ""  # DIS-1: what the child needs at each act (disability, language, ...)
    pregnant: bool = False  # GIR-1
    child_in_care: bool = False  # GIR-1: a child of her own in her care
    armed_forces_association: bool = False  # CAF-1

    @property
    def is_girl(self) -> bool:
        return self.sex == "female"


@dataclass(frozen=True)
class OffenceFacts:
    offence_date: date
    offence_date_end: date | None = None
    category: str = "11"
    # STA-1: derived when the offence was recorded from the jurisdiction's list of status-offence codes.
    is_status_offence: bool = False
    local_code: str = ""


@dataclass(frozen=True)
class CaseFacts:
    """A case at intake or charge, or the case behind a sentence or a transfer."""

    child: ChildFacts
    offences: tuple[OffenceFacts, ...]
    stage: str = "intake"  # intake | charge: where in the process the case stands
    justification: str = ""
    individual_assessment: str = ""  # DEV-1: the individual assessment that supports a charge
    diversion_offered: bool = False  # DIV-1: a diversion referral was offered on this case
    diversion_not_offered_reason: str = ""
    counsel_active: bool = False  # CNS-1: a legal counsel assignment is active on the case
    counsel_legal_aid: bool = False  # CNS-1: that counsel is provided under legal aid
    no_counsel_justification: str = ""  # CNS-1: why the act proceeds without counsel
    armed_forces_justification: str = ""  # CAF-1: why a child associated with armed forces is charged or detained
    opened_at: datetime | None = None  # DEL-1: intake (the request's time when unset)
    zone: str = "UTC"  # DEL-1: the jurisdiction's time zone, for calendar deadlines

    @property
    def case_facts(self) -> "CaseFacts":
        return self

    @property
    def deprives_liberty(self) -> bool:
        return False


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
    child_views: str = ""  # HRD-1
    views_not_heard_reason: str = ""  # HRD-1

    @property
    def case_facts(self) -> CaseFacts:
        return self.case

    @property
    def deprives_liberty(self) -> bool:
        return self.sentence_type in CUSTODIAL_SENTENCE_TYPES


CUSTODIAL_SENTENCE_TYPES = frozenset({"custody", "indeterminate", "life_with_parole", "life_without_parole"})


@dataclass(frozen=True)
class PolicyChangeFacts:
    before: Policy
    after: Policy
    changed: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class FacilityFacts:
    kind: str
    capacity: int
    occupancy: int  # children held there now, not counting this one
    children_wholly_separated: bool
    separated_by_sex: bool = True  # GIR-1: girls are held apart from boys (a girls' facility or unit)

    @property
    def holds_adults(self) -> bool:
        return self.kind == "adult_prison" or not self.children_wholly_separated


@dataclass(frozen=True)
class PlacementFacts:
    """The start of a deprivation of liberty (is_admission) or a transfer to another facility."""

    case: CaseFacts
    facility: FacilityFacts
    at: datetime
    zone: str
    is_admission: bool = True
    episode_started_at: datetime | None = None
    first_appearance_at: datetime | None = None
    commitment_order_reference: str = ""
    best_interests_justification: str = ""  # DET-4, MACR-7
    police_cell_justification: str = ""  # PTD-11
    age_floor_justification: str = ""  # PTD-9
    emergency: bool = False
    child_views: str = ""  # HRD-1
    views_not_heard_reason: str = ""  # HRD-1
    accommodation_provided: str = ""  # DIS-1
    mixed_facility_justification: str = ""  # GIR-1 (where the policy allows one)
    # INV-5: a transfer to a safer place or for health care, which no rule may refuse (the checks warn instead).
    protective_transfer: bool = False

    @property
    def case_facts(self) -> CaseFacts:
        return self.case

    @property
    def deprives_liberty(self) -> bool:
        return True


@dataclass(frozen=True)
class Alternative:
    alternative: str
    reason_rejected: str


@dataclass(frozen=True)
class DetentionOrderFacts:
    case: CaseFacts
    ordered_at: datetime
    episode_started_at: datetime
    zone: str
    kind: str = "pretrial_detention"  # or electronic_monitoring
    grounds: tuple[str, ...] = ()
    alternatives_considered: tuple[Alternative, ...] = ()
    justification: str = ""  # PTD-2: why no alternative suffices
    monetary_bail_condition: bool = False
    grounds_for_detention_found: bool = False
    charged: bool = False
    first_order: bool = True  # the first pretrial detention order of this episode
    final_decision_made: bool = False
    age_floor_justification: str = ""  # PTD-9
    charge_delay_justification: str = ""  # PTD-5, when the case's charge deadline has passed
    # INV-2: the case's clocks, from its first deprivation of liberty and its first pretrial detention, across every
    # episode (None: this order starts them).
    clock_started_at: datetime | None = None
    pretrial_clock_started_at: datetime | None = None
    child_views: str = ""  # HRD-1
    views_not_heard_reason: str = ""  # HRD-1

    @property
    def case_facts(self) -> CaseFacts:
        return self.case

    @property
    def deprives_liberty(self) -> bool:
        return self.kind == "pretrial_detention"


@dataclass(frozen=True)
class ReviewFacts:
    """A periodic review (or later appearance) that continues pretrial detention."""

    at: datetime
    episode_started_at: datetime
    pretrial_detention_started_at: datetime
    zone: str
    charged: bool = False
    final_decision_made: bool = False
    justification: str = ""


@dataclass(frozen=True)
class IncidentFacts:
    kind: str
    purpose: str = ""
    reason: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    supervising_staff: str = ""
    hours_without_meaningful_contact: float = 0.0
    measure: str = ""
    imminent_threat: bool = False
    means_tried_first: str = ""
    professional_in_charge: str = ""
    child: ChildFacts | None = None  # GIR-1: pregnancy or a child in care
    allegation_kind: str = ""  # ILL-1: see ALLEGATION_KINDS in checks.ill_treatment
    implicated_staff: tuple[str, ...] = ()  # ILL-1: excluded from the investigation
    reported_at: datetime | None = None  # ILL-1: when the allegation became known (the request's time when unset)
    # ILL-1: the child is still held after this incident (not a death, the episode not ended); only then is the
    # medical examination the facility's deadline (INV-8: no open deadline without its object).
    child_held: bool = True


@dataclass(frozen=True)
class ComplaintFacts:
    lodged_at: datetime
    zone: str
    allegation_kind: str = ""  # ILL-1
    implicated_staff: tuple[str, ...] = ()  # ILL-1
    child_held: bool = True  # ILL-1: as IncidentFacts.child_held (a complaint may be lodged after release)


@dataclass(frozen=True)
class ReleaseFacts:
    at: datetime
    zone: str = "UTC"
    aftercare_plan_given: bool = False  # REI-1: a plan was handed over at release (else a deadline opens)


@dataclass(frozen=True)
class ProgrammeFacts:
    kind: str
    involves_deprivation_of_liberty: bool


@dataclass(frozen=True)
class DiversionFacts:
    """A diversion referral at offer, activation or outcome."""

    programme: ProgrammeFacts
    stage: str  # intake | charge | trial | later
    compelling_evidence: str = ""
    acknowledgement_recorded: bool = False
    child_consent: bool = False
    guardian_consent: bool = False
    informed_of: tuple[str, ...] = ()  # nature, content, duration, consequences
    legal_advice_offered: bool = False
    review_route_explained: bool = False
    outcome: str = ""  # completed | not_completed | withdrawn
    activated_at: datetime | None = None  # at activation: when it takes effect, for the review and end deadlines
    duration_days: int = 0  # the programme's typical duration
    case: CaseFacts | None = None  # CNS-1, DIS-1: the case and child behind the referral
    child_views: str = ""  # HRD-1 (at the offer)
    views_not_heard_reason: str = ""  # HRD-1
    accommodation_provided: str = ""  # DIS-1 (at activation)


@dataclass(frozen=True)
class FacilityReviewFacts:
    """A facility's inspection record, for DET-11."""

    last_inspection_on: date | None
    last_unannounced_on: date | None
    follow_ups_overdue: int = 0  # recommendations whose follow-up date has passed with no follow-up recorded


@dataclass(frozen=True)
class InspectionFacts:
    """One inspection as the monitoring body recorded it (DET-11 as amended, A/RES/79/172 para 15)."""

    visited_on: date
    private_interviews_held: bool
    recommendations: tuple[str, ...] = ()
    follow_up_due: date | None = None


@dataclass(frozen=True)
class ChallengeFacts:
    """A challenge to the legality of a deprivation of liberty (PTD-10)."""

    filed_at: datetime
    zone: str


@dataclass(frozen=True)
class InterviewFacts:
    """Questioning of a child (DET-2)."""

    lawyer_present: bool
    appropriate_adult_present: bool
    lawyer_waived: bool = False
    waiver_under_judicial_supervision: bool = False
    audio_visual_recorded: bool = False
    appropriate_adult_absence_reason: str = ""  # DET-2: why an adult's presence was against the child's interests
    interpreter_needed: bool = False  # DET-2: from the child's record
    interpreter_present: bool = False
    case: CaseFacts | None = None  # CNS-1, DIS-1: the case and child questioned
    accommodation_provided: str = ""  # DIS-1
    interviewer_trained_on: date | None = None  # TRN-1: when the interviewer was trained in child justice


@dataclass(frozen=True)
class ContactReviewFacts:
    """A child's contact with family while held (DET-5)."""

    held_since: datetime
    last_family_visit_at: datetime | None
    incommunicado: bool = False


@dataclass(frozen=True)
class AppearanceFacts:
    """A court appearance of a child (DIS-1): a judicial review, which no rule may refuse (INV-5)."""

    child: ChildFacts
    at: datetime
    accommodation_provided: str = ""


@dataclass(frozen=True)
class AssignmentFacts:
    """A member of staff assigned to a case (TRN-1)."""

    role: str  # caseworker | legal_counsel | court_officer
    trained_in_child_justice_on: date | None
    legal_aid: bool = False


@dataclass(frozen=True)
class EducationReviewFacts:
    """A child held in a detention facility, reviewed for education enrolment (REI-1)."""

    child: ChildFacts
    held_since: datetime
    zone: str
    enrolled: bool = False


@dataclass(frozen=True)
class RecordFacts:
    """REC-3: where a child's criminal-process records stand on the law's timetable."""

    child: ChildFacts
    in_process: bool  # a case still open, charged, diverted or sentenced with measures running, or in custody now
    # The day the process ended for the child: release from custody with no case left open, or diversion completed.
    process_ended_on: date | None
    sealed: bool = False
    removed: bool = False
    review_opened: bool = False  # an independent review of the removal is open (GC24 71: exceptional cases)
    # The last review decided to retain the records until this day: nothing is due before it, a review again on it.
    retained_until: date | None = None
