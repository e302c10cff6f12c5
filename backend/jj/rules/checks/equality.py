"""DIS-1 and GIR-1: reasonable accommodation for children with disabilities, and girls held apart from boys with
gender-specific care (RULES.md section 7c)."""

from datetime import datetime, timedelta

from jj.rules import citations as c
from jj.rules.checks.common import below_standard_note
from jj.rules.engine import DeadlineSpec, Decision, Outcome, Trigger
from jj.rules.facts import AppearanceFacts, ChildFacts, DiversionFacts, IncidentFacts, InterviewFacts, PlacementFacts
from jj.rules.policy import Policy, Strictness
from jj.rules.registry import rule
from jj.rules.text import msgid, t

DIS_1_JUSTIFY = msgid(
    "The child has recorded accommodation needs ({needs}). Record the accommodation provided for this {act} "
    "before it proceeds."
)
DIS_1_PROVIDED = msgid("The accommodation provided for this {act} is recorded.")
DIS_1_APPEARANCE = msgid(
    "The child has recorded accommodation needs ({needs}) and none is recorded for this court appearance. The "
    "appearance goes ahead (a judicial review is never held back): provide and record the accommodation."
)
GIR_1_BLOCK = msgid("A girl may not be placed in a facility that does not hold girls apart from boys: choose another.")
GIR_1_JUSTIFY = msgid(
    "This facility does not hold girls apart from boys. Record why this placement is in the girl's best interests."
    "{note}"
)
GIR_1_PROTECTIVE = msgid(
    "This facility does not hold girls apart from boys. A transfer to a safer place is never held back: the "
    "supervisor is told so the girl can be held apart as soon as possible."
)
GIR_1_SCREENING = msgid("A gender-specific health screening is due within {hours} hours of the girl's admission.{note}")
GIR_1_CARE_BLOCK = msgid(
    "This child is pregnant or has a child in her care: {measure} may not be used. Find another way to keep "
    "everyone safe, with health staff."
)

MIXED_ACTS = {True: t("admission"), False: t("transfer")}
# Measures refused for a pregnant child or one with a child in her care (Bangkok Rules rr. 22, 24); medical
# isolation stays health care (HLT-1, INV-5) and is never refused here.
CARE_REFUSED_MEASURES = frozenset({"restraint", "separation", "isolation"})


def _child_of(facts: InterviewFacts | PlacementFacts | AppearanceFacts | DiversionFacts) -> ChildFacts | None:
    if isinstance(facts, AppearanceFacts):
        return facts.child
    return facts.case.child if facts.case is not None else None


@rule(
    "DIS-1",
    title="Reasonable accommodation for children with disabilities",
    triggers=(Trigger.INTERVIEW, Trigger.CUSTODY_START, Trigger.COURT_APPEARANCE, Trigger.DIVERSION_ACTIVATE),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION, Outcome.WARN, Outcome.ALLOW),
    summary="When the child has recorded accommodation needs, an interview, a custody start and a diversion "
    "activation need the accommodation provided recorded. A court appearance is a judicial review and is never "
    "held back (INV-5): there a missing accommodation warns and the supervisor is told. Statistic: detention rates "
    "by disability.",
    citations=(c.RES79_7, c.RES79_37),
)
def dis_1(
    policy: Policy, facts: InterviewFacts | PlacementFacts | AppearanceFacts | DiversionFacts, as_of: datetime
) -> list[Decision]:
    child = _child_of(facts)
    if child is None or not child.accommodation_needs.strip():
        return []
    provided = bool(facts.accommodation_provided.strip())
    used = {"accommodation_needs": child.accommodation_needs, "accommodation_provided": facts.accommodation_provided}
    if isinstance(facts, AppearanceFacts):
        if provided:
            return [Decision("DIS-1", Outcome.ALLOW, t(DIS_1_PROVIDED, act=t("court appearance")), c.RES79_7, used)]
        return [
            Decision(
                "DIS-1",
                Outcome.WARN,
                t(DIS_1_APPEARANCE, needs=child.accommodation_needs),
                c.RES79_7,
                used,
                notify=("supervisor",),
                satisfied_by=("accommodation_provided",),
                further_citations=(c.RES79_37,),
            )
        ]
    act = {InterviewFacts: t("interview"), PlacementFacts: t("custody"), DiversionFacts: t("diversion")}[type(facts)]
    message = DIS_1_PROVIDED if provided else DIS_1_JUSTIFY
    return [
        Decision(
            "DIS-1",
            Outcome.REQUIRE_JUSTIFICATION,
            t(message, act=act, needs=child.accommodation_needs),
            c.RES79_7,
            used,
            satisfied_by=("accommodation_provided",),
            satisfied=provided,
            further_citations=(c.RES79_37,),
        )
    ]


@rule(
    "GIR-1",
    title="Girls are held apart from boys, with gender-specific care",
    triggers=(Trigger.CUSTODY_START, Trigger.TRANSFER, Trigger.INCIDENT),
    outcomes=(Outcome.BLOCK, Outcome.REQUIRE_JUSTIFICATION, Outcome.WARN, Outcome.ALLOW),
    summary="Placing a girl in a facility that does not hold girls apart from boys is refused (a jurisdiction may "
    "ask for a written reason instead; a transfer to a safer place only warns, INV-5). A girl's admission opens a "
    "deadline for a gender-specific health screening (default 24 hours, an UNVERIFIED number). For a child who is "
    "pregnant or has a child in her care, restraint and separation are refused (medical isolation stays health "
    "care).",
    citations=(c.RES79_10, c.RES79_9_25, c.BANGKOK_22_24_36_39, c.MANDELA_11A),
    parameters=("girls_mixed_facility", "gender_screening_hours"),
)
def gir_1(policy: Policy, facts: PlacementFacts | IncidentFacts, as_of: datetime) -> list[Decision]:
    if isinstance(facts, IncidentFacts):
        return _care_measures(facts)
    child = facts.case.child
    if not child.is_girl:
        return []
    decisions = []
    used = {
        "sex": child.sex,
        "separated_by_sex": facts.facility.separated_by_sex,
        "event": MIXED_ACTS[facts.is_admission],
    }
    if not facts.facility.separated_by_sex:
        decisions.append(_mixed_facility(policy, facts, used))
    if facts.is_admission:
        hours = policy.gender_screening_hours
        below = policy.below_standard("gender_screening_hours")
        due = facts.at + timedelta(hours=hours)
        decisions.append(
            Decision(
                "GIR-1",
                Outcome.ALLOW,
                t(
                    GIR_1_SCREENING,
                    hours=hours,
                    note=below_standard_note(policy, "gender_screening_hours") if below else "",
                ),
                c.BANGKOK_22_24_36_39,
                {**used, "due_at": due.isoformat()},
                deadlines=(DeadlineSpec("gender_health_screening", due, t("Gender-specific health screening")),),
                below_standard=below,
                further_citations=(c.RES79_9_25,),
            )
        )
    return decisions


def _mixed_facility(policy: Policy, facts: PlacementFacts, used: dict[str, object]) -> Decision:
    further = (c.RES79_10, c.RES79_9_25)
    if facts.protective_transfer:
        return Decision(
            "GIR-1",
            Outcome.WARN,
            t(GIR_1_PROTECTIVE),
            c.MANDELA_11A,
            used,
            notify=("supervisor",),
            further_citations=further,
        )
    if policy.girls_mixed_facility == Strictness.BLOCK:
        return Decision(
            "GIR-1",
            Outcome.BLOCK,
            t(GIR_1_BLOCK),
            c.MANDELA_11A,
            used,
            satisfied_by=("facility",),
            further_citations=further,
        )
    return Decision(
        "GIR-1",
        Outcome.REQUIRE_JUSTIFICATION,
        t(GIR_1_JUSTIFY, note=below_standard_note(policy, "girls_mixed_facility")),
        c.MANDELA_11A,
        used,
        satisfied_by=("mixed_facility_justification",),
        satisfied=bool(facts.mixed_facility_justification.strip()),
        below_standard=True,
        further_citations=further,
    )


def _care_measures(facts: IncidentFacts) -> list[Decision]:
    child = facts.child
    if child is None or not (child.pregnant or child.child_in_care) or facts.kind not in CARE_REFUSED_MEASURES:
        return []
    return [
        Decision(
            "GIR-1",
            Outcome.BLOCK,
            t(GIR_1_CARE_BLOCK, measure=facts.kind),
            c.BANGKOK_22_24_36_39,
            {"kind": facts.kind, "pregnant": child.pregnant, "child_in_care": child.child_in_care},
            further_citations=(c.RES79_10,),
        )
    ]
