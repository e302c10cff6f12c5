"""A jurisdiction's policy: the domestic parameters the checks apply, each defaulting to the international standard.

Domestic law decides what is blocked; the standard is always evaluated too. A parameter set on the non-protective
side of its standard is allowed (domestic law rules) but every decision taken under it says so (`below_standard`).
"""

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any

from jj.rules.text import msgid


class Direction(StrEnum):
    """Which way a value may move from the standard and stay protective."""

    HIGHER = "higher"  # a larger number protects more (minimum ages)
    LOWER = "lower"  # a smaller number protects more (time limits)
    EXACT = "exact"  # anything but the standard falls below it (the standard is itself the floor)
    CHOICE = "choice"  # `choices` run from the most protective to the least
    NONE = "none"  # a design choice with no international standard behind it
    # A second-person approval (a flag, or a set of rules whose justification a second person approves): switching
    # one off removes human oversight (A/RES/79/172 para. 6), so it falls below the standard (POL-1).
    APPROVAL = "approval"
    # A list whose every item protects (the offence codes treated as status offences): removing one protects less.
    PROTECTIVE_LIST = "protective_list"


class Strictness(StrEnum):
    """How a configurable rule answers when it fires."""

    BLOCK = "block"
    JUSTIFY = "justify"
    WARN = "warn"


def approvals_removed(before: Any, after: Any) -> tuple[str, ...]:
    """The second-person approvals `after` switches off that `before` had: a flag turned off, or the rules dropped
    from a set of rules needing approval (adding approvals never removes any)."""
    if isinstance(before, bool) or isinstance(after, bool):
        return ("approval",) if before and not after else ()
    return tuple(item for item in (before or ()) if item not in (after or ()))


@dataclass(frozen=True)
class Parameter:
    name: str
    label: str
    default: Any
    direction: Direction
    rule_ids: tuple[str, ...]
    source: str
    unverified: bool = False
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()

    def below_standard(self, value: Any) -> bool:
        """True when `value` is on the non-protective side of the international standard."""
        if value == self.default:
            return False
        if self.direction is Direction.HIGHER:
            return bool(value < self.default)
        if self.direction is Direction.LOWER:
            return bool(value > self.default)
        if self.direction is Direction.CHOICE:
            return self.choices.index(value) > self.choices.index(self.default)
        if self.direction in (Direction.APPROVAL, Direction.PROTECTIVE_LIST):
            return bool(approvals_removed(self.default, value))
        return self.direction is Direction.EXACT

    def less_protective(self, before: Any, after: Any) -> bool:
        """True when moving from `before` to `after` protects children less (lowering a minimum age, say)."""
        if before == after or self.direction is Direction.NONE:
            return False
        if self.direction is Direction.HIGHER:
            return bool(after < before)
        if self.direction is Direction.LOWER:
            return bool(after > before)
        if self.direction is Direction.CHOICE:
            return self.choices.index(after) > self.choices.index(before)
        if self.direction in (Direction.APPROVAL, Direction.PROTECTIVE_LIST):
            return bool(approvals_removed(before, after))
        return after != self.default


@dataclass(frozen=True)
class Policy:
    """Every field's default is the international standard; see PARAMETERS for sources and directions."""

    macr: int = 14
    macr_second_age: int | None = None
    macr_offence_exceptions: tuple[str, ...] = ()
    age_of_majority: int = 18
    deprivation_of_liberty_min_age: int = 16
    competent_authority_hours: int = 24
    review_interval_days: int = 14
    charge_within_days: int = 30
    final_decision_months: int = 6
    monetary_bail: str = Strictness.WARN
    over_capacity: str = Strictness.BLOCK
    family_notification_minutes: int = 60
    health_examination_hours: int = 24
    complaint_response_days: int = 7
    diversion_guardian_consent: bool = True
    inspection_interval_months: int = 12
    legality_challenge_days: int = 14
    police_cell_hours: int = 24
    family_visit_days: int = 30
    status_offences: str = Strictness.BLOCK
    status_offence_codes: tuple[str, ...] = ()
    mandatory_minimum: str = Strictness.BLOCK
    max_custodial_sentence_months: int | None = None
    sentence_review_months: int = 6
    supervisor_approval_rules: tuple[str, ...] = ("DEV-1", "MACR-7")
    counsel_within_hours: int = 24
    counsel_at_decisions: str = Strictness.JUSTIFY
    girls_mixed_facility: str = Strictness.BLOCK
    gender_screening_hours: int = 24
    allegation_medical_hours: int = 24
    allegation_investigation_hours: int = 72
    individual_plan_days: int = 7
    education_enrolment_days: int = 14
    school_age_until: int = 18
    aftercare_plan_days: int = 7
    case_decision_days: int = 30
    case_final_decision_months: int = 6
    mandatory_pretrial_detention: str = Strictness.BLOCK
    records_removal_age: int = 18
    records_removal: str = "automatic"
    records_removal_review_days: int = 30
    records_sealed_read_second_person: bool = False

    def is_status_offence_code(self, code: str) -> bool:
        """STA-1: whether an offence's local code is on the jurisdiction's list of status offences (the flag is
        derived from this list, never ticked by hand). Codes compare without case or surrounding spaces."""
        wanted = code.strip().casefold()
        return bool(wanted) and any(wanted == listed.strip().casefold() for listed in self.status_offence_codes)

    def with_values(self, values: Mapping[str, Any]) -> "Policy":
        return replace(self, **dict(values))

    def below_standard(self, name: str) -> bool:
        return PARAMETERS[name].below_standard(getattr(self, name))

    def rules_below_standard(self) -> frozenset[str]:
        return frozenset(rule for p in PARAMETERS.values() if self.below_standard(p.name) for rule in p.rule_ids)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: (list(v) if isinstance(v := getattr(self, f.name), tuple) else v) for f in fields(self)}


STANDARD = Policy()

_PARAMETERS = (
    Parameter(
        "macr",
        msgid("Minimum age of criminal responsibility (years)"),
        14,
        Direction.HIGHER,
        ("MACR-1",),
        "CRC/C/GC/24 para. 22; A/RES/79/172 para. 33",
        minimum=7,
        maximum=18,
    ),
    Parameter(
        "macr_second_age",
        msgid("A second, lower age with a maturity test (none under the standard)"),
        None,
        Direction.EXACT,
        ("MACR-4",),
        "CRC/C/GC/24 paras. 26-27",
        minimum=7,
        maximum=17,
    ),
    Parameter(
        "macr_offence_exceptions",
        msgid("Offence categories exempted from the minimum age (none under the standard)"),
        (),
        Direction.EXACT,
        ("MACR-3",),
        "CRC/C/GC/24 para. 25",
    ),
    Parameter(
        "age_of_majority",
        msgid("Age up to which the child justice system applies (years)"),
        18,
        Direction.HIGHER,
        ("MACR-6", "SEN-1"),
        "CRC art. 1; CRC/C/GC/24 para. 29",
        minimum=16,
        maximum=21,
    ),
    Parameter(
        "deprivation_of_liberty_min_age",
        msgid("Age below which a child may not be deprived of liberty (years)"),
        16,
        Direction.HIGHER,
        ("PTD-9",),
        "CRC/C/GC/24 para. 89",
        minimum=7,
        maximum=18,
    ),
    Parameter(
        "competent_authority_hours",
        msgid("Hours to bring a child before a competent authority"),
        24,
        Direction.LOWER,
        ("PTD-1",),
        "CRC/C/GC/24 para. 90; CCPR/C/GC/35 para. 33",
        minimum=1,
        maximum=96,
    ),
    Parameter(
        "review_interval_days",
        msgid("Days between reviews of pretrial detention"),
        14,
        Direction.LOWER,
        ("PTD-4",),
        "CRC/C/GC/10 para. 83 (superseded; CRC/C/GC/24 para. 90 gives no number)",
        minimum=1,
        maximum=90,
    ),
    Parameter(
        "charge_within_days",
        msgid("Days from pretrial detention to formal charge"),
        30,
        Direction.LOWER,
        ("PTD-5",),
        "CRC/C/GC/24 para. 90",
        minimum=1,
        maximum=180,
    ),
    Parameter(
        "final_decision_months",
        msgid("Months from initial detention to a final decision, failing which release"),
        6,
        Direction.LOWER,
        ("PTD-6",),
        "CRC/C/GC/24 para. 90",
        minimum=1,
        maximum=36,
    ),
    Parameter(
        "monetary_bail",
        msgid("Release conditional on paying money"),
        Strictness.WARN,
        Direction.CHOICE,
        ("PTD-3",),
        "CRC/C/GC/24 para. 88",
        choices=(Strictness.BLOCK, Strictness.WARN),
    ),
    Parameter(
        "over_capacity",
        msgid("A non-emergency admission to a full facility"),
        Strictness.BLOCK,
        Direction.CHOICE,
        ("CAP-1",),
        "A/RES/73/177 para. 17; Havana Rules r. 30",
        choices=(Strictness.BLOCK, Strictness.WARN),
    ),
    Parameter(
        "family_notification_minutes",
        msgid("Minutes to notify parents or guardian of an admission, transfer or release"),
        60,
        Direction.LOWER,
        ("DET-1",),
        "Havana Rules r. 22 ('without delay'; no number)",
        unverified=True,
        minimum=0,
        maximum=1440,
    ),
    Parameter(
        "health_examination_hours",
        msgid("Hours to a health examination after admission"),
        24,
        Direction.LOWER,
        ("DET-6",),
        "CRC/C/GC/24 para. 95(d) ('upon admission'; no number)",
        unverified=True,
        minimum=1,
        maximum=72,
    ),
    Parameter(
        "complaint_response_days",
        msgid("Days to answer a complaint of a child in custody"),
        7,
        Direction.LOWER,
        ("DET-10",),
        "CRC/C/GC/24 para. 95(i) ('without delay'; no number)",
        unverified=True,
        minimum=1,
        maximum=60,
    ),
    Parameter(
        "legality_challenge_days",
        msgid("Days to decide a challenge to the legality of a deprivation of liberty"),
        14,
        Direction.LOWER,
        ("PTD-10",),
        "CRC/C/GC/10 para. 84 (superseded; CRC/C/GC/24 para. 91 says only 'short time limits')",
        minimum=1,
        maximum=60,
    ),
    Parameter(
        "police_cell_hours",
        msgid("Hours a child may stay in a police cell or court holding cell"),
        24,
        Direction.LOWER,
        ("PTD-11",),
        "CRC/C/GC/24 paras. 55, 85 (no number)",
        unverified=True,
        minimum=1,
        maximum=72,
    ),
    Parameter(
        "family_visit_days",
        msgid("Days without a family visit before a warning"),
        30,
        Direction.LOWER,
        ("DET-5",),
        "Havana Rules r. 60 (summary: visits not less than once a month)",
        unverified=True,
        minimum=1,
        maximum=90,
    ),
    Parameter(
        "inspection_interval_months",
        msgid("Months within which every place of detention should have had an independent, unannounced inspection"),
        12,
        Direction.LOWER,
        ("DET-11",),
        "CRC/C/GC/24 para. 95(j); Havana Rules r. 14; UNODC/UNICEF indicator 12",
        minimum=1,
        maximum=36,
    ),
    Parameter(
        "diversion_guardian_consent",
        msgid("Diversion needs the consent of a parent or guardian as well as the child's"),
        True,
        Direction.NONE,
        ("DIV-2",),
        "Beijing Rules r. 11.3 (consent of the juvenile, or her or his parents or guardian)",
    ),
    Parameter(
        "status_offences",
        msgid("Criminal process for status offences"),
        Strictness.BLOCK,
        Direction.CHOICE,
        ("STA-1",),
        "Riyadh Guidelines para. 56",
        choices=(Strictness.BLOCK, Strictness.WARN),
    ),
    Parameter(
        "status_offence_codes",
        msgid("Local offence codes that are status offences (conduct that is not an offence for an adult)"),
        (),
        Direction.PROTECTIVE_LIST,
        ("STA-1",),
        "Riyadh Guidelines para. 56 (the jurisdiction lists its codes; there is no international list)",
    ),
    Parameter(
        "mandatory_minimum",
        msgid("A mandatory minimum sentence applied to a child"),
        Strictness.BLOCK,
        Direction.CHOICE,
        ("SEN-3",),
        "CRC/C/GC/24 para. 78",
        choices=(Strictness.BLOCK, Strictness.WARN),
    ),
    Parameter(
        "max_custodial_sentence_months",
        msgid("Maximum custodial sentence for a child (months; unset falls below the standard)"),
        None,
        Direction.NONE,
        ("SEN-3",),
        "CRC/C/GC/24 para. 77 (requires a maximum; sets no number)",
        minimum=1,
        maximum=600,
    ),
    Parameter(
        "sentence_review_months",
        msgid("Months between reviews of a custodial sentence"),
        6,
        Direction.LOWER,
        ("SEN-4",),
        "Havana Rules r. 2; CRC/C/GC/24 para. 88 (no international number)",
        unverified=True,
        minimum=1,
        maximum=24,
    ),
    Parameter(
        "supervisor_approval_rules",
        msgid("Rules whose justification a supervisor must approve"),
        ("DEV-1", "MACR-7"),
        Direction.APPROVAL,
        (),
        "A/RES/79/172 para. 6 (human oversight)",
    ),
    Parameter(
        "counsel_within_hours",
        msgid("Hours from the start of a deprivation of liberty to an active legal counsel assignment"),
        24,
        Direction.LOWER,
        ("CNS-1",),
        "A/RES/79/172 para. 14 ('prompt access to legal counsel'; no number)",
        unverified=True,
        minimum=1,
        maximum=96,
    ),
    Parameter(
        "counsel_at_decisions",
        msgid("A detention order, charge or sentence with no active legal counsel"),
        Strictness.JUSTIFY,
        Direction.CHOICE,
        ("CNS-1",),
        "A/RES/79/172 para. 14; CRC arts. 37(d), 40(2)(b)(ii)",
        choices=(Strictness.BLOCK, Strictness.JUSTIFY),
    ),
    Parameter(
        "girls_mixed_facility",
        msgid("A girl placed in a facility that does not hold girls apart from boys"),
        Strictness.BLOCK,
        Direction.CHOICE,
        ("GIR-1",),
        "Nelson Mandela Rules r. 11(a); A/RES/79/172 para. 10",
        choices=(Strictness.BLOCK, Strictness.JUSTIFY),
    ),
    Parameter(
        "gender_screening_hours",
        msgid("Hours to a gender-specific health screening after a girl's admission"),
        24,
        Direction.LOWER,
        ("GIR-1",),
        "Bangkok Rules (health screening on admission; no number)",
        unverified=True,
        minimum=1,
        maximum=72,
    ),
    Parameter(
        "allegation_medical_hours",
        msgid("Hours to a medical examination after an allegation of ill-treatment or violence"),
        24,
        Direction.LOWER,
        ("ILL-1",),
        "A/RES/79/172 paras. 19, 20 ('promptly'; no number)",
        unverified=True,
        minimum=1,
        maximum=72,
    ),
    Parameter(
        "allegation_investigation_hours",
        msgid("Hours to the start of an independent investigation of an allegation of ill-treatment or violence"),
        72,
        Direction.LOWER,
        ("ILL-1",),
        "A/RES/79/172 para. 20 ('investigate promptly'; no number)",
        unverified=True,
        minimum=1,
        maximum=336,
    ),
    Parameter(
        "individual_plan_days",
        msgid("Days from admission to a detention facility to an individual needs-and-risk assessment and plan"),
        7,
        Direction.LOWER,
        ("REI-1",),
        "A/RES/76/184 para. 10; Havana Rules r. 27 (no number)",
        unverified=True,
        minimum=1,
        maximum=60,
    ),
    Parameter(
        "education_enrolment_days",
        msgid("Days a child of school age may be held before education enrolment must be recorded"),
        14,
        Direction.LOWER,
        ("REI-1",),
        "Havana Rules r. 38 (no number)",
        unverified=True,
        minimum=1,
        maximum=90,
    ),
    Parameter(
        "school_age_until",
        msgid("Age up to which a child held is of school age for education enrolment (years)"),
        18,
        Direction.HIGHER,
        ("REI-1",),
        "Havana Rules r. 38 (compulsory school age; no international number)",
        unverified=True,
        minimum=12,
        maximum=18,
    ),
    Parameter(
        "aftercare_plan_days",
        msgid("Days from release to an aftercare plan, when none was given at release"),
        7,
        Direction.LOWER,
        ("REI-1",),
        "A/RES/79/172 para. 30; Havana Rules rr. 79-80 (no number)",
        unverified=True,
        minimum=1,
        maximum=60,
    ),
    Parameter(
        "case_decision_days",
        msgid("Days from intake to a decision to charge or divert, for every case"),
        30,
        Direction.LOWER,
        ("DEL-1",),
        "CRC art. 40(2)(b)(iii) ('without delay'); the number is CRC/C/GC/24 para. 90's for detained children",
        unverified=True,
        minimum=1,
        maximum=180,
    ),
    Parameter(
        "case_final_decision_months",
        msgid("Months from intake to a final decision, for every case"),
        6,
        Direction.LOWER,
        ("DEL-1",),
        "CRC art. 40(2)(b)(iii) ('without delay'); the number is CRC/C/GC/24 para. 90's for detained children",
        unverified=True,
        minimum=1,
        maximum=36,
    ),
    Parameter(
        "mandatory_pretrial_detention",
        msgid("Pretrial detention ordered because a statute makes it mandatory"),
        Strictness.BLOCK,
        Direction.CHOICE,
        ("PTD-12",),
        "A/RES/79/172 para. 26",
        choices=(Strictness.BLOCK, Strictness.WARN),
    ),
    Parameter(
        "records_removal_age",
        msgid("Age at which a child's criminal-process records are removed (years)"),
        18,
        Direction.LOWER,
        ("REC-3",),
        "CRC/C/GC/24 para. 71",
        minimum=14,
        maximum=25,
    ),
    Parameter(
        "records_removal",
        msgid("Removal at that age: automatic, or only after an independent review"),
        "automatic",
        Direction.CHOICE,
        ("REC-3",),
        "CRC/C/GC/24 para. 71",
        choices=("automatic", "review"),
    ),
    Parameter(
        "records_removal_review_days",
        msgid("Days for the independent review to decide, where removal waits for one"),
        30,
        Direction.LOWER,
        ("REC-3",),
        "CRC/C/GC/24 para. 71 (removal in exceptional cases after independent review; the number of days is not in it)",
        unverified=True,
        minimum=1,
        maximum=90,
    ),
    Parameter(
        "records_sealed_read_second_person",
        msgid("A break-glass read of a sealed record waits until a second supervisor approves it"),
        False,
        Direction.NONE,
        ("REC-3",),
        "CRC/C/GC/24 para. 71",
    ),
)

PARAMETERS: Mapping[str, Parameter] = {p.name: p for p in _PARAMETERS}


def maximum_penalty_below_standard(policy: Policy) -> bool:
    """GC24 77 requires a maximum penalty but sets no number, so an unset maximum is flagged until entered."""
    return policy.max_custodial_sentence_months is None
