"""The custody data the seeds' rules need (REI-1, ILL-1, GIR-1, DIS-1, HRD-1, CNS-1, PTD-12): the records and
their endpoints, and the facts builders the lifecycle services will call (evaluated here with the rules not yet
wired, to show what each record changes)."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import HEARD
from jj.audit.models import AuditEvent
from jj.custody import services
from jj.custody.facts import (
    aftercare_given,
    appearance_facts,
    complaint_facts,
    education_review_facts,
    facility_facts,
    incident_facts,
    placement_voice,
    release_facts,
)
from jj.custody.models import (
    AftercarePlan,
    Complaint,
    CustodyEpisode,
    DetentionOrder,
    EducationEnrolment,
    Facility,
    Incident,
    IndividualPlan,
)
from jj.deadlines.models import Deadline
from jj.rules.engine import Outcome, Trigger
from jj.rules.policy import Policy
from jj.rules.registry import evaluate


def rule(rule_id: str, trigger: Trigger, facts: object, at: Any = None) -> list[Any]:
    found = evaluate(trigger, Policy(), facts, at or timezone.now(), include_unwired=True)
    return [d for d in found if d.rule_id == rule_id]


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
def episode(make_case: Any, world: Any, centre: Facility) -> CustodyEpisode:
    case = make_case(court=True, counsel=True)
    started = services.custody_start(
        actor=world["caseworker"],
        case=case,
        facility=centre,
        started_at=timezone.now() - timedelta(days=20),
        commitment_order_reference="CO-7",
        **HEARD,
    )
    assert isinstance(started, CustodyEpisode)
    services.detention_order_record(  # pretrial detention begins with its order
        actor=world["court_officer"],
        episode=started,
        data={
            "grounds": ["court_appearance"],
            "legal_basis": "Youth Justice Act s. 12",
            "alternatives_considered": [{"alternative": "Release to parents", "reason_rejected": "Abroad"}],
            "justification": "Two missed hearings",
            "judicial_authority": "Youth Court",
            "ordered_at": timezone.now() - timedelta(days=20),
            **HEARD,
        },
    )
    return CustodyEpisode.objects.get(pk=started.pk)


def url(episode: CustodyEpisode, tail: str) -> str:
    return f"/api/custody-episodes/{episode.pk}/{tail}/"


# --- Facts builders ----------------------------------------------------------------------------------------------


def test_facility_facts_carry_sex_separation_and_gir_1_reads_it(centre: Facility, episode: CustodyEpisode) -> None:
    from jj.compliance.facts import case_facts
    from jj.rules.facts import PlacementFacts

    assert facility_facts(centre).separated_by_sex
    centre.separated_by_sex = False
    facts = PlacementFacts(
        case=case_facts(episode.case, stage="intake"),
        facility=facility_facts(centre),
        at=timezone.now(),
        zone="Europe/Paris",
        is_admission=False,
        **placement_voice({"child_views": "Wants to stay", "emergency": True}),
    )
    assert facts.child_views == "Wants to stay"
    (refused,) = rule("GIR-1", Trigger.TRANSFER, facts)  # the default child is a girl
    assert refused.outcome is Outcome.BLOCK
    assert rule("HRD-1", Trigger.TRANSFER, facts)[0].satisfied


@pytest.mark.parametrize(
    ("items", "given"),
    [
        (None, False),
        ({}, False),
        ({"education": False, "notes": "  "}, False),
        ({"health": True}, True),
        ({"notes": "Back to school on Monday"}, True),
    ],
)
def test_aftercare_given(items: Any, given: bool) -> None:
    assert aftercare_given(items) is given


def test_release_facts_open_the_aftercare_deadline_only_without_a_plan(episode: CustodyEpisode) -> None:
    at = timezone.now()
    bare = release_facts(episode, at=at, aftercare={"education": False})
    assert (bare.zone, bare.aftercare_plan_given) == ("Europe/Paris", False)
    (decision,) = rule("REI-1", Trigger.RELEASE, bare)
    assert decision.deadlines[0].kind == "aftercare_plan"
    planned = release_facts(episode, at=at, aftercare={"education": True})
    assert rule("REI-1", Trigger.RELEASE, planned)[0].deadlines == ()


def test_education_review_facts_follow_the_enrolment(episode: CustodyEpisode, world: Any) -> None:
    facts = education_review_facts(episode)
    assert not facts.enrolled
    assert rule("REI-1", Trigger.EDUCATION_REVIEW, facts)[0].outcome is Outcome.WARN  # held 20 days, aged 16
    EducationEnrolment.objects.create(episode=episode, enrolled_on=timezone.localdate(), provider="Northland school")
    assert rule("REI-1", Trigger.EDUCATION_REVIEW, education_review_facts(episode))[0].outcome is Outcome.ALLOW


def test_appearance_facts_warn_without_accommodation(episode: CustodyEpisode) -> None:
    child = episode.child
    child.accommodation_needs = "Sign-language interpreter"
    child.save()
    episode.refresh_from_db()
    (warned,) = rule("DIS-1", Trigger.COURT_APPEARANCE, appearance_facts(episode, at=timezone.now()))
    assert warned.outcome is Outcome.WARN
    provided = appearance_facts(episode, at=timezone.now(), accommodation_provided="Interpreter booked")
    assert rule("DIS-1", Trigger.COURT_APPEARANCE, provided)[0].outcome is Outcome.ALLOW


def test_incident_and_complaint_facts_carry_the_allegation(episode: CustodyEpisode, world: Any) -> None:
    officer = world["facility_officer"]
    now = timezone.now()
    data = {"kind": "use_of_force", "allegation_kind": "staff_violence", "details": {"purpose": "protection"}}
    facts = incident_facts(episode, data, implicated_staff=[officer], reported_at=now)
    assert facts.implicated_staff == (str(officer.pk),)
    assert facts.child is not None
    assert facts.child.is_girl
    (reported,) = rule("ILL-1", Trigger.INCIDENT, facts)
    assert reported.notify == ("independent_oversight", "child_protection")
    assert reported.facts["excluded_from_investigation"] == [str(officer.pk)]
    complaint = complaint_facts(episode, lodged_at=now, allegation_kind="torture")
    decisions = rule("ILL-1", Trigger.COMPLAINT, complaint)
    assert [d.outcome for d in decisions] == [Outcome.ALLOW, Outcome.WARN]  # no one named as implicated


def test_incident_facts_let_gir_1_refuse_restraint_in_pregnancy(episode: CustodyEpisode) -> None:
    child = episode.child
    child.pregnant = True
    child.save()
    episode.refresh_from_db()
    facts = incident_facts(episode, {"kind": "restraint"}, reported_at=timezone.now())
    assert rule("GIR-1", Trigger.INCIDENT, facts)[0].outcome is Outcome.BLOCK


# --- Records through the existing endpoints ------------------------------------------------------------------


def test_detention_order_records_the_childs_views_and_the_new_justifications(
    episode: CustodyEpisode, client_for: Any
) -> None:
    order = {
        "kind": "pretrial_detention",
        "grounds": ["court_appearance", "danger_to_others"],
        "legal_basis": "Juvenile Justice Act s. 12",
        "alternatives_considered": [{"alternative": "supervision", "reason_rejected": "Absconded twice"}],
        "justification": "Two missed hearings",
        "judicial_authority": "Northland Youth Court",
        "child_views": "Wants to go home to her grandmother",
        "no_counsel_justification": "",
        "armed_forces_justification": "",
    }
    response = client_for("court_officer").post(url(episode, "detention-orders"), order, format="json")
    assert response.status_code == 201, response.json()
    row = DetentionOrder.objects.filter(episode=episode).latest("id")  # the fixture's first order came before
    assert row.child_views == "Wants to go home to her grandmother"
    assert "danger_to_others" in row.grounds
    shown = {o["id"]: o for o in response.json()["detention_orders"]}
    assert shown[row.pk]["child_views"] == row.child_views


def test_complaint_and_health_examination_record_the_new_fields(episode: CustodyEpisode, client_for: Any) -> None:
    officer = client_for("facility_officer")
    complained = officer.post(
        url(episode, "complaints"), {"subject": "Hit by a guard", "allegation_kind": "staff_violence"}, format="json"
    )
    assert complained.status_code == 201, complained.json()
    assert Complaint.objects.get(episode=episode).allegation_kind == "staff_violence"
    assert complained.json()["complaints"][0]["implicated_staff"] == []
    bad = officer.post(url(episode, "complaints"), {"subject": "x", "allegation_kind": "rudeness"}, format="json")
    assert bad.status_code == 400
    assert "allegation_kind" in bad.json()
    examined = officer.post(
        url(episode, "health-examinations"),
        {"at": timezone.now().isoformat(), "examiner": "Dr Mensah", "gender_specific": True},
        format="json",
    )
    assert examined.status_code == 201, examined.json()
    assert examined.json()["health_examinations"][0]["gender_specific"] is True


# --- REI-1 records -----------------------------------------------------------------------------------------------


def test_individual_plan_meets_its_deadline(episode: CustodyEpisode, client_for: Any) -> None:
    due = Deadline.objects.create(
        case=episode.case,
        agency_id=episode.case.agency_id,
        kind="individual_plan",
        rule_id="REI-1",
        description="plan",
        due_at=timezone.now(),
    )
    body = {"needs": "Schooling; counselling", "plan": "Enrol in the centre's school", "assessed_by": "Ms Diallo"}
    response = client_for("facility_officer").post(url(episode, "individual-plans"), body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["individual_plans"][0]["plan"] == "Enrol in the centre's school"
    due.refresh_from_db()
    assert due.met_at is not None
    assert AuditEvent.objects.filter(action="individual_plan.create", object_id=str(episode.pk)).exists()


def test_individual_plan_refusals_write_nothing(episode: CustodyEpisode, client_for: Any) -> None:
    body = {"needs": "n", "plan": "p", "assessed_by": "a"}
    assert client_for("court_officer").post(url(episode, "individual-plans"), body, format="json").status_code == 403
    assert client_for("caseworker").post(url(episode, "individual-plans"), {}, format="json").status_code == 400
    assert not IndividualPlan.objects.exists()  # under an evidence hold a plan is a new act: it proceeds (INV-5)


def test_education_enrolment(episode: CustodyEpisode, client_for: Any) -> None:
    worker = client_for("caseworker")
    backwards = {"enrolled_on": "2026-03-10", "ended_on": "2026-03-01", "provider": "Centre school"}
    refused = worker.post(url(episode, "education-enrolments"), backwards, format="json")
    assert refused.status_code == 400
    assert "ended_on" in refused.json()
    ok = worker.post(url(episode, "education-enrolments"), {**backwards, "ended_on": None}, format="json")
    assert ok.status_code == 201, ok.json()
    assert ok.json()["education_enrolments"][0]["provider"] == "Centre school"
    services.custody_release(actor=_user(episode, "caseworker"), episode=episode, reason="bail", aftercare={})
    late = worker.post(url(episode, "education-enrolments"), {**backwards, "ended_on": None}, format="json")
    assert late.status_code == 400
    assert EducationEnrolment.objects.count() == 1


def _user(episode: CustodyEpisode, username: str) -> Any:
    from jj.accounts.models import User

    return User.objects.get(username=username)


def test_aftercare_plan_after_release_meets_its_deadline(episode: CustodyEpisode, client_for: Any) -> None:
    worker = client_for("caseworker")
    body = {"items": {"education": True, "notes": "School place found"}, "responsible": "Ms Diallo"}
    early = worker.post(url(episode, "aftercare-plans"), body, format="json")
    assert early.status_code == 400  # the child is still held: the plan goes with the release
    services.custody_release(actor=_user(episode, "caseworker"), episode=episode, reason="bail", aftercare={})
    due = Deadline.objects.create(
        case=episode.case,
        agency_id=episode.case.agency_id,
        kind="aftercare_plan",
        rule_id="REI-1",
        description="aftercare",
        due_at=timezone.now(),
    )
    empty = worker.post(url(episode, "aftercare-plans"), {**body, "items": {}}, format="json")
    assert empty.status_code == 400
    assert "items" in empty.json()
    assert not AftercarePlan.objects.exists()
    made = worker.post(url(episode, "aftercare-plans"), body, format="json")
    assert made.status_code == 201, made.json()
    due.refresh_from_db()
    assert due.met_at is not None
    assert made.json()["aftercare_plans"][0]["items"]["education"] is True


# --- ILL-1: the staff implicated ---------------------------------------------------------------------------------


def test_implicated_staff_are_added_never_removed_even_under_evidence_hold(
    episode: CustodyEpisode, client_for: Any, world: Any
) -> None:
    officer = client_for("facility_officer")
    body = {"subject": "Pushed by a guard", "allegation_kind": "staff_violence"}
    complaint_id = officer.post(url(episode, "complaints"), body, format="json").json()["complaints"][0]["id"]
    named = url(episode, f"complaints/{complaint_id}/implicated-staff")
    CustodyEpisode.objects.filter(pk=episode.pk).update(evidence_frozen=True)
    response = officer.post(named, {"staff": [world["caseworker2"].pk]}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["complaints"][0]["implicated_staff"] == [world["caseworker2"].pk]
    again = officer.post(named, {"staff": [world["caseworker"].pk, world["caseworker2"].pk]}, format="json")
    assert sorted(again.json()["complaints"][0]["implicated_staff"]) == sorted(
        [world["caseworker"].pk, world["caseworker2"].pk]
    )
    events = AuditEvent.objects.filter(action="complaint.implicated_staff").exclude(outcome="denied").order_by("seq")
    assert [e.changes["implicated_staff_added"] for e in events] == [
        [world["caseworker2"].pk],
        [world["caseworker"].pk],
    ]


def test_dth_1_staff_implicated_are_kept_out_of_the_investigation_record(
    episode: CustodyEpisode, client_for: Any, world: Any
) -> None:
    """RULES.md 7b DTH-1: implicated staff are recorded and excluded from the investigation record: they no longer
    see it, and they can neither answer it nor add to it (403, audited); everyone else still sees it."""
    officer = client_for("facility_officer")
    body = {"subject": "Pushed by a guard", "allegation_kind": "staff_violence"}
    complaint_id = officer.post(url(episode, "complaints"), body, format="json").json()["complaints"][0]["id"]
    named = url(episode, f"complaints/{complaint_id}/implicated-staff")
    shown = officer.post(named, {"staff": [world["facility_officer"].pk]}, format="json")
    assert shown.status_code == 200
    assert shown.json()["complaints"] == []
    assert officer.get(f"/api/custody-episodes/{episode.pk}/").json()["complaints"] == []
    supervisor_view = client_for("supervisor").get(f"/api/custody-episodes/{episode.pk}/").json()["complaints"]
    assert [c["id"] for c in supervisor_view] == [complaint_id]
    answer = officer.post(
        url(episode, f"complaints/{complaint_id}/respond"), {"response": "Nothing happened"}, format="json"
    )
    assert answer.status_code == 403
    assert officer.post(named, {"staff": [world["caseworker"].pk]}, format="json").status_code == 403
    complaint = Complaint.objects.get(pk=complaint_id)
    assert complaint.responded_at is None
    assert list(complaint.implicated_staff.values_list("pk", flat=True)) == [world["facility_officer"].pk]
    denied = AuditEvent.objects.filter(outcome="denied", object_type="complaint", object_id=str(complaint_id))
    assert set(denied.values_list("action", flat=True)) == {"complaint.respond", "complaint.implicated_staff"}


def test_dth_1_staff_are_named_on_a_death_without_an_allegation_kind(
    episode: CustodyEpisode, client_for: Any, world: Any
) -> None:
    supervisor = client_for("supervisor")
    death = supervisor.post(
        url(episode, "incidents"),
        {"kind": "death", "occurred_at": timezone.now().isoformat(), "description": "Found unresponsive"},
        format="json",
    )
    assert death.status_code == 201, death.json()
    incident_id = Incident.objects.get(episode=episode, kind="death").pk
    named = client_for("supervisor").post(
        url(episode, f"incidents/{incident_id}/implicated-staff"), {"staff": [world["caseworker2"].pk]}, format="json"
    )
    assert named.status_code == 200, named.json()
    assert Incident.objects.get(pk=incident_id).implicated_staff.count() == 1


def test_implicated_staff_refusals_write_nothing(episode: CustodyEpisode, client_for: Any, world: Any) -> None:
    officer = client_for("facility_officer")
    plain = officer.post(url(episode, "complaints"), {"subject": "Cold food"}, format="json").json()["complaints"][0]
    incident = officer.post(
        url(episode, "incidents"),
        {
            "kind": "other",
            "occurred_at": timezone.now().isoformat(),
            "description": "Fight in the yard",
            "allegation_kind": "peer_violence",
        },
        format="json",
    )
    assert incident.status_code == 201, incident.json()
    incident_id = incident.json()["incidents"][0]["id"]
    staff = {"staff": [world["caseworker"].pk]}
    no_allegation = officer.post(url(episode, f"complaints/{plain['id']}/implicated-staff"), staff, format="json")
    assert no_allegation.status_code == 400
    assert "allegation_kind" in no_allegation.json()
    incident_url = url(episode, f"incidents/{incident_id}/implicated-staff")
    other = officer.post(incident_url, {"staff": [world["sp_caseworker"].pk]}, format="json")
    assert other.status_code == 400
    assert "staff" in other.json()
    assert officer.post(incident_url, {"staff": []}, format="json").status_code == 400
    assert client_for("court_officer").post(incident_url, staff, format="json").status_code == 403
    assert client_for("oversight_monitor").post(incident_url, staff, format="json").status_code == 404
    assert officer.post(url(episode, "incidents/999999/implicated-staff"), staff, format="json").status_code == 404
    assert not Complaint.implicated_staff.through.objects.exists()
    from jj.custody.models import Incident

    assert not Incident.implicated_staff.through.objects.exists()
    ok = officer.post(incident_url, staff, format="json")
    assert ok.status_code == 200
    assert ok.json()["incidents"][0]["implicated_staff"] == [world["caseworker"].pk]
