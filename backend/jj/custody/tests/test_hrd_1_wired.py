"""HRD-1 wired (issue #16): the child is heard. A detention order, a sentence, a placement in a detention facility,
a transfer and a diversion referral need the child's views recorded, or why the child could not be heard; either
one suffices and is kept with the act. A transfer to a safer place is never held back (INV-5): it only warns. An
arrest into a police station is no placement decision."""

from typing import Any

import pytest
from django.utils import timezone

from conftest import COUNSEL_PENDING
from jj.audit.models import AuditEvent
from jj.audit.shredding import readable
from jj.cases import services as case_services
from jj.cases.models import Case, Sentence
from jj.compliance.models import DecisionRecord
from jj.core.exceptions import RuleViolation
from jj.custody import services
from jj.custody.models import CustodyEpisode, DetentionOrder, Facility, Placement
from jj.diversion import services as diversion_services
from jj.diversion.models import DiversionReferral

VIEWS = "Wants to stay with his grandmother"
NOT_HEARD = "Sedated in hospital; a guardian ad litem was appointed"
ANSWERS = [({"child_views": VIEWS}, VIEWS), ({"views_not_heard_reason": NOT_HEARD}, NOT_HEARD)]
ORDER = {
    "kind": "pretrial_detention",
    "grounds": ["court_appearance"],
    "legal_basis": "Juvenile Justice Act s. 12",
    "alternatives_considered": [{"alternative": "Release to parents", "reason_rejected": "Parents abroad"}],
    "justification": "Two missed hearings",
    "age_floor_justification": "Genuine public safety concern",
    "judicial_authority": "Northland Youth Court",
    **COUNSEL_PENDING,
}


def _facility(world: Any, name: str, kind: str) -> Facility:
    data = {"name": name, "kind": kind, "capacity": 9, "children_wholly_separated": True, "operator": world.yjs}
    return services.facility_create(actor=world["administrator"], data=data)


@pytest.fixture
def places(world: Any) -> dict[str, Facility]:
    return {
        "police": _facility(world, "Central police", "police_station"),
        "centre": _facility(world, "Youth centre", "juvenile_detention"),
        "home": _facility(world, "Youth home", "juvenile_residential"),
    }


def _start(world: Any, case: Case, facility: Facility, child_views: str = "", views_not_heard_reason: str = "") -> Any:
    return services.custody_start(
        actor=world["caseworker"],
        case=case,
        facility=facility,
        commitment_order_reference="CO-1",
        police_cell_justification="Night arrest",
        age_floor_justification="Genuine public safety concern",
        child_views=child_views,
        views_not_heard_reason=views_not_heard_reason,
    )


def _unmet(refused: pytest.ExceptionInfo[RuleViolation]) -> list[str]:
    return [d.rule_id for d in refused.value.unmet]


def test_hrd_1_an_arrest_into_a_police_station_is_no_placement_decision(
    world: Any, make_case: Any, places: dict[str, Facility]
) -> None:
    episode = _start(world, make_case(), places["police"])
    assert isinstance(episode, CustodyEpisode)
    assert not DecisionRecord.objects.filter(object_id=episode.pk, rule_id="HRD-1").exists()


@pytest.mark.parametrize(("voice", "kept"), ANSWERS)
def test_hrd_1_a_placement_in_a_detention_facility_needs_the_childs_voice(
    world: Any, make_case: Any, places: dict[str, Facility], voice: dict[str, str], kept: str
) -> None:
    case = make_case()
    with pytest.raises(RuleViolation) as refused:
        _start(world, case, places["centre"])
    assert _unmet(refused) == ["HRD-1"]
    assert not CustodyEpisode.objects.filter(case=case).exists()
    assert AuditEvent.objects.filter(action="custody_episode.create", outcome="refused").exists()
    episode = _start(world, case, places["centre"], **voice)
    placement = Placement.objects.get(episode=episode)
    assert (placement.child_views or placement.views_not_heard_reason) == kept
    record = DecisionRecord.objects.get(object_type="custody_episode", object_id=episode.pk, rule_id="HRD-1")
    assert (record.outcome, record.justification) == ("require_justification", kept)
    # The child's own words stay with the decision, never in the audit trail's reason.
    event = AuditEvent.objects.filter(action="custody_episode.create", outcome="success").latest("seq")
    assert kept not in readable(event.reason, child_ref=event.child_ref)


def test_hrd_1_a_transfer_needs_the_childs_voice_and_a_protective_one_only_warns(
    world: Any, make_case: Any, places: dict[str, Facility]
) -> None:
    case = make_case()
    episode = _start(world, case, places["police"])
    CustodyEpisode.objects.filter(pk=episode.pk).update(first_appearance_at=timezone.now())
    episode.refresh_from_db()
    with pytest.raises(RuleViolation) as refused:
        services.custody_transfer(
            actor=world["caseworker"], episode=episode, facility=places["centre"], commitment_order_reference="CO-2"
        )
    assert _unmet(refused) == ["HRD-1"]
    assert Placement.objects.filter(episode=episode).count() == 1
    moved = services.custody_transfer(
        actor=world["caseworker"],
        episode=episode,
        facility=places["home"],
        commitment_order_reference="CO-2",
        protective_transfer=True,
    )
    assert isinstance(moved, Placement)
    (record,) = DecisionRecord.objects.filter(trigger="transfer", case=case, rule_id="HRD-1")
    assert record.outcome == "warn"
    episode.refresh_from_db()
    again = services.custody_transfer(
        actor=world["caseworker"],
        episode=episode,
        facility=places["centre"],
        commitment_order_reference="CO-3",
        views_not_heard_reason=NOT_HEARD,
    )
    assert isinstance(again, Placement)
    assert again.views_not_heard_reason == NOT_HEARD


@pytest.mark.parametrize(("voice", "kept"), ANSWERS)
def test_hrd_1_a_detention_order_needs_the_childs_voice(
    world: Any, make_case: Any, places: dict[str, Facility], voice: dict[str, str], kept: str
) -> None:
    episode = _start(world, make_case(), places["police"])
    with pytest.raises(RuleViolation) as refused:
        services.detention_order_record(actor=world["court_officer"], episode=episode, data=dict(ORDER))
    assert _unmet(refused) == ["HRD-1"]
    assert not DetentionOrder.objects.exists()
    order = services.detention_order_record(actor=world["court_officer"], episode=episode, data={**ORDER, **voice})
    assert (order.child_views or order.views_not_heard_reason) == kept
    record = DecisionRecord.objects.get(object_type="detention_order", object_id=order.pk, rule_id="HRD-1")
    assert record.justification == kept


@pytest.mark.parametrize(("voice", "kept"), ANSWERS)
def test_hrd_1_a_sentence_needs_the_childs_voice(world: Any, make_case: Any, voice: dict[str, str], kept: str) -> None:
    case = make_case(counsel=True, charged=True)
    with pytest.raises(RuleViolation) as refused:
        case_services.sentence_record(actor=world["court_officer"], case=case, data={"sentence_type": "probation"})
    assert _unmet(refused) == ["HRD-1"]
    assert not Sentence.objects.exists()
    sentence = case_services.sentence_record(
        actor=world["court_officer"], case=case, data={"sentence_type": "probation", **voice}
    )
    assert (sentence.child_views or sentence.views_not_heard_reason) == kept
    record = DecisionRecord.objects.get(object_type="sentence", object_id=sentence.pk, rule_id="HRD-1")
    assert record.justification == kept


def test_hrd_1_a_diversion_referral_needs_the_childs_voice(world: Any, make_case: Any) -> None:
    case = make_case()
    data = {"name": "Mediation", "kind": "mediation", "provider": "Northland Mediation", "typical_duration_days": 60}
    programme = diversion_services.programme_create(actor=world["supervisor"], data=data)
    with pytest.raises(RuleViolation) as refused:
        diversion_services.referral_offer(actor=world["caseworker"], case=case, programme=programme, stage="intake")
    assert _unmet(refused) == ["HRD-1"]
    assert not DiversionReferral.objects.exists()
    referral = diversion_services.referral_offer(
        actor=world["caseworker"], case=case, programme=programme, stage="intake", child_views=VIEWS
    )
    assert referral.child_views == VIEWS
    record = DecisionRecord.objects.get(object_type="diversion_referral", object_id=referral.pk, rule_id="HRD-1")
    assert record.justification == VIEWS


def test_hrd_1_the_api_takes_the_childs_voice(
    world: Any, make_case: Any, places: dict[str, Facility], client_for: Any
) -> None:
    case = make_case()
    body = {
        "case": case.pk,
        "facility": places["centre"].pk,
        "commitment_order_reference": "CO-1",
        "age_floor_justification": "Genuine public safety concern",
    }
    refused = client_for("caseworker").post("/api/custody-episodes/", body, format="json")
    assert refused.status_code == 422
    hrd_1 = next(d for d in refused.json()["decisions"] if d["rule_id"] == "HRD-1")
    assert hrd_1["satisfied_by"] == ["child_views", "views_not_heard_reason"]
    started = client_for("caseworker").post("/api/custody-episodes/", {**body, "child_views": VIEWS}, format="json")
    assert started.status_code == 201, started.json()
    assert started.json()["placements"][0]["child_views"] == VIEWS


def test_issue_16_done_when_detention_without_counsel_views_or_accommodation_says_what_each_needs(
    world: Any, make_case: Any, places: dict[str, Facility]
) -> None:
    """Issue 16's 'done when': a supervisor places a child with an accommodation need, no counsel and no recorded
    views in a detention centre. HRD-1 and DIS-1 each refuse with their citation and what would satisfy them; CNS-1
    is decided too (its counsel deadline); nothing is written."""
    case = make_case(accommodation_needs="Sign-language interpreter")
    with pytest.raises(RuleViolation) as refused:
        services.custody_start(
            actor=world["supervisor"],
            case=case,
            facility=places["centre"],
            commitment_order_reference="CO-1",
            age_floor_justification="Genuine public safety concern",
        )
    decisions = {d.rule_id: d for d in refused.value.decisions}
    unmet = {d.rule_id for d in refused.value.unmet}
    assert {"HRD-1", "DIS-1"} <= unmet
    assert "CNS-1" in decisions
    for rule_id in ("HRD-1", "DIS-1"):
        assert decisions[rule_id].citation
        assert decisions[rule_id].satisfied_by
    assert not CustodyEpisode.objects.filter(case=case).exists()
