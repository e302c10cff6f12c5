"""The replay on hand-built histories with known answers, and its determinism: deciding every stored act again under
the policy in force reproduces every stored decision (any difference is a defect of fact recording)."""

from datetime import date, datetime, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from conftest import child_data, offence_data
from jj.accounts.models import Jurisdiction
from jj.cases import services as case_services
from jj.cases.lifecycle import case_status_change
from jj.cases.models import Case, CaseStatus
from jj.cases.records import child_identity_shred
from jj.compliance.models import DecisionInputs, DecisionRecord
from jj.compliance.selectors import policy_for
from jj.compliance.services import policy_update
from jj.custody import services as custody_services
from jj.custody.models import CustodyEpisode
from jj.people import services as people_services
from jj.rules.facts import CaseFacts, ChildFacts, FacilityFacts, OffenceFacts, PlacementFacts
from jj.rules.serialize import facts_dump, facts_load
from jj.simulation.replay import Replay, age_group, publish, replay_period
from jj.simulation.services import period_bounds, proposed_policy

OFFENCE_DAY = date(2026, 3, 1)
POLICE_CELL_REASON = "No youth unit open at night"


def _open(world: Any, *, dob: date, sex: str = "female", opened_at: datetime | None = None) -> Case:
    worker = world["caseworker"]
    child = people_services.child_register(actor=worker, data=child_data(date_of_birth=dob, sex=sex))
    return case_services.case_open(
        actor=worker,
        child=child,
        kind="arrest",
        offences=[offence_data(offence_date=OFFENCE_DAY)],
        opened_at=opened_at,
    )


def _held(world: Any, case: Case, facility: Any, *, days_ago: int, days: int) -> CustodyEpisode:
    now = timezone.now()
    episode = custody_services.custody_start(
        actor=world["caseworker"],
        case=case,
        facility=facility,
        started_at=now - timedelta(days=days_ago),
        police_cell_justification=POLICE_CELL_REASON,
        age_floor_justification="No alternative that night: the child was found alone at 3 a.m.",
    )
    assert isinstance(episode, CustodyEpisode)
    custody_services.custody_release(
        actor=world["court_officer"],
        episode=episode,
        reason="court_order",
        aftercare={"aftercare_plan": "Back home with a youth worker's visits"},
        at=now - timedelta(days=days_ago - days),
    )
    episode.refresh_from_db()
    return episode


@pytest.fixture
def police(world: Any) -> Any:
    return custody_services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Central police station",
            "kind": "police_station",
            "capacity": 10,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
        staff=[],
    )


@pytest.fixture
def macr_12(world: Any) -> None:
    policy_update(actor=world["administrator"], jurisdiction=world.north, version=0, values={"macr": 12})


def _replay(world: Any, **proposed: Any) -> Replay:
    current = policy_for(world.north.pk)
    today = world.north.today()
    start, end = period_bounds(world.north, today - timedelta(days=90), today)
    return replay_period(
        jurisdiction_id=world.north.pk,
        current=current,
        proposed=proposed_policy(current, proposed),
        start=start,
        end=end,
        now=timezone.now(),
    )


def test_facts_round_trip_exactly() -> None:
    child = ChildFacts(date(2012, 3, 2), "documented", sex="male")
    case = CaseFacts(child, (OffenceFacts(OFFENCE_DAY, None, "05", False, "X1"),), opened_at=timezone.now())
    placement = PlacementFacts(
        case=case, facility=FacilityFacts("police_station", 10, 2, True), at=timezone.now(), zone="Europe/Paris"
    )
    for facts in (case, placement, child):
        assert facts_load(facts_dump(facts)) == facts


def test_every_recorded_act_stores_its_complete_facts(world: Any, macr_12: None) -> None:
    case = _open(world, dob=date(2013, 6, 1))
    records = DecisionRecord.objects.filter(case=case, trigger="intake")
    assert records.exists()
    assert all(r.inputs_id == records[0].inputs_id for r in records)  # one engine call, one set of facts
    assert records[0].inputs_id is not None
    inputs = DecisionInputs.objects.get(pk=records[0].inputs_id)
    facts = facts_load(inputs.facts)
    assert facts.child.date_of_birth == date(2013, 6, 1)
    assert facts.offences[0].offence_date == OFFENCE_DAY


def test_raising_the_minimum_age_from_12_to_14_removes_exactly_these_cases_and_detention_days(
    world: Any, macr_12: None, police: Any
) -> None:
    twelve = _open(world, dob=date(2013, 6, 1))  # 12 at the offence
    day_before_14 = _open(world, dob=date(2012, 3, 2), sex="male")  # 13 years and 364 days at the offence
    fourteen = _open(world, dob=date(2012, 3, 1))  # 14 years and 0 days at the offence: stays
    fifteen = _open(world, dob=date(2011, 1, 1), sex="male")
    held_12 = _held(world, twelve, police, days_ago=20, days=6)
    _held(world, fourteen, police, days_ago=10, days=3)
    held_13 = _held(world, day_before_14, police, days_ago=8, days=2)

    result = _replay(world, macr=14)

    assert set(result.removed_cases) == {twelve.pk, day_before_14.pk}
    assert result.removed_cases[twelve.pk] == ("MACR-1",)
    assert fourteen.pk not in result.removed_cases
    assert fifteen.pk not in result.removed_cases
    assert result.episodes_avoided == pytest.approx({held_12.pk: 6.0, held_13.pk: 2.0})
    assert result.mismatches == 0
    assert result.replayable == result.acts
    assert result.transitions[("MACR-1", "warn", "block")] >= 2
    published = publish(
        result,
        current=policy_for(world.north.pk),
        proposed=proposed_policy(policy_for(world.north.pk), {"macr": 14}),
        threshold=1,
        start=timezone.now() - timedelta(days=90),
        end=timezone.now(),
    )
    assert published["totals"]["cases_removed"] == 2
    assert published["totals"]["children_removed"] == 2
    assert published["totals"]["episodes_avoided"] == 2
    assert published["totals"]["child_days_avoided"] == 8.0
    assert published["parameters"] == [
        {"name": "macr", "label": "Minimum age of criminal responsibility (years)", "current": 12, "proposed": 14}
    ]


def test_lowering_nothing_changes_nothing(world: Any, macr_12: None, police: Any) -> None:
    """Determinism on a hand-built history: the policy in force reproduces every stored decision."""
    case = _open(world, dob=date(2013, 6, 1))
    _held(world, case, police, days_ago=5, days=1)
    result = _replay(world)
    assert result.mismatches == 0
    assert not result.transitions
    assert not result.removed_cases
    assert not result.episodes_avoided


def test_a_shorter_limit_counts_the_deadlines_that_would_have_been_missed(world: Any) -> None:
    """DEL-1: charged 20 days after intake. Under 30 days that was in time; under 10 it would have been missed,
    under 25 it would not."""
    now = timezone.now()
    case = _open(world, dob=date(2010, 1, 1), opened_at=now - timedelta(days=20))
    case_status_change(case=case, to=CaseStatus.CHARGED, actor=world["caseworker"], at=now, action="test", summary="")
    assert len(_replay(world, case_decision_days=10).deadlines_missed) == 1
    assert _replay(world, case_decision_days=25).deadlines_missed == []


def test_acts_decided_before_facts_were_recorded_are_counted_not_guessed(world: Any, macr_12: None) -> None:
    case = _open(world, dob=date(2013, 6, 1))
    DecisionRecord.objects.filter(case=case).update(inputs=None)
    result = _replay(world, macr=14)
    assert result.replayable == 0
    assert result.missing["acts_without_facts"] == result.acts > 0
    assert not result.removed_cases


def test_a_removed_childs_stored_facts_go_with_the_identity(world: Any, macr_12: None) -> None:
    """REC-3 removal: the complete facts (date of birth, needs, justifications) are deleted with the identity; the
    decisions stay, and the simulation counts the acts as not replayable."""
    case = _open(world, dob=date(2013, 6, 1))
    assert DecisionInputs.objects.filter(case=case).exists()
    assert child_identity_shred(actor=world["administrator"], child=case.child, reason="REC-3 removal age")
    assert not DecisionInputs.objects.filter(case=case).exists()
    assert DecisionRecord.objects.filter(case=case).exists()
    result = _replay(world, macr=14)
    assert result.missing["acts_without_facts"] == result.acts
    assert not result.removed_cases


@pytest.mark.parametrize(
    ("dob", "group"),
    [
        (None, "not_recorded"),
        (date(2016, 12, 1), "under_10"),
        (date(2016, 11, 30), "10_13"),
        (date(2008, 1, 1), "18_plus"),
    ],
)
def test_age_groups_are_the_statistics_bands(dob: date | None, group: str) -> None:
    assert age_group(dob, date(2026, 11, 30)) == group


@pytest.mark.django_db
def test_simulating_the_policy_in_force_reproduces_every_decision_of_the_demo(settings: Any, monkeypatch: Any) -> None:
    """The demo history, built through the real services: every act it recorded can be decided again, and the
    policy in force decides each one exactly as it was decided."""
    settings.DEMO_ALLOWED = True
    monkeypatch.setenv("DEMO_PASSWORD", "demo-password-for-tests")
    call_command("seed_demo", stdout=StringIO())
    north = Jurisdiction.objects.get(code="northland")
    current = policy_for(north.pk)
    today = north.today()
    start, end = period_bounds(north, today - timedelta(days=3 * 365), today + timedelta(days=1))
    result = replay_period(
        jurisdiction_id=north.pk, current=current, proposed=current, start=start, end=end, now=timezone.now()
    )
    assert result.acts > 50
    assert result.replayable == result.acts, result.missing
    assert result.mismatches == 0, dict(result.mismatch_rules)
    assert not result.transitions
    assert not result.refused_acts
    # Southport's minimum age is 12: the same holds there, and raising it to 14 over the last year keeps its fifteen
    # children of 12 and 13 out of the criminal process, with the six held now (the browser test's scenario).
    south = Jurisdiction.objects.get(code="southport")
    current = policy_for(south.pk)
    assert current.macr == 12
    start, end = period_bounds(south, south.today() - timedelta(days=365), south.today())
    same = replay_period(
        jurisdiction_id=south.pk, current=current, proposed=current, start=start, end=end, now=timezone.now()
    )
    assert same.replayable == same.acts
    assert same.mismatches == 0, dict(same.mismatch_rules)
    raised = replay_period(
        jurisdiction_id=south.pk,
        current=current,
        proposed=current.with_values({"macr": 14}),
        start=start,
        end=end,
        now=timezone.now(),
    )
    assert raised.mismatches == 0
    assert len(raised.removed_cases) == 15
    assert len(raised.episodes_avoided) == 6
    assert sum(raised.episodes_avoided.values()) > 0
