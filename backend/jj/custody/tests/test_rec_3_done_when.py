"""Issue 14, "done when", as one test: children released at 17 who turn 18 today disappear from every caseworker
list tomorrow morning without anyone acting (the scheduled records sweep runs); the oversight monitor's statistics
still count them; the audit trail shows the removal and still verifies; and no name typed into any search box can be
found in the database afterwards. Relative to the real date (the suite runs on the real clock); only the scheduled
task is run "tomorrow morning", by moving the clock it reads."""

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone

from conftest import HEARD
from jj.audit.models import AuditEvent
from jj.audit.verification import verify_chain
from jj.cases import services as case_services
from jj.custody import services as custody_services
from jj.custody.models import CustodyEpisode
from jj.custody.tasks import sweep_records
from jj.oversight.models import AgeGroup, ChildPopulation
from jj.people.models import Child

NAMES = [f"{given} Quillfeather" for given in ("Zephyrine", "Oriel", "Marisol", "Thaddea", "Ysolde", "Cassian")]
TYPED = ["Zephyrine", "Quillfeather", "Oriel Quillfeather", "zephyr"]  # what people type into search boxes
PARIS = ZoneInfo("Europe/Paris")  # Northland's time zone


def _rows_containing(needle: str) -> list[str]:
    """Every table, every column: where does `needle` occur in clear? (As someone reading the database.)"""
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (names from the catalogue)
            if any(needle.casefold() in " ".join(str(v) for v in row).casefold() for row in cursor.fetchall()):
                hits.append(table)
    return hits


def _eighteen_years_before(day: Any) -> Any:
    try:
        return day.replace(year=day.year - 18)
    except ValueError:  # 29 February: born on the 28th, 18 on 28 February (REC-3 counts 1 March; still 17 today)
        return day.replace(year=day.year - 18, day=28)


def _ids(client: Any, url: str) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    return [row["id"] for row in response.json()["results"]]


CASEWORKER_LISTS = (
    "/api/children/?page_size=100",
    "/api/cases/?page_size=100",
    "/api/custody-episodes/?page_size=100",
    "/api/deadlines/?page_size=100",
    "/api/deadlines/?bucket=met&page_size=100",
)


def test_done_when(make_case: Any, world: Any, client_for: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    today = timezone.now().astimezone(PARIS).date()
    birthday = today + timedelta(days=1)  # "today" in the scenario: they turn 18
    dob = _eighteen_years_before(birthday)
    facility = custody_services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Central police station",
            "kind": "police_station",
            "capacity": 10,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
        staff=[world["facility_officer"]],
    )
    children, episodes = [], []
    for name in NAMES:  # six children, so no statistic is suppressed
        given, family = name.split()
        case = make_case(given_name=given, family_name=family, date_of_birth=dob)
        episode = custody_services.custody_start(
            **HEARD, actor=world["caseworker"], case=case, facility=facility, police_cell_justification="No youth unit"
        )
        assert isinstance(episode, CustodyEpisode)
        custody_services.custody_release(actor=world["caseworker"], episode=episode, reason="bail", aftercare={})
        case_services.case_close(actor=world["supervisor"], case=case, reason="Dismissed: the evidence fell away")
        children.append(case.child_id)
        episodes.append(episode.pk)

    # Before: people type the names into the search boxes; the caseworker's lists show the children.
    caseworker, monitor = client_for("caseworker"), client_for("oversight_monitor")
    for term in TYPED:
        for url in (f"/api/children/?search={term}", f"/api/cases/?search={term}", f"/api/children/?q={term}"):
            assert caseworker.get(url).status_code == 200
        assert monitor.get(f"/api/audit/events/?search={term}").status_code == 200
    listed_before = {url: _ids(caseworker, url) for url in CASEWORKER_LISTS}
    assert set(listed_before[CASEWORKER_LISTS[0]]) == set(children)  # nobody else is on record in this test
    assert set(listed_before["/api/custody-episodes/?page_size=100"]) == set(episodes)
    for sex in ("female", "male"):
        for group in AgeGroup.values:
            ChildPopulation.objects.create(
                jurisdiction=world.north, year=today.year, sex=sex, age_group=group, count=10_000
            )
    statistics = f"/api/oversight/indicators/?period_start={today.year}-01-01&period_end={today.year}-12-31"
    before = monitor.get(statistics)
    assert before.status_code == 200, before.content
    counted = next(r for r in before.json()["results"] if r["code"] == "children_in_conflict_with_the_law")
    assert counted["numerator"] == 6

    # Tomorrow morning, nobody acting: the hourly scheduled sweep runs.
    tomorrow_morning = datetime.combine(birthday + timedelta(days=1), time(6, 0), tzinfo=PARIS)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow_morning)
    assert sweep_records.delay().get() >= 6

    # Gone from every caseworker list (and the supervisor's), the details answer 404.
    for username in ("caseworker", "supervisor"):
        client = client_for(username)
        for url in CASEWORKER_LISTS:
            assert _ids(client, url) == [], (username, url)  # only these children were ever on record
        for child in children:
            assert client.get(f"/api/children/{child}/").status_code == 404
        for term in TYPED:
            assert client.get(f"/api/children/?search={term}").json()["results"] == []

    # The monitor's statistics still count them.
    after = client_for("oversight_monitor").get(statistics)
    assert after.json() == before.json()

    # The audit trail shows the removal, and verifies.
    removals = AuditEvent.objects.filter(action="child.identity_shred")
    assert removals.count() == 6
    shown = client_for("oversight_monitor").get("/api/audit/events/?action=child.identity_shred").json()["results"]
    assert len(shown) == 6
    assert verify_chain().ok
    assert Child.objects.filter(pk__in=children, removed_at__isnull=False).count() == 6

    # No name typed into any search box (nor any name at all) is in the database in clear.
    for clear in (*TYPED, *NAMES, "Quillfeather", dob.isoformat()):
        assert _rows_containing(clear) == [], clear
