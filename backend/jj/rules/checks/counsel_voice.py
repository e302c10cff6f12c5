"""CNS-1 and HRD-1: legal counsel from the outset (legal aid included), and the child heard before the decisions
that affect her or him (RULES.md section 7c)."""

from datetime import datetime, timedelta

from jj.rules import citations as c
from jj.rules.checks.common import below_standard_note
from jj.rules.checks.custody import POLICE_HOLDING
from jj.rules.engine import DeadlineSpec, Decision, Outcome, Trigger
from jj.rules.facts import (
    CaseFacts,
    DetentionOrderFacts,
    DiversionFacts,
    InterviewFacts,
    PlacementFacts,
    SentenceFacts,
)
from jj.rules.policy import Policy, Strictness
from jj.rules.registry import rule
from jj.rules.text import msgid, t

CNS_1_DEADLINE = msgid(
    "Legal counsel (legal aid where the child has none) is assigned from the outset: within {hours} hours of the "
    "deprivation of liberty.{note}"
)
CNS_1_WARN = msgid(
    "No legal counsel is assigned to this case: assign counsel (legal aid where needed) before the {act}."
)
CNS_1_JUSTIFY = msgid(
    "No legal counsel is assigned to this case. Assign counsel (legal aid where the child has none), or record why "
    "the {act} cannot wait for counsel."
)
CNS_1_BLOCK = msgid("No legal counsel is assigned to this case, and the jurisdiction requires counsel before a {act}.")
HRD_1_JUSTIFY = msgid(
    "The child has the right to be heard before this {act}: record the child's views, or why the child could not "
    "be heard."
)
HRD_1_PROTECTIVE = msgid(
    "The child's views on this {act} are not recorded. A transfer to a safer place is never held back: record the "
    "child's views as soon as possible."
)
HRD_1_HEARD = msgid("The child's views on this {act} are recorded.")
HRD_1_NOT_HEARD = msgid("The child could not be heard on this {act}; the reason is recorded.")

COUNSEL_ACTS: dict[type, str] = {
    InterviewFacts: t("interview"),
    DiversionFacts: t("diversion"),
    DetentionOrderFacts: t("detention order"),
    CaseFacts: t("charge"),
    SentenceFacts: t("sentence"),
}


def _case_of(facts: object) -> CaseFacts | None:
    case = getattr(facts, "case", facts)
    return case if isinstance(case, CaseFacts) else None


@rule(
    "CNS-1",
    title="Legal counsel from the outset, including legal aid",
    triggers=(
        Trigger.CUSTODY_START,
        Trigger.INTERVIEW,
        Trigger.DETENTION_ORDER,
        Trigger.CHARGE,
        Trigger.SENTENCE,
        Trigger.DIVERSION_ACTIVATE,
    ),
    outcomes=(Outcome.ALLOW, Outcome.WARN, Outcome.REQUIRE_JUSTIFICATION, Outcome.BLOCK),
    summary="A deprivation of liberty with no legal counsel assigned opens a deadline to assign counsel (default 24 "
    "hours, an UNVERIFIED number). A detention order, charge or sentence with no active counsel needs a written "
    "reason (a jurisdiction may refuse it instead); an interview or a diversion without counsel warns. Whether "
    "counsel is legal aid is recorded with the assignment (statistic: time to counsel).",
    citations=(c.RES79_14, c.RES76_184_9_LEGAL_AID, c.CRC_37_D_COUNSEL, c.CRC_40_2_B_II, c.GC24_49_51),
    parameters=("counsel_within_hours", "counsel_at_decisions"),
)
def cns_1(
    policy: Policy,
    facts: PlacementFacts | InterviewFacts | DetentionOrderFacts | CaseFacts | SentenceFacts | DiversionFacts,
    as_of: datetime,
) -> list[Decision]:
    case = _case_of(facts)
    if case is None or case.counsel_active:
        return []
    further = (c.GC24_49_51, c.CRC_37_D_COUNSEL, c.CRC_40_2_B_II, c.RES76_184_9_LEGAL_AID)
    used = {"counsel_active": False}
    if isinstance(facts, PlacementFacts):
        if not facts.is_admission:
            return []
        hours = policy.counsel_within_hours
        below = policy.below_standard("counsel_within_hours")
        note = below_standard_note(policy, "counsel_within_hours") if below else ""
        due = facts.at + timedelta(hours=hours)
        return [
            Decision(
                "CNS-1",
                Outcome.ALLOW,
                t(CNS_1_DEADLINE, hours=hours, note=note),
                c.RES79_14,
                {**used, "hours": hours, "due_at": due.isoformat()},
                deadlines=(
                    DeadlineSpec("legal_counsel", due, t("Assign legal counsel within {hours} hours", hours=hours)),
                ),
                below_standard=below,
                further_citations=further,
            )
        ]
    act = COUNSEL_ACTS[type(facts)]
    if isinstance(facts, InterviewFacts | DiversionFacts):
        return [Decision("CNS-1", Outcome.WARN, t(CNS_1_WARN, act=act), c.RES79_14, used, further_citations=further)]
    if policy.counsel_at_decisions == Strictness.BLOCK:
        return [
            Decision(
                "CNS-1",
                Outcome.BLOCK,
                t(CNS_1_BLOCK, act=act),
                c.RES79_14,
                {**used, "policy": policy.counsel_at_decisions},
                further_citations=further,
            )
        ]
    return [
        Decision(
            "CNS-1",
            Outcome.REQUIRE_JUSTIFICATION,
            t(CNS_1_JUSTIFY, act=act),
            c.RES79_14,
            {**used, "policy": policy.counsel_at_decisions},
            satisfied_by=("no_counsel_justification",),
            satisfied=bool(case.no_counsel_justification.strip()),
            further_citations=further,
        )
    ]


HEARING_ACTS: dict[type, str] = {
    DetentionOrderFacts: t("detention order"),
    SentenceFacts: t("sentence"),
    DiversionFacts: t("diversion referral"),
}


@rule(
    "HRD-1",
    title="The child is heard",
    triggers=(
        Trigger.DETENTION_ORDER,
        Trigger.SENTENCE,
        Trigger.CUSTODY_START,
        Trigger.TRANSFER,
        Trigger.DIVERSION_OFFER,
    ),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION, Outcome.WARN),
    summary="A detention order, a sentence, a placement in a detention facility, a transfer and a diversion referral "
    "need the child's views recorded, or why the child could not be heard. A transfer to a safer place is never "
    "held back (INV-5): there the missing views only warn.",
    citations=(c.CRC_12, c.GC24_44_46),
)
def hrd_1(
    policy: Policy,
    facts: DetentionOrderFacts | SentenceFacts | PlacementFacts | DiversionFacts,
    as_of: datetime,
) -> list[Decision]:
    if isinstance(facts, PlacementFacts):
        if facts.is_admission and facts.facility.kind in POLICE_HOLDING:
            return []  # an arrest, not a placement decision
        act: str = t("placement") if facts.is_admission else t("transfer")
    else:
        act = HEARING_ACTS[type(facts)]
    heard = bool(facts.child_views.strip())
    reason = bool(facts.views_not_heard_reason.strip())
    used = {"act": act, "views_recorded": heard, "not_heard_reason_recorded": reason}
    further = (c.GC24_44_46,)
    if not heard and not reason and isinstance(facts, PlacementFacts) and facts.protective_transfer:
        return [
            Decision(
                "HRD-1",
                Outcome.WARN,
                t(HRD_1_PROTECTIVE, act=act),
                c.CRC_12,
                used,
                satisfied_by=("child_views", "views_not_heard_reason"),
                further_citations=further,
            )
        ]
    message = HRD_1_HEARD if heard else (HRD_1_NOT_HEARD if reason else HRD_1_JUSTIFY)
    return [
        Decision(
            "HRD-1",
            Outcome.REQUIRE_JUSTIFICATION,
            t(message, act=act),
            c.CRC_12,
            used,
            satisfied_by=("child_views", "views_not_heard_reason"),
            satisfied=heard or reason,
            further_citations=further,
        )
    ]
