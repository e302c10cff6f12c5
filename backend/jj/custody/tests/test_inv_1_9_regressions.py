"""INV-1..INV-9: one regression test per defect issue #10 listed, each of which failed on the code before the
lifecycle layer (the paths that routed around a rule)."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import COUNSEL_PENDING, HEARD
from jj.accounts.models import Role, User
from jj.audit.models import AuditEvent
from jj.cases import services as case_services
from jj.cases.models import Case, ChildProtectionReferral, Sentence
from jj.compliance.services import approval_decide
from jj.core.exceptions import ApplicationError, RuleViolation
from jj.custody import services
from jj.custody.models import CustodyEpisode, Facility
from jj.deadlines.models import Deadline, Notification
from jj.diversion import services as diversion_services
from jj.diversion.models import Programme
from jj.people import services as people_services
from jj.people.models import Child

ORDER = {
    **HEARD,
    **COUNSEL_PENDING,
    "kind": "pretrial_detention",
    "grounds": ["court_appearance"],
    "legal_basis": "Juvenile Justice Act s. 12",
    "alternatives_considered": [{"alternative": "Release to parents", "reason_rejected": "Parents abroad"}],
    "justification": "Two missed hearings",
    "judicial_authority": "Northland Youth Court",
}
SAFEGUARDS = {
    "compelling_evidence": "CCTV",
    "acknowledgement_of_responsibility": "I did it",
    "child_consent": True,
    "guardian_consent": True,
    "informed_of": ["nature", "content", "duration", "consequences"],
    "legal_advice_offered": True,
    "review_route_explained": True,
}


@pytest.fixture
def centre(world: Any) -> Facility:
    return services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Northland youth centre",
            "kind": "juvenile_detention",
            "capacity": 20,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
        staff=[world["facility_officer"]],
    )


@pytest.fixture
def mediation(world: Any) -> Programme:
    data = {"name": "Mediation", "kind": "mediation", "provider": "Northland Mediation", "typical_duration_days": 60}
    return diversion_services.programme_create(actor=world["supervisor"], data=data)


def _child(world: Any, **data: Any) -> Child:
    base = {"given_name": "Ten", "family_name": "Years", "sex": "male", "dob_certainty": "documented"}
    return people_services.child_register(actor=world["caseworker"], data={**base, **data})


def _start(world: Any, case: Case, facility: Facility, at: Any = None) -> CustodyEpisode:
    episode = services.custody_start(
        **HEARD,
        actor=world["caseworker"],
        case=case,
        facility=facility,
        started_at=at,
        commitment_order_reference="CO-1",
        age_floor_justification="Genuine public safety concern",
    )
    assert isinstance(episode, CustodyEpisode)
    return episode


def _order(world: Any, episode: CustodyEpisode, at: Any) -> None:
    services.detention_order_record(
        actor=world["court_officer"],
        episode=CustodyEpisode.objects.get(pk=episode.pk),
        data={**ORDER, "ordered_at": at, "age_floor_justification": "Genuine public safety concern"},
    )


# --- INV-1 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dob", [date(2016, 3, 1), None])
def test_inv_1_a_case_with_no_offence_does_not_let_a_young_or_unknown_age_child_be_detained(
    world: Any, centre: Facility, dob: date | None
) -> None:
    """Before: MACR-1 decided nothing without an offence date, so a 10-year-old could be taken into detention."""
    kid = _child(world, date_of_birth=dob, dob_certainty="documented" if dob else "unknown")
    with pytest.raises(RuleViolation, match="MACR-1"):
        case_services.case_open(actor=world["caseworker"], child=kid, kind="referral", offences=[])
    assert not Case.objects.filter(child=kid).exists()
    assert ChildProtectionReferral.objects.filter(child=kid).exists()


def test_inv_1_a_date_of_birth_corrected_after_charge_reruns_the_minimum_age(
    world: Any, make_case: Any, centre: Facility
) -> None:
    """Before: correcting the date of birth re-ran nothing; the child stayed charged and detained."""
    case = make_case(charged=True)
    episode = _start(world, case, centre)
    child = case.child
    people_services.child_update(
        actor=world["caseworker"], child=child, version=child.version, data={"date_of_birth": date(2013, 6, 1)}
    )
    episode.refresh_from_db()
    assert episode.mandatory_release_flag is True
    assert ChildProtectionReferral.objects.filter(child=child).exists()
    assert Notification.objects.filter(case=case, kind="case.below_minimum_age", recipient__role="supervisor").exists()
    assert AuditEvent.objects.filter(action="case.age_recheck", object_id=str(case.pk)).exists()
    with pytest.raises(RuleViolation, match="MACR-1"):  # and no sentence follows
        case_services.sentence_record(
            actor=world["court_officer"], case=case, data={**HEARD, **COUNSEL_PENDING, "sentence_type": "probation"}
        )
    assert not Sentence.objects.exists()
    # The release itself is never refused (INV-5) and clears the red flag.
    services.custody_release(actor=world["caseworker"], episode=episode, reason="mandatory_release", aftercare={})
    episode.refresh_from_db()
    assert episode.ended_at is not None
    assert episode.mandatory_release_flag is False


def test_inv_1_sentencing_runs_the_status_offence_rule(world: Any, make_case: Any) -> None:
    """Before: sentencing never ran MACR-1 or STA-1."""
    case = make_case(charged=True)
    case.offences.update(is_status_offence=True)
    with pytest.raises(RuleViolation, match="STA-1"):
        case_services.sentence_record(
            actor=world["court_officer"], case=case, data={**HEARD, **COUNSEL_PENDING, "sentence_type": "probation"}
        )


# --- INV-2, INV-3 ------------------------------------------------------------------------------------------------


def test_inv_2_release_and_re_detention_never_restart_the_charge_and_final_decision_clocks(
    world: Any, make_case: Any, centre: Facility
) -> None:
    case = make_case()
    first_start = timezone.now() - timedelta(days=10)
    first = _start(world, case, centre, at=first_start)
    _order(world, first, first_start)
    original = {
        d.kind: d.due_at for d in Deadline.objects.filter(case=case, kind__in=["formal_charge", "final_decision"])
    }
    services.custody_release(actor=world["caseworker"], episode=first, reason="bail", aftercare={})
    assert set(Deadline.objects.filter(case=case, kind="formal_charge").values_list("resolution", flat=True)) == {
        "moot"
    }
    again = _start(world, case, centre)
    _order(world, again, timezone.now())
    renewed = Deadline.objects.filter(case=case, kind__in=["formal_charge", "final_decision"], met_at__isnull=True)
    assert {d.kind: d.due_at for d in renewed} == original


def test_inv_2_re_detention_after_the_charge_deadline_needs_its_own_justification(
    world: Any, make_case: Any, centre: Facility
) -> None:
    case = make_case()
    long_ago = timezone.now() - timedelta(days=40)
    first = _start(world, case, centre, at=long_ago)
    _order(world, first, long_ago)
    services.custody_release(actor=world["caseworker"], episode=first, reason="bail", aftercare={})
    again = _start(world, case, centre)
    with pytest.raises(RuleViolation, match="PTD-5"):
        _order(world, again, timezone.now())


def test_inv_2_no_sentenced_detention_without_a_custodial_sentence(
    world: Any, make_case: Any, centre: Facility
) -> None:
    """Found by the state machine: custody started as 'sentenced detention' on an unsentenced case, then a pretrial
    order opened a charge deadline that no pretrial start explained (the clock had no start)."""
    case = make_case()
    with pytest.raises(ApplicationError, match="custodial sentence") as refused:
        services.custody_start(
            **HEARD,
            actor=world["caseworker"],
            case=case,
            facility=centre,
            kind="sentenced_detention",
            commitment_order_reference="CO-1",
            age_floor_justification="Genuine public safety concern",
        )
    assert "kind" in refused.value.extra
    assert not CustodyEpisode.objects.filter(case=case).exists()
    assert not Deadline.objects.filter(case=case).exclude(rule_id="DEL-1").exists()


def test_inv_2_a_pretrial_order_is_refused_once_the_child_is_sentenced(
    world: Any, make_case: Any, centre: Facility
) -> None:
    case = make_case(charged=True)
    episode = _start(world, case, centre)
    _order(world, episode, timezone.now())
    case_services.sentence_record(
        actor=world["court_officer"],
        case=case,
        data={
            **HEARD,
            **COUNSEL_PENDING,
            "sentence_type": "custody",
            "length_months": 3,
            "justification": "Serious violence; community options exhausted",
            "non_custodial_options_considered": [
                {"option": "probation", "reason_rejected": "Breached"},
                {"option": "community_service", "reason_rejected": "Refused"},
            ],
        },
    )
    episode.refresh_from_db()
    assert episode.kind == "sentenced_detention"
    orders = episode.detention_orders.count()
    with pytest.raises(ApplicationError, match="serving a sentence"):
        _order(world, episode, timezone.now())
    assert episode.detention_orders.count() == orders
    assert not Deadline.objects.filter(case=case, kind="formal_charge", met_at__isnull=True).exists()


@pytest.mark.parametrize("outcome", ["charged", "decided", "detention_continued"])
def test_inv_3_no_appearance_outcome_closes_the_review_series_while_the_child_stays_detained(
    world: Any, make_case: Any, centre: Facility, outcome: str
) -> None:
    case = make_case(court=True)
    episode = _start(world, case, centre)
    _order(world, episode, timezone.now())
    services.appearance_record(
        actor=world["court_officer"],
        episode=CustodyEpisode.objects.get(pk=episode.pk),
        kind="review",
        at=timezone.now(),
        authority="Youth Court",
        outcome=outcome,
    )
    assert Deadline.objects.filter(case=case, kind="detention_review", met_at__isnull=True).count() == 1


def test_inv_3_an_appearance_that_orders_release_releases_the_child(
    world: Any, make_case: Any, centre: Facility
) -> None:
    case = make_case(court=True)
    episode = _start(world, case, centre)
    _order(world, episode, timezone.now())
    services.appearance_record(
        actor=world["court_officer"],
        episode=CustodyEpisode.objects.get(pk=episode.pk),
        kind="review",
        at=timezone.now(),
        authority="Youth Court",
        outcome="released",
    )
    episode.refresh_from_db()
    assert episode.ended_at is not None
    assert episode.end_reason == "released"
    assert not Deadline.objects.filter(case=case, kind="detention_review", met_at__isnull=True).exists()


# --- INV-4 -------------------------------------------------------------------------------------------------------


def test_inv_4_no_custody_and_no_sentence_while_diversion_is_active(
    world: Any, make_case: Any, centre: Facility, mediation: Programme
) -> None:
    case = make_case(charged=True)
    referral = diversion_services.referral_offer(
        **HEARD, actor=world["caseworker"], case=case, programme=mediation, stage="charge"
    )
    diversion_services.referral_activate(actor=world["caseworker"], referral=referral, data=SAFEGUARDS)
    case.refresh_from_db()
    assert case.status == "diverted"
    with pytest.raises(ApplicationError, match="diversion"):
        _start(world, case, centre)
    with pytest.raises(ApplicationError, match="diversion"):
        case_services.sentence_record(
            actor=world["court_officer"], case=case, data={**HEARD, **COUNSEL_PENDING, "sentence_type": "probation"}
        )
    assert not CustodyEpisode.objects.filter(case=case).exists()
    assert not Sentence.objects.exists()


def test_inv_4_diversion_cannot_start_while_the_child_is_held_on_the_case(
    world: Any, make_case: Any, centre: Facility, mediation: Programme
) -> None:
    case = make_case()
    _start(world, case, centre)
    referral = diversion_services.referral_offer(
        **HEARD, actor=world["caseworker"], case=case, programme=mediation, stage="intake"
    )
    with pytest.raises(ApplicationError, match="release"):
        diversion_services.referral_activate(actor=world["caseworker"], referral=referral, data=SAFEGUARDS)
    case.refresh_from_db()
    assert case.status == "open"


# --- INV-5, INV-7, INV-8 -----------------------------------------------------------------------------------------


def test_inv_5_after_a_death_every_protective_act_proceeds_and_the_episode_ends(
    world: Any, make_case: Any, centre: Facility
) -> None:
    case = make_case(court=True)
    elsewhere = User.objects.create(username="ombud", role=Role.OVERSIGHT_MONITOR, agency=world.defender)
    episode = _start(world, case, centre)
    _order(world, episode, timezone.now())
    services.incident_record(
        actor=world["facility_officer"],
        episode=episode,
        data={"kind": "serious_injury", "occurred_at": timezone.now(), "description": "Fall"},
    )
    fresh = CustodyEpisode.objects.get(pk=episode.pk)
    assert fresh.evidence_frozen
    # Court review, health examination, transfer to a safer place: all were refused with a 400 before.
    services.appearance_record(
        actor=world["court_officer"],
        episode=fresh,
        kind="review",
        at=timezone.now(),
        authority="Youth Court",
        outcome="detention_continued",
    )
    services.health_examination_record(
        actor=world["facility_officer"], episode=fresh, data={"at": timezone.now(), "examiner": "Dr Ode"}
    )
    safer = services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Hospital unit",
            "kind": "juvenile_residential",
            "capacity": 5,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
    )
    services.custody_transfer(
        **HEARD, actor=world["caseworker"], episode=fresh, facility=safer, commitment_order_reference="H"
    )
    # The independent body outside the case's agency hears of it; the family gets its deadline.
    assert Notification.objects.filter(recipient=elsewhere, kind="custody.grave_incident").exists()
    assert Deadline.objects.filter(case=case, kind="family_notification", rule_id="DTH-1").exists()
    services.incident_record(
        actor=world["facility_officer"],
        episode=CustodyEpisode.objects.get(pk=episode.pk),
        data={"kind": "death", "occurred_at": timezone.now(), "description": "Died in hospital"},
    )
    ended = CustodyEpisode.objects.get(pk=episode.pk)
    assert ended.ended_at is not None
    assert ended.end_reason == "death"


def test_inv_7_danger_to_self_ground_opens_a_child_protection_referral(
    world: Any, make_case: Any, centre: Facility
) -> None:
    case = make_case()
    episode = _start(world, case, centre)
    with pytest.raises(RuleViolation):
        services.detention_order_record(
            actor=world["court_officer"],
            episode=episode,
            data={**ORDER, "grounds": ["danger_to_self"], "age_floor_justification": "x"},
        )
    services.detention_order_record(
        actor=world["court_officer"],
        episode=episode,
        data={**ORDER, "grounds": ["court_appearance", "danger_to_self"], "age_floor_justification": "x"},
    )
    assert ChildProtectionReferral.objects.filter(child=case.child).exists()


def test_inv_8_a_released_childs_health_examination_closes_as_moot(
    world: Any, make_case: Any, centre: Facility
) -> None:
    """Before: the examination could never be recorded after release and stayed on the worklist for ever."""
    case = make_case()
    episode = _start(world, case, centre)
    exam = Deadline.objects.get(case=case, kind="health_examination")
    services.custody_release(actor=world["caseworker"], episode=episode, reason="bail", aftercare={})
    exam.refresh_from_db()
    assert exam.met_at is not None
    assert exam.resolution == "moot"
    assert "released" in exam.met_note
    assert AuditEvent.objects.filter(action="deadline.moot").exists()


# --- INV-6, INV-9 ------------------------------------------------------------------------------------------------


def test_inv_6_a_refused_programme_leaves_an_audit_event(world: Any) -> None:
    """Before: programme_create refused inside its transaction, so its refusal event rolled back with it."""
    data = {"name": "Boot camp", "kind": "camp", "provider": "X", "involves_deprivation_of_liberty": True}
    with pytest.raises(RuleViolation, match="DIV-3"):
        diversion_services.programme_create(actor=world["supervisor"], data=data)
    assert AuditEvent.objects.filter(action="programme.create", outcome="refused").count() == 1
    assert not Programme.objects.exists()


def test_inv_6_a_refusal_inside_an_approval_leaves_an_audit_event(world: Any, make_case: Any) -> None:
    """Before: an approval re-ran the held charge inside its transaction; the refusal rolled back unrecorded."""
    case = make_case(developmental_disorder=True)  # DEV-1: a supervisor approves the charge
    approval = case_services.case_charge(
        **COUNSEL_PENDING,
        actor=world["caseworker"],
        case=case,
        version=case.version,
        justification="Prior diversions failed",
        individual_assessment="Assessed by the youth service",
        diversion_not_offered_reason="Declined twice",
    )
    assert not isinstance(approval, Case)
    case.offences.update(is_status_offence=True)  # the facts moved: the charge is now refused (STA-1)
    before = AuditEvent.objects.filter(action="case.charge", outcome="refused").count()
    with pytest.raises(RuleViolation):
        approval_decide(actor=world["supervisor"], approval=approval, approve=True)
    assert AuditEvent.objects.filter(action="case.charge", outcome="refused").count() == before + 1
    case.refresh_from_db()
    assert case.status == "open"


def test_inv_9_a_police_cell_reason_does_not_answer_the_age_floor(world: Any, make_case: Any) -> None:
    """Before: one `justification` answered PTD-2, PTD-9 and PTD-11 at once."""
    police = services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Central police",
            "kind": "police_station",
            "capacity": 5,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
    )
    case = make_case(date_of_birth=date(2012, 1, 1))  # 14: below the age floor of 16
    with pytest.raises(RuleViolation) as refused:
        services.custody_start(
            **HEARD, actor=world["caseworker"], case=case, facility=police, police_cell_justification="Night arrest"
        )
    assert [d.rule_id for d in refused.value.unmet] == ["PTD-9"]


def test_a_facility_officers_release_is_answered_204_not_500(world: Any, make_case: Any, centre: Facility) -> None:
    """Before: the release was saved, then the answer failed (the episode had left the officer's view): a 500."""
    from rest_framework.test import APIClient

    case = make_case()
    episode = _start(world, case, centre)
    officer = APIClient()
    officer.force_authenticate(user=world["facility_officer"])
    released = officer.post(
        f"/api/custody-episodes/{episode.pk}/release/", {"reason": "bail", "aftercare": {}}, format="json"
    )
    assert released.status_code == 204, released.content  # recorded; the episode left the officer's view
    episode.refresh_from_db()
    assert episode.ended_at is not None


def test_inv_5_a_protective_transfer_proceeds_after_the_24_hours_without_an_appearance(
    world: Any, make_case: Any
) -> None:
    """PTD-1 refused any move once the appearance was overdue, a move to a safer place too (INV-5: never blocked).
    Now the protective move proceeds with PTD-1's warning; an ordinary move is still refused."""
    import time_machine

    from jj.custody.models import Placement

    custody_services = services

    def place(name: str) -> Any:
        data = {
            "name": name,
            "kind": "juvenile_detention",
            "capacity": 9,
            "children_wholly_separated": True,
            "operator": world.yjs,
        }
        return custody_services.facility_create(actor=world["administrator"], data=data)

    start = timezone.now()
    case = make_case()
    with time_machine.travel(start, tick=False):
        episode = custody_services.custody_start(
            **HEARD,
            actor=world["caseworker"],
            case=case,
            facility=place("Centre"),
            commitment_order_reference="CO-1",
            age_floor_justification="Genuine public safety concern",
        )
    assert isinstance(episode, CustodyEpisode)
    safer = place("Hospital wing")
    with time_machine.travel(start + timedelta(hours=25), tick=False):
        with pytest.raises(RuleViolation) as refused:
            custody_services.custody_transfer(
                **HEARD, actor=world["caseworker"], episode=episode, facility=safer, commitment_order_reference="CO-2"
            )
        assert "PTD-1" in {d.rule_id for d in refused.value.unmet}
        moved = custody_services.custody_transfer(
            **HEARD,
            actor=world["caseworker"],
            episode=episode,
            facility=safer,
            commitment_order_reference="CO-2",
            protective_transfer=True,
        )
    assert isinstance(moved, Placement)
