"""REI-1 and CAF-1: an individual plan, education and aftercare for children held, and children associated with
armed forces or armed groups treated primarily as victims (RULES.md section 7c)."""

from datetime import datetime

from jj.rules import citations as c
from jj.rules.age import lowest_age_on
from jj.rules.checks.common import CHILD_PROTECTION, below_standard_note
from jj.rules.checks.custody import POLICE_HOLDING
from jj.rules.engine import DeadlineSpec, Decision, Outcome, Trigger
from jj.rules.facts import CaseFacts, DetentionOrderFacts, EducationReviewFacts, PlacementFacts, ReleaseFacts
from jj.rules.policy import Policy
from jj.rules.registry import rule
from jj.rules.text import msgid, t
from jj.rules.timecalc import add_local_days

REI_1_PLAN = msgid(
    "An individual needs-and-risk assessment and plan (education, health, family, reintegration) is due within "
    "{days} days of admission.{note}"
)
REI_1_AFTERCARE_DUE = msgid(
    "The release goes ahead. No aftercare plan was given: one is due within {days} days (education, housing, "
    "health and family support).{note}"
)
REI_1_AFTERCARE_GIVEN = msgid("The release goes ahead with an aftercare plan.")
REI_1_EDUCATION = msgid(
    "A child of school age has been held for more than {days} days with no education enrolment recorded: enrol the "
    "child, or record why not."
)
REI_1_ENROLLED = msgid("The child is enrolled in education.")
CAF_1_INTAKE = msgid(
    "This child was associated with armed forces or armed groups: treat the child primarily as a victim. Child "
    "protection is told, and the default route is reintegration rather than prosecution."
)
CAF_1_JUSTIFY = msgid(
    "This child was associated with armed forces or armed groups and is to be treated primarily as a victim, with "
    "reintegration as the default route. Record why this {act} is needed instead."
)


@rule(
    "REI-1",
    title="Individual assessment and plan; education; aftercare",
    triggers=(Trigger.CUSTODY_START, Trigger.RELEASE, Trigger.EDUCATION_REVIEW),
    outcomes=(Outcome.ALLOW, Outcome.WARN),
    summary="Admission to a detention facility (not a police or court cell) opens a deadline for an individual "
    "needs-and-risk assessment and plan (default 7 days). A child of school age (default under 18) held longer "
    "than the policy's days (default 14) with no education enrolment warns. A release always proceeds (INV-5): "
    "when no aftercare plan was given, an aftercare-plan deadline opens (default 7 days). All three numbers are "
    "UNVERIFIED.",
    citations=(c.RES79_30, c.RES76_184_10, c.HAVANA_27_38_79_80),
    parameters=("individual_plan_days", "education_enrolment_days", "school_age_until", "aftercare_plan_days"),
)
def rei_1(
    policy: Policy, facts: PlacementFacts | ReleaseFacts | EducationReviewFacts, as_of: datetime
) -> list[Decision]:
    if isinstance(facts, EducationReviewFacts):
        return _education(policy, facts, as_of)
    if isinstance(facts, ReleaseFacts):
        return [_aftercare(policy, facts)]
    if not facts.is_admission or facts.facility.kind in POLICE_HOLDING:
        return []
    days = policy.individual_plan_days
    below = policy.below_standard("individual_plan_days")
    due = add_local_days(facts.at, days, facts.zone)
    return [
        Decision(
            "REI-1",
            Outcome.ALLOW,
            t(REI_1_PLAN, days=days, note=below_standard_note(policy, "individual_plan_days") if below else ""),
            c.RES76_184_10,
            {"individual_plan_days": days, "due_at": due.isoformat()},
            deadlines=(DeadlineSpec("individual_plan", due, t("Individual needs-and-risk assessment and plan")),),
            below_standard=below,
            further_citations=(c.HAVANA_27_38_79_80, c.RES79_30),
        )
    ]


def _aftercare(policy: Policy, facts: ReleaseFacts) -> Decision:
    if facts.aftercare_plan_given:
        return Decision("REI-1", Outcome.ALLOW, t(REI_1_AFTERCARE_GIVEN), c.RES79_30, {"aftercare_plan_given": True})
    days = policy.aftercare_plan_days
    below = policy.below_standard("aftercare_plan_days")
    due = add_local_days(facts.at, days, facts.zone)
    return Decision(
        "REI-1",
        Outcome.ALLOW,
        t(REI_1_AFTERCARE_DUE, days=days, note=below_standard_note(policy, "aftercare_plan_days") if below else ""),
        c.RES79_30,
        {"aftercare_plan_given": False, "due_at": due.isoformat()},
        deadlines=(DeadlineSpec("aftercare_plan", due, t("Aftercare plan after release")),),
        below_standard=below,
        further_citations=(c.HAVANA_27_38_79_80,),
    )


def _education(policy: Policy, facts: EducationReviewFacts, as_of: datetime) -> list[Decision]:
    age = lowest_age_on(facts.child, as_of.date())
    if age is not None and age >= policy.school_age_until:
        return []
    used = {"age_now": age, "school_age_until": policy.school_age_until, "enrolled": facts.enrolled}
    if facts.enrolled:
        return [Decision("REI-1", Outcome.ALLOW, t(REI_1_ENROLLED), c.HAVANA_27_38_79_80, used)]
    days = policy.education_enrolment_days
    if as_of <= add_local_days(facts.held_since, days, facts.zone):
        return []
    return [
        Decision(
            "REI-1",
            Outcome.WARN,
            t(REI_1_EDUCATION, days=days),
            c.HAVANA_27_38_79_80,
            {**used, "education_enrolment_days": days},
            notify=("supervisor",),
            satisfied_by=("education_enrolment",),
            further_citations=(c.RES79_30,),
        )
    ]


@rule(
    "CAF-1",
    title="Children associated with armed forces or armed groups",
    triggers=(Trigger.INTAKE, Trigger.CHARGE, Trigger.DETENTION_ORDER),
    outcomes=(Outcome.WARN, Outcome.REQUIRE_JUSTIFICATION),
    summary="A child flagged as associated with armed forces or armed groups is treated primarily as a victim: at "
    "intake child protection is told and the default route is reintegration (WARN); a charge or a detention order "
    "needs a written reason.",
    citations=(c.RES79_PREAMBLE_CAF, c.PARIS_3_6_3_8),
)
def caf_1(policy: Policy, facts: CaseFacts | DetentionOrderFacts, as_of: datetime) -> list[Decision]:
    case = facts.case_facts
    if not case.child.armed_forces_association:
        return []
    used = {"armed_forces_association": True, "route": "reintegration"}
    if isinstance(facts, CaseFacts) and facts.stage == "intake":
        return [
            Decision(
                "CAF-1",
                Outcome.WARN,
                t(CAF_1_INTAKE),
                c.PARIS_3_6_3_8,
                used,
                notify=(CHILD_PROTECTION,),
                further_citations=(c.RES79_PREAMBLE_CAF,),
            )
        ]
    act = t("detention order") if isinstance(facts, DetentionOrderFacts) else t("charge")
    return [
        Decision(
            "CAF-1",
            Outcome.REQUIRE_JUSTIFICATION,
            t(CAF_1_JUSTIFY, act=act),
            c.PARIS_3_6_3_8,
            used,
            satisfied_by=("armed_forces_justification",),
            satisfied=bool(case.armed_forces_justification.strip()),
            further_citations=(c.RES79_PREAMBLE_CAF,),
        )
    ]
