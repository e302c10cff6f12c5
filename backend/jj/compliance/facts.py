"""Selectors that build the rules engine's facts from rows, so the checks never touch the database."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from jj.accounts.models import User
from jj.cases.models import Assignment, AssignmentRole, Case, CaseStatus, Offence
from jj.people.models import Child
from jj.rules.facts import AssignmentFacts, CaseFacts, ChildFacts, InterviewFacts, OffenceFacts


def child_facts(child: Child) -> ChildFacts:
    return ChildFacts(
        date_of_birth=child.date_of_birth,
        dob_certainty=child.dob_certainty,
        dob_earliest=child.dob_earliest,
        dob_latest=child.dob_latest,
        age_assessment_method=child.age_assessment_method,
        developmental_disorder=child.developmental_disorder,
        sex=child.sex,
        accommodation_needs=child.accommodation_needs,
        pregnant=child.pregnant,
        child_in_care=child.child_in_care,
        armed_forces_association=child.armed_forces_association,
    )


def counsel_facts(case: Case) -> tuple[bool, bool]:
    """CNS-1: (a legal counsel assignment is active on the case, one active counsel is legal aid)."""
    active = list(
        Assignment.objects.filter(case=case, role=AssignmentRole.LEGAL_COUNSEL, ended_at__isnull=True).values_list(
            "legal_aid", flat=True
        )
    )
    return bool(active), any(active)


def assignment_facts(*, user: User, role: str, legal_aid: bool = False) -> AssignmentFacts:
    """TRN-1 at a case assignment: the assignee's training in child justice."""
    return AssignmentFacts(role=role, trained_in_child_justice_on=user.trained_in_child_justice_on, legal_aid=legal_aid)


def offence_facts(offences: Iterable[Offence | dict[str, Any]]) -> tuple[OffenceFacts, ...]:
    out = []
    for o in offences:
        row = o if isinstance(o, dict) else {f: getattr(o, f) for f in ("offence_date", "offence_date_end")}
        category = o.get("category", "11") if isinstance(o, dict) else o.category
        status = o.get("is_status_offence", False) if isinstance(o, dict) else o.is_status_offence
        code = o.get("local_code", "") if isinstance(o, dict) else o.local_code
        out.append(OffenceFacts(row["offence_date"], row.get("offence_date_end"), category, bool(status), code or ""))
    return tuple(out)


def intake_facts(*, child: Child, offences: Iterable[dict[str, Any]], opened_at: datetime | None = None) -> CaseFacts:
    """Intake, before the case row exists: DEL-1 counts from `opened_at` in the jurisdiction's calendar."""
    return CaseFacts(
        child_facts(child),
        offence_facts(offences),
        stage="intake",
        opened_at=opened_at,
        zone=child.jurisdiction.timezone,
    )


def case_facts(
    case: Case,
    *,
    stage: str,
    extra_offences: Iterable[dict[str, Any]] = (),
    justification: str = "",
    individual_assessment: str = "",
    diversion_not_offered_reason: str = "",
    no_counsel_justification: str = "",
    armed_forces_justification: str = "",
) -> CaseFacts:
    """The case as the rules see it. CNS-1 (counsel), DEL-1 (intake time, zone), CAF-1, GIR-1 and DIS-1 (on the
    child) read what is recorded; the two justifications come from the request of the act being decided."""
    from jj.diversion.models import DiversionReferral  # diversion builds on cases and compliance

    offences = offence_facts(case.offences.all()) + offence_facts(extra_offences)
    counsel_active, counsel_legal_aid = counsel_facts(case)
    return CaseFacts(
        child_facts(case.child),
        offences,
        stage,
        justification,
        individual_assessment,
        diversion_offered=DiversionReferral.objects.filter(case=case).exists(),
        diversion_not_offered_reason=diversion_not_offered_reason,
        counsel_active=counsel_active,
        counsel_legal_aid=counsel_legal_aid,
        no_counsel_justification=no_counsel_justification,
        armed_forces_justification=armed_forces_justification,
        opened_at=case.opened_at,
        zone=case.jurisdiction.timezone,
    )


def interview_facts(case: Case, data: dict[str, Any]) -> InterviewFacts:
    """Every check of an interview from its request: DET-2 (lawyer, appropriate adult, interpreter), plus CNS-1
    (counsel on the case), DIS-1 (the child's needs and the accommodation provided) and TRN-1 (the interviewer's
    training, when a user)."""
    interviewer: User | None = data.get("interviewer")
    return InterviewFacts(
        lawyer_present=data.get("lawyer_present", False),
        appropriate_adult_present=data.get("appropriate_adult_present", False),
        lawyer_waived=data.get("lawyer_waived", False),
        waiver_under_judicial_supervision=data.get("waiver_under_judicial_supervision", False),
        audio_visual_recorded=data.get("audio_visual_recorded", False),
        appropriate_adult_absence_reason=data.get("appropriate_adult_absence_reason", ""),
        interpreter_needed=case.child.interpreter_needed,
        interpreter_present=data.get("interpreter_present", False),
        case=case_facts(case, stage="charge" if case.status == CaseStatus.CHARGED else "intake"),
        accommodation_provided=data.get("accommodation_provided", ""),
        interviewer_trained_on=interviewer.trained_in_child_justice_on if interviewer else None,
    )
