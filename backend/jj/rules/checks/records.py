"""REC-3: a child's criminal-process records are sealed when the process ends for the child (release, completed
diversion) and removed at the jurisdiction's removal age (18 under the standard), automatically or, where the
policy says so, after an independent review. The check says what is due; the records sweep does it."""

from datetime import UTC, date, datetime, time, timedelta

from jj.rules import citations as c
from jj.rules.checks.common import INDEPENDENT_OVERSIGHT
from jj.rules.engine import DeadlineSpec, Decision, Outcome, Trigger
from jj.rules.facts import ChildFacts, RecordFacts
from jj.rules.policy import Policy
from jj.rules.registry import rule
from jj.rules.text import msgid, t

SEAL = "seal"
REMOVE = "remove"
REVIEW = "review"

MSG_REMOVE = msgid("The child has reached the age at which their records are removed: their identity is removed today.")
MSG_REVIEW = msgid(
    "The child has reached the age at which their records are removed; the policy asks for an independent review "
    "first. Open and decide it without delay."
)
MSG_SEAL = msgid(
    "The criminal process has ended for this child: their records are sealed and vanish from every ordinary "
    "list, search and count."
)


def oldest_plausible_dob(child: ChildFacts) -> date | None:
    """The date of birth giving the highest age the evidence allows: removal at the earliest date the evidence
    supports protects the child (GC24 71). An unknown age gives no date (removal then needs a review)."""
    if child.dob_certainty == "documented":
        return child.date_of_birth
    if child.dob_certainty == "estimated":
        return child.dob_earliest
    return None


def birthday(dob: date, years: int) -> date:
    """The day the child turns `years`; a 29 February birthday falls on 1 March in common years (as jj.rules.age)."""
    try:
        return dob.replace(year=dob.year + years)
    except ValueError:
        return date(dob.year + years, 3, 1)


def removal_day(policy: Policy, child: ChildFacts) -> date | None:
    dob = oldest_plausible_dob(child)
    return None if dob is None else birthday(dob, policy.records_removal_age)


@rule(
    "REC-3",
    title="Records sealed at the end of the process, removed at the removal age",
    triggers=(Trigger.RECORDS_REVIEW,),
    outcomes=(Outcome.ALLOW, Outcome.REQUIRE_JUSTIFICATION),
    summary="On release with no case left open, or on completion of diversion, the child's records are sealed: they "
    "vanish from every ordinary list, search and count, and a break-glass read needs a stated reason. On the day the "
    "child reaches the removal age (18 under the standard; the oldest plausible date of birth counts) the identity "
    "is removed (crypto-shredding; once no process is running) and only pseudonymised facts stay for statistics; "
    "where the policy asks for an independent review, or one is open, the removal waits for it: the sweep opens the "
    "review, which a court officer never assigned to the child's cases decides within the policy's days (remove now, "
    "or retain until a date at most a year ahead, when the review comes back). Run by the daily records sweep, which "
    "also previews what falls due in the next 30 days.",
    citations=(c.GC24_71, c.HAVANA_19, c.GC24_66_70, c.RES79_34),
    parameters=("records_removal_age", "records_removal", "records_removal_review_days"),
)
def rec_3(policy: Policy, facts: RecordFacts, as_of: datetime) -> list[Decision]:
    if facts.removed:
        return []
    today = as_of.astimezone(UTC).date()
    due = removal_day(policy, facts.child)
    below = policy.below_standard("records_removal_age") or policy.below_standard("records_removal")
    base = {"removal_day": due.isoformat() if due else None, "sealed": facts.sealed, "in_process": facts.in_process}
    # A process still running at the removal age (a case open, a measure not over) ends first: removal waits for it.
    if due is not None and today >= due and not facts.in_process:
        retained = facts.retained_until is not None
        if retained and not facts.review_opened and today < facts.retained_until:  # type: ignore[operator]
            return []  # an independent review retained the records until a later day: it comes back then
        if policy.records_removal == REVIEW or facts.review_opened or retained:
            decide_by = as_of.astimezone(UTC) + timedelta(days=policy.records_removal_review_days)
            return [
                Decision(
                    "REC-3",
                    Outcome.REQUIRE_JUSTIFICATION,
                    t(MSG_REVIEW),
                    c.GC24_71,
                    {
                        **base,
                        "action": REVIEW,
                        "retained_until": facts.retained_until.isoformat() if facts.retained_until else None,
                    },
                    satisfied_by=("review_decision",),
                    # The sweep opens one review (and this deadline) per child; while it is open, nothing new.
                    deadlines=(
                        DeadlineSpec(
                            "records_removal_review",
                            decide_by,
                            t("Decide the independent review of the removal of the child's records (REC-3)"),
                            escalate_to=INDEPENDENT_OVERSIGHT,
                        ),
                    ),
                    below_standard=below,
                    further_citations=(c.HAVANA_19, c.RES79_34),
                )
            ]
        return [
            Decision(
                "REC-3",
                Outcome.ALLOW,
                t(MSG_REMOVE),
                c.GC24_71,
                {**base, "action": REMOVE},
                below_standard=below,
                further_citations=(c.HAVANA_19, c.RES79_34),
            )
        ]
    if facts.sealed or facts.in_process or facts.process_ended_on is None or facts.process_ended_on > today:
        return []
    deadlines = (
        (
            DeadlineSpec(
                "records_removal",
                datetime.combine(due, time.min, tzinfo=UTC),
                t("Remove the child's records (REC-3)"),
            ),
        )
        if due is not None
        else ()
    )
    return [
        Decision(
            "REC-3",
            Outcome.ALLOW,
            t(MSG_SEAL),
            c.HAVANA_19,
            {**base, "action": SEAL},
            deadlines=deadlines,
            below_standard=below,
            further_citations=(c.GC24_66_70, c.GC24_71),
        )
    ]
