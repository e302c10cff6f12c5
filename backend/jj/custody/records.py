"""REC-3 on the law's timetable: the records sweep seals a child's records when the process ends for them
(release with no case left open, completed diversion) and removes the identity at the removal age; supervisors
preview what falls due; a sealed record is read only by break-glass. Lives above custody because whether the
process is over depends on the cases and on custody."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from jj.accounts.capabilities import can, roles_for
from jj.accounts.models import User
from jj.audit.services import audit_append, audit_denied
from jj.cases.models import Case, CaseStatus
from jj.cases.records import child_identity_shred, child_seal
from jj.compliance.selectors import policy_for
from jj.core.exceptions import ActionNotAllowed, ApplicationError, VersionConflict
from jj.core.pseudonym import child_pseudonym
from jj.custody.models import CustodyEpisode, SealedReadRequest, SealedReadStatus
from jj.deadlines.services import notification_create
from jj.people.models import Child
from jj.rules.checks.common import INDEPENDENT_OVERSIGHT, SUPERVISOR
from jj.rules.checks.records import REMOVE, REVIEW, SEAL, removal_day
from jj.rules.engine import Decision, Trigger
from jj.rules.facts import ChildFacts, RecordFacts
from jj.rules.policy import Policy
from jj.rules.registry import evaluate
from jj.rules.text import t

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


def record_facts_for(children: Sequence[Child]) -> dict[int, RecordFacts]:
    """Where each child's records stand (is a process running; when did it end for them), in two queries for
    any number of children."""
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
    reviews: int = 0


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


def records_sweep(*, now: datetime) -> SweepResult:
    """The scheduled REC-3 task (Celery beat in production, the in-process timer in `make run`). Idempotent: a
    sealed child is not sealed twice, a removed child is never looked at again."""
    sealed = removed = reviews = 0
    for child, _facts, _policy, decision in _due(Child.objects.filter(_due_children()).distinct().order_by("pk"), now):
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
            reviews += 1
    return SweepResult(sealed, removed, reviews)


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
