"""MACR-3, MACR-4 and POL-1: what a jurisdiction's policy may say, checked when an administrator changes it."""

from datetime import datetime

from jj.rules import citations as c
from jj.rules.engine import Citation, Decision, Outcome, Trigger
from jj.rules.facts import PolicyChangeFacts
from jj.rules.policy import PARAMETERS, Direction, Policy, approvals_removed
from jj.rules.registry import rule
from jj.rules.text import t

POLICY_STANDARD = Citation(
    c.RES_79_172,
    "para. 33",
    "notes the recommendation ... to increase the minimum age of criminal responsibility to at least 14 years as the "
    "absolute minimum age, and to continue to increase it to a higher age level",
)


@rule(
    "MACR-3",
    title="No exceptions to the minimum age for serious offences",
    triggers=(Trigger.POLICY_CHANGE,),
    outcomes=(Outcome.BLOCK,),
    summary="A policy that exempts offence categories from the minimum age of criminal responsibility is refused.",
    citations=(c.GC24_25,),
    parameters=("macr_offence_exceptions",),
)
def macr_3(policy: Policy, facts: PolicyChangeFacts, as_of: datetime) -> list[Decision]:
    exceptions = facts.after.macr_offence_exceptions
    if not exceptions:
        return []
    return [
        Decision(
            "MACR-3",
            Outcome.BLOCK,
            t(
                "The minimum age of criminal responsibility applies without exception: no offence category may be "
                "exempted from it."
            ),
            c.GC24_25,
            {"macr_offence_exceptions": list(exceptions)},
            satisfied_by=("macr_offence_exceptions",),
        )
    ]


@rule(
    "MACR-4",
    title="One minimum age only",
    triggers=(Trigger.POLICY_CHANGE,),
    outcomes=(Outcome.WARN,),
    summary="A second, lower age with a maturity test is recorded with a WARN and never applied: the system has "
    "no 'rebut incapacity' workflow, so the single minimum age (MACR-1) decides.",
    citations=(c.GC24_26, c.GC24_27),
    parameters=("macr_second_age",),
)
def macr_4(policy: Policy, facts: PolicyChangeFacts, as_of: datetime) -> list[Decision]:
    second = facts.after.macr_second_age
    if second is None:
        return []
    return [
        Decision(
            "MACR-4",
            Outcome.WARN,
            t(
                "Two ages with a maturity test ({second} and {macr}) do not comply with the standard. The second"
                " age is recorded but never applied: MACR-1 uses {macr}.",
                second=second,
                macr=facts.after.macr,
            ),
            c.GC24_26,
            {"macr_second_age": second, "macr": facts.after.macr},
            below_standard=True,
            further_citations=(c.GC24_27,),
        )
    ]


@rule(
    "POL-1",
    title="Policy settings below the international standard, or made less protective",
    triggers=(Trigger.POLICY_CHANGE,),
    outcomes=(Outcome.WARN,),
    summary="Domestic law may set a parameter on the non-protective side of the standard, or lower a protective "
    "one; the change is allowed, with a WARN naming the standard, and every later decision under it says so. "
    "Switching off a second-person approval (a supervisor's approval flag, or a rule dropped from those whose "
    "justification a supervisor approves) removes human oversight and is below the standard in the same way.",
    citations=(POLICY_STANDARD, c.RES79_6),
)
def pol_1(policy: Policy, facts: PolicyChangeFacts, as_of: datetime) -> list[Decision]:
    decisions = []
    for name in facts.changed:
        spec = PARAMETERS[name]
        if name in ("macr_offence_exceptions", "macr_second_age"):
            continue  # MACR-3 and MACR-4 speak for these
        before, after = getattr(facts.before, name), getattr(facts.after, name)
        below = spec.below_standard(after)
        if not below and not spec.less_protective(before, after):
            continue
        what = t("falls below the international standard") if below else t("protects children less than before")
        facts_used = {
            "parameter": name,
            "before": before,
            "after": after,
            "standard": spec.default,
            "rule_ids": list(spec.rule_ids),
        }
        citation = POLICY_STANDARD
        if spec.direction is Direction.APPROVAL:
            what = t("switches off a second person's approval (human oversight) and ") + what
            facts_used["approvals_removed"] = list(approvals_removed(before, after))
            citation = c.RES79_6
        decisions.append(
            Decision(
                "POL-1",
                Outcome.WARN,
                t(
                    "{label}: {after} (was {before}) {what} (standard: {default}; {source}). Every decision taken "
                    "under it will say so.",
                    label=spec.label,
                    after=str(after),
                    before=str(before),
                    what=what,
                    default=str(spec.default),
                    source=spec.source,
                ),
                citation,
                facts_used,
                below_standard=below,
                further_citations=(POLICY_STANDARD,) if citation is not POLICY_STANDARD else (),
            )
        )
    return decisions
