"""SEN-1 to SEN-4: what a court may impose on a person who was a child at the time of the offence."""

from datetime import datetime

from jj.rules import citations as c
from jj.rules.age import lowest_age_at_offences
from jj.rules.checks.common import below_standard_note
from jj.rules.engine import DeadlineSpec, Decision, Outcome, Trigger
from jj.rules.facts import SentenceFacts
from jj.rules.policy import Policy, Strictness, maximum_penalty_below_standard
from jj.rules.registry import rule
from jj.rules.text import t
from jj.rules.timecalc import add_months

PROHIBITED = frozenset({"death", "life_without_parole", "corporal"})
LIFE_OR_INDETERMINATE = frozenset({"life_with_parole", "indeterminate"})
CUSTODIAL = frozenset({"custody", *LIFE_OR_INDETERMINATE, "life_without_parole"})
NON_CUSTODIAL = frozenset(
    {"warning", "community_service", "probation", "supervision", "fine", "restorative", "education_order"}
)
SENTENCE_TYPES = (
    *sorted(NON_CUSTODIAL),
    "custody",
    *sorted(LIFE_OR_INDETERMINATE),
    "forced_labour",
    *sorted(PROHIBITED),
)
CHILD_AGE = 18  # "whatever the jurisdiction says" (SEN-1): the standard, not the domestic majority


def _child_at_offence(facts: SentenceFacts) -> tuple[bool, int | None]:
    """Under 18 at any alleged offence, or age not established (benefit of the doubt, GC24 79)."""
    age = lowest_age_at_offences(facts.case.child, facts.case.offences)
    return age is None or age < CHILD_AGE, age


@rule(
    "SEN-1",
    title="No death penalty, life without release or corporal punishment",
    triggers=(Trigger.SENTENCE,),
    outcomes=(Outcome.BLOCK,),
    summary="For an offence committed under 18, or by a person whose age is not established: capital "
    "punishment, life imprisonment without possibility of release and corporal punishment are refused, "
    "whatever domestic law says. Not configurable.",
    citations=(c.CRC_37_A, c.RES79_32, c.GC24_75, c.GC24_79, c.BEIJING_17_3),
)
def sen_1(policy: Policy, facts: SentenceFacts, as_of: datetime) -> list[Decision]:
    if facts.sentence_type not in PROHIBITED:
        return []
    child, age = _child_at_offence(facts)
    if not child:
        return []
    return [
        Decision(
            "SEN-1",
            Outcome.BLOCK,
            t(
                "Neither capital punishment, nor life imprisonment without possibility of release, nor corporal "
                "punishment may be imposed for an offence committed by a child. Domestic law cannot change this."
            ),
            c.CRC_37_A,
            {"sentence_type": facts.sentence_type, "age_at_offence": age},
            further_citations=(c.RES79_32, c.GC24_75, c.GC24_79, c.BEIJING_17_3),
        )
    ]


@rule(
    "SEN-2",
    title="Any life or indeterminate sentence: parole date and periodic review",
    triggers=(Trigger.SENTENCE,),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION, Outcome.WARN),
    summary="A life sentence with release or an indeterminate sentence needs a parole eligibility date; it is "
    "recorded with a WARN (the standard calls for abolishing them) and reviewed periodically (SEN-4).",
    citations=(c.GC24_81, c.RES79_32),
)
def sen_2(policy: Policy, facts: SentenceFacts, as_of: datetime) -> list[Decision]:
    if facts.sentence_type not in LIFE_OR_INDETERMINATE or not _child_at_offence(facts)[0]:
        return []
    used = {"sentence_type": facts.sentence_type, "parole_eligibility_date": facts.parole_eligibility_date}
    if facts.parole_eligibility_date is None:
        return [
            Decision(
                "SEN-2",
                Outcome.REQUIRE_JUSTIFICATION,
                t(
                    "A life or indeterminate sentence for a child needs a parole eligibility date, substantially "
                    "earlier than for an adult."
                ),
                c.GC24_81,
                used,
                satisfied_by=("parole_eligibility_date",),
            )
        ]
    return [
        Decision(
            "SEN-2",
            Outcome.WARN,
            t(
                "Life and indeterminate sentences for children should be abolished; the sentence is reviewed "
                "periodically (SEN-4) with a view to early release."
            ),
            c.GC24_81,
            {**used, "parole_eligibility_date": facts.parole_eligibility_date.isoformat()},
            further_citations=(c.RES79_32,),
        )
    ]


@rule(
    "SEN-3",
    title="Custody as a last resort, proportionate, within the maximum penalty",
    triggers=(Trigger.SENTENCE,),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION, Outcome.BLOCK, Outcome.WARN),
    summary="A custodial sentence needs the non-custodial options considered, each with why it was rejected, "
    "and a written justification. Longer than the jurisdiction's maximum: BLOCK (no maximum set: WARN). A "
    "mandatory minimum applied: BLOCK (configurable to WARN). Forced labour: BLOCK.",
    citations=(c.CRC_37_B, c.CRC_40_4, c.GC24_73, c.GC24_74, c.GC24_77, c.GC24_78),
    parameters=("max_custodial_sentence_months", "mandatory_minimum"),
)
def sen_3(policy: Policy, facts: SentenceFacts, as_of: datetime) -> list[Decision]:
    if not _child_at_offence(facts)[0]:
        return []
    if facts.sentence_type == "forced_labour":
        return [
            Decision(
                "SEN-3",
                Outcome.BLOCK,
                t("Forced labour is not a measure that may be imposed on a child."),
                c.GC24_74,
                {"sentence_type": facts.sentence_type},
            )
        ]
    decisions: list[Decision] = []
    if facts.mandatory_minimum_applied:
        blocks = policy.mandatory_minimum == Strictness.BLOCK
        decisions.append(
            Decision(
                "SEN-3",
                Outcome.BLOCK if blocks else Outcome.WARN,
                t("Mandatory minimum sentences are incompatible with the child justice principle of proportionality.")
                + ("" if blocks else below_standard_note(policy, "mandatory_minimum")),
                c.GC24_78,
                {"mandatory_minimum_applied": True, "policy": policy.mandatory_minimum},
                satisfied_by=("mandatory_minimum_applied",),
                below_standard=not blocks,
            )
        )
    if facts.sentence_type not in CUSTODIAL:
        return decisions
    options = facts.non_custodial_options_considered
    satisfied = bool(facts.justification.strip()) and bool(options) and all(o.reason_rejected.strip() for o in options)
    decisions.append(
        Decision(
            "SEN-3",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "A custodial sentence is a last resort: record each non-custodial option considered with why it was "
                "rejected, and a written justification."
            ),
            c.CRC_37_B,
            {"sentence_type": facts.sentence_type, "options_considered": [o.option for o in options]},
            satisfied_by=("non_custodial_options_considered", "justification"),
            satisfied=satisfied,
            further_citations=(c.CRC_40_4, c.GC24_73),
        )
    )
    maximum = policy.max_custodial_sentence_months
    length = facts.length_months
    if maximum_penalty_below_standard(policy):
        decisions.append(
            Decision(
                "SEN-3",
                Outcome.WARN,
                t(
                    "The jurisdiction has not set a maximum penalty for children: the length cannot be checked against "
                    "one. An administrator should enter the domestic maximum in the policy."
                ),
                c.GC24_77,
                {"length_months": length, "maximum_months": None},
                below_standard=True,
            )
        )
    elif length is not None and maximum is not None and length > maximum:
        decisions.append(
            Decision(
                "SEN-3",
                Outcome.BLOCK,
                t(
                    "The sentence ({length} months) exceeds the jurisdiction's maximum for children ({maximum} "
                    "months).",
                    length=length,
                    maximum=maximum,
                ),
                c.GC24_77,
                {"length_months": length, "maximum_months": maximum},
                satisfied_by=("length_months",),
            )
        )
    return decisions


@rule(
    "SEN-4",
    title="Custodial sentences are reviewed for early release",
    triggers=(Trigger.SENTENCE, Trigger.SENTENCE_REVIEW),
    outcomes=(Outcome.ALLOW,),
    summary="Every custodial sentence gets a review deadline, repeated at the policy's interval (default 6 "
    "months, an UNVERIFIED number: no international figure was found).",
    citations=(c.HAVANA_2, c.GC24_88_RELEASE),
    parameters=("sentence_review_months",),
)
def sen_4(policy: Policy, facts: SentenceFacts, as_of: datetime) -> list[Decision]:
    if facts.sentence_type not in CUSTODIAL:
        return []
    due = add_months(as_of, policy.sentence_review_months)
    return [
        Decision(
            "SEN-4",
            Outcome.ALLOW,
            t(
                "The sentence is reviewed for early release every {sentence_review_months} months; the first "
                "review is due {due}.",
                sentence_review_months=policy.sentence_review_months,
                due=due.date(),
            ),
            c.HAVANA_2,
            {"review_interval_months": policy.sentence_review_months},
            deadlines=(
                DeadlineSpec(
                    "sentence_review",
                    due,
                    t(
                        "Review the sentence for early release (every {sentence_review_months} months)",
                        sentence_review_months=policy.sentence_review_months,
                    ),
                ),
            ),
            further_citations=(c.GC24_88_RELEASE,),
        )
    ]
