"""INV-1..INV-9 over random sequences of requests to the HTTP API (the smaller twin of the service-level state
machine): the same invariants after every request, and no request ever answered with a server error."""

import logging
import os
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from rest_framework.test import APIClient

from jj.custody.models import CustodyEpisode, Incident
from jj.custody.tests import test_inv_1_9_state_machine as machine
from jj.deadlines.services import deadlines_sweep

STATS_LOG = logging.getLogger(__name__)  # what each action did, shown with --log-cli-level=INFO
EXAMPLES = int(os.environ.get("JJ_STATEFUL_HTTP_EXAMPLES", "100"))
STEPS = 12
PLACES = ("police", "centre", "home", "prison")


def has_cases(system: "JusticeSystemOverHttp") -> bool:
    return bool(system.cases)


class JusticeSystemOverHttp(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        assert machine.STAGE is not None
        self.s = machine.STAGE
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.clock = time_machine.travel(machine.T0, tick=False)
        self.traveller = self.clock.start()
        self.cases: list[int] = []
        self.clients: dict[str, APIClient] = {}

    def teardown(self) -> None:
        self.clock.stop()
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def _as(self, role: str) -> APIClient:
        if role not in self.clients:
            client = APIClient()
            client.force_authenticate(user=self.s.users[role])
            self.clients[role] = client
        return self.clients[role]

    def _post(self, role: str, path: str, body: dict[str, Any]) -> Any:
        response = self._as(role).post(f"/api{path}", body, format="json")
        assert response.status_code < 500, (path, response.status_code, response.content[:500])
        assert response.status_code in (200, 201, 202, 204, 400, 403, 404, 409, 422), (path, response.status_code)
        machine.OUTCOMES[f"http {path.split('/')[1]} {path.rstrip('/').split('/')[-1]}: {response.status_code}"] += 1
        return response

    def _episode(self, i: int) -> int | None:
        held = list(
            CustodyEpisode.objects.filter(case_id__in=self.cases, ended_at__isnull=True).values_list("pk", flat=True)
        )
        return held[i % len(held)] if held else None

    @initialize(years=st.integers(10, 17))
    def a_child_with_a_case(self, years: int) -> None:
        child = self._post(
            "caseworker",
            "/children/",
            {
                "given_name": "Http",
                "family_name": "Child",
                "sex": "male",
                "dob_certainty": "documented",
                "date_of_birth": machine._age_dob(years, 30).isoformat(),
            },
        )
        assert child.status_code == 201, child.json()
        offence = {"description": "Theft", "category": "05", "offence_date": (machine.T0 - timedelta(days=5)).date()}
        case = self._post(
            "caseworker", "/cases/", {"child": child.json()["id"], "kind": "arrest", "offences": [offence]}
        )
        if case.status_code == 201:
            self.cases.append(case.json()["id"])

    @precondition(has_cases)
    @rule(i=st.integers(0, 9), place=st.sampled_from(PLACES), role=machine.mostly("caseworker", "supervisor"))
    def start_custody(self, i: int, place: str, role: str) -> None:
        body = {
            "case": self.cases[i % len(self.cases)],
            "facility": self.s.facilities[place].pk,
            "commitment_order_reference": "CO-1",
            "police_cell_justification": machine.REASONS["police_cell_justification"],
            "age_floor_justification": machine.REASONS["age_floor_justification"],
            "best_interests_justification": machine.REASONS["best_interests_justification"],
            "child_views": machine.REASONS["child_views"],  # HRD-1
        }
        self._post(role, "/custody-episodes/", body)

    @precondition(has_cases)
    @rule(i=st.integers(0, 9), grounds=st.sets(st.sampled_from(("court_appearance", "danger_to_self", "family_ties"))))
    def detention_order(self, i: int, grounds: set[str]) -> None:
        episode = self._episode(i)
        if episode is None:
            return
        body = {
            "grounds": sorted(grounds),
            "legal_basis": "Youth Justice Act s. 12",
            "alternatives_considered": [{"alternative": "Release to parents", "reason_rejected": "Abroad"}],
            "justification": machine.REASONS["justification"],
            "age_floor_justification": machine.REASONS["age_floor_justification"],
            "judicial_authority": "Youth Court",
            "child_views": machine.REASONS["child_views"],  # HRD-1
            "no_counsel_justification": machine.REASONS["no_counsel_justification"],  # CNS-1
        }
        self._post("court_officer", f"/custody-episodes/{episode}/detention-orders/", body)

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 9),
        kind=st.sampled_from(("first_appearance", "review", "final")),
        outcome=st.sampled_from(("released", "detention_continued", "charged", "decided")),
    )
    def appearance(self, i: int, kind: str, outcome: str) -> None:
        episode = self._episode(i)
        if episode is None:
            return
        body = {"kind": kind, "at": datetime.now(UTC).isoformat(), "authority": "Youth Court", "outcome": outcome}
        self._post("court_officer", f"/custody-episodes/{episode}/appearances/", body)

    @precondition(has_cases)
    @rule(i=st.integers(0, 9), role=st.sampled_from(("caseworker", "facility_officer")))
    def release(self, i: int, role: str) -> None:
        episode = self._episode(i)
        if episode is None:
            return
        response = self._post(role, f"/custody-episodes/{episode}/release/", {"reason": "bail", "aftercare": {}})
        assert response.status_code in (201, 204), response.content  # INV-5: never refused

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 9),
        kind=st.sampled_from(("death", "serious_injury", "use_of_force", "other")),
        allegation=st.sampled_from(("", "staff_violence")),
    )
    def incident(self, i: int, kind: str, allegation: str) -> None:
        episode = self._episode(i)
        if episode is None:
            return
        now = datetime.now(UTC)
        body = {
            "kind": kind,
            "occurred_at": now.isoformat(),
            "ended_at": (now + timedelta(minutes=3)).isoformat(),
            "description": "Incident",
            "details": {"purpose": "prevent harm", "imminent_threat": True, "means_tried_first": "talking"},
            "allegation_kind": allegation,  # ILL-1
        }
        self._post("facility_officer", f"/custody-episodes/{episode}/incidents/", body)

    @precondition(has_cases)
    @rule(i=st.integers(0, 9), role=machine.mostly("supervisor"))
    def open_investigation(self, i: int, role: str) -> None:
        """ILL-1: the act that meets the investigation deadline, through its endpoint."""
        pending = list(
            Incident.objects.filter(episode__case_id__in=self.cases, investigation_opened_at__isnull=True)
            .exclude(allegation_kind="")
            .order_by("id")
        )
        if pending:
            record = pending[i % len(pending)]
            path = f"/custody-episodes/{record.episode_id}/incidents/{record.pk}/investigation/"
            self._post(role, path, {"body": "Independent complaints office"})

    @precondition(has_cases)
    @rule(i=st.integers(0, 9), legal_aid=st.booleans())
    def assign_counsel(self, i: int, legal_aid: bool) -> None:
        """CNS-1: a counsel assignment, legal aid or not, meets the deadline to assign counsel."""
        body = {"user": self.s.users["legal_counsel"].pk, "role": "legal_counsel", "legal_aid": legal_aid}
        self._post("supervisor", f"/cases/{self.cases[i % len(self.cases)]}/assignments/", body)

    @precondition(has_cases)
    @rule(i=st.integers(0, 9))
    def charge(self, i: int) -> None:
        case = self.cases[i % len(self.cases)]
        version = self._as("caseworker").get(f"/api/cases/{case}/").json().get("version", 1)
        body = {
            "version": version,
            "justification": "Assessed",
            "individual_assessment": "Youth service",
            "diversion_not_offered_reason": "Declined",
            "no_counsel_justification": machine.REASONS["no_counsel_justification"],  # CNS-1
        }
        self._post("caseworker", f"/cases/{case}/charge/", body)

    @precondition(has_cases)
    @rule(i=st.integers(0, 9), sentence_type=st.sampled_from(("probation", "custody")))
    def sentence(self, i: int, sentence_type: str) -> None:
        body = {
            "sentence_type": sentence_type,
            "length_months": 6,
            "justification": "Serious violence",
            "non_custodial_options_considered": [{"option": "probation", "reason_rejected": "Breached"}],
            "child_views": machine.REASONS["child_views"],  # HRD-1
            "no_counsel_justification": machine.REASONS["no_counsel_justification"],  # CNS-1
        }
        self._post("court_officer", f"/cases/{self.cases[i % len(self.cases)]}/sentences/", body)

    @rule(hours=st.integers(1, 24 * 60))
    def advance_clock(self, hours: int) -> None:
        self.traveller.shift(timedelta(hours=hours))
        deadlines_sweep(now=datetime.now(UTC))

    @invariant()
    def every_invariant_holds(self) -> None:
        world = machine.Snapshot.take(self.cases)
        machine.inv_1_no_criminal_act_below_the_minimum_age(world)
        machine.inv_2_clocks_run_per_case(world)
        machine.inv_3_a_review_is_always_open_while_detained_pending_trial(world)
        machine.inv_4_no_sentence_uncharged_no_custody_in_diversion(world)
        machine.inv_7_every_notification_names_an_active_person(world, self.s.users["oversight_monitor"])
        machine.inv_8_no_open_deadline_without_its_object(world)
        machine.inv_9_one_justification_answers_one_rule(world)
        machine.cns_1_the_counsel_deadline_is_open_only_while_no_counsel_is(self.cases)
        machine.ill_1_every_allegation_is_reported_and_its_investigation_tracked(
            self.cases, self.s.users["oversight_monitor"]
        )


@pytest.mark.django_db
def test_inv_1_9_hold_over_random_sequences_of_api_requests(world: Any) -> None:
    machine.STAGE = machine._stage()
    run_state_machine_as_test(
        JusticeSystemOverHttp,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=os.environ.get("JJ_FUZZ_RANDOM") != "1",
            database=None,
        ),
    )
    if os.environ.get("JJ_STATEFUL_STATS"):
        for outcome, count in sorted(machine.OUTCOMES.items()):
            STATS_LOG.info("%8d  %s", count, outcome)
