"""MACR-1 to MACR-7, DEV-1 and STA-1: who may enter the criminal process at all."""

from datetime import datetime

from jj.rules import citations as c
from jj.rules.age import AGE_FINDING_METHODS, age_on, lowest_age_at_offences, lowest_age_on, youngest_plausible_dob
from jj.rules.checks.common import CHILD_PROTECTION, below_standard_note
from jj.rules.engine import Decision, Outcome, Trigger
from jj.rules.facts import CaseFacts, PlacementFacts
from jj.rules.policy import STANDARD, Policy, Strictness
from jj.rules.registry import rule
from jj.rules.text import msgid, t

ADULT_AGE = 18  # CRC art. 1: the standard; a lower domestic majority is flagged, never silently applied

LEAP_DAY_CONVENTION = msgid(" Born on 29 February: in a common year a new age is reached on 1 March.")
AGE_NOT_ESTABLISHED = msgid(
    "The child's age at the time of the alleged offence is not established, so the benefit of the doubt applies: "
    "the child is treated as below the minimum age of criminal responsibility and as a child. Record a documented "
    "date of birth or the age range from a developmental assessment by specialists."
)


@rule(
    "MACR-1",
    title="No criminal process below the minimum age of criminal responsibility",
    triggers=(
        Trigger.INTAKE,
        Trigger.CHARGE,
        Trigger.CUSTODY_START,
        Trigger.DETENTION_ORDER,
        Trigger.SENTENCE,
        Trigger.AGE_RECHECK,
    ),
    outcomes=(Outcome.BLOCK, Outcome.WARN, Outcome.ALLOW),
    summary="Lowest plausible age at the alleged offence below the jurisdiction's minimum age: no criminal case "
    "opens and the child is referred to child protection. Between the domestic minimum and 14: WARN naming the "
    "standard. With no offence recorded yet, the age today is used (the age at any offence cannot be higher); an "
    "age not established counts as below the minimum (INV-1). Re-checked at sentence and whenever the date of birth "
    "or the age assessment changes.",
    citations=(c.GC24_22, c.RES79_33, c.GC24_23, c.CRC_40_3A),
    parameters=("macr",),
)
def macr_1(policy: Policy, facts: CaseFacts, as_of: datetime) -> list[Decision]:
    case = facts.case_facts
    used: dict[str, object]
    if case.offences:
        age = lowest_age_at_offences(case.child, case.offences)
        used = {"minimum_age": policy.macr, "standard_minimum_age": STANDARD.macr, "age_at_offence": age}
    else:
        age = lowest_age_on(case.child, as_of.date())
        used = {
            "minimum_age": policy.macr,
            "standard_minimum_age": STANDARD.macr,
            "age_at_offence": age,
            "no_offence_recorded": True,
            "age_taken_on": as_of.date().isoformat(),
        }
    further = (c.RES79_33, c.GC24_23, c.CRC_40_3A)
    if age is None:
        return [
            Decision(
                "MACR-1",
                Outcome.BLOCK,
                t(AGE_NOT_ESTABLISHED),
                c.GC24_22,
                {**used, "route": CHILD_PROTECTION},
                notify=(CHILD_PROTECTION,),
                satisfied_by=("date_of_birth", "dob_earliest", "dob_latest"),
                further_citations=(c.GC24_24, *further),
            )
        ]
    when = t("at the time of the alleged offence") if case.offences else t("today (no offence is recorded yet)")
    note = below_standard_note(policy, "macr") if policy.below_standard("macr") else ""
    if age < policy.macr:
        return [
            Decision(
                "MACR-1",
                Outcome.BLOCK,
                t(
                    "The child was {age} {when}, below the minimum age of criminal responsibility ({macr}). No "
                    "criminal case may be opened: the child is referred to child protection instead.",
                    age=age,
                    when=when,
                    macr=policy.macr,
                ),
                c.GC24_22,
                {**used, "route": CHILD_PROTECTION},
                notify=(CHILD_PROTECTION,),
                below_standard=bool(note),
                further_citations=further,
            )
        ]
    if age < STANDARD.macr:
        return [
            Decision(
                "MACR-1",
                Outcome.WARN,
                t(
                    "The child was {age} {when}: at or above the domestic minimum age ({macr}) but below the "
                    "international standard of at least {standard}. The case proceeds under domestic law.{note}",
                    age=age,
                    when=when,
                    macr=policy.macr,
                    standard=STANDARD.macr,
                    note=note,
                ),
                c.GC24_22,
                used,
                below_standard=True,
                further_citations=further,
            )
        ]
    return [
        Decision(
            "MACR-1",
            Outcome.ALLOW,
            t(
                "The child was {age} {when}, at or above the minimum age ({macr}).",
                age=age,
                when=when,
                macr=policy.macr,
            ),
            c.GC24_22,
            used,
            below_standard=bool(note),
        )
    ]


@rule(
    "MACR-2",
    title="The age at the time of the offence governs",
    triggers=(Trigger.INTAKE, Trigger.CHARGE),
    outcomes=(Outcome.ALLOW,),
    summary="Age is computed from the date of birth and the offence date, never the arrest or charge date; for a "
    "range of offence dates, the earliest (lowest age) governs. Records which date and age were used. A child born "
    "on 29 February reaches a new age on 1 March in common years.",
    citations=(c.GC24_20,),
)
def macr_2(policy: Policy, facts: CaseFacts, as_of: datetime) -> list[Decision]:
    case = facts.case_facts
    dob = youngest_plausible_dob(case.child)
    if dob is None or not case.offences:
        return []
    governing = min(case.offences, key=lambda o: (age_on(dob, o.offence_date), o.offence_date))
    age = age_on(dob, governing.offence_date)
    ranged = governing.offence_date_end is not None and governing.offence_date_end != governing.offence_date
    how = t(" (the earliest date of the alleged range, which gives the lowest age)") if ranged else ""
    leap = t(LEAP_DAY_CONVENTION) if (dob.month, dob.day) == (2, 29) else ""
    return [
        Decision(
            "MACR-2",
            Outcome.ALLOW,
            t(
                "Age {age} taken on {offence_date}{how}, the date of the alleged offence.{leap}",
                age=age,
                offence_date=governing.offence_date,
                how=how,
                leap=leap,
            ),
            c.GC24_20,
            {
                "date_of_birth_basis": case.child.dob_certainty,
                "governing_offence_date": governing.offence_date.isoformat(),
                "age_at_offence": age,
                "offence_count": len(case.offences),
            },
        )
    ]


@rule(
    "MACR-5",
    title="Uncertain age: the benefit of the doubt",
    triggers=(Trigger.INTAKE, Trigger.CHARGE),
    outcomes=(Outcome.BLOCK, Outcome.WARN, Outcome.ALLOW),
    summary="An age not shown to be at or above the minimum is treated as below it; an estimate counts at its "
    "youngest end and only when it rests on documents or a developmental assessment (an officer's guess is no age "
    "finding); a medical examination (bone or dental) alone cannot ground an age finding; while the age is "
    "disputed, the youngest date of birth claimed counts, or none.",
    citations=(c.GC24_24, c.GC24_33, c.GC24_34),
)
def macr_5(policy: Policy, facts: CaseFacts, as_of: datetime) -> list[Decision]:
    child = facts.case_facts.child
    used = {"dob_certainty": child.dob_certainty, "age_assessment_method": child.age_assessment_method}
    if child.dob_certainty == "documented":
        return []
    if child.age_assessment_method == "medical_only":
        return [
            Decision(
                "MACR-5",
                Outcome.BLOCK,
                t(
                    "An age finding cannot rest on a medical examination (bone or dental) alone. Record documentary "
                    "evidence or a developmental assessment by specialists; until then the child has the benefit of "
                    "the doubt."
                ),
                c.GC24_34,
                used,
                satisfied_by=("age_assessment_method",),
            )
        ]
    if child.dob_certainty == "disputed":
        if child.dob_latest is None:
            return [
                Decision(
                    "MACR-5",
                    Outcome.WARN,
                    t("The child's age is disputed. ") + t(AGE_NOT_ESTABLISHED),
                    c.GC24_24,
                    used,
                    further_citations=(c.GC24_34,),
                )
            ]
        return [
            Decision(
                "MACR-5",
                Outcome.WARN,
                t(
                    "The child's age is disputed: until it is resolved the benefit of the doubt applies, and the "
                    "youngest date of birth claimed (the latest) is used."
                ),
                c.GC24_24,
                {**used, "date_of_birth_basis": "youngest claimed"},
                further_citations=(c.GC24_34,),
            )
        ]
    if child.dob_certainty == "estimated" and child.age_assessment_method not in AGE_FINDING_METHODS:
        return [
            Decision(
                "MACR-5",
                Outcome.WARN,
                t(
                    "An estimate with no assessment method is no age finding: record documentary evidence or a "
                    "developmental assessment by specialists. "
                )
                + t(AGE_NOT_ESTABLISHED),
                c.GC24_33,
                used,
                satisfied_by=("age_assessment_method",),
                further_citations=(c.GC24_24, c.GC24_34),
            )
        ]
    if child.dob_certainty == "unknown":
        return [
            Decision("MACR-5", Outcome.WARN, t(AGE_NOT_ESTABLISHED), c.GC24_24, used, further_citations=(c.GC24_34,))
        ]
    return [
        Decision(
            "MACR-5",
            Outcome.ALLOW,
            t(
                "The age is estimated: the youngest plausible date of birth of the assessment (the end of its range) "
                "is used."
            ),
            c.GC24_34,
            {**used, "date_of_birth_basis": "youngest plausible"},
        )
    ]


@rule(
    "MACR-6",
    title="No transfer of a child to an adult court or procedure",
    triggers=(Trigger.ADULT_TRANSFER,),
    outcomes=(Outcome.BLOCK, Outcome.WARN, Outcome.ALLOW),
    summary="Lowest plausible age at any alleged offence below 18 (or not established): transfer to an adult "
    "court or procedure is refused, whatever the offence.",
    citations=(c.GC24_29, c.GC24_30),
    parameters=("age_of_majority",),
)
def macr_6(policy: Policy, facts: CaseFacts, as_of: datetime) -> list[Decision]:
    case = facts.case_facts
    age = lowest_age_at_offences(case.child, case.offences)
    used = {"age_at_offence": age, "age_of_majority": policy.age_of_majority}
    if age is None or age < policy.age_of_majority:
        return [
            Decision(
                "MACR-6",
                Outcome.BLOCK,
                t(
                    "A person who was a child at the time of an alleged offence stays in the child justice system, "
                    "whatever the offence: no transfer to an adult court or procedure."
                ),
                c.GC24_29,
                used,
                further_citations=(c.GC24_30,),
            )
        ]
    if age < ADULT_AGE:
        return [
            Decision(
                "MACR-6",
                Outcome.WARN,
                t(
                    "Domestic law ends the child justice system at {age_of_majority}, but the person was {age} at "
                    "the time of the alleged offence: a child under the international standard.",
                    age_of_majority=policy.age_of_majority,
                    age=age,
                )
                + below_standard_note(policy, "age_of_majority"),
                c.GC24_29,
                used,
                below_standard=True,
            )
        ]
    return [
        Decision(
            "MACR-6",
            Outcome.ALLOW,
            t("The person was {age} at the time of the alleged offence.", age=age),
            c.GC24_29,
            used,
        )
    ]


@rule(
    "MACR-7",
    title="Turning 18 during the case keeps child-justice protection",
    triggers=(Trigger.INTAKE, Trigger.CHARGE, Trigger.SENTENCE, Trigger.TRANSFER),
    outcomes=(Outcome.ALLOW, Outcome.REQUIRE_JUSTIFICATION),
    summary="A person who was under 18 at an alleged offence keeps child-justice protection through trial and "
    "sentencing after turning 18; offences straddling the 18th birthday all follow the child rules. Moving such a "
    "person to a place that holds adults needs a best-interests justification, approved by a supervisor by default.",
    citations=(c.GC24_31, c.GC24_93),
    parameters=("supervisor_approval_rules",),
)
def macr_7(policy: Policy, facts: CaseFacts | PlacementFacts, as_of: datetime) -> list[Decision]:
    case = facts.case_facts
    age_then = lowest_age_at_offences(case.child, case.offences)
    age_now = lowest_age_on(case.child, as_of.date())
    if age_then is None or age_now is None or age_then >= ADULT_AGE or age_now < ADULT_AGE:
        return []
    used = {"age_at_offence": age_then, "age_now": age_now}
    if isinstance(facts, PlacementFacts):
        if not facts.facility.holds_adults:
            return []
        return [
            Decision(
                "MACR-7",
                Outcome.REQUIRE_JUSTIFICATION,
                t(
                    "The person is {age_now} now but was {age_then} at the time of the offence: moving them to a "
                    "place that holds adults is decided only on their best interests, recorded and approved.",
                    age_now=age_now,
                    age_then=age_then,
                ),
                c.GC24_93,
                {**used, "facility_kind": facts.facility.kind},
                satisfied_by=("best_interests_justification",),
                satisfied=bool(facts.best_interests_justification.strip()),
                supervisor_approval="MACR-7" in policy.supervisor_approval_rules,
                further_citations=(c.GC24_31,),
            )
        ]
    return [
        Decision(
            "MACR-7",
            Outcome.ALLOW,
            t(
                "The person is {age_now} now but was {age_then} at the time of an alleged offence: child-justice"
                " protection continues through trial and sentencing, for every offence in the case.",
                age_now=age_now,
                age_then=age_then,
            ),
            c.GC24_31,
            used,
        )
    ]


@rule(
    "DEV-1",
    title="Developmental or neurodevelopmental disorder: exclusion or diversion by default",
    triggers=(Trigger.INTAKE, Trigger.CHARGE),
    outcomes=(Outcome.WARN, Outcome.REQUIRE_JUSTIFICATION),
    summary="A child screened for a developmental or neurodevelopmental disorder is routed to exclusion or "
    "diversion; a charge needs a written justification with an individual assessment (supervisor approval by "
    "default).",
    citations=(c.GC24_28,),
    parameters=("supervisor_approval_rules",),
)
def dev_1(policy: Policy, facts: CaseFacts, as_of: datetime) -> list[Decision]:
    case = facts.case_facts
    if not case.child.developmental_disorder:
        return []
    used = {"developmental_disorder": True, "stage": case.stage}
    if case.stage != "charge":
        return [
            Decision(
                "DEV-1",
                Outcome.WARN,
                t(
                    "The child is screened for a developmental or neurodevelopmental disorder: the default route is "
                    "exclusion from the justice system or diversion. A charge will need an individual assessment."
                ),
                c.GC24_28,
                used,
                notify=("supervisor",),
            )
        ]
    satisfied = bool(case.justification.strip() and case.individual_assessment.strip())
    return [
        Decision(
            "DEV-1",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "The child is screened for a developmental or neurodevelopmental disorder. A charge needs the "
                "individual assessment and a written justification of why exclusion or diversion is not appropriate."
            ),
            c.GC24_28,
            used,
            satisfied_by=("justification", "individual_assessment"),
            supervisor_approval="DEV-1" in policy.supervisor_approval_rules,
            satisfied=satisfied,
        )
    ]


@rule(
    "STA-1",
    title="No offence for conduct that is not an offence for an adult (status offences)",
    triggers=(Trigger.INTAKE, Trigger.CHARGE, Trigger.CUSTODY_START, Trigger.DETENTION_ORDER, Trigger.SENTENCE),
    outcomes=(Outcome.BLOCK, Outcome.WARN),
    summary="An alleged status offence (truancy, running away, curfew, underage drinking, begging, vagrancy, "
    "'beyond parental control': the offence codes on the jurisdiction's list, never a flag ticked by hand) opens "
    "no criminal process: the child is referred to child protection or family "
    "support. A jurisdiction whose law still criminalises it may downgrade this to WARN; deprivation of liberty "
    "for it stays refused.",
    citations=(c.RIYADH_56,),
    parameters=("status_offences", "status_offence_codes"),
)
def sta_1(policy: Policy, facts: CaseFacts, as_of: datetime) -> list[Decision]:
    # The flag derived when the offence was recorded, or the code on the jurisdiction's list as it stands now: a
    # code added later protects offences already recorded; one removed later does not unflag them.
    status = [
        o for o in facts.case_facts.offences if o.is_status_offence or policy.is_status_offence_code(o.local_code)
    ]
    if not status:
        return []
    used = {"status_offences": len(status), "policy": policy.status_offences}
    if facts.deprives_liberty:
        return [
            Decision(
                "STA-1",
                Outcome.BLOCK,
                t(
                    "A child may never be deprived of liberty for conduct that is not an offence for an "
                    "adult, whatever domestic law says."
                ),
                c.RIYADH_56,
                {**used, "deprivation_of_liberty": True},
            )
        ]
    if policy.status_offences == Strictness.BLOCK:
        return [
            Decision(
                "STA-1",
                Outcome.BLOCK,
                t(
                    "Conduct that is not an offence for an adult is not an offence for a child: no criminal process. "
                    "The child is referred to child protection or family support."
                ),
                c.RIYADH_56,
                {**used, "route": CHILD_PROTECTION},
                notify=(CHILD_PROTECTION,),
            )
        ]
    return [
        Decision(
            "STA-1",
            Outcome.WARN,
            t("A status offence (not an offence for an adult) is alleged; domestic law allows criminal process for it.")
            + below_standard_note(policy, "status_offences"),
            c.RIYADH_56,
            used,
            below_standard=True,
        )
    ]
