"""REI-1 records: the individual needs-and-risk assessment and plan, education enrolment, and an aftercare plan made
after release. Each meets its deadline; none holds a child (a release never waits for a plan, INV-5)."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.cases.models import Case
from jj.core.exceptions import ApplicationError
from jj.custody.access import require_capability
from jj.custody.models import AftercarePlan, CustodyEpisode, EducationEnrolment, IndividualPlan
from jj.deadlines.services import deadlines_meet
from jj.rules.text import msgid

NOT_RELEASED = msgid(
    "An aftercare plan after release is recorded once the child is released; before, give it at release."
)
ENDED = msgid("The child is no longer held: education during custody cannot be recorded now.")


def _case(episode: CustodyEpisode) -> Case:
    return Case.objects.select_related("jurisdiction").get(pk=episode.case_id)


def _audit(actor: User, case: Case, action: str, episode: CustodyEpisode, changes: dict[str, object]) -> None:
    audit_append(
        actor=actor,
        action=action,
        object_type="custody_episode",
        object_id=episode.pk,
        child_id=case.child_id,
        changes=changes,
    )


def _locked(episode: CustodyEpisode) -> CustodyEpisode:
    """Lock the episode for a new record. An evidence hold (DTH-1) freezes what is already recorded, never care
    planning or education, which are new acts for the child (INV-5; jj.custody.evidence)."""
    return CustodyEpisode.objects.select_for_update().get(pk=episode.pk)


def individual_plan_record(
    *,
    actor: User,
    episode: CustodyEpisode,
    needs: str,
    plan: str,
    assessed_by: str,
    risks: str = "",
    assessed_at: datetime | None = None,
) -> IndividualPlan:
    """Meets the individual-plan deadline opened at admission (REI-1)."""
    require_capability(actor, "custody.individual_plan", "an individual assessment and plan")
    case = _case(episode)
    at = assessed_at or timezone.now()
    with transaction.atomic():
        locked = _locked(episode)
        row = IndividualPlan.objects.create(
            episode=locked,
            assessed_at=at,
            needs=needs,
            risks=risks,
            plan=plan,
            assessed_by=assessed_by,
            recorded_by=actor,
        )
        deadlines_meet(case=case, kinds=["individual_plan"], at=at, by=actor, note="individual plan recorded")
        _audit(actor, case, "individual_plan.create", locked, {"individual_plan_id": row.pk, "at": at.isoformat()})
    return row


def education_enrolment_record(
    *,
    actor: User,
    episode: CustodyEpisode,
    enrolled_on: date,
    provider: str,
    programme: str = "",
    ended_on: date | None = None,
) -> EducationEnrolment:
    """Education of a child held (REI-1: a child of school age held longer than the policy's days is flagged
    without one)."""
    require_capability(actor, "custody.education", "an education enrolment")
    case = _case(episode)
    with transaction.atomic():
        locked = _locked(episode)
        if locked.ended_at is not None:
            raise ApplicationError(ENDED)
        row = EducationEnrolment.objects.create(
            episode=locked,
            enrolled_on=enrolled_on,
            provider=provider,
            programme=programme,
            ended_on=ended_on,
            recorded_by=actor,
        )
        _audit(actor, case, "education_enrolment.create", locked, {"education_enrolment_id": row.pk})
    return row


def aftercare_plan_record(
    *,
    actor: User,
    episode: CustodyEpisode,
    items: dict[str, object],
    responsible: str,
    made_at: datetime | None = None,
) -> AftercarePlan:
    """Meets the aftercare-plan deadline opened at a release that carried no plan (REI-1)."""
    require_capability(actor, "custody.aftercare_plan", "an aftercare plan")
    case = _case(episode)
    at = made_at or timezone.now()
    with transaction.atomic():
        locked = CustodyEpisode.objects.select_for_update().get(pk=episode.pk)
        if locked.ended_at is None:
            raise ApplicationError(NOT_RELEASED)
        row = AftercarePlan.objects.create(
            episode=locked, made_at=at, items=items, responsible=responsible, recorded_by=actor
        )
        deadlines_meet(case=case, kinds=["aftercare_plan"], at=at, by=actor, note="aftercare plan recorded")
        _audit(actor, case, "aftercare_plan.create", locked, {"aftercare_plan_id": row.pk, "at": at.isoformat()})
    return row
