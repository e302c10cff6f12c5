"""REC-3 on the law's timetable: the records sweep seals a child's records when the process ends for them
(release with no case left open, completed diversion) and removes the identity at the removal age; supervisors
preview what falls due; a sealed record is read only by break-glass. Lives above custody because whether the
process is over depends on the cases and on custody."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from jj.accounts.capabilities import can, roles_for
from jj.accounts.models import Agency, User
from jj.audit.services import audit_append, audit_denied
from jj.cases.models import Assignment, Case, CaseStatus
from jj.cases.records import child_identity_shred, child_seal
from jj.compliance.selectors import policy_for
from jj.core.exceptions import ActionNotAllowed, ApplicationError, VersionConflict
from jj.core.pseudonym import child_pseudonym
from jj.custody.models import (
    CustodyEpisode,
    RecordsRemovalReview,
    RemovalReviewOutcome,
    SealedReadRequest,
    SealedReadStatus,
)
from jj.deadlines.services import deadlines_from_decisions, deadlines_meet, notification_create
from jj.people.models import Child
from jj.rules.checks.common import INDEPENDENT_OVERSIGHT, SUPERVISOR
from jj.rules.checks.records import REMOVE, REVIEW, SEAL, removal_day
from jj.rules.engine import Decision, Trigger
from jj.rules.facts import ChildFacts, RecordFacts
from jj.rules.policy import Policy
from jj.rules.registry import evaluate
from jj.rules.text import msgid, t

_CLOSED = (CaseStatus.CLOSED, CaseStatus.CLOSED_FINAL)
SEALED_READ_ROLES = roles_for("records.sealed_read")
NOT_A_SEALED_READER = "Only caseworkers and supervisors of the child's agency can open a sealed record."


def _child_facts(child: Child) -> ChildFacts:
    return ChildFacts(
        date_of_birth=child.date_of_birth,
        dob_certainty=child.dob_certainty,
        dob_earliest=child.dob_earliest,
        dob_latest=child.dob_latest,
        age_assessment_method=child.age_assessment_method,
    )


def _reviews_of(ids: Sequence[int]) -> dict[int, tuple[bool, date | None]]:
    """Per child: is an independent removal review open, and until when did the last decided one retain the
    records (None when it removed them, or when none was ever decided)."""
    reviews: dict[int, tuple[bool, date | None]] = {}
    rows = (
        RecordsRemovalReview.objects.filter(child_id__in=ids)
        .order_by("child_id", "opened_at", "pk")
        .values_list("child_id", "decided_at", "outcome", "retain_until")
    )
    for child_id, decided_at, outcome, retain_until in rows:
        opened, retained = reviews.get(child_id, (False, None))
        if decided_at is None:
            opened = True
        else:
            retained = retain_until if outcome == RemovalReviewOutcome.RETAIN else None
        reviews[child_id] = (opened, retained)
    return reviews


def record_facts_for(children: Sequence[Child]) -> dict[int, RecordFacts]:
    """Where each child's records stand (is a process running; when did it end for them; is a removal review
    open or did one retain the records), in three queries for any number of children."""
    ids = [child.pk for child in children]
    cases = {
        row["child_id"]: row
        for row in Case.objects.filter(child_id__in=ids)
        .values("child_id")
        .annotate(running=Count("id", filter=~Q(status__in=_CLOSED)), last_closed=Max("closed_at"), total=Count("id"))
    }
    episodes = {
        row["child_id"]: row
        for row in CustodyEpisode.objects.filter(child_id__in=ids)
        .values("child_id")
        .annotate(held=Count("id", filter=Q(ended_at__isnull=True)), last_release=Max("ended_at"))
    }
    reviews = _reviews_of(ids)
    facts: dict[int, RecordFacts] = {}
    for child in children:
        case_row = cases.get(child.pk, {"running": 0, "last_closed": None, "total": 0})
        episode_row = episodes.get(child.pk, {"held": 0, "last_release": None})
        in_process = bool(case_row["running"] or episode_row["held"])
        ends = [moment for moment in (case_row["last_closed"], episode_row["last_release"]) if moment is not None]
        facts[child.pk] = RecordFacts(
            child=_child_facts(child),
            in_process=in_process,
            process_ended_on=max(ends).date() if ends and case_row["total"] and not in_process else None,
            sealed=child.sealed_at is not None,
            removed=child.removed_at is not None,
            review_opened=reviews.get(child.pk, (False, None))[0],
            retained_until=reviews.get(child.pk, (False, None))[1],
        )
    return facts


def _chunks(children: QuerySet[Child], size: int = 500) -> Iterator[list[Child]]:
    batch: list[Child] = []
    for child in children.iterator(chunk_size=size):
        batch.append(child)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _due_children() -> Q:
    """Children the sweep must look at: not removed, and either not sealed yet with a case closed, or sealed.
    (Unsealed children with no closed case and no release cannot be due.)"""
    return Q(removed_at__isnull=True) & (Q(sealed_at__isnull=False) | Q(cases__status__in=_CLOSED))


@dataclass(frozen=True)
class SweepResult:
    sealed: int = 0
    removed: int = 0
    reviews: int = 0  # independent removal reviews opened (one per child; an open one is not opened again)


def _due(children: QuerySet[Child], at: datetime) -> Iterator[tuple[Child, RecordFacts, Policy, Decision]]:
    """REC-3's decisions at `at` for each child, their facts built in batches (two queries per 500 children)."""
    policies: dict[int, Policy] = {}
    for batch in _chunks(children):
        facts_by_child = record_facts_for(batch)
        for child in batch:
            if child.jurisdiction_id not in policies:
                policies[child.jurisdiction_id] = policy_for(child.jurisdiction_id)
            policy, facts = policies[child.jurisdiction_id], facts_by_child[child.pk]
            for decision in evaluate(Trigger.RECORDS_REVIEW, policy, facts, at):
                yield child, facts, policy, decision


def records_sweep(*, now: datetime, children: QuerySet[Child] | None = None) -> SweepResult:
    """The scheduled REC-3 task (Celery beat in production, the in-process timer in `make run`). Idempotent: a
    sealed child is not sealed twice, a removed child is never looked at again. `children` narrows it (the demo)."""
    sealed = removed = reviews = 0
    due = (children if children is not None else Child.objects).filter(_due_children()).distinct().order_by("pk")
    for child, facts, _policy, decision in _due(due, now):
        action = decision.facts.get("action")
        if action == SEAL and child_seal(child=child, at=now, decisions=[decision]):
            sealed += 1
        elif action == REMOVE:
            with transaction.atomic():
                if child_seal(child=child, at=now, decisions=[decision]):  # False if already sealed
                    sealed += 1
                if child_identity_shred(actor=None, child=child, reason="REC-3: removal at the removal age"):
                    removed += 1
        elif action == REVIEW:
            with transaction.atomic():
                if child_seal(child=child, at=now, decisions=[decision]):  # waiting for the review, sealed
                    sealed += 1
                if not facts.review_opened and removal_review_open(child=child, decision=decision, at=now):
                    reviews += 1
    return SweepResult(sealed, removed, reviews)


# --- The independent review before removal (REC-3, GC24 71) ----------------------------------------------------------

REVIEW_DEADLINE = "records_removal_review"
REVIEW_ACTION = "records.removal_review.decide"
# Retention is the exception (GC24 71): a retained record comes back for review within a year at most.
RETAIN_AT_MOST_DAYS = 366
REASON_MIN_LENGTH = 20
NOT_A_REVIEWER = msgid("Only a court officer of the child's jurisdiction can decide the review of a removal.")
NOT_INDEPENDENT = msgid(
    "The review must be independent: a court officer who is or was assigned to one of the child's cases cannot "
    "decide it."
)


def removal_review_open(*, child: Child, decision: Decision, at: datetime) -> RecordsRemovalReview | None:
    """Open the independent review REC-3 asks for, with its worklist deadline (decided by a court officer of the
    jurisdiction, `records_removal_review`), audited and told to the independent oversight. None when one is
    already open (the partial unique index makes it one per child even under concurrent sweeps)."""
    spec = next((d for d in decision.deadlines if d.kind == REVIEW_DEADLINE), None)
    if spec is None:
        return None
    try:
        with transaction.atomic():
            review = RecordsRemovalReview.objects.create(child=child, opened_at=at, due_at=spec.due_at)
    except IntegrityError:
        return None
    case = Case.objects.filter(child_id=child.pk).order_by("-opened_at", "-pk").first()
    if case is not None:
        deadlines_from_decisions(
            case=case,
            decisions=[replace(decision, deadlines=(spec,))],
            subject_type=REVIEW_DEADLINE,
            subject_id=review.pk,
        )
        notification_create(
            case=case,
            kind="records.removal_review",
            message=t(
                "The removal of a child's records waits for an independent review (review {review}); a court officer"
                " decides it.",
                review=review.pk,
            ),
            targets=(INDEPENDENT_OVERSIGHT,),
            at=at,
        )
    audit_append(
        actor=None,
        actor_username="records-sweep",
        action="records.removal_review.open",
        object_type=REVIEW_DEADLINE,
        object_id=review.pk,
        child_id=child.pk,
        decisions=[decision],
        changes={"due_at": review.due_at.isoformat()},
    )
    return review


def removal_review_list(*, user: User) -> QuerySet[RecordsRemovalReview]:
    """The open reviews a court officer may decide: their jurisdiction's, never one of a child whose case they are
    or were assigned to (independence). Children appear by pseudonym only."""
    if not can(user, "records.removal_review") or user.agency_id is None:
        return RecordsRemovalReview.objects.none()
    jurisdiction = Agency.objects.filter(pk=user.agency_id).values("jurisdiction_id")
    return (
        RecordsRemovalReview.objects.filter(
            decided_at__isnull=True, child__jurisdiction_id__in=jurisdiction, child__removed_at__isnull=True
        )
        .exclude(child_id__in=Assignment.objects.filter(user=user).values("case__child_id"))
        .order_by("due_at", "pk")
    )


class _Refused(Exception):
    def __init__(self, error: Exception, why: str) -> None:
        super().__init__(why)
        self.error, self.why = error, why


def removal_review_decide(
    *,
    actor: User,
    review_id: int,
    outcome: str,
    reason: str,
    retain_until: date | None,
    now: datetime | None = None,
) -> RecordsRemovalReview:
    """An independent court officer decides a removal review: `remove` seals (if not yet) and removes the identity
    at once; `retain` keeps the records until `retain_until` (after today, at most a year ahead), when REC-3 asks
    again. One transaction, the review row locked; the deadline met; audited (the reason encrypted under the
    child's key). Refusals (wrong role, another jurisdiction, assigned to the child, bad dates, already decided)
    write nothing but their audit event."""
    at = now or timezone.now()
    try:
        return _decide(
            actor=actor, review_id=review_id, outcome=outcome, reason=reason, retain_until=retain_until, at=at
        )
    except _Refused as refused:
        audit_denied(
            actor=actor, action=REVIEW_ACTION, object_type=REVIEW_DEADLINE, object_id=review_id, reason=refused.why
        )
        raise refused.error from None


def _decide(
    *, actor: User, review_id: int, outcome: str, reason: str, retain_until: date | None, at: datetime
) -> RecordsRemovalReview:
    if not can(actor, "records.removal_review") or actor.jurisdiction_id is None:
        raise _Refused(ActionNotAllowed(t(NOT_A_REVIEWER)), "not a court officer")
    today = at.astimezone(UTC).date()
    errors: dict[str, list[str]] = {}
    if outcome not in RemovalReviewOutcome.values:
        errors["outcome"] = [t("Choose remove or retain.")]
    if len(reason.strip()) < REASON_MIN_LENGTH:
        errors["reason"] = [t("Give the reason in at least 20 characters.")]
    if outcome == RemovalReviewOutcome.RETAIN:
        if retain_until is None:
            errors["retain_until"] = [t("Say until when the records are retained.")]
        elif not today < retain_until <= today + timedelta(days=RETAIN_AT_MOST_DAYS):
            errors["retain_until"] = [
                t("Retain the records until a day after today and at most a year ahead: the review then comes back.")
            ]
    elif retain_until is not None:
        errors["retain_until"] = [t("Only a decision to retain the records takes a date.")]
    if errors:
        raise _Refused(ApplicationError(t("The decision is incomplete."), extra=errors), "invalid decision")
    with transaction.atomic():
        # The review row only: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join (decided_by).
        review = (
            RecordsRemovalReview.objects.select_for_update(of=("self",))
            .select_related("child")
            .filter(pk=review_id, child__jurisdiction_id=actor.jurisdiction_id)
            .first()
        )
        if review is None:
            raise _Refused(Http404(), "not a review of the caller's jurisdiction")
        if Assignment.objects.filter(user=actor, case__child_id=review.child_id).exists():
            raise _Refused(ActionNotAllowed(t(NOT_INDEPENDENT)), "assigned to the child's case: not independent")
        if review.decided_at is not None:
            raise _Refused(VersionConflict(t("This review has already been decided.")), "already decided")
        child = review.child
        if outcome == RemovalReviewOutcome.REMOVE and record_facts_for([child])[child.pk].in_process:
            raise _Refused(
                VersionConflict(t("A process is running for this person again: removal waits until it ends.")),
                "a process is running",
            )
        review.decided_at, review.decided_by, review.outcome = at, actor, outcome
        review.reason = reason.strip()
        review.retain_until = retain_until if outcome == RemovalReviewOutcome.RETAIN else None
        review.save(update_fields=["decided_at", "decided_by", "outcome", "reason", "retain_until", "updated_at"])
        case = Case.objects.filter(child_id=child.pk).order_by("-opened_at", "-pk").first()
        if case is not None:
            deadlines_meet(
                case=case,
                kinds=[REVIEW_DEADLINE],
                at=at,
                by=actor,
                note=f"review {review.pk}: {outcome}",
                subject_type=REVIEW_DEADLINE,
                subject_id=review.pk,
            )
        audit_append(
            actor=actor,
            action=REVIEW_ACTION,
            object_type=REVIEW_DEADLINE,
            object_id=review.pk,
            child_id=child.pk,
            changes={
                "outcome": outcome,
                "retain_until": review.retain_until.isoformat() if review.retain_until else None,
            },
            reason=review.reason,
        )
        if outcome == RemovalReviewOutcome.REMOVE:
            child_seal(child=child, at=at)
            child_identity_shred(actor=actor, child=child, reason="REC-3: removal after an independent review")
            review.refresh_from_db()
    return review


def removal_reviews_blank(child: Child) -> None:
    """At identity removal: the reviews' reasons are free text about the child (their audit copy is encrypted)."""
    RecordsRemovalReview.objects.filter(child_id=child.pk).update(reason="")


@dataclass(frozen=True)
class PreviewRow:
    child_id: int
    pseudonym: str
    action: str
    due_on: date | None


def records_preview(*, user: User, now: datetime, days: int = 30) -> list[PreviewRow]:
    """What the sweep will seal or remove in the supervisor's agency within `days` days (pseudonyms only)."""
    if not can(user, "records.preview") or user.agency_id is None:
        raise ActionNotAllowed("Only a supervisor can preview the sealing and removal of their agency's records.")
    horizon = now + timedelta(days=days)
    children = Child.objects.filter(_due_children(), agency_id=user.agency_id).distinct().order_by("pk")
    rows: list[PreviewRow] = []
    for child, facts, policy, decision in _due(children, horizon):
        action = str(decision.facts["action"])
        due = removal_day(policy, facts.child) if action in (REMOVE, REVIEW) else facts.process_ended_on
        rows.append(PreviewRow(child.pk, child_pseudonym(child.pk), action, due))
    return rows


def sealed_child_read(*, actor: User, child_id: int, reason: str) -> Child | SealedReadRequest:
    """Break-glass read of a sealed record: a stated reason, audited (the reason encrypted under the child's key),
    reported to oversight and supervisors. Where the jurisdiction's policy asks for a second person, nothing is
    shown yet: a request is held until another supervisor approves it (`sealed_read_decide`), then the person who
    asked opens the record once (`sealed_read_open`)."""
    if actor.role not in SEALED_READ_ROLES or actor.agency_id is None:
        raise ActionNotAllowed(NOT_A_SEALED_READER)
    if len(reason.strip()) < 20:
        raise ApplicationError(
            t("Say why you need this sealed record."),
            extra={"reason": [t("Give the reason in at least 20 characters.")]},
        )
    child = _sealed_child(actor=actor, child_id=child_id, action="child.sealed_read")
    if policy_for(child.jurisdiction_id).records_sealed_read_second_person:
        with transaction.atomic():
            request = SealedReadRequest.objects.create(child=child, agency_id=actor.agency_id, requested_by=actor)
            _tell(
                child,
                t(
                    "A break-glass read of a sealed record was asked by {user} and waits for a second supervisor"
                    " (request {request}).",
                    user=actor.username,
                    request=request.pk,
                ),
                actor,
            )
            audit_append(
                actor=actor,
                action="child.sealed_read.request",
                object_type="sealed_read_request",
                object_id=request.pk,
                child_id=child.pk,
                reason=reason,
            )
        return request
    with transaction.atomic():
        _tell(
            child,
            t("A sealed record was opened by {user}; the reason is in the child's access log.", user=actor.username),
            actor,
        )
        audit_append(
            actor=actor,
            action="child.sealed_read",
            object_type="child",
            object_id=child.pk,
            child_id=child.pk,
            reason=reason,
        )
    return child


def _sealed_child(*, actor: User, child_id: int, action: str) -> Child:
    """The sealed, not removed child of the actor's agency; 404 (audited, without the stated reason) otherwise."""
    agency_id = actor.agency_id
    child = (
        Child.objects.filter(pk=child_id, agency_id=agency_id, sealed_at__isnull=False, removed_at__isnull=True).first()
        if agency_id is not None
        else None
    )
    if child is None:
        audit_denied(
            actor=actor,
            action=action,
            object_type="child",
            object_id=child_id,
            reason="not a sealed record of the caller's agency",
        )
        raise Http404
    return child


def _tell(child: Child, message: str, actor: User) -> None:
    """Supervisors of the agency and the independent oversight body (REC-3), through the child's latest case."""
    case = Case.objects.filter(child_id=child.pk).order_by("-opened_at").first()
    if case is not None:
        notification_create(
            case=case,
            kind="child.sealed_read",
            message=message,
            targets=(SUPERVISOR, INDEPENDENT_OVERSIGHT),
            actor=actor,
            at=timezone.now(),
        )


def sealed_read_decide(*, actor: User, request_id: int, approve: bool, note: str = "") -> SealedReadRequest:
    """A second supervisor of the child's agency approves or rejects a held break-glass read (never their own).
    Audited and reported to oversight. 404 for a request of another agency; 409 once decided."""
    if not can(actor, "records.sealed_read_approve") or actor.agency_id is None:
        raise ActionNotAllowed(t("Only a supervisor of the child's agency can approve a break-glass read."))
    with transaction.atomic():
        request = (
            SealedReadRequest.objects.select_for_update(of=("self",))
            .select_related("child")
            .filter(pk=request_id, agency_id=actor.agency_id)
            .first()
        )
        if request is None:
            raise Http404
        if request.requested_by_id == actor.pk:
            raise ActionNotAllowed(
                t("A break-glass read must be approved by a second supervisor, not by the person who asked.")
            )
        if request.status != SealedReadStatus.PENDING:
            raise VersionConflict(t("This request has already been decided."))
        request.status = SealedReadStatus.APPROVED if approve else SealedReadStatus.REJECTED
        request.decided_by = actor
        request.decided_at = timezone.now()
        request.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
        verb = "approved" if approve else "rejected"
        _tell(
            request.child,
            t(
                "A break-glass read of a sealed record was {verb} by {user} (request {request}).",
                verb=verb,
                user=actor.username,
                request=request.pk,
            ),
            actor,
        )
        audit_append(
            actor=actor,
            action=f"child.sealed_read.{'approve' if approve else 'reject'}",
            object_type="sealed_read_request",
            object_id=request.pk,
            child_id=request.child_id,
            changes={"requested_by": request.requested_by_id},
            reason=note,
        )
    return request


def sealed_read_open(*, actor: User, request_id: int) -> Child:
    """The person who asked opens the approved record, once. 404 for anyone else's request or a record no longer
    sealed (removed meanwhile); 409 when not approved or already opened."""
    with transaction.atomic():
        request = (
            SealedReadRequest.objects.select_for_update(of=("self",))
            .select_related("decided_by")
            .filter(pk=request_id, requested_by=actor)
            .first()
        )
        if request is None:
            raise Http404
        if request.status != SealedReadStatus.APPROVED:
            raise VersionConflict(t("This request is not approved, or was already opened."))
        child = _sealed_child(actor=actor, child_id=request.child_id, action="child.sealed_read")
        request.status = SealedReadStatus.OPENED
        request.opened_at = timezone.now()
        request.save(update_fields=["status", "opened_at", "updated_at"])
        _tell(
            child,
            t("A sealed record was opened by {user}; the reason is in the child's access log.", user=actor.username),
            actor,
        )
        audit_append(
            actor=actor,
            action="child.sealed_read",
            object_type="child",
            object_id=child.pk,
            child_id=child.pk,
            changes={"request": request.pk, "approved_by": request.decided_by.username if request.decided_by else ""},
        )
    return child
