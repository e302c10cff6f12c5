"""The custody episode's lifecycle as data, and the one place that writes its state (kind, legal status, end).

An episode starts (police custody, pretrial detention or sentenced detention), may move only forward along
EPISODE_KIND_TRANSITIONS (police custody -> pretrial detention -> sentenced detention), and ends once, by release or
by death. The clocks of PTD-5 and PTD-6 belong to the case, not to the episode (INV-2), so they are read here from
every episode of the case."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Min
from django.utils import timezone

from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.cases.lifecycle import NO_CUSTODY_STATUSES
from jj.cases.models import Case, CaseStatus, Sentence
from jj.core.exceptions import ApplicationError
from jj.custody.models import CustodyEpisode, EpisodeEndReason, EpisodeKind, LegalStatus, LegalStatusChange, Placement
from jj.deadlines.services import deadlines_moot, notification_create
from jj.people.models import Child
from jj.rules.checks.common import SUPERVISOR
from jj.rules.engine import Trigger
from jj.rules.text import msgid, t

K = EpisodeKind
EPISODE_KIND_TRANSITIONS: frozenset[tuple[str, str]] = frozenset(
    {
        (K.POLICE_CUSTODY, K.PRETRIAL_DETENTION),
        (K.POLICE_CUSTODY, K.SENTENCED_DETENTION),
        (K.PRETRIAL_DETENTION, K.SENTENCED_DETENTION),
    }
)
END_RELEASE = EpisodeEndReason.RELEASED
END_DEATH = EpisodeEndReason.DEATH
END_REASONS = (END_RELEASE, END_DEATH)
CUSTODIAL_SENTENCES = frozenset({"custody", "indeterminate", "life_with_parole", "life_without_parole"})

# Deadlines whose object is the child's being held: when the episode ends they are moot, never "met" (INV-8).
HELD_DEADLINES = (
    "competent_authority",
    "detention_review",
    "formal_charge",
    "final_decision",
    "police_cell_exit",
    "legality_challenge",
    "health_examination",
    "allegation_medical_examination",  # ILL-1: examined in custody; after release it is no longer the facility's
)
# Pretrial deadlines that end when the child is sentenced (the review series of PTD-4 belongs to pretrial detention).
PRETRIAL_DEADLINES = ("detention_review", "formal_charge", "competent_authority")

NO_CUSTODY_ON_CASE = {
    CaseStatus.DIVERTED: "This case is in diversion, which never involves deprivation of liberty: record the "
    "diversion's outcome first.",
    CaseStatus.CLOSED: "This case is closed.",
    CaseStatus.CLOSED_FINAL: "This case is closed.",
}
KIND_BACKWARDS = msgid("A custody episode that is {before} cannot become {after}.")
SENTENCED_NEEDS_SENTENCE = msgid(
    "Sentenced detention begins only under a custodial sentence recorded on this case: record the sentence first, "
    "or start police custody."
)
PRETRIAL_ORDER_ON_SENTENCED = msgid(
    "The child is serving a sentence on this case: a pretrial detention order does not apply to it."
)


@dataclass(frozen=True)
class CaseClock:
    """INV-2: when the case's deprivation of liberty began, across every episode, so re-detention restarts nothing."""

    first_deprived_at: datetime | None
    first_pretrial_at: datetime | None


def case_clock(case: Case) -> CaseClock:
    row = CustodyEpisode.objects.filter(case_id=case.pk).aggregate(
        first=Min("started_at"), pretrial=Min("pretrial_detention_started_at")
    )
    return CaseClock(row["first"], row["pretrial"])


def custody_allowed_on(case: Case) -> None:
    """INV-4: no deprivation of liberty on a case in diversion or closed (400 with the reason)."""
    message = NO_CUSTODY_ON_CASE.get(CaseStatus(case.status)) if case.status in NO_CUSTODY_STATUSES else None
    if message:
        raise ApplicationError(message, extra={"case": [message]})


def episode_start_allowed(case: Case, kind: str) -> None:
    """INV-2/INV-4: an episode may start as sentenced detention only under a custodial sentence on the case.
    Otherwise a child could be held as 'sentenced' with no sentence, and a later pretrial order would open charge
    and final-decision clocks no pretrial start could explain (found by the state machine)."""
    if kind != K.SENTENCED_DETENTION:
        return
    if not Sentence.objects.filter(case_id=case.pk, sentence_type__in=CUSTODIAL_SENTENCES).exists():
        raise ApplicationError(SENTENCED_NEEDS_SENTENCE, extra={"kind": [SENTENCED_NEEDS_SENTENCE]})


def pretrial_order_allowed(episode: CustodyEpisode, kind: str) -> None:
    """A pretrial detention order on an episode already sentenced would restart nothing and decide nothing."""
    if kind == "pretrial_detention" and episode.kind == K.SENTENCED_DETENTION:
        raise ApplicationError(PRETRIAL_ORDER_ON_SENTENCED, extra={"kind": [PRETRIAL_ORDER_ON_SENTENCED]})


def episode_kind_change(*, episode: CustodyEpisode, to: str, at: datetime) -> None:
    """Forward only. `episode` must be locked by the caller's transaction; the caller saves it."""
    if episode.kind == to:
        return
    if (episode.kind, to) not in EPISODE_KIND_TRANSITIONS:
        raise ApplicationError(
            t(KIND_BACKWARDS, before=EpisodeKind(episode.kind).label.lower(), after=EpisodeKind(to).label.lower())
        )
    episode.kind = to
    if to == K.PRETRIAL_DETENTION and episode.pretrial_detention_started_at is None:
        episode.pretrial_detention_started_at = at


def episode_end(
    *, episode: CustodyEpisode, case: Case, at: datetime, reason: str, actor: User | None, note: str
) -> CustodyEpisode:
    """The one way an episode ends (release or death). The placement closes, the held-child deadlines become moot,
    the red flag of mandatory release falls. `episode` must be locked by the caller's transaction."""
    if episode.ended_at is not None:
        raise ApplicationError(t("This custody episode has ended."))
    Placement.objects.filter(episode=episode, ended_at__isnull=True).update(ended_at=at)
    episode.ended_at = at
    episode.end_reason = reason
    episode.current_facility = None
    episode.mandatory_release_flag = False
    episode.version += 1
    episode.save(
        update_fields=["ended_at", "end_reason", "current_facility", "mandatory_release_flag", "version", "updated_at"]
    )
    deadlines_moot(
        case=case,
        kinds=HELD_DEADLINES,
        at=at,
        by=actor,
        reason=note,
        subject_type=None,
    )
    return episode


def sentence_effect_on_custody(case: Case, sentence: Sentence, actor: User) -> None:
    """A custodial sentence makes the held child's episode "sentenced" (indicators 3-5 need the legal status
    history); the pretrial review series ends, moot. Registered in cases.services.SENTENCE_EFFECTS."""
    if sentence.sentence_type not in CUSTODIAL_SENTENCES:
        return
    episode = CustodyEpisode.objects.select_for_update().filter(case=case, ended_at__isnull=True).first()
    if episode is None:
        return
    episode_kind_change(episode=episode, to=K.SENTENCED_DETENTION, at=sentence.imposed_at)
    episode.legal_status = LegalStatus.SENTENCED
    episode.version += 1
    episode.save(update_fields=["kind", "legal_status", "version", "updated_at"])
    LegalStatusChange.objects.create(episode=episode, status=LegalStatus.SENTENCED, at=sentence.imposed_at)
    deadlines_moot(
        case=case, kinds=PRETRIAL_DEADLINES, at=sentence.imposed_at, by=actor, reason="sentenced: no longer pretrial"
    )
    audit_append(
        actor=actor,
        action="custody_episode.sentenced",
        object_type="custody_episode",
        object_id=episode.pk,
        child_id=case.child_id,
        changes={"legal_status": {"before": LegalStatus.PRE_SENTENCE, "after": LegalStatus.SENTENCED}},
    )


def mandatory_release_flag_set(*, case_ids: list[int]) -> int:
    return CustodyEpisode.objects.filter(case_id__in=case_ids, ended_at__isnull=True).update(
        mandatory_release_flag=True
    )


def child_age_recheck(child: Child, actor: User) -> None:
    """INV-1: the date of birth or the age assessment changed. Re-run MACR-1 on every case of the child still in
    the criminal process. A child now found below the minimum age (or of unknown age) is referred to child
    protection, the supervisor is told, and any deprivation of liberty on the case is flagged for release at once;
    every later charge, order or sentence on the case is refused by MACR-1 itself. Registered in
    people.services.AGE_FACTS_CHANGED; runs inside the child update's transaction."""
    from jj.compliance.facts import case_facts
    from jj.compliance.services import decisions_apply, rules_evaluate

    now = timezone.now()
    open_cases = Case.objects.filter(child=child).exclude(status__in=[CaseStatus.CLOSED, CaseStatus.CLOSED_FINAL])
    for case in open_cases.select_related("child", "jurisdiction"):
        stage = "intake" if case.status == CaseStatus.OPEN else "charge"
        decisions = rules_evaluate(
            trigger=Trigger.AGE_RECHECK,
            jurisdiction_id=case.jurisdiction_id,
            facts=case_facts(case, stage=stage),
            as_of=now,
        )
        blocked = [d for d in decisions if d.unmet]
        if not blocked:
            continue
        flagged = mandatory_release_flag_set(case_ids=[case.pk])
        decisions_apply(
            decisions=blocked,
            trigger=Trigger.AGE_RECHECK,
            case=case,
            object_type="case",
            object_id=case.pk,
            actor=actor,
            at=now,
            notify_kind="case.below_minimum_age",
        )
        notification_create(
            case=case,
            kind="case.below_minimum_age",
            message=blocked[0].message,
            targets=(SUPERVISOR,),
            actor=actor,
            rule_id=blocked[0].rule_id,
            at=now,
            include_assigned=True,
        )
        audit_append(
            actor=actor,
            action="case.age_recheck",
            object_type="case",
            object_id=case.pk,
            child_id=case.child_id,
            changes={"episodes_flagged_for_release": flagged, "status": case.status},
            decisions=blocked,
            reason="refused by " + ", ".join(d.rule_id for d in blocked),
        )
