"""PTD-1..9, DET-1, DET-3, DET-4, DET-6..10, CAP-1, DTH-1: deprivation of liberty as a last resort, for the shortest
time, under judicial control, apart from adults, with the family told and the child's body and dignity protected."""

from datetime import UTC, datetime, time, timedelta

from jj.rules import citations as c
from jj.rules.age import lowest_age_on
from jj.rules.checks.common import CHILD_PROTECTION, FAMILY, INDEPENDENT_OVERSIGHT, SUPERVISOR, below_standard_note
from jj.rules.engine import DeadlineSpec, Decision, Outcome, Trigger
from jj.rules.facts import (
    ChallengeFacts,
    ComplaintFacts,
    ContactReviewFacts,
    DetentionOrderFacts,
    FacilityReviewFacts,
    IncidentFacts,
    InspectionFacts,
    InterviewFacts,
    PlacementFacts,
    ReleaseFacts,
    ReviewFacts,
)
from jj.rules.policy import Policy, Strictness
from jj.rules.registry import rule
from jj.rules.text import t
from jj.rules.timecalc import add_local_days, add_local_months, add_months

VALID_GROUNDS = frozenset({"court_appearance", "danger_to_others"})
POLICE_HOLDING = frozenset({"police_station", "court_holding"})
PERMITTED_SANCTIONS = frozenset({"warning", "privilege_restriction", "restorative_meeting", "written_apology"})
PROHIBITED_SANCTIONS = frozenset(
    {
        "corporal_punishment",
        "dark_cell",
        "solitary_confinement",
        "diet_reduction",
        "family_contact_restriction",
        "collective_punishment",
        "labour",
        "loss_of_basic_rights",
    }
)
SEPARATION_KINDS = frozenset({"separation", "isolation", "medical_isolation"})
SOLITARY_MEASURES = frozenset({"solitary_confinement"})
FORCE_KINDS = frozenset({"use_of_force", "restraint"})
GRAVE_KINDS = frozenset({"death", "disappearance", "serious_injury"})
SOLITARY_HOURS = 22  # Mandela r. 44


def competent_authority_due(policy: Policy, started_at: datetime) -> datetime:
    return started_at + timedelta(hours=policy.competent_authority_hours)


def final_decision_due(policy: Policy, started_at: datetime, zone: str) -> datetime:
    return add_local_months(started_at, policy.final_decision_months, zone)


def charge_due(policy: Policy, pretrial_started_at: datetime, zone: str) -> datetime:
    return add_local_days(pretrial_started_at, policy.charge_within_days, zone)


@rule(
    "PTD-1",
    title="Before a competent authority within 24 hours",
    triggers=(Trigger.CUSTODY_START, Trigger.TRANSFER),
    outcomes=(Outcome.ALLOW, Outcome.WARN, Outcome.BLOCK),
    summary="Any start of deprivation of liberty creates a deadline to bring the child before a competent authority "
    "(default 24 hours; a jurisdiction may only shorten it without a warning). Once missed, moving the child on "
    "without a judicial decision is refused and the supervisor is told; a move to a safer place or for health care "
    "is a protective act (INV-5) and only warns.",
    citations=(c.GC24_90, c.HRC_GC35_33),
    parameters=("competent_authority_hours",),
)
def ptd_1(policy: Policy, facts: PlacementFacts, as_of: datetime) -> list[Decision]:
    hours = policy.competent_authority_hours
    note = (
        below_standard_note(policy, "competent_authority_hours")
        if policy.below_standard("competent_authority_hours")
        else ""
    )
    if facts.is_admission:
        due = competent_authority_due(policy, facts.at)
        return [
            Decision(
                "PTD-1",
                Outcome.ALLOW,
                t(
                    "The child must be brought before a competent authority within {hours} hours.{note}",
                    hours=hours,
                    note=note,
                ),
                c.GC24_90,
                {"hours": hours, "due_at": due.isoformat()},
                deadlines=(
                    DeadlineSpec(
                        "competent_authority", due, t("Before a competent authority within {hours} hours", hours=hours)
                    ),
                ),
                below_standard=bool(note),
                further_citations=(c.HRC_GC35_33,),
            )
        ]
    started = facts.episode_started_at or facts.at
    due = competent_authority_due(policy, started)
    if facts.first_appearance_at is None and as_of > due:
        # INV-5: a transfer to a safer place or for health care is never held back; the overdue appearance is still
        # said, and the supervisor told.
        return [
            Decision(
                "PTD-1",
                Outcome.WARN if facts.protective_transfer else Outcome.BLOCK,
                t(
                    "The child has been held for more than {hours} hours without being brought before a competent "
                    "authority. Record the appearance (or release the child) before anything else.",
                    hours=hours,
                ),
                c.GC24_90,
                {"hours": hours, "due_at": due.isoformat(), "overdue": True},
                notify=("supervisor",),
                further_citations=(c.HRC_GC35_33,),
            )
        ]
    return []


@rule(
    "PTD-2",
    title="Detention as a last resort: alternatives first, grounds and reasons recorded",
    triggers=(Trigger.DETENTION_ORDER,),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION, Outcome.WARN),
    summary="A pretrial detention order needs the alternatives considered, each with why it was rejected, a written "
    "justification, and a ground from {court appearance, immediate danger to others}. 'Danger to self' calls for "
    "child protection measures instead (WARN, referral).",
    citations=(c.CRC_37_B, c.GC24_86, c.GC24_87, c.RES79_21_LAST_RESORT),
)
def ptd_2(policy: Policy, facts: DetentionOrderFacts, as_of: datetime) -> list[Decision]:
    if facts.kind != "pretrial_detention":
        return []
    decisions = []
    options = facts.alternatives_considered
    satisfied = bool(facts.justification.strip()) and bool(options) and all(a.reason_rejected.strip() for a in options)
    decisions.append(
        Decision(
            "PTD-2",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "Pretrial detention is a last resort: record each alternative considered (release to parents, "
                "supervision, bail without money, electronic monitoring, community placement...) with why it was "
                "rejected, and a written justification."
            ),
            c.GC24_86,
            {"alternatives_considered": [a.alternative for a in options]},
            satisfied_by=("alternatives_considered", "justification"),
            satisfied=satisfied,
            further_citations=(c.CRC_37_B, c.RES79_21_LAST_RESORT),
        )
    )
    valid = VALID_GROUNDS.intersection(facts.grounds)
    decisions.append(
        Decision(
            "PTD-2",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "Pretrial detention of a child may only serve to ensure appearance at court or to protect others from "
                "an immediate danger: record which."
            ),
            c.GC24_87,
            {"grounds": list(facts.grounds)},
            satisfied_by=("grounds",),
            satisfied=bool(valid),
        )
    )
    if "danger_to_self" in facts.grounds:
        decisions.append(
            Decision(
                "PTD-2",
                Outcome.WARN,
                t(
                    "A child who is a danger to himself or herself needs child protection measures, not detention: the "
                    "child protection service is notified."
                ),
                c.GC24_87,
                {"grounds": list(facts.grounds), "route": CHILD_PROTECTION},
                notify=(CHILD_PROTECTION,),
            )
        )
    return decisions


@rule(
    "PTD-3",
    title="No monetary bail as a precondition of release",
    triggers=(Trigger.DETENTION_ORDER,),
    outcomes=(Outcome.WARN, Outcome.BLOCK),
    summary="Release made conditional on paying money: WARN by default; a jurisdiction may make it a BLOCK.",
    citations=(c.GC24_88_BAIL,),
    parameters=("monetary_bail",),
)
def ptd_3(policy: Policy, facts: DetentionOrderFacts, as_of: datetime) -> list[Decision]:
    if not facts.monetary_bail_condition:
        return []
    blocks = policy.monetary_bail == Strictness.BLOCK
    return [
        Decision(
            "PTD-3",
            Outcome.BLOCK if blocks else Outcome.WARN,
            t("Release must not depend on paying monetary bail."),
            c.GC24_88_BAIL,
            {"monetary_bail_condition": True, "policy": policy.monetary_bail},
            satisfied_by=("monetary_bail_condition",),
        )
    ]


@rule(
    "PTD-4",
    title="Pretrial detention is reviewed periodically",
    triggers=(Trigger.DETENTION_ORDER, Trigger.DETENTION_REVIEW),
    outcomes=(Outcome.ALLOW,),
    summary="Every detention order and every review that continues detention sets the next review deadline "
    "(default 14 days, counted in the jurisdiction's calendar; the number comes from the superseded GC10 para 83). "
    "Cases of children in pretrial detention are prioritised.",
    citations=(c.GC24_87_REVIEW, c.GC10_83),
    parameters=("review_interval_days",),
)
def ptd_4(policy: Policy, facts: DetentionOrderFacts | ReviewFacts, as_of: datetime) -> list[Decision]:
    if isinstance(facts, DetentionOrderFacts) and facts.kind != "pretrial_detention":
        return []
    start = facts.ordered_at if isinstance(facts, DetentionOrderFacts) else facts.at
    days = policy.review_interval_days
    due = add_local_days(start, days, facts.zone)
    return [
        Decision(
            "PTD-4",
            Outcome.ALLOW,
            t("Detention is reviewed every {days} days; the next review is due {due}.", days=days, due=due),
            c.GC24_87_REVIEW,
            {"review_interval_days": days, "due_at": due.isoformat()},
            deadlines=(
                DeadlineSpec("detention_review", due, t("Review pretrial detention (every {days} days)", days=days)),
            ),
            further_citations=(c.GC10_83,),
        )
    ]


@rule(
    "PTD-5",
    title="Formal charge within 30 days of pretrial detention",
    triggers=(Trigger.DETENTION_ORDER, Trigger.DETENTION_REVIEW),
    outcomes=(Outcome.ALLOW, Outcome.REQUIRE_JUSTIFICATION),
    summary="A pretrial detention order on an uncharged case creates a charge deadline (default 30 days from the "
    "case's first pretrial detention, across every episode: re-detention never restarts it). Once passed, continuing "
    "or renewing detention without a charge needs a written justification of its own.",
    citations=(c.GC24_90_CHARGE,),
    parameters=("charge_within_days",),
)
def ptd_5(policy: Policy, facts: DetentionOrderFacts | ReviewFacts, as_of: datetime) -> list[Decision]:
    if facts.charged:
        return []
    days = policy.charge_within_days
    if isinstance(facts, DetentionOrderFacts):
        if facts.kind != "pretrial_detention":
            return []
        # INV-2: the clock runs from the case's first pretrial detention, whichever episode this order belongs to.
        due = charge_due(policy, facts.pretrial_clock_started_at or facts.ordered_at, facts.zone)
        if facts.ordered_at > due:  # decided as of the order's own time, even when recorded late
            return [
                Decision(
                    "PTD-5",
                    Outcome.REQUIRE_JUSTIFICATION,
                    t(
                        "The child was first detained on this case more than {days} days ago and is still not "
                        "formally charged. Detaining the child again needs a written justification of the delay "
                        "(or no detention).",
                        days=days,
                    ),
                    c.GC24_90_CHARGE,
                    {"charge_within_days": days, "due_at": due.isoformat(), "overdue": True},
                    notify=(SUPERVISOR,),
                    satisfied_by=("charge_delay_justification",),
                    satisfied=bool(facts.charge_delay_justification.strip()),
                )
            ]
        if not facts.first_order:
            return []
        return [
            Decision(
                "PTD-5",
                Outcome.ALLOW,
                t("The child must be formally charged within {days} days, by {due}.", days=days, due=due),
                c.GC24_90_CHARGE,
                {"charge_within_days": days, "due_at": due.isoformat()},
                deadlines=(
                    DeadlineSpec("formal_charge", due, t("Formal charge within {days} days of detention", days=days)),
                ),
            )
        ]
    due = charge_due(policy, facts.pretrial_detention_started_at, facts.zone)
    if as_of <= due:
        return []
    return [
        Decision(
            "PTD-5",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "The child has been in pretrial detention for more than {days} days without a formal charge. "
                "Continuing detention needs a written justification (or release the child).",
                days=days,
            ),
            c.GC24_90_CHARGE,
            {"charge_within_days": days, "due_at": due.isoformat(), "overdue": True},
            notify=(SUPERVISOR,),
            satisfied_by=("justification",),
            satisfied=bool(facts.justification.strip()),
        )
    ]


@rule(
    "PTD-6",
    title="Final decision within 6 months of initial detention, or release",
    triggers=(Trigger.DETENTION_ORDER, Trigger.DETENTION_REVIEW),
    outcomes=(Outcome.ALLOW, Outcome.BLOCK),
    summary="The first detention order of an episode creates the final-decision deadline (default 6 months from the "
    "case's first deprivation of liberty, across every episode: re-detention never restarts it). Once passed without "
    "a final decision, continued or renewed detention is refused and the case is flagged for mandatory release.",
    citations=(c.GC24_90_FINAL,),
    parameters=("final_decision_months",),
)
def ptd_6(policy: Policy, facts: DetentionOrderFacts | ReviewFacts, as_of: datetime) -> list[Decision]:
    if facts.final_decision_made or (isinstance(facts, DetentionOrderFacts) and facts.kind != "pretrial_detention"):
        return []
    months = policy.final_decision_months
    started = facts.clock_started_at if isinstance(facts, DetentionOrderFacts) else None
    due = final_decision_due(policy, started or facts.episode_started_at, facts.zone)
    moment = facts.ordered_at if isinstance(facts, DetentionOrderFacts) else as_of  # an order, as of its own time
    if moment >= due:
        return [
            Decision(
                "PTD-6",
                Outcome.BLOCK,
                t(
                    "More than {months} months have passed since the child was first detained without a final "
                    "decision on the charges: the child must be released. Continued detention is refused.",
                    months=months,
                ),
                c.GC24_90_FINAL,
                {"final_decision_months": months, "due_at": due.isoformat(), "mandatory_release": True},
                notify=(SUPERVISOR, INDEPENDENT_OVERSIGHT),
            )
        ]
    if isinstance(facts, ReviewFacts) or not facts.first_order:
        return []
    return [
        Decision(
            "PTD-6",
            Outcome.ALLOW,
            t(
                "A final decision on the charges is due within {months} months of the first detention, by {due},"
                " failing which the child is released.",
                months=months,
                due=due,
            ),
            c.GC24_90_FINAL,
            {"final_decision_months": months, "due_at": due.isoformat()},
            deadlines=(
                DeadlineSpec(
                    "final_decision",
                    due,
                    t("Final decision within {months} months, or release", months=months),
                    INDEPENDENT_OVERSIGHT,
                ),
            ),
        )
    ]


@rule(
    "PTD-7",
    title="No detention because of family ties",
    triggers=(Trigger.DETENTION_ORDER,),
    outcomes=(Outcome.BLOCK,),
    summary="Detention on the ground that the child is a relative of a suspect is refused.",
    citations=(c.RES79_13,),
)
def ptd_7(policy: Policy, facts: DetentionOrderFacts, as_of: datetime) -> list[Decision]:
    if "family_ties" not in facts.grounds:
        return []
    return [
        Decision(
            "PTD-7",
            Outcome.BLOCK,
            t("A child may not be detained because of family ties with an alleged offender."),
            c.RES79_13,
            {"grounds": list(facts.grounds)},
            satisfied_by=("grounds",),
        )
    ]


@rule(
    "PTD-8",
    title="Electronic monitoring only instead of detention",
    triggers=(Trigger.DETENTION_ORDER,),
    outcomes=(Outcome.WARN,),
    summary="An electronic-monitoring order without a finding that grounds for detention exist warns of net-widening.",
    citations=(c.RES79_21,),
)
def ptd_8(policy: Policy, facts: DetentionOrderFacts, as_of: datetime) -> list[Decision]:
    if facts.kind != "electronic_monitoring" or facts.grounds_for_detention_found:
        return []
    return [
        Decision(
            "PTD-8",
            Outcome.WARN,
            t(
                "Electronic monitoring should only replace detention where grounds for detention exist; "
                "none was found, so this measure may widen the net."
            ),
            c.RES79_21,
            {"grounds_for_detention_found": False},
            satisfied_by=("grounds_for_detention_found",),
        )
    ]


@rule(
    "PTD-9",
    title="Age floor for any deprivation of liberty",
    triggers=(Trigger.CUSTODY_START, Trigger.DETENTION_ORDER),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION,),
    summary="Depriving a child younger than the floor (default 16) of liberty needs a written justification of the "
    "genuine public safety or public health concern.",
    citations=(c.GC24_89,),
    parameters=("deprivation_of_liberty_min_age",),
)
def ptd_9(policy: Policy, facts: PlacementFacts | DetentionOrderFacts, as_of: datetime) -> list[Decision]:
    if not facts.deprives_liberty:
        return []
    floor = policy.deprivation_of_liberty_min_age
    age = lowest_age_on(facts.case.child, as_of.date())
    if age is not None and age >= floor:
        return []
    return [
        Decision(
            "PTD-9",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "The child is under {floor} (or the age is not established): deprivation of liberty needs a "
                "written justification of a genuine public safety or public health concern.",
                floor=floor,
            ),
            c.GC24_89,
            {"age_now": age, "floor": floor},
            satisfied_by=("age_floor_justification",),
            satisfied=bool(facts.age_floor_justification.strip()),
        )
    ]


@rule(
    "DET-1",
    title="Parents or guardian notified of every admission, transfer and release",
    triggers=(Trigger.CUSTODY_START, Trigger.TRANSFER, Trigger.RELEASE),
    outcomes=(Outcome.ALLOW,),
    summary="Each admission, transfer and release creates a deadline to notify the parents or guardian (default 60 "
    "minutes: the standard says 'without delay' and gives no number).",
    citations=(c.HAVANA_21D, c.HAVANA_22),
    parameters=("family_notification_minutes",),
)
def det_1(policy: Policy, facts: PlacementFacts | ReleaseFacts, as_of: datetime) -> list[Decision]:
    minutes = policy.family_notification_minutes
    event = (
        t("release") if isinstance(facts, ReleaseFacts) else (t("admission") if facts.is_admission else t("transfer"))
    )
    due = facts.at + timedelta(minutes=minutes)
    return [
        Decision(
            "DET-1",
            Outcome.ALLOW,
            t(
                "Notify the parents or guardian of the {event} without delay (within {minutes} minutes).",
                event=event,
                minutes=minutes,
            ),
            c.HAVANA_22,
            {"event": event, "due_at": due.isoformat()},
            deadlines=(
                DeadlineSpec("family_notification", due, t("Notify parents or guardian of the {event}", event=event)),
            ),
            further_citations=(c.HAVANA_21D,),
        )
    ]


@rule(
    "DET-3",
    title="No admission without a commitment order",
    triggers=(Trigger.CUSTODY_START, Trigger.TRANSFER),
    outcomes=(Outcome.BLOCK,),
    summary="Admission to a detention facility (anything but a police station or court holding cell) without a "
    "valid commitment order reference is refused.",
    citations=(c.HAVANA_20,),
)
def det_3(policy: Policy, facts: PlacementFacts, as_of: datetime) -> list[Decision]:
    if facts.facility.kind in POLICE_HOLDING or facts.commitment_order_reference.strip():
        return []
    return [
        Decision(
            "DET-3",
            Outcome.BLOCK,
            t(
                "A child may not be received in a detention facility without a valid commitment order: enter its "
                "reference."
            ),
            c.HAVANA_20,
            {"facility_kind": facts.facility.kind},
            satisfied_by=("commitment_order_reference",),
        )
    ]


@rule(
    "DET-4",
    title="Separation from adults",
    triggers=(Trigger.CUSTODY_START, Trigger.TRANSFER),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION, Outcome.BLOCK),
    summary="Placing a child in a facility or unit not wholly separated from adults is refused unless a "
    "best-interests justification is recorded (never the State's convenience) and a supervisor, a second person, "
    "approves it before the placement takes effect. Holding a child with adults in a police or court cell is "
    "refused outright.",
    citations=(c.CRC_37_C, c.GC24_92),
)
def det_4(policy: Policy, facts: PlacementFacts, as_of: datetime) -> list[Decision]:
    if not facts.facility.holds_adults:
        return []
    if facts.facility.kind in POLICE_HOLDING:
        return [
            Decision(
                "DET-4",
                Outcome.BLOCK,
                t(
                    "A child may never be held with adults in a police or court cell: choose a cell or place "
                    "apart from adults."
                ),
                c.GC24_92,
                {"facility_kind": facts.facility.kind, "children_wholly_separated": False},
                satisfied_by=("facility",),
                further_citations=(c.CRC_37_C,),
            )
        ]
    return [
        Decision(
            "DET-4",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "This facility does not hold children wholly apart from adults. A child may be placed "
                "here only if it is in the child's best interests (for example to stay with a family "
                "member), never for convenience: record the best-interests decision."
            ),
            c.CRC_37_C,
            {
                "facility_kind": facts.facility.kind,
                "children_wholly_separated": facts.facility.children_wholly_separated,
            },
            satisfied_by=("best_interests_justification",),
            satisfied=bool(facts.best_interests_justification.strip()),
            supervisor_approval=True,
            further_citations=(c.GC24_92,),
        )
    ]


@rule(
    "DET-6",
    title="Health examination on admission",
    triggers=(Trigger.CUSTODY_START,),
    outcomes=(Outcome.ALLOW,),
    summary="Every admission creates a deadline for a health examination (default 24 hours, an UNVERIFIED number).",
    citations=(c.GC24_95D,),
    parameters=("health_examination_hours",),
)
def det_6(policy: Policy, facts: PlacementFacts, as_of: datetime) -> list[Decision]:
    hours = policy.health_examination_hours
    due = facts.at + timedelta(hours=hours)
    return [
        Decision(
            "DET-6",
            Outcome.ALLOW,
            t("A physician or health practitioner examines the child within {hours} hours of admission.", hours=hours),
            c.GC24_95D,
            {"due_at": due.isoformat()},
            deadlines=(DeadlineSpec("health_examination", due, t("Health examination on admission")),),
        )
    ]


@rule(
    "DET-7",
    title="No solitary confinement; any separation recorded",
    triggers=(Trigger.INCIDENT,),
    outcomes=(Outcome.BLOCK, Outcome.REQUIRE_JUSTIFICATION),
    summary="Any separation or isolation (medical isolation included) needs its reason, start, end and supervising "
    "staff; 22 hours or more without meaningful contact, or separation as a punishment, is refused. A disciplinary "
    "measure of solitary confinement is refused here as well as under DET-8.",
    citations=(c.GC24_95H, c.MANDELA_44),
)
def det_7(policy: Policy, facts: IncidentFacts, as_of: datetime) -> list[Decision]:
    if facts.kind == "disciplinary" and facts.measure in SOLITARY_MEASURES:
        # RULES.md 7b: solitary confinement as a sanction is decided here as well as under DET-8 (both recorded).
        return [
            Decision(
                "DET-7",
                Outcome.BLOCK,
                t("Solitary confinement is never used for a child, and never as a disciplinary measure."),
                c.GC24_95H,
                {"kind": facts.kind, "measure": facts.measure},
                further_citations=(c.MANDELA_44,),
            )
        ]
    if facts.kind not in SEPARATION_KINDS:
        return []
    used = {"kind": facts.kind, "hours_without_meaningful_contact": facts.hours_without_meaningful_contact}
    if facts.purpose == "punishment":
        return [Decision("DET-7", Outcome.BLOCK, t("Separation may never be used as a punishment."), c.GC24_95H, used)]
    if facts.hours_without_meaningful_contact >= SOLITARY_HOURS:
        return [
            Decision(
                "DET-7",
                Outcome.BLOCK,
                t(
                    "{hours} hours or more without meaningful human contact is solitary confinement,"
                    " which is never used for a child.",
                    hours=SOLITARY_HOURS,
                ),
                c.GC24_95H,
                used,
                further_citations=(c.MANDELA_44,),
            )
        ]
    missing = [
        name
        for name, value in (
            ("reason", facts.reason.strip()),
            ("started_at", facts.started_at),
            ("ended_at", facts.ended_at),
            ("supervising_staff", facts.supervising_staff.strip()),
        )
        if not value
    ]
    return [
        Decision(
            "DET-7",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "Any separation is a last resort for the shortest time: record its reason, start, end and the staff "
                "supervising it."
            ),
            c.GC24_95H,
            {**used, "missing": missing},
            satisfied_by=("reason", "started_at", "ended_at", "supervising_staff"),
            satisfied=not missing,
        )
    ]


@rule(
    "DET-8",
    title="Prohibited disciplinary measures",
    triggers=(Trigger.INCIDENT,),
    outcomes=(Outcome.BLOCK, Outcome.ALLOW),
    summary="A disciplinary sanction must come from the allow-list (warning, privilege restriction, restorative "
    "meeting, written apology); corporal punishment, dark cell, solitary confinement, diet reduction, restriction of "
    "family contact, collective punishment, labour and loss of basic rights are refused.",
    citations=(c.GC24_95G, c.MANDELA_43),
)
def det_8(policy: Policy, facts: IncidentFacts, as_of: datetime) -> list[Decision]:
    if facts.kind != "disciplinary":
        return []
    if facts.measure in PERMITTED_SANCTIONS:
        return [
            Decision(
                "DET-8", Outcome.ALLOW, t("A permitted disciplinary measure."), c.GC24_95G, {"measure": facts.measure}
            )
        ]
    prohibited = facts.measure in PROHIBITED_SANCTIONS
    return [
        Decision(
            "DET-8",
            Outcome.BLOCK,
            t("This disciplinary measure is prohibited for children.")
            if prohibited
            else t("Disciplinary measures must come from the permitted list."),
            c.GC24_95G,
            {"measure": facts.measure, "permitted": sorted(PERMITTED_SANCTIONS)},
            satisfied_by=("measure",),
            further_citations=(c.MANDELA_43,),
        )
    ]


@rule(
    "DET-9",
    title="Restraint and force only against an imminent threat, and recorded",
    triggers=(Trigger.INCIDENT,),
    outcomes=(Outcome.BLOCK, Outcome.REQUIRE_JUSTIFICATION),
    summary="Restraint or force as punishment or to secure compliance is refused; otherwise the record needs the "
    "imminent threat, the means tried first and the professional in charge.",
    citations=(c.GC24_95F,),
)
def det_9(policy: Policy, facts: IncidentFacts, as_of: datetime) -> list[Decision]:
    if facts.kind not in FORCE_KINDS:
        return []
    if facts.purpose in ("punishment", "compliance"):
        return [
            Decision(
                "DET-9",
                Outcome.BLOCK,
                t("Restraint or force may never be used as a punishment or to secure compliance."),
                c.GC24_95F,
                {"purpose": facts.purpose},
            )
        ]
    satisfied = facts.imminent_threat and bool(facts.means_tried_first.strip()) and bool(facts.professional_in_charge)
    return [
        Decision(
            "DET-9",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "Restraint or force only when the child poses an imminent threat of injury and other means are "
                "exhausted: record the threat, the means tried first and the professional in charge."
            ),
            c.GC24_95F,
            {"purpose": facts.purpose},
            satisfied_by=("imminent_threat", "means_tried_first", "professional_in_charge"),
            satisfied=satisfied,
        )
    ]


@rule(
    "DET-10",
    title="Complaints answered without delay",
    triggers=(Trigger.COMPLAINT,),
    outcomes=(Outcome.ALLOW,),
    summary="Every complaint is recorded uncensored and creates a response deadline (default 7 days, an "
    "UNVERIFIED number).",
    citations=(c.GC24_95I,),
    parameters=("complaint_response_days",),
)
def det_10(policy: Policy, facts: ComplaintFacts, as_of: datetime) -> list[Decision]:
    days = policy.complaint_response_days
    due = add_local_days(facts.lodged_at, days, facts.zone)
    return [
        Decision(
            "DET-10",
            Outcome.ALLOW,
            t("The child is informed of the response without delay (within {days} days).", days=days),
            c.GC24_95I,
            {"due_at": due.isoformat()},
            deadlines=(DeadlineSpec("complaint_response", due, t("Answer the child's complaint")),),
        )
    ]


@rule(
    "DTH-1",
    title="Death, disappearance or serious injury in custody",
    triggers=(Trigger.INCIDENT,),
    outcomes=(Outcome.ALLOW,),
    summary="Reported without delay to an independent authority and the family; the episode's records are frozen as "
    "evidence (read-only, every access audited) and an investigation record opens.",
    citations=(c.MANDELA_71, c.RES79_20),
)
def dth_1(policy: Policy, facts: IncidentFacts, as_of: datetime) -> list[Decision]:
    if facts.kind not in GRAVE_KINDS:
        return []
    return [
        Decision(
            "DTH-1",
            Outcome.ALLOW,
            t(
                "Report without delay to an authority independent of the facility and to the family; the records are "
                "frozen as evidence and an investigation opens."
            ),
            c.MANDELA_71,
            {"kind": facts.kind, "evidence_hold": True},
            notify=(INDEPENDENT_OVERSIGHT, FAMILY, SUPERVISOR),
            further_citations=(c.RES79_20,),
        )
    ]


@rule(
    "CAP-1",
    title="Capacity and overcrowding",
    triggers=(Trigger.CUSTODY_START, Trigger.TRANSFER),
    outcomes=(Outcome.BLOCK, Outcome.WARN),
    summary="A non-emergency admission to a facility at or over capacity is refused (a jurisdiction may make it a "
    "WARN); an emergency admission warns.",
    citations=(c.RES79_22, c.RES76_184_9),
    parameters=("over_capacity",),
)
def cap_1(policy: Policy, facts: PlacementFacts, as_of: datetime) -> list[Decision]:
    facility = facts.facility
    if facility.occupancy < facility.capacity:
        return []
    used = {"occupancy": facility.occupancy, "capacity": facility.capacity, "emergency": facts.emergency}
    blocks = policy.over_capacity == Strictness.BLOCK and not facts.emergency
    return [
        Decision(
            "CAP-1",
            Outcome.BLOCK if blocks else Outcome.WARN,
            t(
                "The facility is full ({occupancy} of {capacity}). Consider an alternative to detention or "
                "another facility.",
                occupancy=facility.occupancy,
                capacity=facility.capacity,
            ),
            c.RES79_22,
            used,
            notify=("supervisor",),
            satisfied_by=("emergency",) if blocks else (),
            further_citations=(c.RES76_184_9,),
        )
    ]


INSPECTION_FOLLOW_UP_DAYS = 90  # design choice: no international number; the monitor may set an earlier date


@rule(
    "DET-11",
    title="Independent and unannounced inspections, with private interviews and followed-up recommendations",
    triggers=(Trigger.FACILITY_REVIEW, Trigger.INSPECTION),
    outcomes=(Outcome.WARN, Outcome.ALLOW),
    summary="A place of detention with no independent inspection, or no unannounced one, within the interval "
    "(default 12 months), or with a recommendation's follow-up overdue, is flagged. An inspection that held no "
    f"private interviews without witnesses warns; its recommendations get a follow-up deadline (default "
    f"{INSPECTION_FOLLOW_UP_DAYS} days, a design choice).",
    citations=(c.GC24_95J, c.HAVANA_14, c.RES73_177_10, c.RES79_15),
    parameters=("inspection_interval_months",),
)
def det_11(policy: Policy, facts: FacilityReviewFacts | InspectionFacts, as_of: datetime) -> list[Decision]:
    if isinstance(facts, InspectionFacts):
        return _det_11_inspection(facts)
    months = policy.inspection_interval_months
    since = add_months(as_of, -months).date()
    used = {
        "interval_months": months,
        "last_inspection_on": facts.last_inspection_on.isoformat() if facts.last_inspection_on else None,
        "last_unannounced_on": facts.last_unannounced_on.isoformat() if facts.last_unannounced_on else None,
        "follow_ups_overdue": facts.follow_ups_overdue,
    }
    decisions: list[Decision] = []
    if facts.follow_ups_overdue:
        decisions.append(
            Decision(
                "DET-11",
                Outcome.WARN,
                t(
                    "{follow_ups_overdue} inspection recommendation(s) of this place of detention are past their "
                    "follow-up date with no follow-up recorded.",
                    follow_ups_overdue=facts.follow_ups_overdue,
                ),
                c.RES79_15,
                used,
                notify=(INDEPENDENT_OVERSIGHT,),
            )
        )
    if facts.last_unannounced_on is not None and facts.last_unannounced_on >= since:
        return decisions or [
            Decision("DET-11", Outcome.ALLOW, t("Inspected without notice within the interval."), c.GC24_95J, used)
        ]
    what = (
        t("no independent inspection")
        if facts.last_inspection_on is None or facts.last_inspection_on < since
        else t("no unannounced inspection")
    )
    return [
        Decision(
            "DET-11",
            Outcome.WARN,
            t("This place of detention has had {what} in the last {months} months.", what=what, months=months),
            c.GC24_95J,
            used,
            notify=(INDEPENDENT_OVERSIGHT,),
            further_citations=(c.HAVANA_14, c.RES73_177_10, c.RES79_15),
        ),
        *decisions,
    ]


def _det_11_inspection(facts: InspectionFacts) -> list[Decision]:
    used: dict[str, object] = {
        "private_interviews_held": facts.private_interviews_held,
        "recommendations": len(facts.recommendations),
    }
    decisions: list[Decision] = []
    if not facts.private_interviews_held:
        decisions.append(
            Decision(
                "DET-11",
                Outcome.WARN,
                t(
                    "This inspection held no private interviews without witnesses with the children deprived of "
                    "liberty."
                ),
                c.RES79_15,
                used,
                further_citations=(c.GC24_95J, c.RES73_177_10),
            )
        )
    if facts.recommendations:
        due_on = facts.follow_up_due or facts.visited_on + timedelta(days=INSPECTION_FOLLOW_UP_DAYS)
        due = datetime.combine(due_on, time(23, 59), tzinfo=UTC)
        decisions.append(
            Decision(
                "DET-11",
                Outcome.ALLOW,
                t("The inspection's recommendations are to be followed up by {due_on}.", due_on=due_on),
                c.RES79_15,
                {**used, "follow_up_due": due_on.isoformat()},
                deadlines=(DeadlineSpec("inspection_follow_up", due, t("Follow up the inspection's recommendations")),),
            )
        )
    return decisions or [Decision("DET-11", Outcome.ALLOW, t("Inspection recorded."), c.RES79_15, used)]


@rule(
    "PTD-10",
    title="A challenge to legality is decided promptly",
    triggers=(Trigger.LEGALITY_CHALLENGE,),
    outcomes=(Outcome.ALLOW,),
    summary="Filing a challenge to the legality of the deprivation of liberty creates a decision deadline (default "
    "14 days, from the superseded GC10 para 84; GC24 asks only for short time limits).",
    citations=(c.CRC_37_D, c.GC10_84),
    parameters=("legality_challenge_days",),
)
def ptd_10(policy: Policy, facts: ChallengeFacts, as_of: datetime) -> list[Decision]:
    days = policy.legality_challenge_days
    due = add_local_days(facts.filed_at, days, facts.zone)
    return [
        Decision(
            "PTD-10",
            Outcome.ALLOW,
            t("The challenge must be decided promptly: within {days} days.", days=days),
            c.CRC_37_D,
            {"due_at": due.isoformat()},
            deadlines=(
                DeadlineSpec("legality_challenge", due, t("Decide the challenge to the legality of detention")),
            ),
            further_citations=(c.GC10_84,),
        )
    ]


@rule(
    "PTD-11",
    title="Police cells only as a last resort, for the shortest time",
    triggers=(Trigger.CUSTODY_START, Trigger.TRANSFER),
    outcomes=(Outcome.REQUIRE_JUSTIFICATION,),
    summary="Holding a child in a police or court cell needs a written justification and creates a deadline to move "
    "or release the child (default 24 hours, an UNVERIFIED number). The location and condition are logged at every "
    "placement.",
    citations=(c.GC24_85, c.GC24_41),
    parameters=("police_cell_hours",),
)
def ptd_11(policy: Policy, facts: PlacementFacts, as_of: datetime) -> list[Decision]:
    if facts.facility.kind not in POLICE_HOLDING:
        return []
    hours = policy.police_cell_hours
    due = facts.at + timedelta(hours=hours)
    return [
        Decision(
            "PTD-11",
            Outcome.REQUIRE_JUSTIFICATION,
            t(
                "A police or court cell is a last resort for a child: say why no other place is possible. The "
                "child must leave it within {hours} hours.",
                hours=hours,
            ),
            c.GC24_85,
            {"facility_kind": facts.facility.kind, "due_at": due.isoformat()},
            deadlines=(
                DeadlineSpec(
                    "police_cell_exit", due, t("Move or release the child from the cell ({hours} h)", hours=hours)
                ),
            ),
            satisfied_by=("police_cell_justification",),
            satisfied=bool(facts.police_cell_justification.strip()),
            further_citations=(c.GC24_41,),
        )
    ]


@rule(
    "DET-2",
    title="A lawyer and an appropriate adult at questioning; an interpreter when needed",
    triggers=(Trigger.INTERVIEW,),
    outcomes=(Outcome.BLOCK, Outcome.WARN, Outcome.ALLOW),
    summary="Questioning needs a lawyer present, or a waiver made voluntarily under impartial judicial supervision, "
    "and also a parent or other appropriate adult unless the record says why that was against the child's best "
    "interests; a child who needs an interpreter is never questioned without one. Each missing safeguard is its own "
    "refusal. Questioning without audio-visual recording warns.",
    citations=(c.GC24_49, c.GC24_51, c.GC24_60, c.CRC_40_2_B_VI),
)
def det_2(policy: Policy, facts: InterviewFacts, as_of: datetime) -> list[Decision]:
    used = {
        "lawyer_present": facts.lawyer_present,
        "lawyer_waived": facts.lawyer_waived,
        "waiver_under_judicial_supervision": facts.waiver_under_judicial_supervision,
        "appropriate_adult_present": facts.appropriate_adult_present,
        "appropriate_adult_absence_reason_given": bool(facts.appropriate_adult_absence_reason.strip()),
        "interpreter_needed": facts.interpreter_needed,
        "interpreter_present": facts.interpreter_present,
        "audio_visual_recorded": facts.audio_visual_recorded,
    }
    refusals: list[Decision] = []
    if facts.lawyer_waived and not facts.lawyer_present and not facts.waiver_under_judicial_supervision:
        refusals.append(
            Decision(
                "DET-2",
                Outcome.BLOCK,
                t("A child's waiver of a lawyer counts only if made voluntarily under impartial judicial supervision."),
                c.GC24_51,
                used,
                satisfied_by=("waiver_under_judicial_supervision", "lawyer_present"),
            )
        )
    elif not facts.lawyer_present and not facts.lawyer_waived:
        refusals.append(
            Decision(
                "DET-2",
                Outcome.BLOCK,
                t(
                    "A child may not be questioned without a lawyer present, unless the child waived a lawyer "
                    "voluntarily under impartial judicial supervision."
                ),
                c.GC24_49,
                used,
                satisfied_by=("lawyer_present", "lawyer_waived"),
                further_citations=(c.GC24_51,),
            )
        )
    if not facts.appropriate_adult_present and not facts.appropriate_adult_absence_reason.strip():
        refusals.append(
            Decision(
                "DET-2",
                Outcome.BLOCK,
                t(
                    "A parent, legal guardian or other appropriate adult supports the child during questioning, unless "
                    "that is against the child's best interests: record who was present, or why no one was."
                ),
                c.GC24_60,
                used,
                satisfied_by=("appropriate_adult_present", "appropriate_adult_absence_reason"),
            )
        )
    if facts.interpreter_needed and not facts.interpreter_present:
        refusals.append(
            Decision(
                "DET-2",
                Outcome.BLOCK,
                t("This child needs an interpreter: questioning without one is refused."),
                c.CRC_40_2_B_VI,
                used,
                satisfied_by=("interpreter_present",),
            )
        )
    if refusals:
        return refusals
    if not facts.audio_visual_recorded:
        return [
            Decision(
                "DET-2",
                Outcome.WARN,
                t("Questioning should be recorded on audio and video where possible."),
                c.GC24_60,
                used,
            )
        ]
    return [Decision("DET-2", Outcome.ALLOW, t("Questioning with the safeguards recorded."), c.GC24_60, used)]


@rule(
    "DET-5",
    title="Family contact",
    triggers=(Trigger.CONTACT_REVIEW,),
    outcomes=(Outcome.BLOCK, Outcome.WARN, Outcome.ALLOW),
    summary="A child held without a family visit for longer than the interval (default 30 days) is flagged; "
    "incommunicado detention is refused.",
    citations=(c.CRC_37_C_FAMILY, c.GC24_94, c.GC24_95A, c.HAVANA_60),
    parameters=("family_visit_days",),
)
def det_5(policy: Policy, facts: ContactReviewFacts, as_of: datetime) -> list[Decision]:
    days = policy.family_visit_days
    since = facts.last_family_visit_at or facts.held_since
    used = {"last_family_visit_at": facts.last_family_visit_at.isoformat() if facts.last_family_visit_at else None}
    if facts.incommunicado:
        return [Decision("DET-5", Outcome.BLOCK, t("A child may never be held incommunicado."), c.GC24_95A, used)]
    if as_of - since > timedelta(days=days):
        return [
            Decision(
                "DET-5",
                Outcome.WARN,
                t("No family visit for more than {days} days: arrange one, or record why it is impossible.", days=days),
                c.CRC_37_C_FAMILY,
                used,
                notify=("supervisor",),
                further_citations=(c.GC24_94, c.HAVANA_60),
            )
        ]
    return [
        Decision("DET-5", Outcome.ALLOW, t("Family contact within {days} days.", days=days), c.CRC_37_C_FAMILY, used)
    ]


@rule(
    "HLT-1",
    title="Health care; isolation for health reasons keeps every safeguard",
    triggers=(Trigger.INCIDENT,),
    outcomes=(Outcome.ALLOW,),
    summary="Medical isolation is recorded with the same safeguards as any separation (DET-7) and keeps legal and "
    "family contact.",
    citations=(c.GC24_95D_CARE, c.RES76_184_8),
)
def hlt_1(policy: Policy, facts: IncidentFacts, as_of: datetime) -> list[Decision]:
    if facts.kind != "medical_isolation":
        return []
    return [
        Decision(
            "HLT-1",
            Outcome.ALLOW,
            t(
                "Medical isolation: health care by community health services, and the child keeps contact with counsel "
                "and family."
            ),
            c.GC24_95D_CARE,
            {"kind": facts.kind},
            further_citations=(c.RES76_184_8,),
        )
    ]
