"""DIV-1 to DIV-4: diversion offered from the first contact, with its safeguards, never a deprivation of liberty,
and no criminal record when completed."""

from datetime import datetime, timedelta

from jj.rules import citations as c
from jj.rules.engine import DeadlineSpec, Decision, Outcome, Trigger
from jj.rules.facts import CaseFacts, DiversionFacts, ProgrammeFacts
from jj.rules.policy import Policy
from jj.rules.registry import rule
from jj.rules.text import Text, t

INFORMED_OF = ("nature", "content", "duration", "consequences")
# DIV-2's safeguards, as the message names them.
SAFEGUARDS = {
    "compelling_evidence": t("compelling evidence"),
    "acknowledgement_of_responsibility": t("the child's acknowledgement of responsibility"),
    "child_consent": t("the child's consent"),
    "guardian_consent": t("a parent's or guardian's consent"),
    "informed_of": t("the child informed of the nature, content, duration and consequences"),
    "legal_advice_offered": t("legal advice offered"),
    "review_route_explained": t("the route to a review explained"),
}


def div_2_message(missing: list[str], *, all_recorded: bool = False) -> Text:
    """DIV-2's message: what is missing, by name (the audit trail's version leaves one out, see diversion.access)."""
    head = t("Diversion takes effect only with its safeguards recorded.")
    if missing:
        return head + t(" Missing: {missing}.", missing=[SAFEGUARDS.get(m, m) for m in missing])
    return head + t(" All are recorded.") if all_recorded else head


@rule(
    "DIV-1",
    title="Diversion offered from the earliest point",
    triggers=(Trigger.CHARGE,),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION,),
    summary="A charge on a case where diversion was never offered needs a written reason why not. Eligibility is "
    "not limited to minor offences.",
    citations=(c.GC24_16, c.RES79_29),
)
def div_1(policy: Policy, facts: CaseFacts, as_of: datetime) -> list[Decision]:
    if facts.diversion_offered:
        return []
    return [
        Decision(
            "DIV-1",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "Diversion is the preferred way of dealing with children, serious offences included where appropriate. "
                "It was not offered on this case: say why before charging."
            ),
            c.GC24_16,
            {"diversion_offered": False},
            satisfied_by=("diversion_not_offered_reason",),
            satisfied=bool(facts.diversion_not_offered_reason.strip()),
            further_citations=(c.RES79_29,),
        )
    ]


@rule(
    "DIV-2",
    title="Diversion only with its safeguards: evidence, acknowledgement, informed consent, legal advice",
    triggers=(Trigger.DIVERSION_ACTIVATE,),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION,),
    summary="A referral takes effect only with compelling evidence recorded, the child's voluntary acknowledgement "
    "(never usable in later proceedings; whether it was given is seen only by the diversion worker and the "
    "supervisor, and by nobody once the diversion fails), the child's informed consent (and a parent's or "
    "guardian's where the policy requires it) after being told the nature, content, duration and consequences, "
    "legal advice offered, and the route to a review explained. Once under way: a progress review at half the "
    "programme's duration and its outcome at the end (deadlines).",
    citations=(c.GC24_18, c.GC24_18_A, c.BEIJING_11_3),
    parameters=("diversion_guardian_consent",),
)
def div_2(policy: Policy, facts: DiversionFacts, as_of: datetime) -> list[Decision]:
    missing = [
        name
        for name, present in (
            ("compelling_evidence", bool(facts.compelling_evidence.strip())),
            ("acknowledgement_of_responsibility", facts.acknowledgement_recorded),
            ("child_consent", facts.child_consent),
            ("guardian_consent", facts.guardian_consent or not policy.diversion_guardian_consent),
            ("informed_of", set(INFORMED_OF) <= set(facts.informed_of)),
            ("legal_advice_offered", facts.legal_advice_offered),
            ("review_route_explained", facts.review_route_explained),
        )
        if not present
    ]
    deadlines: tuple[DeadlineSpec, ...] = ()
    if not missing and facts.activated_at is not None:
        days = max(1, facts.duration_days)
        deadlines = (
            DeadlineSpec(
                "diversion_review",
                facts.activated_at + timedelta(days=max(1, days // 2)),
                t("Review the diversion's progress"),
            ),
            DeadlineSpec(
                "diversion_end", facts.activated_at + timedelta(days=days), t("Record the diversion's outcome")
            ),
        )
    return [
        Decision(
            "DIV-2",
            Outcome.REQUIRE_JUSTIFICATION,
            div_2_message(missing, all_recorded=True),
            c.GC24_18,
            {"missing": missing, "guardian_consent_required": policy.diversion_guardian_consent},
            deadlines=deadlines,
            satisfied_by=tuple(missing),
            satisfied=not missing,
            further_citations=(c.BEIJING_11_3,),
        )
    ]


@rule(
    "DIV-3",
    title="No deprivation of liberty in diversion",
    triggers=(Trigger.PROGRAMME, Trigger.DIVERSION_OFFER),
    outcomes=(Outcome.BLOCK,),
    summary="A programme involving deprivation of liberty cannot be a diversion programme, and no child can be "
    "referred to one.",
    citations=(c.GC24_18_E,),
)
def div_3(policy: Policy, facts: ProgrammeFacts | DiversionFacts, as_of: datetime) -> list[Decision]:
    programme = facts if isinstance(facts, ProgrammeFacts) else facts.programme
    if not programme.involves_deprivation_of_liberty:
        return []
    return [
        Decision(
            "DIV-3",
            Outcome.BLOCK,
            t("Diversion may not include any deprivation of liberty."),
            c.GC24_18_E,
            {"kind": programme.kind, "involves_deprivation_of_liberty": True},
            satisfied_by=("involves_deprivation_of_liberty",),
        )
    ]


@rule(
    "DIV-4",
    title="Completion closes the case for good, with no criminal record",
    triggers=(Trigger.DIVERSION_OUTCOME,),
    outcomes=(Outcome.ALLOW,),
    summary="Completion closes the case finally and marks it as no criminal record (invisible to criminal-history "
    "queries and conviction statistics). Non-completion returns the case to the stage it came from and is never "
    "itself an offence.",
    citations=(c.GC24_18_F,),
)
def div_4(policy: Policy, facts: DiversionFacts, as_of: datetime) -> list[Decision]:
    if facts.outcome == "completed":
        message = t("Diversion completed: the case is closed finally and leaves no criminal record.")
        used = {"outcome": "completed", "closed_final": True, "no_criminal_record": True}
    else:
        message = t(
            "Diversion {outcome}: the case returns to the {stage} stage. Not completing a diversion is never an "
            "offence in itself.",
            outcome=facts.outcome.replace("_", " "),
            stage=facts.stage,
        )
        used = {"outcome": facts.outcome, "returns_to": facts.stage}
    return [Decision("DIV-4", Outcome.ALLOW, message, c.GC24_18_F, used)]
