"""Builders for the pure rule tests: no database, no clock."""

from datetime import UTC, date, datetime, timedelta

from jj.rules.engine import Decision, Outcome, Trigger
from jj.rules.facts import CaseFacts, ChildFacts, NonCustodialOption, OffenceFacts, SentenceFacts
from jj.rules.policy import Policy
from jj.rules.registry import evaluate

AS_OF = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
DOB = date(2010, 6, 15)  # turns 14 on 2024-06-15, 18 on 2028-06-15


def documented(dob: date = DOB, **extra: object) -> ChildFacts:
    return ChildFacts(date_of_birth=dob, dob_certainty="documented", **extra)  # type: ignore[arg-type]


def estimated(earliest: date, latest: date, method: str = "developmental") -> ChildFacts:
    return ChildFacts(None, "estimated", dob_earliest=earliest, dob_latest=latest, age_assessment_method=method)


def unknown() -> ChildFacts:
    return ChildFacts(None, "unknown")


def offence(on: date, until: date | None = None, *, status: bool = False) -> OffenceFacts:
    return OffenceFacts(offence_date=on, offence_date_end=until, is_status_offence=status)


def case(child: ChildFacts, *offences: OffenceFacts, **extra: object) -> CaseFacts:
    return CaseFacts(child=child, offences=offences, **extra)  # type: ignore[arg-type]


def sentence(child: ChildFacts, on: date, sentence_type: str, **extra: object) -> SentenceFacts:
    return SentenceFacts(case(child, offence(on)), sentence_type, **extra)  # type: ignore[arg-type]


OPTIONS = (NonCustodialOption("probation", "breached twice"), NonCustodialOption("community_service", "refused"))


def decisions_of(rule_id: str, trigger: Trigger, facts: object, policy: Policy | None = None) -> list[Decision]:
    return [d for d in evaluate(trigger, policy or Policy(), facts, AS_OF) if d.rule_id == rule_id]


def only(rule_id: str, trigger: Trigger, facts: object, policy: Policy | None = None) -> Decision:
    found = decisions_of(rule_id, trigger, facts, policy)
    assert len(found) == 1, found
    return found[0]


def outcome(rule_id: str, trigger: Trigger, facts: object, policy: Policy | None = None) -> Outcome | None:
    found = decisions_of(rule_id, trigger, facts, policy)
    return found[0].outcome if found else None


def new_rule(
    rule_id: str, trigger: Trigger, facts: object, at: datetime = AS_OF, policy: Policy | None = None
) -> list[Decision]:
    """The decisions of one rule, NOT_YET_WIRED rules included (RULES.md section 7c)."""
    found = evaluate(trigger, policy or Policy(), facts, at, include_unwired=True)
    return [d for d in found if d.rule_id == rule_id]


def day(d: date, delta: int) -> date:
    return d + timedelta(days=delta)
