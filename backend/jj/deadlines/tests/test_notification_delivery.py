"""Issue 17: notifications that reach people. Deadlines due within 24 hours are told once (boundaries at 24 h - 1 min,
24 h, 24 h + 1 min); e-mail goes through the outbox, a failed send stays queued and is retried (a backend that
raises stands for the mail server being down); daily digest or immediate, per person; no child's name in an e-mail;
the bell's unread count and marking read."""

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.utils import timezone

from jj.accounts.models import User
from jj.deadlines.models import Deadline, EmailMode, Notification, NotificationPreference, OutboxEmail
from jj.deadlines.services import (
    RETRY_BASE,
    deadlines_due_soon_sweep,
    deadlines_sweep,
    digests_build,
    notification_create,
    outbox_deliver,
)
from jj.deadlines.tasks import build_digests, deliver_outbox, remind_deadlines

CHILD_NAME = "Zephyrine"


class MailServerDown(BaseEmailBackend):
    """Every send fails, as with the SMTP relay unreachable."""

    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError("relay unreachable")


DOWN = "jj.deadlines.tests.test_notification_delivery.MailServerDown"
UP = "django.core.mail.backends.locmem.EmailBackend"


def _with_email(user: User, address: str) -> User:
    user.email = address
    user.save(update_fields=["email"])
    return user


def _deadline(case: Any, due_at: Any, description: str = "Review of the detention") -> Deadline:
    return Deadline.objects.create(
        case=case, agency_id=case.agency_id, kind="detention_review", description=description, due_at=due_at
    )


@pytest.mark.parametrize(
    ("offset", "told"),
    [
        (timedelta(hours=24) - timedelta(minutes=1), True),
        (timedelta(hours=24), False),
        (timedelta(hours=24) + timedelta(minutes=1), False),
        (timedelta(0), True),
        (-timedelta(minutes=1), False),  # already overdue: the overdue alert's business, not this one
    ],
)
def test_due_within_24_hours_is_told_at_its_boundaries(offset: timedelta, told: bool, make_case: Any) -> None:
    case = make_case(counsel=True)
    now = timezone.now()
    deadline = _deadline(case, now + offset)
    assert deadlines_due_soon_sweep(now=now) == (1 if told else 0)
    rows = Notification.objects.filter(kind="deadline.due_soon", deadline=deadline)
    assert rows.count() == (2 if told else 0)  # the caseworker and counsel assigned
    deadline.refresh_from_db()
    assert (deadline.due_soon_notified_at is not None) is told


def test_due_soon_is_told_once_and_not_for_a_met_deadline(world: Any, make_case: Any) -> None:
    case = make_case()
    now = timezone.now()
    _deadline(case, now + timedelta(hours=3))
    _deadline(case, now + timedelta(hours=5))
    met = _deadline(case, now + timedelta(hours=2))
    Deadline.objects.filter(pk=met.pk).update(met_at=now, resolution="met")
    assert remind_deadlines.delay().get() == 2  # the two open ones, not the met one
    assert remind_deadlines.delay().get() == 0
    assert set(Notification.objects.filter(kind="deadline.due_soon").values_list("recipient__username", flat=True)) == {
        "caseworker"
    }


def test_a_case_nobody_is_assigned_to_tells_its_supervisors(world: Any, make_case: Any) -> None:
    case = make_case()
    case.assignments.all().update(ended_at=timezone.now())
    _deadline(case, timezone.now() + timedelta(hours=1))
    deadlines_due_soon_sweep(now=timezone.now())
    assert list(
        Notification.objects.filter(kind="deadline.due_soon").values_list("recipient__username", flat=True)
    ) == ["supervisor"]


def test_an_escalation_is_emailed_and_survives_the_mail_server_being_down(world: Any, make_case: Any) -> None:
    _with_email(world["caseworker"], "cw@example.org")
    _with_email(world["supervisor"], "sv@example.org")
    case = make_case()
    now = timezone.now()
    _deadline(case, now - timedelta(minutes=5))
    assert deadlines_sweep(now=now) == 1  # the overdue alert escalates to the supervisor
    queued = OutboxEmail.objects.filter(sent_at__isnull=True)
    assert sorted(queued.values_list("to_address", flat=True)) == ["cw@example.org", "sv@example.org"]
    with override_settings(EMAIL_BACKEND=DOWN):
        assert outbox_deliver(now=now) == 0
    assert len(mail.outbox) == 0
    assert OutboxEmail.objects.filter(sent_at__isnull=True).count() == 2  # nothing lost
    first = OutboxEmail.objects.order_by("pk").first()
    assert first is not None
    assert first.attempts == 1
    assert first.last_error == "ConnectionRefusedError"
    assert first.next_attempt_at == now + RETRY_BASE
    # Not retried before its next attempt; then the relay is back and both go.
    assert outbox_deliver(now=now + RETRY_BASE - timedelta(seconds=1)) == 0
    with override_settings(EMAIL_BACKEND=DOWN):
        assert outbox_deliver(now=now + RETRY_BASE) == 0  # down again: backoff doubles
    again = OutboxEmail.objects.get(pk=first.pk)
    assert again.attempts == 2
    assert again.next_attempt_at == now + RETRY_BASE + 2 * RETRY_BASE
    with override_settings(EMAIL_BACKEND=UP):
        assert outbox_deliver(now=now + 3 * RETRY_BASE) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["cw@example.org", "sv@example.org"]
    assert OutboxEmail.objects.filter(sent_at__isnull=True).count() == 0
    with override_settings(EMAIL_BACKEND=UP):
        assert outbox_deliver(now=now + timedelta(days=1)) == 0  # sent once only


def test_an_email_carries_a_link_and_the_case_reference_never_the_childs_name(world: Any, make_case: Any) -> None:
    _with_email(world["caseworker"], "cw@example.org")
    case = make_case(given_name=CHILD_NAME)
    notification_create(
        case=case,
        kind="custody.death",
        message=f"{CHILD_NAME} Okafor: serious incident",
        targets=[],
        at=timezone.now(),
        include_assigned=True,
    )
    assert deliver_outbox.delay().get() == 1
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert CHILD_NAME not in sent.body
    assert CHILD_NAME not in sent.subject
    assert "Okafor" not in sent.body
    assert case.reference in sent.body
    assert f"/cases/{case.pk}/show" in sent.body


def test_digest_people_get_one_email_a_day_with_everything_and_nothing_twice(world: Any, make_case: Any) -> None:
    cw = _with_email(world["caseworker"], "cw@example.org")
    NotificationPreference.objects.create(user=cw, email_mode=EmailMode.DIGEST)
    case = make_case()
    for text in ("one", "two"):
        notification_create(
            case=case, kind=f"k.{text}", message=text, targets=[], at=timezone.now(), include_assigned=True
        )
    assert OutboxEmail.objects.count() == 0  # nothing at once
    assert build_digests.delay().get() == 1
    digest = OutboxEmail.objects.get()
    assert digest.kind == "digest"
    assert digest.body.count(case.reference) == 2
    assert digests_build(now=timezone.now()) == 0  # each notification in one digest only
    notification_create(case=case, kind="k.three", message="3", targets=[], at=timezone.now(), include_assigned=True)
    assert digests_build(now=timezone.now()) == 1


def test_off_sends_no_email_and_people_without_an_address_get_none(world: Any, make_case: Any) -> None:
    cw = _with_email(world["caseworker"], "cw@example.org")
    NotificationPreference.objects.create(user=cw, email_mode=EmailMode.OFF)
    case = make_case(counsel=True)  # counsel has no address
    notification_create(case=case, kind="k", message="m", targets=[], at=timezone.now(), include_assigned=True)
    assert Notification.objects.count() == 2
    assert OutboxEmail.objects.count() == 0
    assert digests_build(now=timezone.now()) == 0


def test_the_bell_counts_unread_and_marks_read_only_the_callers_own(
    world: Any, make_case: Any, client_for: Any
) -> None:
    case = make_case(counsel=True)
    notification_create(case=case, kind="a", message="m", targets=[], at=timezone.now(), include_assigned=True)
    notification_create(case=case, kind="b", message="m", targets=[], at=timezone.now(), include_assigned=True)
    cw = client_for("caseworker")
    assert cw.get("/api/notifications/unread-count/").json() == {"unread": 2}
    mine = cw.get("/api/notifications/?unread=true").json()["results"]
    assert len(mine) == 2
    counsels = Notification.objects.filter(recipient=world["legal_counsel"]).first()
    assert counsels is not None
    assert cw.post(f"/api/notifications/{counsels.pk}/read/").status_code == 404
    answer = cw.post(f"/api/notifications/{mine[0]['id']}/read/")
    assert answer.status_code == 200
    assert answer.json()["read_at"] is not None
    assert cw.get("/api/notifications/unread-count/").json() == {"unread": 1}
    assert cw.post("/api/notifications/read-all/").json() == {"marked": 1}
    assert cw.get("/api/notifications/unread-count/").json() == {"unread": 0}
    assert client_for("legal_counsel").get("/api/notifications/unread-count/").json() == {"unread": 2}


def test_each_person_chooses_immediate_or_digest(world: Any, client_for: Any) -> None:
    cw = client_for("caseworker")
    assert cw.get("/api/notifications/preference/").json()["email_mode"] == "immediate"
    assert cw.put("/api/notifications/preference/", {"email_mode": "weekly"}, format="json").status_code == 400
    assert not NotificationPreference.objects.exists()
    answer = cw.put("/api/notifications/preference/", {"email_mode": "digest"}, format="json")
    assert answer.status_code == 200
    assert answer.json()["email_mode"] == "digest"
    assert cw.get("/api/notifications/preference/").json()["email_mode"] == "digest"
    assert NotificationPreference.objects.get().user == world["caseworker"]
