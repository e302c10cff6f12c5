"""DEL-1, PTD-12 and TRN-1: without delay for every child, no pretrial detention because a statute makes it
mandatory, and professionals trained in child justice (RULES.md section 7c)."""

from datetime import date, datetime

from jj.rules import citations as c
from jj.rules.checks.common import below_standard_note
from jj.rules.engine import DeadlineSpec, Decision, Outcome, Trigger
from jj.rules.facts import AssignmentFacts, CaseFacts, DetentionOrderFacts, InterviewFacts
from jj.rules.policy import Policy, Strictness
from jj.rules.registry import rule
from jj.rules.text import join, msgid, t
from jj.rules.timecalc import add_local_days, add_local_months

MANDATORY_GROUND = "mandatory_by_statute"

DEL_1_DEADLINES = msgid(
    "A matter is determined without delay, also when the child is not detained: a decision to charge or divert is "
    "due within {days} days of intake, and a final decision within {months} months.{note}"
)
PTD_12_BLOCK = msgid(
    "Pretrial detention may not be ordered because a statute makes it mandatory: decide on the child's own "
    "circumstances, with alternatives considered (PTD-2)."
)
PTD_12_WARN = msgid(
    "Mandatory pretrial detention is one of the 'zero-tolerance policies' the General Assembly asks States to "
    "review (A/RES/79/172 para. 26). Domestic law allows it here; the order is recorded as below the standard.{note}"
)
TRN_1_WARN = msgid(
    "{who} is not recorded as trained in child justice. Children should deal with specialised professionals: "
    "assign someone trained, or arrange the training."
)


@rule(
    "DEL-1",
    title="Without delay, also for children who are not detained",
    triggers=(Trigger.INTAKE,),
    outcomes=(Outcome.ALLOW,),
    summary="Intake opens case-level deadlines to a decision to charge or divert (default 30 days) and to a final "
    "decision (default 6 months), escalated to the supervisor when missed. The numbers are those of CRC/C/GC/24 "
    "para. 90 for detained children, UNVERIFIED for children who are not detained.",
    citations=(c.CRC_40_2_B_III, c.GC24_55),
    parameters=("case_decision_days", "case_final_decision_months"),
)
def del_1(policy: Policy, facts: CaseFacts, as_of: datetime) -> list[Decision]:
    opened = facts.opened_at or as_of
    days, months = policy.case_decision_days, policy.case_final_decision_months
    below = [p for p in ("case_decision_days", "case_final_decision_months") if policy.below_standard(p)]
    decision_due = add_local_days(opened, days, facts.zone)
    final_due = add_local_months(opened, months, facts.zone)
    return [
        Decision(
            "DEL-1",
            Outcome.ALLOW,
            t(DEL_1_DEADLINES, days=days, months=months, note=join([below_standard_note(policy, p) for p in below])),
            c.CRC_40_2_B_III,
            {"decision_due_at": decision_due.isoformat(), "final_due_at": final_due.isoformat()},
            deadlines=(
                DeadlineSpec(
                    "charge_or_divert", decision_due, t("Decide to charge or divert within {days} days", days=days)
                ),
                DeadlineSpec(
                    "case_final_decision",
                    final_due,
                    t("Final decision within {months} months of intake", months=months),
                ),
            ),
            below_standard=bool(below),
            further_citations=(c.GC24_55,),
        )
    ]


@rule(
    "PTD-12",
    title="No mandatory pretrial detention",
    triggers=(Trigger.DETENTION_ORDER,),
    outcomes=(Outcome.BLOCK, Outcome.WARN),
    summary="A detention order whose ground is that a statute makes detention mandatory is refused (a jurisdiction "
    "may make it a WARN naming the standard).",
    citations=(c.RES79_26,),
    parameters=("mandatory_pretrial_detention",),
)
def ptd_12(policy: Policy, facts: DetentionOrderFacts, as_of: datetime) -> list[Decision]:
    if MANDATORY_GROUND not in facts.grounds:
        return []
    used = {"grounds": list(facts.grounds), "policy": policy.mandatory_pretrial_detention}
    if policy.mandatory_pretrial_detention == Strictness.BLOCK:
        return [Decision("PTD-12", Outcome.BLOCK, t(PTD_12_BLOCK), c.RES79_26, used, satisfied_by=("grounds",))]
    return [
        Decision(
            "PTD-12",
            Outcome.WARN,
            t(PTD_12_WARN, note=below_standard_note(policy, "mandatory_pretrial_detention")),
            c.RES79_26,
            used,
            below_standard=True,
        )
    ]


def _trained(on: date | None, as_of: datetime) -> bool:
    return on is not None and on <= as_of.date()


@rule(
    "TRN-1",
    title="Specialised professionals",
    triggers=(Trigger.ASSIGNMENT, Trigger.INTERVIEW),
    outcomes=(Outcome.WARN,),
    summary="Staff carry the date they were trained in child justice. Assigning a caseworker, or questioning a "
    "child by someone, not recorded as trained warns. Feeds indicator 14 (specialised system).",
    citations=(c.RES79_39, c.RES76_184_11),
)
def trn_1(policy: Policy, facts: AssignmentFacts | InterviewFacts, as_of: datetime) -> list[Decision]:
    if isinstance(facts, AssignmentFacts):
        if facts.role != "caseworker":
            return []
        who, on = t("The caseworker"), facts.trained_in_child_justice_on
    else:
        who, on = t("The interviewer"), facts.interviewer_trained_on
    if _trained(on, as_of):
        return []
    return [
        Decision(
            "TRN-1",
            Outcome.WARN,
            t(TRN_1_WARN, who=who),
            c.RES79_39,
            {
                "role": "caseworker" if isinstance(facts, AssignmentFacts) else "interviewer",
                "trained_on": on.isoformat() if on else None,
            },
            further_citations=(c.RES76_184_11,),
        )
    ]
