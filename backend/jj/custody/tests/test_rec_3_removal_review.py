"""REC-3, the independent review before removal (CRC/C/GC/24 para. 71: removal automatically at 18, or in
exceptional cases after an independent review). Where the policy asks for one, the records sweep opens the review
once, with a deadline on the worklist of the jurisdiction's court officers; a court officer never assigned to the
child's cases decides: remove now (the identity crypto-shredded, the chain still verifying), or retain until a day at
most a year ahead, when REC-3 asks again. Every refusal writes nothing but its audit event."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.http import Http404
from django.utils import timezone

from conftest import make_user
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.audit.shredding import is_sealed, readable
from jj.audit.verification import verify_chain
from jj.cases import services as case_services
from jj.cases.models import AssignmentRole, Case
from jj.compliance.models import JurisdictionPolicy
from jj.core.exceptions import ActionNotAllowed, ApplicationError, VersionConflict
from jj.core.pseudonym import child_pseudonym
from jj.custody.models import RecordsRemovalReview
from jj.custody.records import records_sweep, removal_review_decide
from jj.deadlines.models import Deadline
from jj.people.models import Child

NAME = "Peregrina"
DOB = date(2008, 12, 15)  # 18 on 2026-12-15
BIRTHDAY = date(2026, 12, 15)
REASON = "Released long ago, no further contact; nothing exceptional here"
URL = "/api/records/removal-reviews/"


def at(day: date, hour: int = 3) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


@pytest.fixture
def review_policy(world: Any) -> None:
    JurisdictionPolicy.objects.create(jurisdiction=world.north, values={"records_removal": "review"})


@pytest.fixture
def closed_case(make_case: Any, world: Any, review_policy: None) -> Case:
    case = make_case(given_name=NAME, date_of_birth=DOB)
    return case_services.case_close(actor=world["supervisor"], case=case, reason="Dismissed: the evidence fell away")


@pytest.fixture
def review(closed_case: Case) -> RecordsRemovalReview:
    assert records_sweep(now=at(BIRTHDAY)).reviews == 1
    return RecordsRemovalReview.objects.get(child_id=closed_case.child_id)


def _written() -> tuple[Any, ...]:
    """Everything a decision could write, for the refusals to compare: success events, reviews, deadlines, child."""
    return (
        AuditEvent.objects.filter(outcome="success").count(),
        list(RecordsRemovalReview.objects.values().order_by("pk")),
        list(Deadline.objects.values("pk", "met_at").order_by("pk")),
        list(Child.objects.values("pk", "removed_at", "given_name").order_by("pk")),
    )


def _denials() -> int:
    return AuditEvent.objects.filter(action="records.removal_review.decide", outcome="denied").count()


# --- The sweep opens the review, once --------------------------------------------------------------------------------


def test_the_sweep_opens_one_review_with_a_deadline_for_the_court_and_seals(closed_case: Case) -> None:
    assert records_sweep(now=at(BIRTHDAY - timedelta(days=1))).reviews == 0  # the day before: sealed, no review
    assert not RecordsRemovalReview.objects.exists()
    result = records_sweep(now=at(BIRTHDAY))
    assert (result.removed, result.reviews) == (0, 1)
    review = RecordsRemovalReview.objects.get(child_id=closed_case.child_id)
    assert (review.opened_at, review.due_at) == (at(BIRTHDAY), at(BIRTHDAY) + timedelta(days=30))
    assert review.decided_at is None
    deadline = Deadline.objects.get(kind="records_removal_review")
    assert (deadline.case_id, deadline.subject_type, deadline.subject_id) == (
        closed_case.pk,
        "records_removal_review",
        review.pk,
    )
    assert deadline.due_at == review.due_at
    assert deadline.rule_id == "REC-3"
    assert deadline.escalate_to == "independent_oversight"
    opened = AuditEvent.objects.get(action="records.removal_review.open")
    assert opened.object_id == str(review.pk)
    child = Child.objects.get(pk=closed_case.child_id)
    assert child.sealed_at is not None
    assert child.removed_at is None
    # Idempotent: the next days' sweeps open nothing more while it is open, and never remove.
    for later in (BIRTHDAY, BIRTHDAY + timedelta(days=1), BIRTHDAY + timedelta(days=40)):
        assert records_sweep(now=at(later)) == records_sweep(now=at(later)).__class__(0, 0, 0)
    assert RecordsRemovalReview.objects.count() == 1
    assert Deadline.objects.filter(kind="records_removal_review").count() == 1
    assert Child.objects.get(pk=closed_case.child_id).removed_at is None


def test_the_review_deadline_follows_the_policys_days(closed_case: Case, world: Any) -> None:
    JurisdictionPolicy.objects.filter(jurisdiction=world.north).update(
        values={"records_removal": "review", "records_removal_review_days": 10}
    )
    records_sweep(now=at(BIRTHDAY))
    assert RecordsRemovalReview.objects.get().due_at == at(BIRTHDAY) + timedelta(days=10)


def test_an_open_review_holds_removal_even_when_the_policy_turns_automatic(
    review: RecordsRemovalReview, world: Any
) -> None:
    JurisdictionPolicy.objects.filter(jurisdiction=world.north).update(values={"records_removal": "automatic"})
    assert records_sweep(now=at(BIRTHDAY + timedelta(days=2))).removed == 0
    assert Child.objects.get(pk=review.child_id).removed_at is None


# --- Deciding: remove ------------------------------------------------------------------------------------------------


def test_remove_removes_the_identity_at_once_and_the_chain_verifies(review: RecordsRemovalReview, world: Any) -> None:
    decided_at = at(BIRTHDAY + timedelta(days=3))
    decided = removal_review_decide(
        actor=world["court_officer"],
        review_id=review.pk,
        outcome="remove",
        reason=REASON,
        retain_until=None,
        now=decided_at,
    )
    assert (decided.outcome, decided.decided_by, decided.decided_at) == ("remove", world["court_officer"], decided_at)
    child = Child.objects.get(pk=review.child_id)
    assert child.removed_at is not None
    assert child.given_name != NAME
    assert decided.reason == ""  # free text about the child: blanked with the identity
    deadline = Deadline.objects.get(kind="records_removal_review")
    assert (deadline.met_at, deadline.resolution, deadline.met_by) == (decided_at, "met", world["court_officer"])
    event = AuditEvent.objects.get(action="records.removal_review.decide", outcome="success")
    assert event.changes["outcome"] == "remove"
    assert is_sealed(event.reason)  # encrypted under the child's key, which the removal destroyed
    assert readable(event.reason, child_ref=event.child_ref) != REASON
    assert AuditEvent.objects.filter(action="child.identity_shred", object_id=str(child.pk)).count() == 1
    assert verify_chain().ok
    # Removed: the sweep never looks at the child again.
    assert records_sweep(now=at(BIRTHDAY + timedelta(days=400))) == records_sweep(now=at(BIRTHDAY)).__class__()


def test_remove_waits_when_a_process_runs_again(review: RecordsRemovalReview, world: Any) -> None:
    child = Child.objects.get(pk=review.child_id)
    case_services.case_open(actor=world["caseworker"], child=child, kind="arrest", offences=[_offence()])
    before, denials = _written(), _denials()
    with pytest.raises(VersionConflict):
        removal_review_decide(
            actor=world["court_officer"],
            review_id=review.pk,
            outcome="remove",
            reason=REASON,
            retain_until=None,
            now=at(BIRTHDAY + timedelta(days=1)),
        )
    assert _written() == before
    assert _denials() == denials + 1


def _offence() -> dict[str, Any]:
    from conftest import offence_data

    return offence_data()


# --- Deciding: retain ------------------------------------------------------------------------------------------------

DECIDED = BIRTHDAY + timedelta(days=2)


@pytest.mark.parametrize(
    ("retain_until", "accepted"),
    [
        (DECIDED, False),  # today: not a retention at all
        (DECIDED + timedelta(days=1), True),  # tomorrow
        (DECIDED + timedelta(days=366), True),  # a year ahead, the longest
        (DECIDED + timedelta(days=367), False),  # a day more: refused, it must come back for review
        (None, False),  # no date
    ],
)
def test_retain_until_a_day_after_today_and_at_most_a_year_ahead(
    review: RecordsRemovalReview, world: Any, retain_until: date | None, accepted: bool
) -> None:
    before, denials = _written(), _denials()
    decide = {
        "actor": world["court_officer"],
        "review_id": review.pk,
        "outcome": "retain",
        "reason": REASON,
        "retain_until": retain_until,
    }
    if not accepted:
        with pytest.raises(ApplicationError) as refused:
            removal_review_decide(**decide, now=at(DECIDED, 23))  # type: ignore[arg-type]
        assert "retain_until" in refused.value.extra
        assert _written() == before
        assert _denials() == denials + 1
        return
    decided = removal_review_decide(**decide, now=at(DECIDED, 23))  # type: ignore[arg-type]
    assert (decided.outcome, decided.retain_until, decided.reason) == ("retain", retain_until, REASON)
    assert Child.objects.get(pk=review.child_id).removed_at is None
    assert Deadline.objects.get(kind="records_removal_review").resolution == "met"


def test_retained_records_come_back_for_review_on_the_day(review: RecordsRemovalReview, world: Any) -> None:
    until = DECIDED + timedelta(days=100)
    removal_review_decide(
        actor=world["court_officer"],
        review_id=review.pk,
        outcome="retain",
        reason=REASON,
        retain_until=until,
        now=at(DECIDED),
    )
    assert records_sweep(now=at(until - timedelta(days=1))).reviews == 0  # the day before: nothing
    assert RecordsRemovalReview.objects.filter(decided_at__isnull=True).count() == 0
    assert Child.objects.get(pk=review.child_id).removed_at is None
    assert records_sweep(now=at(until)).reviews == 1  # the day itself: a new review
    again = RecordsRemovalReview.objects.get(decided_at__isnull=True)
    assert again.pk != review.pk
    assert again.child_id == review.child_id
    assert Deadline.objects.filter(kind="records_removal_review", met_at__isnull=True).get().subject_id == again.pk
    assert records_sweep(now=at(until + timedelta(days=1))).reviews == 0  # not twice


# --- Refusals --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["caseworker", "supervisor", "legal_counsel", "oversight_monitor", "administrator"])
def test_only_a_court_officer_decides(review: RecordsRemovalReview, world: Any, role: str) -> None:
    before, denials = _written(), _denials()
    with pytest.raises(ActionNotAllowed):
        removal_review_decide(
            actor=world[role], review_id=review.pk, outcome="remove", reason=REASON, retain_until=None
        )
    assert _written() == before
    assert _denials() == denials + 1


@pytest.mark.parametrize("ended", [False, True])
def test_a_court_officer_assigned_to_the_childs_case_is_not_independent(
    review: RecordsRemovalReview, closed_case: Case, world: Any, ended: bool
) -> None:
    """Assigned now or before: either way they took part in the child's case."""
    assignment = case_services.case_assign(
        actor=world["supervisor"], case=closed_case, user=world["court_officer"], role=AssignmentRole.COURT_OFFICER
    )
    if ended:
        type(assignment).objects.filter(pk=assignment.pk).update(ended_at=timezone.now())
    before, denials = _written(), _denials()
    with pytest.raises(ActionNotAllowed):
        removal_review_decide(
            actor=world["court_officer"], review_id=review.pk, outcome="remove", reason=REASON, retain_until=None
        )
    assert _written() == before
    assert _denials() == denials + 1
    # Another court officer of the jurisdiction, never assigned, decides it.
    other = make_user("court_officer2", Role.COURT_OFFICER, world.yjs)
    assert (
        removal_review_decide(
            actor=other,
            review_id=review.pk,
            outcome="retain",
            reason=REASON,
            retain_until=DECIDED + timedelta(days=30),
            now=at(DECIDED),
        ).decided_by
        == other
    )


def test_a_court_officer_of_another_jurisdiction_does_not_find_it(review: RecordsRemovalReview, world: Any) -> None:
    south = make_user("sp_court", Role.COURT_OFFICER, world.south_agency)
    before, denials = _written(), _denials()
    with pytest.raises(Http404):
        removal_review_decide(actor=south, review_id=review.pk, outcome="remove", reason=REASON, retain_until=None)
    assert _written() == before
    assert _denials() == denials + 1


def test_a_decided_review_is_not_decided_again(review: RecordsRemovalReview, world: Any) -> None:
    removal_review_decide(
        actor=world["court_officer"],
        review_id=review.pk,
        outcome="retain",
        reason=REASON,
        retain_until=DECIDED + timedelta(days=30),
        now=at(DECIDED),
    )
    before, denials = _written(), _denials()
    with pytest.raises(VersionConflict):
        removal_review_decide(
            actor=world["court_officer"],
            review_id=review.pk,
            outcome="remove",
            reason=REASON,
            retain_until=None,
            now=at(DECIDED),
        )
    assert _written() == before
    assert _denials() == denials + 1


@pytest.mark.parametrize(
    ("outcome", "reason", "retain_until", "field"),
    [
        ("remove", "too short", None, "reason"),
        ("remove", REASON, DECIDED + timedelta(days=5), "retain_until"),  # a removal takes no date
        ("forget", REASON, None, "outcome"),
    ],
)
def test_an_incomplete_decision_names_the_field_and_writes_nothing(
    review: RecordsRemovalReview, world: Any, outcome: str, reason: str, retain_until: date | None, field: str
) -> None:
    before = _written()
    with pytest.raises(ApplicationError) as refused:
        removal_review_decide(
            actor=world["court_officer"],
            review_id=review.pk,
            outcome=outcome,
            reason=reason,
            retain_until=retain_until,
            now=at(DECIDED),
        )
    assert field in refused.value.extra
    assert _written() == before


# --- The API ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def due_today(make_case: Any, world: Any, review_policy: None) -> RecordsRemovalReview:
    """On the real clock (the API reads it): a child who turned 18 ten days ago, case closed, the sweep run."""
    today = timezone.now().astimezone(UTC).date()
    dob = date(today.year - 18, today.month, min(today.day, 28)) - timedelta(days=10)
    case = make_case(given_name=NAME, date_of_birth=dob)
    case_services.case_close(actor=world["supervisor"], case=case, reason="Dismissed: the evidence fell away")
    assert records_sweep(now=timezone.now()).reviews == 1
    return RecordsRemovalReview.objects.get(child_id=case.child_id)


def test_the_court_officer_lists_open_reviews_by_pseudonym(due_today: RecordsRemovalReview, client_for: Any) -> None:
    response = client_for("court_officer").get(URL)
    assert response.status_code == 200, response.content
    (row,) = response.json()["results"]
    assert row["id"] == due_today.pk
    assert row["child_pseudonym"] == child_pseudonym(due_today.child_id)
    assert NAME not in response.content.decode()
    assert AuditEvent.objects.filter(action="records_removal_review.list").count() == 1
    # On the worklist too, by pseudonym, the sealed child's name nowhere.
    worklist = client_for("court_officer").get("/api/deadlines/?kind=records_removal_review")
    (line,) = worklist.json()["results"]
    assert (line["subject_id"], line["child_display"]) == (due_today.pk, child_pseudonym(due_today.child_id))
    assert NAME not in worklist.content.decode()


@pytest.mark.parametrize("role", ["caseworker", "supervisor", "legal_counsel", "oversight_monitor", "administrator"])
def test_other_roles_neither_list_nor_decide(due_today: RecordsRemovalReview, client_for: Any, role: str) -> None:
    client = client_for(role)
    assert client.get(URL).status_code == 403
    body = {"outcome": "remove", "reason": REASON}
    assert client.post(f"{URL}{due_today.pk}/decide/", body, format="json").status_code == 403
    assert Child.objects.get(pk=due_today.child_id).removed_at is None
    # The sealed child's review deadline is in nobody else's deadlines.
    assert client.get("/api/deadlines/?kind=records_removal_review").json()["results"] == []


def test_an_assigned_or_foreign_court_officer_does_not_see_it(
    due_today: RecordsRemovalReview, client_for: Any, world: Any
) -> None:
    case = Case.objects.get(child_id=due_today.child_id)
    case_services.case_assign(
        actor=world["supervisor"], case=case, user=world["court_officer"], role=AssignmentRole.COURT_OFFICER
    )
    world.users["sp_court"] = make_user("sp_court", Role.COURT_OFFICER, world.south_agency)
    for username in ("court_officer", "sp_court"):
        client = client_for(username)
        assert client.get(URL).json()["results"] == [], username
        assert client.get("/api/deadlines/?kind=records_removal_review").json()["results"] == [], username


def test_decide_through_the_api(due_today: RecordsRemovalReview, client_for: Any) -> None:
    client = client_for("court_officer")
    today = timezone.now().astimezone(UTC).date()
    bad = client.post(f"{URL}{due_today.pk}/decide/", {"outcome": "retain", "reason": REASON}, format="json")
    assert bad.status_code == 400
    assert "retain_until" in bad.json()  # the field named
    until = (today + timedelta(days=90)).isoformat()
    body = {"outcome": "retain", "reason": REASON, "retain_until": until}
    response = client.post(f"{URL}{due_today.pk}/decide/", body, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["outcome"], response.json()["retain_until"]) == ("retain", until)
    assert client.get(URL).json()["results"] == []
    again = client.post(f"{URL}{due_today.pk}/decide/", body, format="json")
    assert again.status_code == 409


def test_the_people_of_the_sealed_childs_case_are_not_told_about_its_review(
    review: RecordsRemovalReview, world: Any
) -> None:
    """Due soon: nobody is told (the deciders read it on their worklist); overdue: the independent oversight, to
    whom it escalates, never the caseworker of the sealed child's case."""
    from jj.deadlines.models import Notification
    from jj.deadlines.services import deadlines_due_soon_sweep, deadlines_sweep

    before = set(Notification.objects.values_list("pk", flat=True))
    assert deadlines_due_soon_sweep(now=review.due_at - timedelta(hours=2)) == 1
    assert set(Notification.objects.values_list("pk", flat=True)) == before
    assert deadlines_sweep(now=review.due_at + timedelta(hours=1)) == 1
    told = Notification.objects.exclude(pk__in=before)
    assert set(told.values_list("recipient__username", flat=True)) == {"oversight_monitor"}
    assert NAME not in " ".join(told.values_list("message", flat=True))
