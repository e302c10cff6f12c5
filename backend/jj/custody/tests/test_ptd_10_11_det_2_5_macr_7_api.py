"""PTD-10 (challenge to legality), PTD-11 (police cells), DET-2 (questioning), DET-5 (family contact on read),
MACR-7 (moving a person who turned 18 to adults waits for a supervisor) through the API; the worklist's custody."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import ALL_ROLES, HEARD, child_data, offence_data
from jj.cases import services as case_services
from jj.compliance.models import ApprovalRequest
from jj.custody import services
from jj.custody.models import CustodyEpisode, Facility
from jj.deadlines.models import Deadline
from jj.people import services as people_services


@pytest.fixture
def places(world: Any) -> dict[str, Facility]:
    def make(name: str, kind: str, separated: bool = True) -> Facility:
        data = {
            "name": name,
            "kind": kind,
            "capacity": 10,
            "children_wholly_separated": separated,
            "operator": world.yjs,
        }
        return services.facility_create(actor=world["administrator"], data=data)

    return {
        "police": make("Police", "police_station"),
        "centre": make("Centre", "juvenile_detention"),
        "jail": make("Jail", "adult_prison", separated=False),
    }


def test_ptd_11_police_cell_needs_a_reason_and_the_exit_deadline_closes_on_transfer(
    make_case: Any, client_for: Any, places: dict[str, Facility]
) -> None:
    case = make_case()
    worker = client_for("caseworker")
    refused = worker.post("/api/custody-episodes/", {"case": case.pk, "facility": places["police"].pk}, format="json")
    assert refused.status_code == 422
    assert [d["rule_id"] for d in refused.json()["decisions"] if d["unmet"]] == ["PTD-11"]
    started = worker.post(
        "/api/custody-episodes/",
        {"case": case.pk, "facility": places["police"].pk, "police_cell_justification": "Night arrest"},
        format="json",
    ).json()
    deadline = Deadline.objects.get(case=case, kind="police_cell_exit")
    assert deadline.rule_id == "PTD-11"
    moved = worker.post(
        f"/api/custody-episodes/{started['id']}/transfer/",
        {"facility": places["centre"].pk, "commitment_order_reference": "CO-7", **HEARD},
        format="json",
    )
    assert moved.status_code == 201, moved.json()
    deadline.refresh_from_db()
    assert deadline.met_at is not None


def test_ptd_10_challenge_creates_and_the_decision_meets_its_deadline(
    make_case: Any, client_for: Any, places: dict[str, Facility]
) -> None:
    case = make_case(counsel=True, court=True)
    episode = services.custody_start(
        **HEARD, actor=case.opened_by, case=case, facility=places["police"], police_cell_justification="night"
    )
    filed = client_for("legal_counsel").post(
        f"/api/custody-episodes/{episode.pk}/legality-challenges/",
        {"filed_by": "Counsel for the child", "authority": "Youth Court"},
        format="json",
    )
    assert filed.status_code == 201, filed.json()
    challenge = filed.json()["legality_challenges"][0]
    deadline = Deadline.objects.get(case=case, kind="legality_challenge")
    assert deadline.rule_id == "PTD-10"
    assert deadline.priority
    assert (
        client_for("legal_counsel")
        .post(
            f"/api/custody-episodes/{episode.pk}/legality-challenges/{challenge['id']}/decide/",
            {"outcome": "upheld"},
            format="json",
        )
        .status_code
        == 403
    )
    decided = client_for("court_officer").post(
        f"/api/custody-episodes/{episode.pk}/legality-challenges/{challenge['id']}/decide/",
        {"outcome": "upheld"},
        format="json",
    )
    assert decided.json()["outcome"] == "upheld"
    deadline.refresh_from_db()
    assert deadline.met_at is not None


@pytest.mark.parametrize(
    ("body", "status", "rule_outcome"),
    [
        ({"lawyer_present": False, "appropriate_adult_present": False}, 422, "block"),
        ({"lawyer_present": False, "appropriate_adult_present": True, "lawyer_waived": True}, 422, "block"),
        ({"lawyer_present": False, "appropriate_adult_present": True}, 422, "block"),
        ({"lawyer_present": True, "appropriate_adult_present": False}, 422, "block"),
        (
            {"lawyer_present": True, "appropriate_adult_absence_reason": "The mother is the complainant"},
            201,
            "warn",
        ),
        ({"lawyer_present": True, "appropriate_adult_present": True}, 201, "warn"),
        ({"lawyer_present": True, "appropriate_adult_present": True, "audio_visual_recorded": True}, 201, "allow"),
    ],
)
def test_det_2_questioning_through_the_api(
    make_case: Any, client_for: Any, body: dict[str, Any], status: int, rule_outcome: str
) -> None:
    case = make_case()
    payload = {"at": timezone.now().isoformat(), "conducted_by": "Officer Y", **body}
    response = client_for("caseworker").post(f"/api/cases/{case.pk}/interviews/", payload, format="json")
    assert response.status_code == status
    history = client_for("caseworker").get(f"/api/cases/{case.pk}/decisions/?rule_id=DET-2").json()["results"]
    if status == 422:
        assert response.json()["decisions"][0]["outcome"] == rule_outcome
        assert history == []
        assert not case.interviews.exists()
    else:
        assert [h["outcome"] for h in history] == [rule_outcome]


@pytest.mark.parametrize(("interpreter_present", "status"), [(False, 422), (True, 201)])
def test_det_2_the_childs_need_for_an_interpreter_is_read_from_the_childs_record(
    make_case: Any, client_for: Any, interpreter_present: bool, status: int
) -> None:
    case = make_case()
    case.child.interpreter_needed = True
    case.child.save(update_fields=["interpreter_needed"])
    payload = {
        "at": timezone.now().isoformat(),
        "conducted_by": "Officer Y",
        "lawyer_present": True,
        "appropriate_adult_present": True,
        "audio_visual_recorded": True,
        "interpreter_present": interpreter_present,
    }
    response = client_for("caseworker").post(f"/api/cases/{case.pk}/interviews/", payload, format="json")
    assert response.status_code == status
    if status == 422:
        assert [d["citation"]["provision"] for d in response.json()["decisions"] if d["outcome"] == "block"] == [
            "art. 40(2)(b)(vi)"
        ]
        assert not case.interviews.exists()


def test_det_5_family_contact_is_checked_on_read(make_case: Any, client_for: Any, places: dict[str, Facility]) -> None:
    case = make_case()
    episode = services.custody_start(
        **HEARD,
        actor=case.opened_by,
        case=case,
        facility=places["centre"],
        commitment_order_reference="CO",
        started_at=timezone.now() - timedelta(days=40),
    )
    body = client_for("caseworker").get(f"/api/custody-episodes/{episode.pk}/").json()
    # Held 40 days at school age with no enrolment: REI-1 warns beside DET-5.
    assert [(c["rule_id"], c["outcome"]) for c in body["checks"]] == [("DET-5", "warn"), ("REI-1", "warn")]
    client_for("caseworker").post(
        f"/api/custody-episodes/{episode.pk}/contacts/",
        {"kind": "visit", "at": timezone.now().isoformat(), "relationship": "mother"},
        format="json",
    )
    body = client_for("caseworker").get(f"/api/custody-episodes/{episode.pk}/").json()
    assert [(c["rule_id"], c["outcome"]) for c in body["checks"]] == [("DET-5", "allow"), ("REI-1", "warn")]


def test_macr_7_transfer_of_a_young_adult_to_adults_waits_for_approval(
    world: Any, client_for: Any, places: dict[str, Facility]
) -> None:
    today = timezone.localdate()
    eighteenth = today - timedelta(days=30)  # turned 18 a month ago; the offence was at 17
    dob = date(eighteenth.year - 18, eighteenth.month, min(eighteenth.day, 28))
    child = people_services.child_register(actor=world["caseworker"], data=child_data(date_of_birth=dob))
    case = case_services.case_open(
        actor=world["caseworker"],
        child=child,
        kind="arrest",
        offences=[offence_data(offence_date=today - timedelta(days=200))],
    )
    episode = services.custody_start(
        **HEARD, actor=world["caseworker"], case=case, facility=places["centre"], commitment_order_reference="CO"
    )
    CustodyEpisode.objects.filter(pk=episode.pk).update(first_appearance_at=timezone.now())
    worker = client_for("caseworker")
    url = f"/api/custody-episodes/{episode.pk}/transfer/"
    refused = worker.post(
        url, {"facility": places["jail"].pk, "commitment_order_reference": "CO-2", **HEARD}, format="json"
    )
    assert refused.status_code == 422
    assert {d["rule_id"] for d in refused.json()["decisions"] if d["unmet"]} >= {"MACR-7"}
    held = worker.post(
        url,
        {
            "facility": places["jail"].pk,
            "commitment_order_reference": "CO-2",
            "best_interests_justification": "Near his family; no young-adult unit in the region",
            **HEARD,
        },
        format="json",
    )
    assert held.status_code == 202, held.json()
    assert CustodyEpisode.objects.get(pk=episode.pk).current_facility_id == places["centre"].pk
    approved = client_for("supervisor").post(
        f"/api/approvals/{held.json()['id']}/decide/", {"approve": True}, format="json"
    )
    assert approved.status_code == 200, approved.json()
    assert CustodyEpisode.objects.get(pk=episode.pk).current_facility_id == places["jail"].pk
    assert ApprovalRequest.objects.get().status == "approved"


@pytest.mark.parametrize("role", ALL_ROLES)
def test_worklist_lists_children_in_custody_in_scope(
    role: str, make_case: Any, client_for: Any, places: dict[str, Facility]
) -> None:
    case = make_case(court=True)
    services.custody_start(
        **HEARD, actor=case.opened_by, case=case, facility=places["centre"], commitment_order_reference="CO"
    )
    body = client_for(role).get("/api/worklist/").json()
    expected = 1 if role in ("caseworker", "supervisor", "court_officer") else 0
    assert len(body["in_custody"]) == expected
    if expected:
        assert body["in_custody"][0]["elapsed_hours"] >= 0
