"""Issue 17: the hearings calendar. Who may schedule (caseworker, supervisor, counsel, on a case they may record on),
who sees (exactly who sees the case), the calendar's filters, the 24-hour reminder at its boundaries (24 h - 1 min,
24 h, 24 h + 1 min) to the caseworker and counsel, and the outcome: held while the child is in custody is the court
appearance recorded by the custody service, meeting the deadlines an appearance meets, and linked."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import HEARD
from jj.audit.models import AuditEvent
from jj.cases.models import Case
from jj.custody import services as custody_services
from jj.custody.models import CustodyEpisode, Facility, JudicialAppearance
from jj.deadlines.models import Deadline, Notification
from jj.hearings.models import Hearing
from jj.hearings.services import hearings_remind
from jj.hearings.tasks import remind_hearings


def _body(case: Case, **extra: Any) -> dict[str, Any]:
    at = timezone.now() + timedelta(days=1)
    return {"case": case.pk, "court": "Youth Court No. 2", "at": at.isoformat(), "purpose": "review", **extra}


def _hearing(case: Case, at: Any, **extra: Any) -> Hearing:
    return Hearing.objects.create(case=case, court="Youth Court No. 2", at=at, **{"purpose": "review", **extra})


@pytest.fixture
def centre(world: Any) -> Facility:
    data = {"name": "Centre", "kind": "juvenile_detention", "capacity": 9, "children_wholly_separated": True}
    return custody_services.facility_create(actor=world["administrator"], data={**data, "operator": world.yjs})


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("caseworker", 201),
        ("supervisor", 201),
        ("legal_counsel", 201),
        ("court_officer", 403),  # sees the case, does not plan its hearings
        ("caseworker2", 404),  # a colleague's case: not in scope
        ("sp_supervisor", 404),  # another jurisdiction
        ("oversight_monitor", 404),
    ],
)
def test_who_may_schedule_a_hearing(username: str, status: int, make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True)
    answer = client_for(username).post("/api/hearings/", _body(case), format="json")
    assert answer.status_code == status, answer.content
    assert Hearing.objects.count() == (1 if status == 201 else 0)
    if status == 201:
        assert answer.json()["status"] == "scheduled"
        assert AuditEvent.objects.filter(action="hearing.create", object_id=str(answer.json()["id"])).exists()


@pytest.mark.parametrize(("minutes", "status"), [(-1, 400), (1, 201)])
def test_a_hearing_is_scheduled_in_the_future(minutes: int, status: int, make_case: Any, client_for: Any) -> None:
    case = make_case()
    at = timezone.now() + timedelta(minutes=minutes)
    answer = client_for("caseworker").post("/api/hearings/", _body(case, at=at.isoformat()), format="json")
    assert answer.status_code == status
    assert Hearing.objects.count() == (1 if status == 201 else 0)


@pytest.mark.parametrize(
    ("username", "sees"),
    [
        ("caseworker", True),
        ("supervisor", True),
        ("legal_counsel", True),
        ("court_officer", True),
        ("caseworker2", False),
        ("sp_supervisor", False),
        ("oversight_monitor", False),
        ("administrator", False),
    ],
)
def test_the_calendar_shows_exactly_who_sees_the_case(
    username: str, sees: bool, make_case: Any, client_for: Any
) -> None:
    hearing = _hearing(make_case(counsel=True, court=True), timezone.now() + timedelta(days=1))
    client = client_for(username)
    assert [h["id"] for h in client.get("/api/hearings/").json()["results"]] == ([hearing.pk] if sees else [])
    assert client.get(f"/api/hearings/{hearing.pk}/").status_code == (200 if sees else 404)


def test_calendar_filters_by_person_court_agency_and_dates(world: Any, make_case: Any, client_for: Any) -> None:
    now = timezone.now()
    mine = _hearing(make_case(), now + timedelta(days=1))
    colleagues = _hearing(make_case(by="caseworker2"), now + timedelta(days=3))
    Hearing.objects.filter(pk=colleagues.pk).update(court="Appeals Court")
    sv = client_for("supervisor")

    def ids(query: str) -> list[int]:
        return [h["id"] for h in sv.get(f"/api/hearings/?{query}").json()["results"]]

    assert ids("") == [mine.pk, colleagues.pk]  # the agency, soonest first
    assert ids(f"agency={world.yjs.pk}") == [mine.pk, colleagues.pk]
    assert ids("court=appeals%20court") == [colleagues.pk]
    day_after = (now + timedelta(days=2)).isoformat().replace("+", "%2B")
    assert ids(f"at__lt={day_after}") == [mine.pk]
    assert ids(f"at__gte={day_after}") == [colleagues.pk]
    assert ids("mine=true") == []  # the supervisor is assigned to neither
    assert [h["id"] for h in client_for("caseworker").get("/api/hearings/?mine=true").json()["results"]] == [mine.pk]


@pytest.mark.parametrize(
    ("offset", "told"),
    [
        (timedelta(hours=24) - timedelta(minutes=1), True),
        (timedelta(hours=24), False),
        (timedelta(hours=24) + timedelta(minutes=1), False),
    ],
)
def test_the_reminder_boundaries(offset: timedelta, told: bool, make_case: Any) -> None:
    now = timezone.now()
    hearing = _hearing(make_case(counsel=True, court=True), now + offset)
    assert hearings_remind(now=now) == (1 if told else 0)
    people = set(Notification.objects.filter(kind="hearing.reminder").values_list("recipient__username", flat=True))
    assert people == ({"caseworker", "legal_counsel"} if told else set())  # not the court officer
    hearing.refresh_from_db()
    assert (hearing.reminded_at is not None) is told


@pytest.mark.parametrize(("minutes", "told_now"), [(24 * 60 - 1, True), (24 * 60 + 1, False)])
def test_a_hearing_scheduled_within_24_hours_is_reminded_at_once(
    minutes: int, told_now: bool, make_case: Any, client_for: Any
) -> None:
    case = make_case(counsel=True)
    at = timezone.now() + timedelta(minutes=minutes)
    answer = client_for("caseworker").post("/api/hearings/", _body(case, at=at.isoformat()), format="json")
    assert answer.status_code == 201
    told = set(Notification.objects.filter(kind="hearing.reminder").values_list("recipient__username", flat=True))
    assert told == ({"caseworker", "legal_counsel"} if told_now else set())
    assert (answer.json()["reminded_at"] is not None) is told_now
    assert hearings_remind(now=timezone.now()) == 0  # never twice; the later one waits for its 24 hours
    assert hearings_remind(now=at - timedelta(minutes=1)) == (0 if told_now else 1)


def test_a_reminder_is_sent_once_and_never_for_a_closed_hearing(make_case: Any) -> None:
    now = timezone.now()
    _hearing(make_case(), now + timedelta(hours=2))
    _hearing(make_case(), now + timedelta(hours=2), status="cancelled")
    assert remind_hearings.delay().get() == 1
    assert remind_hearings.delay().get() == 0
    assert Notification.objects.filter(kind="hearing.reminder").count() == 1


def test_held_in_custody_is_the_court_appearance_and_meets_its_deadline(
    world: Any, make_case: Any, centre: Facility, client_for: Any
) -> None:
    case = make_case(counsel=True)
    episode = custody_services.custody_start(
        actor=world["caseworker"],
        case=case,
        facility=centre,
        commitment_order_reference="CO-1",
        age_floor_justification="Genuine public safety concern",
        **HEARD,
    )
    assert isinstance(episode, CustodyEpisode)
    assert Deadline.objects.filter(case=case, kind="competent_authority", met_at__isnull=True).exists()
    hearing = _hearing(case, timezone.now() + timedelta(hours=2), purpose="first_appearance")
    url = f"/api/hearings/{hearing.pk}/outcome/"
    # Counsel may plan and cancel, not record a court appearance; nothing is written.
    assert client_for("legal_counsel").post(url, {"status": "held"}, format="json").status_code == 403
    # In custody the appearance's outcome is needed.
    assert client_for("caseworker").post(url, {"status": "held"}, format="json").status_code == 400
    assert not JudicialAppearance.objects.exists()
    at = timezone.now()
    answer = client_for("caseworker").post(
        url, {"status": "held", "appearance_outcome": "detention_continued", "at": at.isoformat()}, format="json"
    )
    assert answer.status_code == 200, answer.content
    appearance = JudicialAppearance.objects.get()
    assert answer.json()["appearance"] == appearance.pk
    assert (appearance.kind, appearance.authority, appearance.episode_id) == (
        "first_appearance",
        "Youth Court No. 2",
        episode.pk,
    )
    assert not Deadline.objects.filter(case=case, kind="competent_authority", met_at__isnull=True).exists()
    assert Hearing.objects.get(pk=hearing.pk).status == "held"
    # Closed once: a second outcome is a conflict, and records nothing.
    assert client_for("caseworker").post(url, {"status": "cancelled"}, format="json").status_code == 409
    assert JudicialAppearance.objects.count() == 1


def test_held_without_custody_and_cancelled_by_counsel(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    held = _hearing(case, timezone.now() + timedelta(hours=2))
    cancelled = _hearing(case, timezone.now() + timedelta(hours=3))
    answer = client_for("caseworker").post(
        f"/api/hearings/{held.pk}/outcome/", {"status": "held", "note": "Adjourned to next month"}, format="json"
    )
    assert answer.status_code == 200
    assert answer.json()["appearance"] is None
    assert not JudicialAppearance.objects.exists()
    answer = client_for("legal_counsel").post(
        f"/api/hearings/{cancelled.pk}/outcome/", {"status": "cancelled"}, format="json"
    )
    assert answer.status_code == 200
    assert Hearing.objects.get(pk=cancelled.pk).status == "cancelled"
    assert (
        client_for("caseworker2")
        .post(f"/api/hearings/{cancelled.pk}/outcome/", {"status": "held"}, format="json")
        .status_code
        == 404
    )
