"""DTH-1 and INV-5, the evidence hold: after a serious incident what is recorded about the custody episode can no
longer be edited or deleted (409, audited, nothing written), through any route or service; every new act, protective
ones above all, proceeds."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from conftest import HEARD
from jj.audit.models import AuditEvent
from jj.audit.shredding import readable
from jj.core.exceptions import EvidenceHold
from jj.custody import services
from jj.custody.evidence import episode_records_edit_check
from jj.custody.models import CustodyEpisode, Facility, IndividualPlan, LegalityChallenge

EDIT_METHODS = ("put", "patch", "delete")


@pytest.fixture
def centre(world: Any) -> Facility:
    data = {
        "name": "Northland youth centre",
        "kind": "juvenile_detention",
        "capacity": 10,
        "children_wholly_separated": True,
        "operator": world.yjs,
    }
    return services.facility_create(actor=world["administrator"], data=data, staff=[world["facility_officer"]])


@pytest.fixture
def held(make_case: Any, world: Any, centre: Facility, client_for: Any) -> CustodyEpisode:
    """An episode with a decided and a pending legality challenge, a complaint, then a serious injury (the hold)."""
    case = make_case(court=True, counsel=True)
    episode = services.custody_start(
        **HEARD,
        actor=world["caseworker"],
        case=case,
        facility=centre,
        started_at=timezone.now() - timedelta(days=2),
        commitment_order_reference="CO-7",
    )
    assert isinstance(episode, CustodyEpisode)
    base = f"/api/custody-episodes/{episode.pk}/"
    counsel = client_for("legal_counsel")
    for _ in range(2):
        filed = counsel.post(base + "legality-challenges/", {"filed_by": "Counsel", "authority": "Youth Court"})
        assert filed.status_code == 201, filed.json()
    first = LegalityChallenge.objects.filter(episode=episode).order_by("pk").first()
    assert first is not None
    services.legality_challenge_decide(actor=world["court_officer"], challenge=first, outcome="upheld")
    officer = client_for("facility_officer")
    now = timezone.now().isoformat()
    complaint = officer.post(base + "complaints/", {"lodged_at": now, "subject": "Cold room"}, format="json")
    assert complaint.status_code == 201, complaint.json()
    grave = officer.post(
        base + "incidents/", {"kind": "serious_injury", "occurred_at": now, "description": "Fall"}, format="json"
    )
    assert grave.status_code == 201, grave.json()
    assert grave.json()["evidence_frozen"] is True
    return CustodyEpisode.objects.get(pk=episode.pk)


def custody_state() -> list[Any]:
    """Every row of every custody model, to prove a refusal wrote nothing."""
    models = apps.get_app_config("custody").get_models()
    return [list(model._default_manager.order_by("pk").values()) for model in models]


def episode_routes() -> list[tuple[str, Any]]:
    """(route, view class) of every URL that addresses a custody episode or one of its records."""
    found: list[tuple[str, Any]] = []

    def walk(patterns: Any, prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and "<int:episode_id>" in prefix + str(p.pattern):
                found.append((prefix + str(p.pattern), p.callback.view_class))  # type: ignore[attr-defined]

    walk(get_resolver().url_patterns, "")
    return found


def fill(route: str, episode: CustodyEpisode) -> str:
    """The route with the held episode and an existing record of it for every other id."""
    ids = {
        "episode_id": episode.pk,
        "challenge_id": LegalityChallenge.objects.filter(episode=episode)
        .order_by("pk")
        .values_list("pk", flat=True)[0],
        "complaint_id": episode.complaints.values_list("pk", flat=True)[0],  # type: ignore[attr-defined]
        "record_id": episode.incidents.values_list("pk", flat=True)[0],  # type: ignore[attr-defined]
    }
    return "/" + re.sub(r"<int:(\w+)>", lambda m: str(ids[str(m.group(1))]), route)


def test_the_crawl_finds_the_episode_routes() -> None:
    routes = [route for route, _ in episode_routes()]
    assert "api/custody-episodes/<int:episode_id>/" in routes
    assert len(routes) >= 15


@pytest.mark.parametrize("role", ["caseworker", "supervisor", "facility_officer", "court_officer", "legal_counsel"])
def test_dth_1_no_put_patch_or_delete_changes_a_held_episode(held: CustodyEpisode, client_for: Any, role: str) -> None:
    """Every PUT/PATCH/DELETE under an episode answers 409 (a route that edits) or 405 (no such route): never 2xx,
    and nothing is written. A route added later with an edit must call jj.custody.evidence to pass."""
    client = client_for(role)
    before = custody_state()
    for route, view in episode_routes():
        for method in EDIT_METHODS:
            response = getattr(client, method)(fill(route, held), {}, format="json")
            expected = 409 if hasattr(view, method) else 405
            assert response.status_code == expected, (route, method, response.status_code)
    assert custody_state() == before


def test_dth_1_changing_a_recorded_judicial_decision_is_refused_and_audited(
    held: CustodyEpisode, world: Any, client_for: Any
) -> None:
    decided = LegalityChallenge.objects.filter(episode=held, decided_at__isnull=False).get()
    before = custody_state()
    response = client_for("court_officer").post(
        f"/api/custody-episodes/{held.pk}/legality-challenges/{decided.pk}/decide/", {"outcome": "dismissed"}
    )
    assert response.status_code == 409, response.json()
    assert "evidence_hold" in response.json()
    assert custody_state() == before
    refused = AuditEvent.objects.get(action="legality_challenge.decide", outcome="refused")
    assert refused.object_id == str(decided.pk)
    assert readable(refused.reason, child_ref=refused.child_ref) == "evidence hold (DTH-1)"


def test_inv_5_judicial_review_of_a_pending_challenge_proceeds_under_the_hold(
    held: CustodyEpisode, client_for: Any
) -> None:
    pending = LegalityChallenge.objects.filter(episode=held, decided_at__isnull=True).get()
    response = client_for("court_officer").post(
        f"/api/custody-episodes/{held.pk}/legality-challenges/{pending.pk}/decide/", {"outcome": "upheld"}
    )
    assert response.status_code == 200, response.json()
    pending.refresh_from_db()
    assert pending.outcome == "upheld"


def test_changing_a_recorded_decision_without_a_hold_is_not_refused(
    make_case: Any, world: Any, centre: Facility
) -> None:
    """The day before the hold: the same edit is still possible (the hold, not the edit, is what refuses)."""
    case = make_case(court=True, counsel=True)
    episode = services.custody_start(
        **HEARD, actor=world["caseworker"], case=case, facility=centre, commitment_order_reference="C"
    )
    assert isinstance(episode, CustodyEpisode)
    challenge = services.legality_challenge_file(
        actor=world["legal_counsel"], episode=episode, data={"filed_by": "Counsel", "authority": "Youth Court"}
    )
    services.legality_challenge_decide(actor=world["court_officer"], challenge=challenge, outcome="upheld")
    changed = services.legality_challenge_decide(actor=world["court_officer"], challenge=challenge, outcome="dismissed")
    assert changed.outcome == "dismissed"


@pytest.mark.parametrize(
    ("tail", "body", "role"),
    [
        ("contacts/", {"kind": "call", "relationship": "mother"}, "facility_officer"),
        ("health-examinations/", {"examiner": "Dr Ode"}, "facility_officer"),
        (
            "family-notifications/",
            {"event": "admission", "method": "phone", "person_notified": "Mother"},
            "facility_officer",
        ),
        ("individual-plans/", {"needs": "n", "plan": "p", "assessed_by": "a"}, "facility_officer"),
        ("legality-challenges/", {"filed_by": "Counsel", "authority": "Youth Court"}, "legal_counsel"),
        ("release/", {"reason": "bail", "aftercare": {}}, "caseworker"),
    ],
)
def test_inv_5_new_acts_proceed_under_the_hold(
    held: CustodyEpisode, client_for: Any, tail: str, body: dict[str, Any], role: str
) -> None:
    now = timezone.now().isoformat()
    stamped = {**body, "at": now} if tail != "release/" else body
    response = client_for(role).post(f"/api/custody-episodes/{held.pk}/{tail}", stamped, format="json")
    assert response.status_code in (200, 201), (tail, response.json())
    if tail == "individual-plans/":
        assert IndividualPlan.objects.filter(episode=held).count() == 1


def test_the_service_guard_refuses_every_edit_of_a_held_episode(held: CustodyEpisode, world: Any) -> None:
    with pytest.raises(EvidenceHold):
        episode_records_edit_check(
            actor=world["caseworker"],
            episode_id=held.pk,
            action="placement.update",
            object_type="placement",
            object_id=1,
            child_id=None,
        )
    assert AuditEvent.objects.filter(action="placement.update", outcome="refused").count() == 1
