"""Custody through the API: PTD-1 (24 h), PTD-2 (alternatives), PTD-6 (six months), DET-1/3/4/6/7/9/10, CAP-1,
DTH-1; scoping per role (a facility officer sees only children held in their facility now)."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import ALL_ROLES, COUNSEL_PENDING, HEARD
from jj.audit.models import AuditEvent
from jj.core.exceptions import RuleViolation
from jj.custody import services
from jj.custody.models import CustodyEpisode, Facility
from jj.deadlines.models import Deadline, Notification

ALTERNATIVES = [
    {"alternative": "release_to_parents", "reason_rejected": "Parents abroad; no other carer"},
    {"alternative": "supervision_order", "reason_rejected": "Absconded from supervision twice"},
]
AGE_FLOOR_REASON = "Genuine public safety concern"  # PTD-9: under 16, its own reason (INV-9)
ORDER = {
    "kind": "pretrial_detention",
    "grounds": ["court_appearance"],
    "legal_basis": "Juvenile Justice Act s. 12",
    "alternatives_considered": ALTERNATIVES,
    "justification": "Two missed hearings; no carer available",
    "age_floor_justification": AGE_FLOOR_REASON,
    "judicial_authority": "Northland Youth Court",
    **HEARD,
    **COUNSEL_PENDING,
}


@pytest.fixture
def facilities(world: Any) -> dict[str, Facility]:
    admin = world["administrator"]

    def make(name: str, kind: str, capacity: int = 10, separated: bool = True, staff: tuple[str, ...] = ()) -> Facility:
        data = {
            "name": name,
            "kind": kind,
            "capacity": capacity,
            "children_wholly_separated": separated,
            "operator": world.yjs,
        }
        return services.facility_create(actor=admin, data=data, staff=[world[s] for s in staff])

    return {
        "police": make("Central police station", "police_station"),
        "centre": make("Northland youth centre", "juvenile_detention", staff=("facility_officer",)),
        "other": make("Eastside youth home", "juvenile_residential"),
        "prison": make("City jail", "adult_prison", separated=False),
        "tiny": make("Tiny unit", "juvenile_detention", capacity=1),
    }


POLICE_CELL_REASON = "No youth unit open at night"  # PTD-11: a police cell needs a reason


def start(client: Any, case: Any, facility: Facility, **extra: Any) -> Any:
    body = {
        "case": case.pk,
        "facility": facility.pk,
        "police_cell_justification": POLICE_CELL_REASON,
        "age_floor_justification": AGE_FLOOR_REASON,
        **HEARD,
        **extra,
    }
    return client.post("/api/custody-episodes/", body, format="json")


def held(make_case: Any, client_for: Any, facilities: dict[str, Facility], hours_ago: float = 1.0, **child: Any) -> Any:
    case = make_case(court=True, **child)
    started = (timezone.now() - timedelta(hours=hours_ago)).isoformat()
    response = start(client_for("caseworker"), case, facilities["police"], started_at=started)
    assert response.status_code == 201, response.json()
    return case, response.json()


def test_ptd_1_custody_start_creates_deadlines_and_the_appearance_clears_them(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    case, episode = held(make_case, client_for, facilities, hours_ago=23)
    kinds = dict(Deadline.objects.filter(case=case).exclude(rule_id="DEL-1").values_list("kind", "rule_id"))
    assert kinds == {
        "gender_health_screening": "GIR-1",  # the child held is a girl
        "competent_authority": "PTD-1",
        "family_notification": "DET-1",
        "health_examination": "DET-6",
        "police_cell_exit": "PTD-11",
        "legal_counsel": "CNS-1",  # no counsel assigned yet
    }
    # The supervisor's worklist shows the child held 23 hours without a court appearance, due within the hour.
    worklist = client_for("supervisor").get("/api/worklist/").json()
    first = worklist["due_24h"][0]
    assert first["kind"] == "competent_authority"
    assert first["rule_id"] == "PTD-1"
    overdue_kinds = {d["kind"] for d in worklist["overdue"]}
    assert "family_notification" in overdue_kinds  # 60 minutes, started 23 hours ago
    appeared = client_for("court_officer").post(
        f"/api/custody-episodes/{episode['id']}/appearances/",
        {
            "kind": "first_appearance",
            "at": timezone.now().isoformat(),
            "authority": "Youth Court",
            "outcome": "detention_continued",
        },
        format="json",
    )
    assert appeared.status_code == 201, appeared.json()
    assert Deadline.objects.get(case=case, kind="competent_authority").met_at is not None
    assert all(
        d["kind"] != "competent_authority" for d in client_for("supervisor").get("/api/worklist/").json()["due_24h"]
    )


def test_ptd_1_transfer_after_24_hours_without_appearance_is_refused(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    _, episode = held(make_case, client_for, facilities, hours_ago=24.1)
    response = client_for("caseworker").post(
        f"/api/custody-episodes/{episode['id']}/transfer/",
        {"facility": facilities["centre"].pk, "commitment_order_reference": "CO-1", **HEARD},
        format="json",
    )
    assert response.status_code == 422
    assert [d["rule_id"] for d in response.json()["decisions"] if d["unmet"]] == ["PTD-1"]


def test_ptd_2_detention_order_without_alternatives_is_refused_with_the_citation(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    case, episode = held(make_case, client_for, facilities)
    url = f"/api/custody-episodes/{episode['id']}/detention-orders/"
    bare = {**ORDER, "alternatives_considered": [], "justification": ""}
    refused = client_for("caseworker").post(url, bare, format="json")
    assert refused.status_code == 422
    ptd_2 = next(d for d in refused.json()["decisions"] if d["rule_id"] == "PTD-2" and d["unmet"])
    assert ptd_2["citation"]["instrument"] == "CRC/C/GC/24"
    assert ptd_2["citation"]["provision"] == "para. 86"
    assert ptd_2["satisfied_by"] == ["alternatives_considered", "justification"]
    assert not CustodyEpisode.objects.get(pk=episode["id"]).detention_orders.exists()
    ordered = client_for("caseworker").post(url, ORDER, format="json")
    assert ordered.status_code == 201, ordered.json()
    assert ordered.json()["kind"] == "pretrial_detention"
    deadlines = dict(Deadline.objects.filter(case=case, met_at__isnull=True).values_list("kind", "rule_id"))
    assert deadlines["detention_review"] == "PTD-4"
    assert deadlines["formal_charge"] == "PTD-5"
    assert deadlines["final_decision"] == "PTD-6"
    assert Deadline.objects.get(case=case, kind="competent_authority").met_at is not None
    assert Deadline.objects.filter(case=case, kind="detention_review", priority=True).exists()


def test_ptd_7_family_ties_refused(make_case: Any, client_for: Any, facilities: dict[str, Facility]) -> None:
    _, episode = held(make_case, client_for, facilities)
    response = client_for("caseworker").post(
        f"/api/custody-episodes/{episode['id']}/detention-orders/", {**ORDER, "grounds": ["family_ties"]}, format="json"
    )
    assert response.status_code == 422
    ptd_7 = next(d for d in response.json()["decisions"] if d["rule_id"] == "PTD-7")
    assert ptd_7["citation"]["instrument"] == "A/RES/79/172"


def test_ptd_6_after_six_months_review_is_refused_and_flagged(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    case, episode = held(make_case, client_for, facilities, hours_ago=24 * 200)
    CustodyEpisode.objects.filter(pk=episode["id"]).update(first_appearance_at=timezone.now())
    with pytest.raises(RuleViolation, match="PTD-6"):  # a new order past six months is refused too
        services.detention_order_record(
            actor=case.opened_by,
            episode=CustodyEpisode.objects.get(pk=episode["id"]),
            data={**ORDER, "ordered_at": timezone.now()},
        )
    CustodyEpisode.objects.filter(pk=episode["id"]).update(
        pretrial_detention_started_at=timezone.now() - timedelta(days=199)
    )
    review = client_for("court_officer").post(
        f"/api/custody-episodes/{episode['id']}/appearances/",
        {
            "kind": "review",
            "at": timezone.now().isoformat(),
            "authority": "Youth Court",
            "outcome": "detention_continued",
            "justification": "complex case",
        },
        format="json",
    )
    assert review.status_code == 422
    ptd_6 = next(d for d in review.json()["decisions"] if d["rule_id"] == "PTD-6")
    assert ptd_6["facts"]["mandatory_release"] is True
    assert ptd_6["citation"]["provision"] == "para. 90"
    episode_now = client_for("supervisor").get(f"/api/custody-episodes/{episode['id']}/").json()
    assert episode_now["mandatory_release_flag"] is True
    assert Notification.objects.filter(kind="custody.mandatory_release", recipient_role="supervisor").exists()


def test_ptd_6_an_order_recorded_late_is_decided_as_of_its_own_date(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    """Regression: an order made in time but recorded after six months was refused, judged against today."""
    case, episode = held(make_case, client_for, facilities, hours_ago=24 * 200)
    order = services.detention_order_record(
        actor=case.opened_by,
        episode=CustodyEpisode.objects.get(pk=episode["id"]),
        data={**ORDER, "ordered_at": timezone.now() - timedelta(days=190)},
    )
    assert order.pk is not None


def test_det_3_det_4_cap_1_placement_refusals(make_case: Any, client_for: Any, facilities: dict[str, Facility]) -> None:
    worker = client_for("caseworker")
    case = make_case()
    no_order = start(worker, case, facilities["centre"])
    assert [d["rule_id"] for d in no_order.json()["decisions"] if d["unmet"]] == ["DET-3"]
    adults = start(worker, case, facilities["prison"], commitment_order_reference="CO-9")
    assert [d["rule_id"] for d in adults.json()["decisions"] if d["unmet"]] == ["DET-4"]
    placed = start(
        worker,
        case,
        facilities["prison"],
        commitment_order_reference="CO-9",
        best_interests_justification="Held with his father pending transfer; no juvenile bed in 300 km",
    )
    assert placed.status_code == 202  # DET-4: a supervisor, a second person, approves before it takes effect
    assert not CustodyEpisode.objects.filter(case=case).exists()
    approved = client_for("supervisor").post(
        f"/api/approvals/{placed.json()['id']}/decide/", {"approve": True}, format="json"
    )
    assert approved.status_code in (200, 201), approved.json()
    assert CustodyEpisode.objects.get(case=case).current_facility == facilities["prison"]
    other = make_case(given_name="Bo")
    assert start(worker, other, facilities["tiny"], commitment_order_reference="CO-1").status_code == 201
    third = make_case(given_name="Cy")
    full = start(worker, third, facilities["tiny"], commitment_order_reference="CO-2")
    assert full.status_code == 422
    assert [d["rule_id"] for d in full.json()["decisions"] if d["unmet"]] == ["CAP-1"]
    assert (
        start(worker, third, facilities["tiny"], commitment_order_reference="CO-2", emergency=True).status_code == 201
    )
    assert AuditEvent.objects.filter(action="custody_episode.create", outcome="refused").count() == 3


def test_facility_officer_sees_only_children_held_in_their_facility_now(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    worker = client_for("caseworker")
    inside = make_case()
    outside = make_case(given_name="Other")
    inside_ep = start(worker, inside, facilities["centre"], commitment_order_reference="CO-1").json()
    start(worker, outside, facilities["other"], commitment_order_reference="CO-2")
    officer = client_for("facility_officer")
    listed = officer.get("/api/custody-episodes/").json()
    assert [e["id"] for e in listed["results"]] == [inside_ep["id"]]
    visit = officer.post(
        f"/api/custody-episodes/{inside_ep['id']}/contacts/",
        {"kind": "visit", "at": timezone.now().isoformat(), "relationship": "mother", "visitor_name": "A. Okafor"},
        format="json",
    )
    assert visit.status_code == 201
    assert visit.json()["contacts"][0]["kind"] == "visit"
    moved = worker.post(
        f"/api/custody-episodes/{inside_ep['id']}/transfer/",
        {"facility": facilities["other"].pk, "commitment_order_reference": "CO-3", **HEARD},
        format="json",
    )
    assert moved.status_code == 201, moved.json()
    assert officer.get(f"/api/custody-episodes/{inside_ep['id']}/").status_code == 404
    assert officer.get("/api/custody-episodes/").json()["count"] == 0


def test_det_1_det_6_det_10_records_meet_their_deadlines(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    case, episode = held(make_case, client_for, facilities)
    worker = client_for("caseworker")
    base = f"/api/custody-episodes/{episode['id']}/"
    now = timezone.now().isoformat()
    assert (
        worker.post(
            base + "family-notifications/",
            {"event": "admission", "person_notified": "Mother", "at": now, "method": "phone"},
            format="json",
        ).status_code
        == 201
    )
    assert (
        worker.post(base + "health-examinations/", {"at": now, "examiner": "Dr Mensah"}, format="json").status_code
        == 201
    )
    met = set(Deadline.objects.filter(case=case, met_at__isnull=False).values_list("kind", flat=True))
    assert met >= {"family_notification", "health_examination"}
    complaint = worker.post(base + "complaints/", {"subject": "No blanket at night"}, format="json").json()[
        "complaints"
    ][0]
    assert Deadline.objects.get(case=case, kind="complaint_response", met_at__isnull=True).rule_id == "DET-10"
    answered = worker.post(
        base + f"complaints/{complaint['id']}/respond/", {"response": "Blankets issued"}, format="json"
    )
    assert answered.status_code == 200
    assert Deadline.objects.get(case=case, kind="complaint_response").met_at is not None


def test_det_9_restraint_as_punishment_refused_and_dth_1_freezes_evidence(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    worker = client_for("caseworker")
    case = make_case()
    episode = start(worker, case, facilities["centre"], commitment_order_reference="CO-1").json()
    officer = client_for("facility_officer")
    base = f"/api/custody-episodes/{episode['id']}/"
    now = timezone.now().isoformat()
    punished = officer.post(
        base + "incidents/",
        {"kind": "restraint", "occurred_at": now, "description": "Held down", "details": {"purpose": "punishment"}},
        format="json",
    )
    assert punished.status_code == 422
    assert [d["rule_id"] for d in punished.json()["decisions"]] == ["DET-9"]
    solitary = officer.post(
        base + "incidents/",
        {
            "kind": "separation",
            "occurred_at": now,
            "description": "Room",
            "details": {"hours_without_meaningful_contact": 23},
        },
        format="json",
    )
    assert [d["rule_id"] for d in solitary.json()["decisions"]] == ["DET-7"]
    grave = officer.post(
        base + "incidents/",
        {"kind": "serious_injury", "occurred_at": now, "description": "Fall from bunk"},
        format="json",
    )
    assert grave.status_code == 201
    assert grave.json()["evidence_frozen"] is True
    assert grave.json()["incidents"][0]["investigation_opened_at"] is not None
    # INV-7: the alert reaches the jurisdiction's oversight monitors by name, and the family gets a DET-1 deadline.
    assert Notification.objects.filter(kind="custody.grave_incident", recipient__role="oversight_monitor").exists()
    assert Deadline.objects.filter(case=case, kind="family_notification", rule_id="DTH-1", met_at__isnull=True).exists()
    # INV-5: the hold freezes what is recorded, never a new protective act (it answered 400 before).
    call = officer.post(base + "contacts/", {"kind": "call", "at": now, "relationship": "mother"}, format="json")
    assert call.status_code == 201, call.json()
    examined = officer.post(base + "health-examinations/", {"at": now, "examiner": "Dr Ode"}, format="json")
    assert examined.status_code == 201, examined.json()


def test_release_with_aftercare_ends_the_episode_and_its_deadlines(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    case, episode = held(make_case, client_for, facilities)
    client_for("caseworker").post(f"/api/custody-episodes/{episode['id']}/detention-orders/", ORDER, format="json")
    released = client_for("court_officer").post(
        f"/api/custody-episodes/{episode['id']}/release/",
        {"reason": "judicial_order", "aftercare": {"education": True, "family_support": True, "notes": "School place"}},
        format="json",
    )
    assert released.status_code == 201, released.json()
    body = released.json()
    assert body["ended_at"] is not None
    assert body["release"]["aftercare"]["education"] is True
    open_kinds = set(Deadline.objects.filter(case=case, met_at__isnull=True).values_list("kind", flat=True))
    assert open_kinds.isdisjoint({"competent_authority", "detention_review", "formal_charge", "final_decision"})
    assert "family_notification" in open_kinds  # DET-1: parents told of the release


EPISODE_LIST = {
    "caseworker": 1,
    "supervisor": 1,
    "legal_counsel": 0,
    "court_officer": 1,
    "facility_officer": 0,
    "oversight_monitor": 0,
    "administrator": 0,
}
START_STATUS = {
    "caseworker": 201,
    "supervisor": 201,
    "legal_counsel": 404,
    "court_officer": 403,
    "facility_officer": 404,
    "oversight_monitor": 404,
    "administrator": 404,
}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_custody_per_role(role: str, make_case: Any, client_for: Any, facilities: dict[str, Facility]) -> None:
    held(make_case, client_for, facilities)
    client = client_for(role)
    assert client.get("/api/custody-episodes/").json()["count"] == EPISODE_LIST[role]
    assert client.get("/api/facilities/").json()["count"] == 5
    other = make_case(court=True, given_name="Zed")
    assert start(client, other, facilities["police"]).status_code == START_STATUS[role]
    created = client.post(
        "/api/facilities/",
        {
            "name": "New",
            "kind": "police_station",
            "capacity": 4,
            "children_wholly_separated": True,
            "operator": facilities["police"].operator_id,
        },
        format="json",
    )
    assert created.status_code == (201 if role == "administrator" else 403)


def test_other_jurisdiction_sees_no_facilities_and_cannot_use_them(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    assert client_for("sp_caseworker").get("/api/facilities/").json()["count"] == 0
    south_case = make_case(by="sp_caseworker")
    response = start(client_for("sp_caseworker"), south_case, facilities["police"])
    assert response.status_code == 400
    assert "facility" in response.json()


def test_occupancy_now_and_over_time(make_case: Any, client_for: Any, facilities: dict[str, Facility]) -> None:
    held(make_case, client_for, facilities)
    body = client_for("supervisor").get("/api/facilities/occupancy/?days=7").json()
    police = next(r for r in body["results"] if r["name"] == "Central police station")
    assert police["held_now"] == 1
    assert len(police["series"]) == 7
    assert police["series"][-1]["held"] == 1
    assert client_for("supervisor").get("/api/facilities/occupancy/?days=0").status_code == 400


def test_custody_bad_input_is_400(make_case: Any, client_for: Any, facilities: dict[str, Facility]) -> None:
    _, episode = held(make_case, client_for, facilities)
    base = f"/api/custody-episodes/{episode['id']}/"
    worker = client_for("caseworker")
    assert "grounds" in worker.post(base + "detention-orders/", {**ORDER, "grounds": ["whim"]}, format="json").json()
    assert (
        "kind"
        in worker.post(
            base + "incidents/", {"kind": "x", "occurred_at": "2026-01-01T00:00Z", "description": "d"}, format="json"
        ).json()
    )
    assert "reason" in worker.post(base + "release/", {}, format="json").json()
    assert "facility" in worker.post("/api/custody-episodes/", {"case": 1}, format="json").json()


def test_episode_list_query_count_is_constant(
    make_case: Any, client_for: Any, facilities: dict[str, Facility], django_assert_max_num_queries: Any
) -> None:
    worker = client_for("caseworker")
    for n in range(4):
        start(worker, make_case(given_name=f"K{n}"), facilities["police"])
    with django_assert_max_num_queries(12):
        assert worker.get("/api/custody-episodes/?page_size=200").json()["count"] == 4
    with django_assert_max_num_queries(10):
        assert worker.get("/api/facilities/?page_size=200").status_code == 200


def test_custody_start_answer_equals_a_read_of_the_new_episode(
    make_case: Any, client_for: Any, facilities: dict[str, Facility]
) -> None:
    """The 201 answer is built without reading the records a new episode cannot have yet: it is the same as
    reading the episode back (only `elapsed`-style fields computed from the clock may differ)."""
    case = make_case(court=True)
    client = client_for("caseworker")
    started = start(client, case, facilities["police"])
    assert started.status_code == 201, started.json()
    read = client.get(f"/api/custody-episodes/{started.json()['id']}/").json()
    volatile = {k for k, v in read.items() if started.json().get(k) != v}
    assert volatile <= {"hours_held", "elapsed_hours", "elapsed", "held_hours", "days_held"}, volatile
    assert set(started.json()) == set(read)
