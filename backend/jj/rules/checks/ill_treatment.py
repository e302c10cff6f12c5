"""ILL-1: every allegation of ill-treatment or violence against a child in the justice system is reported at once
to an independent oversight body and child protection, its evidence held, and investigated by people who are not
implicated (RULES.md section 7c; as DTH-1, never blocking a protective act)."""

from datetime import datetime, timedelta

from jj.rules import citations as c
from jj.rules.checks.common import CHILD_PROTECTION, INDEPENDENT_OVERSIGHT, below_standard_note
from jj.rules.engine import DeadlineSpec, Decision, Outcome, Trigger
from jj.rules.facts import ComplaintFacts, IncidentFacts
from jj.rules.policy import Policy
from jj.rules.registry import rule
from jj.rules.text import join, msgid, t

ALLEGATION_KINDS = frozenset(
    {"ill_treatment", "torture", "staff_violence", "peer_violence", "sexual_abuse", "sexual_exploitation"}
)
# Kinds that implicate staff by their nature: the people involved must be named so they can be kept out of it.
STAFF_KINDS = frozenset({"ill_treatment", "torture", "staff_violence"})

ILL_1_REPORTED = msgid(
    "An allegation of {kind} is reported without delay to the independent oversight body and to child protection. "
    "The records concerned are held as evidence (protective acts go on as usual); a medical examination is due "
    "within {medical} hours and the investigation must start within {investigation} hours, led by no one "
    "implicated.{note}"
)
ILL_1_NAME_STAFF = msgid(
    "No member of staff is recorded as implicated in this allegation of {kind}. Record who is implicated, so that "
    "they are kept out of the investigation and its records."
)


@rule(
    "ILL-1",
    title="Every allegation of ill-treatment or violence is investigated independently",
    triggers=(Trigger.INCIDENT, Trigger.COMPLAINT),
    outcomes=(Outcome.ALLOW, Outcome.WARN),
    summary="A complaint or incident alleging ill-treatment, torture, violence by staff or peers, or sexual abuse or "
    "exploitation notifies the independent oversight body and child protection at once, holds the records "
    "concerned as evidence (as DTH-1: never blocking a protective act), and opens deadlines for a medical "
    "examination (default 24 hours) and for the start of an investigation (default 72 hours; both UNVERIFIED "
    "numbers). Implicated staff are recorded and excluded from the investigation; an allegation against staff with "
    "no one named warns.",
    citations=(c.RES79_19, c.RES79_20, c.RES79_31),
    parameters=("allegation_medical_hours", "allegation_investigation_hours"),
)
def ill_1(policy: Policy, facts: IncidentFacts | ComplaintFacts, as_of: datetime) -> list[Decision]:
    kind = facts.allegation_kind
    if kind not in ALLEGATION_KINDS:
        return []
    known_at = facts.lodged_at if isinstance(facts, ComplaintFacts) else (facts.reported_at or as_of)
    medical, investigation = policy.allegation_medical_hours, policy.allegation_investigation_hours
    below = [p for p in ("allegation_medical_hours", "allegation_investigation_hours") if policy.below_standard(p)]
    note = join([below_standard_note(policy, p) for p in below])
    medical_due = known_at + timedelta(hours=medical)
    investigation_due = known_at + timedelta(hours=investigation)
    used = {
        "allegation_kind": kind,
        "evidence_hold": True,
        "implicated_staff": list(facts.implicated_staff),
        "excluded_from_investigation": list(facts.implicated_staff),
        "medical_due_at": medical_due.isoformat(),
        "investigation_due_at": investigation_due.isoformat(),
    }
    label = kind.replace("_", " ")
    decisions = [
        Decision(
            "ILL-1",
            Outcome.ALLOW,
            t(ILL_1_REPORTED, kind=label, medical=medical, investigation=investigation, note=note),
            c.RES79_31,
            used,
            # The medical examination is the facility's while the child is held; after a death or a release the
            # investigation (its own deadline, below) takes the examination over.
            deadlines=(
                *(
                    (
                        DeadlineSpec(
                            "allegation_medical_examination", medical_due, t("Medical examination after an allegation")
                        ),
                    )
                    if facts.child_held
                    else ()
                ),
                DeadlineSpec(
                    "allegation_investigation",
                    investigation_due,
                    t("Start the independent investigation of an allegation"),
                    INDEPENDENT_OVERSIGHT,
                ),
            ),
            notify=(INDEPENDENT_OVERSIGHT, CHILD_PROTECTION),
            below_standard=bool(below),
            further_citations=(c.RES79_19, c.RES79_20),
        )
    ]
    if kind in STAFF_KINDS and not facts.implicated_staff:
        decisions.append(
            Decision(
                "ILL-1",
                Outcome.WARN,
                t(ILL_1_NAME_STAFF, kind=label),
                c.RES79_20,
                {"allegation_kind": kind, "implicated_staff": []},
                satisfied_by=("implicated_staff",),
            )
        )
    return decisions
