"""Selectors that build the rules engine's facts from rows, so the checks never touch the database."""

from collections.abc import Iterable
from typing import Any

from jj.cases.models import Case, Offence
from jj.people.models import Child
from jj.rules.facts import CaseFacts, ChildFacts, OffenceFacts


def child_facts(child: Child) -> ChildFacts:
    return ChildFacts(
        date_of_birth=child.date_of_birth,
        dob_certainty=child.dob_certainty,
        dob_earliest=child.dob_earliest,
        dob_latest=child.dob_latest,
        age_assessment_method=child.age_assessment_method,
        developmental_disorder=child.developmental_disorder,
    )


def offence_facts(offences: Iterable[Offence | dict[str, Any]]) -> tuple[OffenceFacts, ...]:
    out = []
    for o in offences:
        row = o if isinstance(o, dict) else {f: getattr(o, f) for f in ("offence_date", "offence_date_end")}
        category = o.get("category", "11") if isinstance(o, dict) else o.category
        status = o.get("is_status_offence", False) if isinstance(o, dict) else o.is_status_offence
        out.append(OffenceFacts(row["offence_date"], row.get("offence_date_end"), category, bool(status)))
    return tuple(out)


def case_facts(
    case: Case,
    *,
    stage: str,
    extra_offences: Iterable[dict[str, Any]] = (),
    justification: str = "",
    individual_assessment: str = "",
    diversion_not_offered_reason: str = "",
) -> CaseFacts:
    from jj.diversion.models import DiversionReferral  # diversion builds on cases and compliance

    offences = offence_facts(case.offences.all()) + offence_facts(extra_offences)
    return CaseFacts(
        child_facts(case.child),
        offences,
        stage,
        justification,
        individual_assessment,
        diversion_offered=DiversionReferral.objects.filter(case=case).exists(),
        diversion_not_offered_reason=diversion_not_offered_reason,
    )
