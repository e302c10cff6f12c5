"""Deadlines are rows written by the service that handled the triggering event (custody start, detention
order, sentence, ...) and closed by the event that meets them, or as moot when their object disappears. The sweep
only raises alerts.

This module is the one writer of the Deadline and Notification tables: `deadlines_from_decisions`,
`deadlines_meet`, `deadlines_moot`, `notification_create` and the sweeps; and of the e-mail outbox, which
`notification_create` fills (people who want e-mail at once), `digests_build` fills once a day (people who chose the
digest) and `outbox_deliver` empties through Django's e-mail backend, keeping what failed for the next try."""

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from jj.accounts.capabilities import can
from jj.accounts.models import Role, User
from jj.audit.services import audit_append
from jj.cases.models import Assignment, Case, ChildProtectionReferral
from jj.core.i18n import stored_parts
from jj.deadlines.models import Deadline, EmailMode, Notification, NotificationPreference, OutboxEmail
from jj.people.models import Child
from jj.rules.checks.common import CHILD_PROTECTION, FAMILY, INDEPENDENT_OVERSIGHT, SUPERVISOR
from jj.rules.engine import Decision
from jj.rules.masking import mask_identity
from jj.rules.text import Text, parts_from_json, t

# Older rows said "oversight_body" for what the rules now call the independent oversight.
_TARGET_ALIASES = {"oversight_body": INDEPENDENT_OVERSIGHT}
FAMILY_DEADLINE_MINUTES = 60
log = logging.getLogger("jj.notifications")


def deadlines_from_decisions(
    *,
    case: Case,
    decisions: Sequence[Decision],
    subject_type: str = "",
    subject_id: int | None = None,
    priority: bool = False,
) -> list[Deadline]:
    """Create the timers the rules engine asked for. Call inside the service's transaction."""
    rows = [
        Deadline(
            case=case,
            agency_id=case.agency_id,
            kind=spec.kind,
            rule_id=decision.rule_id,
            description=spec.description,
            description_parts=stored_parts(spec.description),
            due_at=spec.due_at,
            escalate_to=spec.escalate_to,
            subject_type=subject_type,
            subject_id=subject_id,
            priority=priority,
        )
        for decision in decisions
        for spec in decision.deadlines
    ]
    return Deadline.objects.bulk_create(rows)


def _open(case: Case, kinds: Iterable[str], subject_type: str | None, subject_id: int | None) -> QuerySet[Deadline]:
    qs = Deadline.objects.select_for_update().filter(case=case, kind__in=list(kinds), met_at__isnull=True)
    if subject_type is not None:
        qs = qs.filter(subject_type=subject_type, subject_id=subject_id)
    return qs


def deadlines_meet(
    *,
    case: Case,
    kinds: Iterable[str],
    at: datetime,
    by: User | None,
    note: str = "",
    subject_type: str | None = None,
    subject_id: int | None = None,
) -> list[Deadline]:
    """Close the open deadlines of these kinds on the case (optionally of one subject) as met at `at`."""
    met = list(_open(case, kinds, subject_type, subject_id))
    for deadline in met:
        deadline.met_at = at
        deadline.met_by = by
        deadline.met_note = note[:300]
        deadline.resolution = "met"
    Deadline.objects.bulk_update(met, ["met_at", "met_by", "met_note", "resolution"])
    return met


def deadlines_moot(
    *,
    case: Case,
    kinds: Iterable[str],
    at: datetime,
    by: User | None,
    reason: str,
    subject_type: str | None = None,
    subject_id: int | None = None,
) -> list[Deadline]:
    """INV-8: a deadline whose object disappeared (the child was released before the examination) closes as moot,
    with the reason, never silently and never as met."""
    moot = list(_open(case, kinds, subject_type, subject_id))
    for deadline in moot:
        deadline.met_at = at
        deadline.met_by = by
        deadline.met_note = f"moot: {reason}"[:300]
        deadline.resolution = "moot"
    Deadline.objects.bulk_update(moot, ["met_at", "met_by", "met_note", "resolution"])
    if moot:
        audit_append(
            actor=by,
            action="deadline.moot",
            object_type="case",
            object_id=case.pk,
            child_id=case.child_id,
            changes={"deadline_ids": [d.pk for d in moot], "kinds": sorted({d.kind for d in moot})},
            reason=reason,
        )
    return moot


# --- Notifications -------------------------------------------------------------------------------------------------


def _active(qs: QuerySet[User]) -> list[User]:
    return list(qs.filter(is_active=True).order_by("id"))


def recipients_resolve(*, case: Case, target: str) -> list[User]:
    """The real, active people a target names for this case (INV-7). A supervisor target with no supervisor in
    the agency falls to the jurisdiction's oversight monitors; an independent target never resolves to anyone of
    the case's own agency other than an oversight monitor, and falls to the jurisdiction's administrators only if
    the jurisdiction has no monitor at all (so an escalation never goes to nobody)."""
    target = _TARGET_ALIASES.get(target, target)
    in_jurisdiction = User.objects.filter(agency__jurisdiction_id=case.jurisdiction_id)
    if target == SUPERVISOR:
        people = _active(User.objects.filter(role=Role.SUPERVISOR, agency_id=case.agency_id))
        if people:
            return people
        target = INDEPENDENT_OVERSIGHT
    if target in (INDEPENDENT_OVERSIGHT, CHILD_PROTECTION, FAMILY):
        people = _active(in_jurisdiction.filter(role=Role.OVERSIGHT_MONITOR))
        if target == INDEPENDENT_OVERSIGHT and people:
            return people
        supervisors = _active(User.objects.filter(role=Role.SUPERVISOR, agency_id=case.agency_id))
        if target in (CHILD_PROTECTION, FAMILY) and supervisors:
            return supervisors
        if people:
            return people
    return _active(in_jurisdiction.filter(role=Role.ADMINISTRATOR))


def _outside_the_case(user: User) -> bool:
    """A reader told of a case who reads no case file (the oversight monitor, an administrator: the capability
    table's `case.read`): the free text they read has the child's known names and date of birth masked (REC-2)."""
    return not can(user, "case.read")


def _masked_for_outsiders(case: Case, message: str) -> str:
    cached = case._state.fields_cache.get("child")
    child = cached if isinstance(cached, Child) else Child.objects.get(pk=case.child_id)
    return mask_identity(
        str(message),
        names=(child.given_name, child.family_name, child.other_names),
        dates=[child.date_of_birth],
    )


def notification_create(
    *,
    case: Case,
    kind: str,
    message: str,
    targets: Iterable[str],
    actor: User | None = None,
    deadline: Deadline | None = None,
    rule_id: str = "",
    at: datetime,
    subject: tuple[str, int] | None = None,
    include_assigned: bool = False,
    assigned_roles: Iterable[str] | None = None,
) -> list[Notification]:
    """The one writer of notifications. Each target becomes rows for real, active people; "family" also opens a
    DET-1-style deadline to tell the parents or guardian, and "child_protection" a child-protection referral, so
    neither is silently dropped."""
    people: dict[int, User] = {}
    if include_assigned:
        assigned = Assignment.objects.filter(case=case, ended_at__isnull=True).select_related("user")
        if assigned_roles is not None:
            assigned = assigned.filter(role__in=list(assigned_roles))
        for a in assigned:
            if a.user.is_active:
                people[a.user.pk] = a.user
    for target in dict.fromkeys(targets):
        for user in recipients_resolve(case=case, target=target):
            people[user.pk] = user
        if target == FAMILY:
            subject_type, subject_id = subject or ("case", case.pk)
            description = t("Tell the parents or guardian: {message}", message=message)
            Deadline.objects.create(
                case=case,
                agency_id=case.agency_id,
                kind="family_notification",
                rule_id=rule_id,
                description=description[:300],
                description_parts=stored_parts(description),
                due_at=at + timedelta(minutes=FAMILY_DEADLINE_MINUTES),
                subject_type=subject_type,
                subject_id=subject_id,
                priority=True,
            )
        if target == CHILD_PROTECTION:
            ChildProtectionReferral.objects.create(
                child_id=case.child_id,
                agency_id=case.agency_id,
                referred_by=actor,
                reason=message,
                circumstances=f"Case {case.reference} ({rule_id})",
            )
    outside = {pk for pk, user in people.items() if _outside_the_case(user)}
    masked = _masked_for_outsiders(case, message) if outside else ""
    rows = Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                recipient_role=user.role,
                agency_id=case.agency_id,
                case=case,
                deadline=deadline,
                kind=kind,
                message=(masked if user.pk in outside else message)[:500],
                # The masked text is plain English: its parts would carry the names again.
                message_parts=[] if user.pk in outside else stored_parts(message),
            )
            for user in people.values()
        ]
    )
    _outbox_enqueue_immediate(rows, people, at=at)
    return rows


def notifications_from_decisions(
    *, case: Case, decisions: Sequence[Decision], kind: str, actor: User | None, at: datetime, subject: tuple[str, int]
) -> list[Notification]:
    rows: list[Notification] = []
    for decision in decisions:
        if decision.notify:
            rows += notification_create(
                case=case,
                kind=kind,
                message=decision.message,
                targets=decision.notify,
                actor=actor,
                rule_id=decision.rule_id,
                at=at,
                subject=subject,
            )
    return rows


# --- The sweep -----------------------------------------------------------------------------------------------------


# Deadlines about a sealed child (REC-3's review before removal): the people of the child's case are not told about
# the sealed record; its deciders read it on their worklist, and an overdue one goes to whom it escalates only.
SEALED_CHILD_KINDS = frozenset({"records_removal_review"})


def _open_overdue(now: datetime) -> QuerySet[Deadline]:
    qs = Deadline.objects.filter(met_at__isnull=True, overdue_notified_at__isnull=True, due_at__lt=now)
    qs = qs.select_related("case").order_by("due_at", "id")
    if connection.vendor == "postgresql":
        # Concurrent sweepers each take different rows; none waits, none notifies twice.
        return qs.select_for_update(skip_locked=True, of=("self",))
    return qs.select_for_update()


def deadlines_sweep(*, now: datetime, batch: int = 500) -> int:
    """Raise one overdue alert per newly overdue deadline, to the people assigned and to whom the deadline
    escalates (resolved to real people). PTD-6 passed sets the episode's mandatory-release flag. Safe to run from
    several workers at once."""
    raised = 0
    while True:
        with transaction.atomic():
            due = list(_open_overdue(now)[:batch])
            if not due:
                return raised
            for deadline in due:
                notification_create(
                    case=deadline.case,
                    kind="deadline.overdue",
                    message=t(
                        "Overdue: {description} (case {reference})",
                        description=Text(parts_from_json(deadline.description_parts))
                        if deadline.description_parts
                        else deadline.description,
                        reference=deadline.case.reference,
                    ),
                    targets=[deadline.escalate_to or SUPERVISOR],
                    deadline=deadline,
                    rule_id=deadline.rule_id,
                    at=now,
                    include_assigned=deadline.kind not in SEALED_CHILD_KINDS,
                )
                deadline.overdue_notified_at = now
            Deadline.objects.bulk_update(due, ["overdue_notified_at"])
            _flag_mandatory_release([d for d in due if d.kind == "final_decision"])
            audit_append(
                actor=None,
                actor_username="system:sweep",
                action="deadline.overdue_alerts",
                object_type="deadline",
                changes={"deadline_ids": [d.pk for d in due]},
            )
            raised += len(due)


def _flag_mandatory_release(final_decision_deadlines: list[Deadline]) -> None:
    """PTD-6: six months passed without a final decision: every open episode on the case must end in release."""
    if not final_decision_deadlines:
        return
    from jj.custody.models import CustodyEpisode  # custody builds on deadlines; the sweep reads up only here

    CustodyEpisode.objects.filter(
        Q(case_id__in=[d.case_id for d in final_decision_deadlines]), ended_at__isnull=True
    ).update(mandatory_release_flag=True)


# --- Due within 24 hours -------------------------------------------------------------------------------------------

DUE_SOON = timedelta(hours=24)


def _due_soon(now: datetime) -> QuerySet[Deadline]:
    """Open deadlines due in [now, now + 24 h) not yet announced: the worklist's "due within 24 hours" band."""
    qs = Deadline.objects.filter(
        met_at__isnull=True, due_soon_notified_at__isnull=True, due_at__gte=now, due_at__lt=now + DUE_SOON
    )
    qs = qs.select_related("case").order_by("due_at", "id")
    if connection.vendor == "postgresql":
        return qs.select_for_update(skip_locked=True, of=("self",))
    return qs.select_for_update()


def deadlines_due_soon_sweep(*, now: datetime, batch: int = 500) -> int:
    """Tell the people assigned to the case, once, that a deadline falls due within 24 hours (a case nobody is
    assigned to: its supervisors, so the notice never goes to nobody). Safe to run from several workers at once."""
    raised = 0
    while True:
        with transaction.atomic():
            due = list(_due_soon(now)[:batch])
            if not due:
                return raised
            for deadline in due:
                if deadline.kind in SEALED_CHILD_KINDS:  # on its deciders' worklist already; no one else told
                    deadline.due_soon_notified_at = now
                    continue
                has_assigned = Assignment.objects.filter(
                    case_id=deadline.case_id, ended_at__isnull=True, user__is_active=True
                ).exists()
                notification_create(
                    case=deadline.case,
                    kind="deadline.due_soon",
                    message=f"Due within 24 hours: {deadline.description} (case {deadline.case.reference})",
                    targets=[] if has_assigned else [SUPERVISOR],
                    deadline=deadline,
                    rule_id=deadline.rule_id,
                    at=now,
                    include_assigned=True,
                )
                deadline.due_soon_notified_at = now
            Deadline.objects.bulk_update(due, ["due_soon_notified_at"])
            audit_append(
                actor=None,
                actor_username="system:sweep",
                action="deadline.due_soon_alerts",
                object_type="deadline",
                changes={"deadline_ids": [d.pk for d in due]},
            )
            raised += len(due)


# --- Reading notifications -----------------------------------------------------------------------------------------


def notifications_mark_read(*, user: User, ids: Sequence[int] | None, at: datetime) -> int:
    """Mark the caller's own unread notifications read (all of them when `ids` is None). Others' are untouched."""
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=at)


def notification_preference_set(*, user: User, email_mode: str) -> NotificationPreference:
    with transaction.atomic():
        pref, _ = NotificationPreference.objects.update_or_create(user=user, defaults={"email_mode": email_mode})
        audit_append(
            actor=user,
            action="notification_preference.update",
            object_type="user",
            object_id=user.pk,
            changes={"email_mode": email_mode},
        )
    return pref


def email_mode_of(user: User) -> str:
    pref = NotificationPreference.objects.filter(user=user).values_list("email_mode", flat=True).first()
    return pref or EmailMode.IMMEDIATE


# --- E-mail through the outbox -------------------------------------------------------------------------------------

# E-mails whose body carries a secret (a password reset link, jj.accounts): blanked in the outbox once sent.
SECRET_BODY_KINDS = frozenset({"password_reset"})

# Backoff of a failed send: 1, 2, 4, ... minutes, at most an hour. It is never dropped.
RETRY_BASE = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=1)


def _link(path: str) -> str:
    return f"{settings.PUBLIC_URL}/#{path}"


def _email_line(notification: Notification, reference: str) -> str:
    """One notification as an e-mail line: its kind, the case reference and a link. Never the message itself,
    which may name the child: the name is read in the application, behind its access checks."""
    where = f"case {reference}" if reference else "no case"
    link = _link(f"/cases/{notification.case_id}/show") if notification.case_id else _link("/notifications")
    return f"- {notification.kind} ({where}): {link}"


def _outbox_enqueue_immediate(rows: Sequence[Notification], people: dict[int, User], *, at: datetime) -> None:
    """In the notification's transaction: one e-mail per notification for people who want them at once."""
    wanted = [n for n in rows if n.recipient_id in people and people[n.recipient_id or 0].email]
    if not wanted:
        return
    ids = [n.recipient_id for n in wanted]
    modes = dict(NotificationPreference.objects.filter(user_id__in=ids).values_list("user_id", "email_mode"))
    now = min(at, timezone.now())  # due at once (the event's time, when a sweep or a test names it)
    mails: list[OutboxEmail] = []
    queued: list[int] = []
    for n in wanted:
        user = people[n.recipient_id or 0]
        if modes.get(user.pk, EmailMode.IMMEDIATE) != EmailMode.IMMEDIATE:
            continue
        reference = n.case.reference if n.case is not None else ""
        mails.append(
            OutboxEmail(
                recipient=user,
                to_address=user.email,
                subject=f"[JJ] {n.kind}" + (f" - case {reference}" if reference else ""),
                body=(
                    "You have a new notification in the case-management system.\n\n"
                    + _email_line(n, reference)
                    + "\n\nOpen the link to read it. This message carries no personal data about the child."
                ),
                kind="immediate",
                next_attempt_at=now,
            )
        )
        queued.append(n.pk)
    OutboxEmail.objects.bulk_create(mails)
    Notification.objects.filter(pk__in=queued).update(emailed_at=now)


def digests_build(*, now: datetime) -> int:
    """One e-mail per person who chose the daily digest, with every notification not yet e-mailed. Idempotent: a
    notification once in a digest is marked, so a second run the same day finds nothing."""
    built = 0
    digest_users = (
        User.objects.filter(notification_preference__email_mode=EmailMode.DIGEST, is_active=True)
        .exclude(email="")
        .order_by("id")
    )
    for user in digest_users:
        with transaction.atomic():
            pending = list(
                Notification.objects.select_for_update(of=("self",))
                .filter(recipient=user, emailed_at__isnull=True, created_at__lte=now)
                .select_related("case")
                .order_by("created_at", "id")
            )
            if not pending:
                continue
            lines = [_email_line(n, n.case.reference if n.case is not None else "") for n in pending]
            OutboxEmail.objects.create(
                recipient=user,
                to_address=user.email,
                subject=f"[JJ] Daily digest: {len(pending)} notification(s)",
                body=(
                    "Your notifications since the last digest:\n\n"
                    + "\n".join(lines)
                    + "\n\nOpen the links to read them. This message carries no personal data about any child."
                ),
                kind="digest",
                next_attempt_at=now,
            )
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=now)
            built += 1
    return built


def outbox_deliver(*, now: datetime, batch: int = 100) -> int:
    """Send the e-mails that are due through Django's e-mail backend. A send that fails stays in the outbox with
    its error's class and a later next attempt (exponential backoff, capped): nothing is lost while the mail server
    is down. Each row is locked while it is sent, so two workers never send the same e-mail."""
    sent = 0
    pending = (
        OutboxEmail.objects.filter(sent_at__isnull=True, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:batch]
    )
    for pk in list(pending):
        with transaction.atomic():
            skip = connection.vendor == "postgresql"  # another worker sending it: leave it to that one
            mail = OutboxEmail.objects.select_for_update(skip_locked=skip).filter(pk=pk, sent_at__isnull=True).first()
            if mail is None:
                continue
            try:
                EmailMessage(
                    subject=mail.subject,
                    body=mail.body,
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[mail.to_address],
                ).send(fail_silently=False)
            except Exception as exc:  # any failure of the backend: keep the e-mail, try again later
                mail.attempts += 1
                mail.last_error = type(exc).__name__[:200]
                mail.next_attempt_at = now + min(RETRY_BASE * 2 ** (mail.attempts - 1), RETRY_MAX)
                mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
                log.warning("e-mail %s not sent (attempt %s): %s", mail.pk, mail.attempts, mail.last_error)
                continue
            mail.attempts += 1
            mail.sent_at = now
            mail.last_error = ""
            fields = ["attempts", "sent_at", "last_error"]
            if mail.kind in SECRET_BODY_KINDS:  # a live password reset link: not kept once it has left
                mail.body = "(sent; the body held a one-time link and was removed)"
                fields.append("body")
            mail.save(update_fields=fields)
            sent += 1
    return sent
