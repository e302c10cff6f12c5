"""ILL-1 wired (issue #16): an incident or a complaint alleging ill-treatment, torture, violence or sexual abuse
tells the jurisdiction's oversight monitors and child protection at once, holds the episode's records as evidence
(never a protective act: INV-5), and opens two deadlines: a medical examination (24 hours by default; any
examination meets it, a release moots it) and the start of an investigation (72 hours), which a supervisor who is
not implicated meets by opening it, after release too."""

from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from conftest import HEARD, make_user
from jj.accounts.models import Role
from jj.audit.models import AuditEvent
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.custody import allegations, services
from jj.custody.models import Complaint, CustodyEpisode, Facility, Incident, Placement
from jj.deadlines.models import Deadline, Notification
from jj.deadlines.services import deadlines_sweep

START = datetime.fromisoformat("2026-11-02T09:00:00+00:00")
BODY = "Northland Independent Police Complaints Office"


@pytest.fixture
def centre(world: Any) -> Facility:
    data = {"name": "Youth centre", "kind": "juvenile_detention", "capacity": 9, "children_wholly_separated": True}
    return services.facility_create(
        actor=world["administrator"], data={**data, "operator": world.yjs}, staff=[world["facility_officer"]]
    )


@pytest.fixture
def episode(world: Any, make_case: Any, centre: Facility) -> CustodyEpisode:
    with time_machine.travel(START - timedelta(hours=5), tick=False):
        started = services.custody_start(
            actor=world["caseworker"],
            case=make_case(counsel=True),
            facility=centre,
            commitment_order_reference="CO-1",
            age_floor_justification="Genuine public safety concern",
            **HEARD,
        )
    assert isinstance(started, CustodyEpisode)
    return started


def _allege(world: Any, episode: CustodyEpisode, kind: str = "staff_violence") -> Incident:
    with time_machine.travel(START, tick=False):
        return services.incident_record(
            actor=world["facility_officer"],
            episode=episode,
            data={"kind": "other", "occurred_at": START, "description": "Slapped by a guard", "allegation_kind": kind},
        )


def test_ill_1_an_allegation_tells_oversight_and_child_protection_holds_evidence_and_opens_deadlines(
    world: Any, episode: CustodyEpisode
) -> None:
    incident = _allege(world, episode)
    deadlines = {
        d.kind: d for d in Deadline.objects.filter(case_id=episode.case_id, rule_id="ILL-1", met_at__isnull=True)
    }
    assert set(deadlines) == {"allegation_medical_examination", "allegation_investigation"}
    assert deadlines["allegation_medical_examination"].due_at == START + timedelta(hours=24)
    assert deadlines["allegation_investigation"].due_at == START + timedelta(hours=72)
    assert (deadlines["allegation_investigation"].subject_type, deadlines["allegation_investigation"].subject_id) == (
        "incident",
        incident.pk,
    )
    told = set(
        Notification.objects.filter(case_id=episode.case_id, kind="custody.incident").values_list(
            "recipient__role", flat=True
        )
    )
    assert told >= {Role.OVERSIGHT_MONITOR, Role.SUPERVISOR}  # oversight; child protection (the supervisor here)
    assert CustodyEpisode.objects.get(pk=episode.pk).evidence_frozen is True
    event = AuditEvent.objects.get(action="incident.create")
    assert event.changes["evidence_hold"] is True


def test_ill_1_a_death_alleged_as_violence_leaves_no_deadline_without_a_child_held(
    world: Any, episode: CustodyEpisode
) -> None:
    """INV-8 (found by the state machines): the death ends the episode, so the facility's medical examination is
    not opened; the investigation's deadline is, and oversight is told."""
    with time_machine.travel(START, tick=False):
        services.incident_record(
            actor=world["facility_officer"],
            episode=episode,
            data={
                "kind": "death",
                "occurred_at": START,
                "description": "Found dead",
                "allegation_kind": "staff_violence",
            },
        )
    open_kinds = set(
        Deadline.objects.filter(case_id=episode.case_id, met_at__isnull=True).values_list("kind", flat=True)
    )
    assert "allegation_medical_examination" not in open_kinds
    assert "allegation_investigation" in open_kinds
    assert CustodyEpisode.objects.get(pk=episode.pk).ended_at is not None


def test_ill_1_an_incident_that_is_no_allegation_opens_nothing(world: Any, episode: CustodyEpisode) -> None:
    services.incident_record(
        actor=world["facility_officer"],
        episode=episode,
        data={"kind": "other", "occurred_at": timezone.now(), "description": "Lost his shoes"},
    )
    assert not Deadline.objects.filter(rule_id="ILL-1").exists()
    assert CustodyEpisode.objects.get(pk=episode.pk).evidence_frozen is False


@pytest.mark.parametrize(
    ("after", "overdue"),
    [(timedelta(hours=23, minutes=59), False), (timedelta(hours=24), False), (timedelta(hours=24, minutes=1), True)],
)
def test_ill_1_the_medical_examination_is_overdue_only_after_24_hours(
    world: Any, episode: CustodyEpisode, after: timedelta, overdue: bool
) -> None:
    _allege(world, episode)
    deadlines_sweep(now=START + after)
    exam = Deadline.objects.get(case_id=episode.case_id, kind="allegation_medical_examination")
    assert (exam.overdue_notified_at is not None) is overdue


@pytest.mark.parametrize(
    ("after", "on_time"),
    [(timedelta(hours=23, minutes=59), True), (timedelta(hours=24), True), (timedelta(hours=24, minutes=1), False)],
)
def test_ill_1_an_examination_meets_the_medical_deadline(
    world: Any, episode: CustodyEpisode, after: timedelta, on_time: bool
) -> None:
    _allege(world, episode)
    services.health_examination_record(
        actor=world["facility_officer"], episode=episode, data={"at": START + after, "examiner": "Dr Ode"}
    )
    exam = Deadline.objects.get(case_id=episode.case_id, kind="allegation_medical_examination")
    assert exam.resolution == "met"
    assert exam.met_at is not None
    assert (exam.met_at <= exam.due_at) is on_time


def test_ill_1_protective_acts_proceed_under_the_hold_and_a_release_moots_the_examination(
    world: Any, episode: CustodyEpisode
) -> None:
    _allege(world, episode)
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
    held = CustodyEpisode.objects.get(pk=episode.pk)
    with time_machine.travel(START + timedelta(hours=1), tick=False):
        moved = services.custody_transfer(
            actor=world["caseworker"],
            episode=held,
            facility=safer,
            commitment_order_reference="H",
            protective_transfer=True,
        )
    assert isinstance(moved, Placement)
    services.custody_release(actor=world["caseworker"], episode=held, reason="bail", aftercare={"notes": "Home"})
    exam = Deadline.objects.get(case_id=episode.case_id, kind="allegation_medical_examination")
    assert exam.resolution == "moot"
    investigation = Deadline.objects.get(case_id=episode.case_id, kind="allegation_investigation")
    assert investigation.met_at is None  # an investigation outlives custody


def test_ill_1_a_supervisor_not_implicated_opens_the_investigation_after_release_too(
    world: Any, episode: CustodyEpisode
) -> None:
    incident = _allege(world, episode)
    services.custody_release(actor=world["caseworker"], episode=episode, reason="bail", aftercare={"notes": "Home"})
    with pytest.raises(ActionNotAllowed):  # the facility's own staff do not open it
        allegations.allegation_investigation_open(
            actor=world["facility_officer"], episode=episode, record=incident, body=BODY
        )
    later = START + timedelta(hours=71, minutes=59)
    with time_machine.travel(later, tick=False):
        opened = allegations.allegation_investigation_open(
            actor=world["supervisor"], episode=episode, record=incident, body=BODY
        )
    assert (opened.investigation_opened_at, opened.investigation_body) == (later, BODY)
    deadline = Deadline.objects.get(case_id=episode.case_id, kind="allegation_investigation")
    assert (deadline.resolution, deadline.met_at) == ("met", later)
    with pytest.raises(ApplicationError):  # once
        allegations.allegation_investigation_open(
            actor=world["supervisor"], episode=episode, record=incident, body=BODY
        )
    assert AuditEvent.objects.filter(action="incident.investigation", outcome="success").count() == 1


def test_ill_1_an_implicated_supervisor_cannot_open_the_investigation(world: Any, episode: CustodyEpisode) -> None:
    incident = _allege(world, episode)
    allegations.implicated_staff_add(
        actor=world["facility_officer"], episode=episode, record=incident, staff=[world["supervisor"]]
    )
    with pytest.raises(ActionNotAllowed):
        allegations.allegation_investigation_open(
            actor=world["supervisor"], episode=episode, record=incident, body=BODY
        )
    assert Incident.objects.get(pk=incident.pk).investigation_opened_at is None
    assert AuditEvent.objects.filter(action="incident.investigation", outcome="denied").exists()
    other = make_user("supervisor_two", Role.SUPERVISOR, world.yjs)
    allegations.allegation_investigation_open(actor=other, episode=episode, record=incident, body=BODY)
    assert Deadline.objects.get(case_id=episode.case_id, kind="allegation_investigation").resolution == "met"


def test_ill_1_two_allegations_are_investigated_one_by_one(world: Any, episode: CustodyEpisode) -> None:
    first = _allege(world, episode)
    second = _allege(world, episode, kind="peer_violence")
    allegations.allegation_investigation_open(actor=world["supervisor"], episode=episode, record=first, body=BODY)
    open_ones = Deadline.objects.filter(kind="allegation_investigation", met_at__isnull=True)
    assert [(d.subject_type, d.subject_id) for d in open_ones] == [("incident", second.pk)]


def test_ill_1_a_complaint_alleging_abuse_through_the_api(world: Any, episode: CustodyEpisode, client_for: Any) -> None:
    base = f"/api/custody-episodes/{episode.pk}/"
    lodged = client_for("facility_officer").post(
        base + "complaints/",
        {"subject": "A guard touched me", "allegation_kind": "sexual_abuse"},
        format="json",
    )
    assert lodged.status_code == 201, lodged.json()
    complaint = Complaint.objects.get(episode=episode)
    deadline = Deadline.objects.get(kind="allegation_investigation")
    assert (deadline.subject_type, deadline.subject_id) == ("complaint", complaint.pk)
    assert CustodyEpisode.objects.get(pk=episode.pk).evidence_frozen is True
    refused = client_for("facility_officer").post(
        base + f"complaints/{complaint.pk}/investigation/", {"body": BODY}, format="json"
    )
    assert refused.status_code == 403
    missing = client_for("supervisor").post(base + f"complaints/{complaint.pk}/investigation/", {}, format="json")
    assert missing.status_code == 400
    opened = client_for("supervisor").post(
        base + f"complaints/{complaint.pk}/investigation/", {"body": BODY}, format="json"
    )
    assert opened.status_code == 200, opened.json()
    (row,) = opened.json()["complaints"]
    assert row["investigation_body"] == BODY
    deadline.refresh_from_db()
    assert deadline.resolution == "met"
