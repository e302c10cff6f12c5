"""INV-1..INV-9 proven over random sequences of the real actions (RULES.md section 7a).

A hypothesis RuleBasedStateMachine drives the services (register a child, correct the date of birth, open a case
with or without offences, charge, offer/activate/complete/fail diversion, start custody, transfer, order
detention, record appearances of every outcome, release, re-detain, record incidents including deaths, sentence,
advance the clock, sweep) as random roles, and after every step asserts every invariant against the database.

`make test` runs JJ_STATEFUL_EXAMPLES sequences (default 1000); `make fuzz-rules` runs 100,000. No per-example
deadline: CI runs on a loaded two-core machine."""

import logging
import os
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.db import transaction
from django.db.models import Q
from django.http import Http404
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

from jj.accounts.models import Agency, Jurisdiction, Role, User
from jj.audit.models import AuditEvent
from jj.audit.verification import verify_chain
from jj.cases import services as case_services
from jj.cases.models import Assignment, Case, CaseEvent, CaseStatus, Sentence
from jj.cases.selectors import case_list
from jj.compliance.facts import case_facts
from jj.compliance.models import ApprovalRequest, DecisionRecord, JurisdictionPolicy
from jj.compliance.selectors import policy_for
from jj.compliance.services import approval_decide
from jj.core.exceptions import ApplicationError, RuleViolation
from jj.custody import allegations, services
from jj.custody.lifecycle import HELD_DEADLINES, case_clock
from jj.custody.models import Complaint, CustodyEpisode, Facility, Incident, Placement, RecordsRemovalReview
from jj.custody.records import records_sweep, removal_review_decide
from jj.deadlines.models import Deadline, Notification
from jj.deadlines.selectors import deadline_list
from jj.deadlines.services import deadlines_sweep
from jj.diversion import services as diversion_services
from jj.diversion.models import DiversionReferral, Programme, ReferralStatus
from jj.oversight.conventions import Conventions
from jj.oversight.indicators import indicators_compute
from jj.people import services as people_services
from jj.people.models import Child
from jj.people.selectors import child_list
from jj.rules.checks.age import macr_1
from jj.rules.checks.custody import charge_due, final_decision_due
from jj.rules.engine import Outcome

STATS_LOG = logging.getLogger(__name__)  # what each action did, shown with --log-cli-level=INFO
EXAMPLES = int(os.environ.get("JJ_STATEFUL_EXAMPLES", "1000"))
STEPS = int(os.environ.get("JJ_STATEFUL_STEPS", "20"))
T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
ROLES = ("caseworker", "supervisor", "court_officer", "facility_officer", "legal_counsel", "oversight_monitor")


def mostly(*allowed: str) -> st.SearchStrategy[str]:
    """A role that may do the act most of the time, any role otherwise (so refusals by role are tried too)."""
    return st.sampled_from(allowed * 6 + ROLES)


# Distinct texts per justification field, so INV-9 can see which field answered which rule.
REASONS = {
    "police_cell_justification": "PTD-11 reason: no youth unit open at night",
    "age_floor_justification": "PTD-9 reason: genuine public safety concern",
    "justification": "PTD-2 reason: absconded from two hearings",
    "charge_delay_justification": "PTD-5 reason: co-accused abroad",
    "best_interests_justification": "DET-4 reason: with a parent, no juvenile bed",
    "accommodation_provided": "DIS-1 accommodation: interpreter booked",
    "mixed_facility_justification": "GIR-1 reason: the only bed within 300 km",
    "armed_forces_justification": "CAF-1 reason: reintegration refused twice",
    "child_views": "HRD-1 views: wants to be near his school",
    "no_counsel_justification": "CNS-1 reason: the duty lawyer is on the way",
}
FIELD_OF_RULE = {
    "PTD-11": "police_cell_justification",
    "PTD-9": "age_floor_justification",
    "PTD-2": "justification",
    "DET-4": "best_interests_justification",
    "DIS-1": "accommodation_provided",
    "GIR-1": "mixed_facility_justification",
    "CAF-1": "armed_forces_justification",
    "HRD-1": "child_views",
    "CNS-1": "no_counsel_justification",
}
SAFEGUARDS = {
    "compelling_evidence": "CCTV",
    "acknowledgement_of_responsibility": "I took it",
    "child_consent": True,
    "guardian_consent": True,
    "informed_of": ["nature", "content", "duration", "consequences"],
    "legal_advice_offered": True,
    "review_route_explained": True,
}
# What a role may legitimately be refused for: not a rule, not a hold.
EXPECTED = (ApplicationError, Http404, Child.DoesNotExist)


@dataclass
class Stage:
    """Rows made once per test (outside the examples), so each example only pays for its own actions."""

    users: dict[str, User]
    facilities: dict[str, Facility]
    programme: Programme
    born: dict[str, date]


def _stage() -> Stage:
    north = Jurisdiction.objects.create(code="sm", name="Statemachine", timezone="Europe/Paris")
    agency = Agency.objects.create(jurisdiction=north, name="Youth Service")
    ombud = Agency.objects.create(jurisdiction=north, name="Ombudsperson")
    users = {role: User.objects.create(username=f"sm_{role}", role=role, agency=agency) for role in ROLES}
    users["oversight_monitor"].agency = ombud
    users["oversight_monitor"].save()
    admin = User.objects.create(username="sm_admin", role=Role.ADMINISTRATOR, agency=agency)
    users["second_supervisor"] = User.objects.create(username="sm_supervisor2", role=Role.SUPERVISOR, agency=agency)
    # REC-3: a court officer never assigned to any case, who decides the independent reviews before removal.
    users["independent_court"] = User.objects.create(username="sm_court2", role=Role.COURT_OFFICER, agency=agency)

    def facility(name: str, kind: str, separated: bool = True, capacity: int = 50) -> Facility:
        data = {"name": name, "kind": kind, "capacity": capacity, "children_wholly_separated": separated}
        return services.facility_create(
            actor=admin, data={**data, "operator": agency}, staff=[users["facility_officer"]]
        )

    facilities = {
        "police": facility("Police", "police_station"),
        "centre": facility("Centre", "juvenile_detention"),
        "home": facility("Home", "juvenile_residential", capacity=2),
        "prison": facility("Jail", "adult_prison", separated=False),
        "mixed": services.facility_create(  # GIR-1: girls not held apart from boys
            actor=admin,
            data={
                "name": "Mixed centre",
                "kind": "juvenile_detention",
                "capacity": 50,
                "children_wholly_separated": True,
                "separated_by_sex": False,
                "operator": agency,
            },
            staff=[users["facility_officer"]],
        ),
    }
    programme = diversion_services.programme_create(
        actor=users["supervisor"],
        data={"name": "Mediation", "kind": "mediation", "provider": "Mediators", "typical_duration_days": 30},
    )
    return Stage(users, facilities, programme, {})


STAGE: Stage | None = None
OUTCOMES: Counter[str] = Counter()  # what the actions did, printed by `make fuzz-rules` (JJ_STATEFUL_STATS=1)


def _age_dob(years: int, days: int) -> date:
    """A date of birth `years` years and `days` days before T0's date (29 February falls back to the 28th)."""
    try:
        born = T0.date().replace(year=T0.year - years)
    except ValueError:  # pragma: no cover - T0 is 1 June
        born = T0.date().replace(year=T0.year - years, day=28)
    return born - timedelta(days=days)


dobs = st.one_of(
    st.builds(_age_dob, st.integers(8, 19), st.integers(0, 364)),
    st.none(),
)


# Named functions, not lambdas: hypothesis describes a lambda by parsing this file's source, once per use.
def has_children(machine: "JusticeSystem") -> bool:
    return bool(machine.children)


def has_cases(machine: "JusticeSystem") -> bool:
    return bool(machine.cases)


class JusticeSystem(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        assert STAGE is not None
        self.s = STAGE
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.clock = time_machine.travel(T0, tick=False)
        self.traveller = self.clock.start()
        self.children: list[int] = []
        self.cases: list[int] = []

    def teardown(self) -> None:
        self.clock.stop()
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    # --- helpers ---------------------------------------------------------------------------------------------

    def _user(self, role: str) -> User:
        return self.s.users[role]

    def _attempt(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        """Run one action. A rule's refusal must leave its audit event (INV-6); other refusals are the role's."""
        name = getattr(call, "__name__", "call")
        refused: RuleViolation | None = None
        try:
            result = call(*args, **kwargs)
        except RuleViolation as violation:
            refused = violation
        except EXPECTED as other:
            OUTCOMES[f"{name}: {type(other).__name__}: {str(other)[:60]}"] += 1
            return None
        if refused is not None:
            refusal = AuditEvent.objects.filter(seq=refused.audit_seq or 0, hash=refused.audit_hash).first()
            assert refusal is not None, f"INV-6: {name} refused by {refused.unmet} left no audit event"
            assert refusal.outcome == "refused"
            OUTCOMES[f"{name}: refused by {','.join(sorted(d.rule_id for d in refused.unmet))}"] += 1
            return None
        OUTCOMES[f"{name}: done"] += 1
        return result

    def _case(self, index: int) -> Case | None:
        if not self.cases:
            return None
        return Case.objects.select_related("child", "jurisdiction").get(pk=self.cases[index % len(self.cases)])

    def _episode(self, index: int) -> CustodyEpisode | None:
        open_ = list(CustodyEpisode.objects.filter(case_id__in=self.cases, ended_at__isnull=True).order_by("id"))
        return open_[index % len(open_)] if open_ else None

    # --- actions ---------------------------------------------------------------------------------------------

    @initialize(years=st.integers(12, 17), days=st.integers(0, 364), held=st.booleans())
    def a_child_with_a_case(self, years: int, days: int, held: bool) -> None:
        child = people_services.child_register(
            actor=self._user("caseworker"),
            data={
                "given_name": "First",
                "family_name": "Child",
                "sex": "female",
                "dob_certainty": "documented",
                "date_of_birth": _age_dob(years, days),
            },
        )
        self.children.append(child.pk)
        offence = {"description": "Theft", "category": "05", "offence_date": T0.date() - timedelta(days=10)}
        case = self._attempt(
            case_services.case_open, actor=self._user("caseworker"), child=child, kind="arrest", offences=[offence]
        )
        if case is not None:
            self.cases.append(case.pk)
            if held:  # most sequences begin with a child deprived of liberty, where most duties arise
                self._attempt(
                    services.custody_start,
                    actor=self._user("caseworker"),
                    case=case,
                    facility=self.s.facilities["centre"],
                    commitment_order_reference="CO-0",
                    age_floor_justification=REASONS["age_floor_justification"],
                )

    @rule(
        dob=dobs,
        evidence=st.sampled_from(("documented", "documented", "developmental", "none", "disputed")),
        sex=st.sampled_from(("male", "female")),
        needs=st.sampled_from(("", "", "Sign-language interpreter")),
        armed=st.sampled_from((False, False, False, True)),
        pregnant=st.sampled_from((False, False, False, True)),
    )
    def register_child(
        self, dob: date | None, evidence: str, sex: str, needs: str, armed: bool, pregnant: bool
    ) -> None:
        """'none' is an officer's guess (no age finding) and 'disputed' a contested age (MACR-5 as amended)."""
        data: dict[str, object]
        if dob is None:
            data = {"dob_certainty": "unknown"}
        elif evidence == "disputed":
            data = {"dob_certainty": "disputed", "dob_earliest": dob - timedelta(days=1500), "dob_latest": dob}
        elif evidence in ("developmental", "none"):
            data = {
                "dob_certainty": "estimated",
                "dob_earliest": dob - timedelta(days=400),
                "dob_latest": dob,
                "age_assessment_method": evidence,
            }
        else:
            data = {"dob_certainty": "documented", "date_of_birth": dob}
        child = people_services.child_register(
            actor=self._user("caseworker"),
            data={
                "given_name": "Kid",
                "family_name": f"No{len(self.children)}",
                "sex": sex,
                "accommodation_needs": needs,  # DIS-1
                "armed_forces_association": armed,  # CAF-1
                "pregnant": pregnant and sex == "female",  # GIR-1
                **data,
            },
        )
        self.children.append(child.pk)

    @precondition(has_children)
    @rule(i=st.integers(0, 50), dob=dobs, role=st.sampled_from(("caseworker", "supervisor")), dispute=st.booleans())
    def correct_date_of_birth(self, i: int, dob: date | None, role: str, dispute: bool) -> None:
        child = Child.objects.get(pk=self.children[i % len(self.children)])
        data: dict[str, Any]
        if dob is None:
            data = {"dob_certainty": "unknown", "date_of_birth": None}
        elif dispute:  # the age finding is contested: the youngest claim counts (MACR-5 as amended)
            data = {"dob_certainty": "disputed", "date_of_birth": None, "dob_earliest": None, "dob_latest": dob}
        else:
            data = {"dob_certainty": "documented", "date_of_birth": dob, "dob_earliest": None, "dob_latest": None}
        self._attempt(
            people_services.child_update, actor=self._user(role), child=child, version=child.version, data=data
        )

    @precondition(has_children)
    @rule(i=st.integers(0, 50), offence_days_ago=st.one_of(st.none(), st.integers(0, 900)))
    def open_case(self, i: int, offence_days_ago: int | None) -> None:
        child = Child.objects.get(pk=self.children[i % len(self.children)])
        offences = (
            []
            if offence_days_ago is None
            else [
                {
                    "description": "Theft",
                    "category": "05",
                    "offence_date": (datetime.now(UTC) - timedelta(days=offence_days_ago)).date(),
                }
            ]
        )
        case = self._attempt(
            case_services.case_open, actor=self._user("caseworker"), child=child, kind="arrest", offences=offences
        )
        if case is not None:
            self.cases.append(case.pk)

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 50),
        role=mostly("caseworker", "supervisor"),
        approve=st.booleans(),
        justify_counsel=st.booleans(),
    )
    def charge(self, i: int, role: str, approve: bool, justify_counsel: bool) -> None:
        case = self._case(i)
        assert case is not None
        result = self._attempt(
            case_services.case_charge,
            actor=self._user(role),
            case=case,
            version=case.version,
            justification="Assessed; fit to stand trial",
            individual_assessment="Youth service assessment",
            diversion_not_offered_reason="Declined by the child",
            no_counsel_justification=REASONS["no_counsel_justification"] if justify_counsel else "",
        )
        if isinstance(result, ApprovalRequest):
            self._attempt(approval_decide, actor=self._user("second_supervisor"), approval=result, approve=approve)

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 50),
        outcome=st.sampled_from(("activate", "completed", "not_completed", "withdrawn")),
        heard=st.booleans(),
    )
    def diversion(self, i: int, outcome: str, heard: bool) -> None:
        case = self._case(i)
        assert case is not None
        worker = self._user("caseworker")
        referral = DiversionReferral.objects.filter(case=case, status__in=["offered", "active"]).first()
        if referral is None:
            stage = "intake" if case.status == CaseStatus.OPEN else "charge"
            self._attempt(
                diversion_services.referral_offer,
                actor=worker,
                case=case,
                programme=self.s.programme,
                stage=stage,
                child_views=REASONS["child_views"] if heard else "",  # HRD-1
            )
        elif referral.status == ReferralStatus.OFFERED:
            self._attempt(diversion_services.referral_activate, actor=worker, referral=referral, data=SAFEGUARDS)
        elif outcome != "activate":
            self._attempt(diversion_services.referral_outcome, actor=worker, referral=referral, outcome=outcome)

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 50),
        place=st.sampled_from(("police", "centre", "centre", "home", "prison", "mixed")),
        role=mostly("caseworker", "supervisor"),
        reasons=st.one_of(st.just(set(REASONS)), st.just(set(REASONS)), st.sets(st.sampled_from(sorted(REASONS)))),
        sentenced=st.sampled_from((True, False, False, False, False)),
    )
    def start_custody(self, i: int, place: str, role: str, reasons: set[str], sentenced: bool) -> None:
        case = self._case(i)
        assert case is not None
        start_fields = (
            "police_cell_justification",
            "age_floor_justification",
            "accommodation_provided",
            "mixed_facility_justification",
            "child_views",
        )
        given = {k: REASONS[k] for k in reasons if k in start_fields}
        result = self._attempt(
            services.custody_start,
            actor=self._user(role),
            case=case,
            facility=self.s.facilities[place],
            kind="sentenced_detention" if sentenced else "police_custody",
            commitment_order_reference="CO-1",
            best_interests_justification=REASONS["best_interests_justification"]
            if "best_interests_justification" in reasons
            else "",
            **given,
        )
        if isinstance(result, ApprovalRequest):
            self._attempt(approval_decide, actor=self._user("second_supervisor"), approval=result, approve=True)

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 50),
        place=st.sampled_from(("police", "centre", "home", "prison", "mixed")),
        role=st.sampled_from(ROLES),
        protective=st.booleans(),
        justify_mixed=st.booleans(),
        heard=st.booleans(),
    )
    def transfer(self, i: int, place: str, role: str, protective: bool, justify_mixed: bool, heard: bool) -> None:
        """INV-5: a protective transfer (to a safer place) is never refused by GIR-1; the checks only warn."""
        episode = self._episode(i)
        if episode is None:
            return
        result = self._attempt(
            services.custody_transfer,
            actor=self._user(role),
            episode=episode,
            facility=self.s.facilities[place],
            commitment_order_reference="CO-2",
            best_interests_justification=REASONS["best_interests_justification"],
            police_cell_justification=REASONS["police_cell_justification"],
            mixed_facility_justification=REASONS["mixed_facility_justification"] if justify_mixed else "",
            protective_transfer=protective,
            child_views=REASONS["child_views"] if heard else "",  # HRD-1: a protective transfer only warns
        )
        if isinstance(result, ApprovalRequest):
            self._attempt(approval_decide, actor=self._user("second_supervisor"), approval=result, approve=True)

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 50),
        role=mostly("court_officer", "caseworker", "supervisor"),
        grounds=st.one_of(
            st.just({"court_appearance"}),
            st.sets(st.sampled_from(("court_appearance", "danger_to_others", "danger_to_self", "family_ties"))),
        ),
        reasons=st.one_of(
            st.just(
                {
                    "justification",
                    "age_floor_justification",
                    "charge_delay_justification",
                    "armed_forces_justification",
                    "child_views",
                    "no_counsel_justification",
                }
            ),
            st.sets(
                st.sampled_from(
                    (
                        "justification",
                        "age_floor_justification",
                        "charge_delay_justification",
                        "armed_forces_justification",
                        "child_views",
                        "no_counsel_justification",
                    )
                )
            ),
        ),
    )
    def detention_order(self, i: int, role: str, grounds: set[str], reasons: set[str]) -> None:
        episode = self._episode(i)
        if episode is None:
            return
        data = {
            "kind": "pretrial_detention",
            "grounds": sorted(grounds),
            "legal_basis": "Youth Justice Act s. 12",
            "alternatives_considered": [{"alternative": "Release to parents", "reason_rejected": "Abroad"}],
            "judicial_authority": "Youth Court",
            **{k: REASONS[k] for k in reasons},
        }
        self._attempt(services.detention_order_record, actor=self._user(role), episode=episode, data=data)

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 50),
        kind=st.sampled_from(("first_appearance", "review", "charge", "final")),
        outcome=st.sampled_from(("released", "detention_continued", "charged", "decided")),
        justify=st.booleans(),
    )
    def appearance(self, i: int, kind: str, outcome: str, justify: bool) -> None:
        episode = self._episode(i)
        if episode is None:
            return
        self._attempt(
            services.appearance_record,
            actor=self._user("court_officer"),
            episode=episode,
            kind=kind,
            at=datetime.now(UTC),
            authority="Youth Court",
            outcome=outcome,
            justification=REASONS["charge_delay_justification"] if justify else "",
        )

    @precondition(has_cases)
    @rule(i=st.integers(0, 50), role=st.sampled_from(("caseworker", "supervisor", "court_officer", "facility_officer")))
    def release(self, i: int, role: str) -> None:
        """INV-5: a release by a role that may record one is never refused, whatever holds or flags stand."""
        episode = self._episode(i)
        if episode is None:
            return
        services.custody_release(actor=self._user(role), episode=episode, reason="bail", aftercare={"education": True})
        episode.refresh_from_db()
        assert episode.ended_at is not None

    @precondition(has_cases)
    @rule(i=st.integers(0, 50), what=st.sampled_from(("health", "contact", "family")))
    def protective_act(self, i: int, what: str) -> None:
        """INV-5: health care and family contact proceed on any open episode, evidence hold or not."""
        episode = self._episode(i)
        if episode is None:
            return
        officer = self._user("facility_officer")
        now = datetime.now(UTC)
        if what == "health":
            services.health_examination_record(
                actor=officer, episode=episode, data={"at": now, "examiner": "Dr A", "gender_specific": True}
            )
        elif what == "contact":
            services.contact_record(
                actor=officer, episode=episode, data={"kind": "visit", "at": now, "relationship": "mother"}
            )
        else:
            services.family_notification_record(
                actor=officer,
                episode=episode,
                data={"event": "admission", "person_notified": "Mother", "at": now, "method": "phone"},
            )

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 50),
        kind=st.sampled_from(("death", "serious_injury", "restraint", "use_of_force", "disappearance", "other")),
        allegation=st.sampled_from(("", "", "staff_violence", "sexual_abuse", "peer_violence")),
    )
    def incident(self, i: int, kind: str, allegation: str) -> None:
        """ILL-1: an allegation holds the evidence and opens its deadlines; protective acts go on (INV-5)."""
        episode = self._episode(i)
        if episode is None:
            return
        details = {"purpose": "prevent self-harm", "imminent_threat": True, "means_tried_first": "talking"}
        self._attempt(
            services.incident_record,
            actor=self._user("facility_officer"),
            episode=episode,
            data={
                "kind": kind,
                "occurred_at": datetime.now(UTC),
                "ended_at": datetime.now(UTC) + timedelta(minutes=5),
                "description": "Incident",
                "details": {**details, "professional_in_charge": "Nurse", "reason": "risk"},
                "allegation_kind": allegation,
            },
        )

    @precondition(has_cases)
    @rule(i=st.integers(0, 50), allegation=st.sampled_from(("", "ill_treatment", "torture")))
    def complaint(self, i: int, allegation: str) -> None:
        episode = self._episode(i)
        if episode is None:
            return
        self._attempt(
            services.complaint_record,
            actor=self._user("facility_officer"),
            episode=episode,
            data={"subject": "Beaten at night", "allegation_kind": allegation},
        )

    @precondition(has_cases)
    @rule(i=st.integers(0, 50), role=mostly("supervisor"), complaint=st.booleans())
    def open_investigation(self, i: int, role: str, complaint: bool) -> None:
        """ILL-1: the investigation of an allegation, opened by a supervisor not implicated, after release too."""
        pending: list[Incident | Complaint] = []
        for model in (Complaint,) if complaint else (Incident,):
            pending += (
                model.objects.filter(episode__case_id__in=self.cases, investigation_opened_at__isnull=True)
                .exclude(allegation_kind="")
                .order_by("id")
            )
        if not pending:
            return
        record = pending[i % len(pending)]
        self._attempt(
            allegations.allegation_investigation_open,
            actor=self._user(role),
            episode=record.episode,
            record=record,
            body="Independent complaints office",
        )

    @precondition(has_cases)
    @rule(i=st.integers(0, 50), legal_aid=st.booleans())
    def assign_counsel(self, i: int, legal_aid: bool) -> None:
        """CNS-1: a counsel assignment (legal aid or not) meets the deadline to assign counsel."""
        case = self._case(i)
        assert case is not None
        self._attempt(
            case_services.case_assign,
            actor=self._user("supervisor"),
            case=case,
            user=self._user("legal_counsel"),
            role="legal_counsel",
            legal_aid=legal_aid,
        )

    @precondition(has_cases)
    @rule(i=st.integers(0, 50))
    def unassign_counsel(self, i: int) -> None:
        case = self._case(i)
        assert case is not None
        assignment = Assignment.objects.filter(case=case, role="legal_counsel", ended_at__isnull=True).first()
        if assignment is not None:
            self._attempt(case_services.case_unassign, actor=self._user("supervisor"), case=case, assignment=assignment)

    @precondition(has_cases)
    @rule(
        i=st.integers(0, 50),
        role=mostly("court_officer", "caseworker"),
        sentence_type=st.sampled_from(("probation", "custody", "custody", "community_service", "death")),
        answers=st.sets(st.sampled_from(("child_views", "no_counsel_justification"))),
    )
    def sentence(self, i: int, role: str, sentence_type: str, answers: set[str]) -> None:
        case = self._case(i)
        assert case is not None
        self._attempt(
            case_services.sentence_record,
            actor=self._user(role),
            case=case,
            data={
                "sentence_type": sentence_type,
                "length_months": 6 if sentence_type == "custody" else None,
                "justification": "Serious violence; community options exhausted",
                "non_custodial_options_considered": [
                    {"option": "probation", "reason_rejected": "Breached"},
                    {"option": "community_service", "reason_rejected": "Refused"},
                ],
                **{k: REASONS[k] for k in answers},  # HRD-1, CNS-1
            },
        )

    @rule(hours=st.integers(1, 24 * 90))
    def advance_clock(self, hours: int) -> None:
        self.traveller.shift(timedelta(hours=hours))

    @rule()
    def sweep(self) -> None:
        deadlines_sweep(now=datetime.now(UTC))

    # --- REC-3: sealing, independent review, removal --------------------------------------------------------------

    @rule(i=st.integers(0, 50))
    def close_case(self, i: int) -> None:
        case = self._case(i)
        if case is not None:
            self._attempt(
                case_services.case_close,
                actor=self._user("supervisor"),
                case=case,
                reason="Dismissed: the evidence fell away",
            )

    @rule(i=st.integers(0, 50), years=st.integers(0, 7))
    def release_close_and_age_out(self, i: int, years: int) -> None:
        """The whole REC-3 path in one step (random sequences rarely line it up): the child released, every case
        closed, the sweep seals; `years` later the sweep removes (or, under a review policy, waits)."""
        case = self._case(i)
        if case is None:
            return
        for episode in CustodyEpisode.objects.filter(child_id=case.child_id, ended_at__isnull=True):
            self._attempt(
                services.custody_release, actor=self._user("caseworker"), episode=episode, reason="bail", aftercare={}
            )
        for other in Case.objects.filter(child_id=case.child_id).exclude(status__in=CLOSED_STATUSES):
            self._attempt(
                case_services.case_close, actor=self._user("supervisor"), case=other, reason="Dismissed: no evidence"
            )
        self._records_sweep()
        self.traveller.shift(timedelta(days=365 * years))
        self._records_sweep()

    @rule(review=st.booleans())
    def removal_policy(self, review: bool) -> None:
        """The jurisdiction asks for an independent review before removal, or removes automatically."""
        JurisdictionPolicy.objects.update_or_create(
            jurisdiction_id=self.s.users["supervisor"].jurisdiction_id,
            defaults={"values": {"records_removal": "review" if review else "automatic"}},
        )

    @rule()
    def records_sweep(self) -> None:
        self._records_sweep()

    @rule(remove=st.booleans(), days=st.integers(1, 366), assigned=st.booleans())
    def decide_removal_review(self, remove: bool, days: int, assigned: bool) -> None:
        """The independent court officer decides the oldest open review: remove now, or retain for `days`; the
        court officer who is assigned to cases is refused, writing nothing (when assigned to the child's)."""
        review = (
            RecordsRemovalReview.objects.filter(child_id__in=self.children, decided_at__isnull=True)
            .order_by("pk")
            .first()
        )
        if review is None:
            return
        now = datetime.now(UTC)
        actor = self._user("court_officer" if assigned else "independent_court")
        decided = self._attempt(
            removal_review_decide,
            actor=actor,
            review_id=review.pk,
            outcome="remove" if remove else "retain",
            reason="Decided on the file by an independent court officer",
            retain_until=None if remove else now.date() + timedelta(days=days),
            now=now,
        )
        review.refresh_from_db()
        if Assignment.objects.filter(user=actor, case__child_id=review.child_id).exists():
            assert decided is None, "REC-3: a court officer of the child decided"
            assert review.decided_at is None, "REC-3: the refused decision was written"
            return
        if decided is not None and remove:
            assert Child.objects.get(pk=review.child_id).removed_at is not None, "REC-3: remove left the identity"
            assert verify_chain().ok, "REC-3: removal after review broke the audit chain"
        if decided is not None:
            OUTCOMES[f"removal review decided: {decided.outcome}"] += 1

    @rule(years=st.integers(1, 7))
    def years_pass_then_records_sweep(self, years: int) -> None:
        """Time travel towards the removal age, then the scheduled sweep."""
        self.traveller.shift(timedelta(days=365 * years))
        self._records_sweep()

    def _records_sweep(self) -> None:
        jurisdiction = Jurisdiction.objects.get(agencies__users=self.s.users["supervisor"])
        policy = policy_for(jurisdiction.pk)
        review = policy.records_removal == "review"
        now = datetime.now(UTC)
        # The statistics (a few queries per indicator) only when someone could be removed: a child of removal age by
        # the oldest date of birth the evidence allows, as REC-3 counts it (an estimated age: the range's earliest).
        try:
            of_age = now.date().replace(year=now.date().year - policy.records_removal_age)
        except ValueError:  # 29 February: one born on 1 March of that year is of age today too
            of_age = date(now.date().year - policy.records_removal_age, 3, 1)
        removable = Child.objects.filter(pk__in=self.children, removed_at__isnull=True).filter(
            Q(dob_certainty="documented", date_of_birth__lte=of_age)
            | Q(dob_certainty="estimated", dob_earliest__lte=of_age)
        )
        before = _statistics(jurisdiction) if removable.exists() else None
        result = records_sweep(now=now)
        OUTCOMES[f"records_sweep: sealed={result.sealed} removed={result.removed} reviews={result.reviews}"] += 1
        if review:
            assert result.removed == 0, "REC-3: a removal under a review policy happened without the review"
        if result.removed:
            assert verify_chain().ok, "REC-3: removal broke the audit chain"
            assert before is not None, "REC-3: a child below the removal age was removed"
            assert _statistics(jurisdiction) == before, "REC-3: removal changed the oversight statistics"

    # --- invariants ------------------------------------------------------------------------------------------

    @invariant()
    def every_invariant_holds(self) -> None:
        """One snapshot of the state in a few queries, then INV-1..INV-9 checked on it."""
        world = Snapshot.take(self.cases)
        inv_1_no_criminal_act_below_the_minimum_age(world)
        inv_2_clocks_run_per_case(world)
        inv_3_a_review_is_always_open_while_detained_pending_trial(world)
        inv_4_no_sentence_uncharged_no_custody_in_diversion(world)
        inv_7_every_notification_names_an_active_person(world, self._user("oversight_monitor"))
        inv_8_no_open_deadline_without_its_object(world)
        inv_5_girls_are_held_apart_except_on_a_protective_transfer(self.cases)
        inv_9_one_justification_answers_one_rule(world)
        cns_1_the_counsel_deadline_is_open_only_while_no_counsel_is(self.cases)
        ill_1_every_allegation_is_reported_and_its_investigation_tracked(self.cases, self._user("oversight_monitor"))
        rec_3_a_sealed_child_is_in_no_ordinary_list(self.children, self.s.users)


@dataclass
class Snapshot:
    status: dict[int, str]
    episodes: list[Any]
    deadlines: list[Any]
    decisions: list[Any]
    charged: set[int]
    sentences: list[int]
    notifications: list[Any]

    @classmethod
    def take(cls, cases: list[int]) -> "Snapshot":
        return cls(
            status=dict(Case.objects.filter(pk__in=cases).values_list("pk", "status")),
            episodes=list(
                CustodyEpisode.objects.filter(case_id__in=cases).values(
                    "pk",
                    "case_id",
                    "ended_at",
                    "pretrial_detention_started_at",
                    "legal_status",
                    "mandatory_release_flag",
                )
            ),
            deadlines=list(
                Deadline.objects.filter(case_id__in=cases).values(
                    "pk", "case_id", "kind", "due_at", "met_at", "resolution", "overdue_notified_at"
                )
            ),
            decisions=list(
                DecisionRecord.objects.filter(case_id__in=cases, rule_id__in=["MACR-1", *FIELD_OF_RULE]).values(
                    "case_id", "rule_id", "trigger", "outcome", "object_id", "justification"
                )
            ),
            charged=set(
                CaseEvent.objects.filter(case_id__in=cases, kind="case.charged").values_list("case", flat=True)
            ),
            sentences=list(Sentence.objects.filter(case_id__in=cases).values_list("case_id", flat=True)),
            notifications=list(
                Notification.objects.filter(case_id__in=cases).values(
                    "recipient_id", "recipient__is_active", "deadline_id", "kind"
                )
            ),
        )

    def open_deadlines(self, *kinds: str) -> list[dict[str, Any]]:
        return [d for d in self.deadlines if d["met_at"] is None and (not kinds or d["kind"] in kinds)]


def inv_1_no_criminal_act_below_the_minimum_age(world: Snapshot) -> None:
    macr = [d for d in world.decisions if d["rule_id"] == "MACR-1"]
    assert not [d for d in macr if d["outcome"] == Outcome.BLOCK and d["trigger"] != "age_recheck"]
    decided = {(d["trigger"], d["case_id"]) for d in macr}
    assert all(("charge", case) in decided for case in world.charged)
    assert all(("sentence", case) in decided for case in world.sentences)
    started = {d["object_id"] for d in macr if d["trigger"] == "custody_start"}
    assert all(e["pk"] in started for e in world.episodes)
    for episode in world.episodes:
        if episode["ended_at"] is None and not episode["mandatory_release_flag"]:
            case = Case.objects.select_related("child").get(pk=episode["case_id"])
            (decision,) = macr_1(policy_for(case.jurisdiction_id), case_facts(case, stage="charge"), datetime.now(UTC))
            assert decision.outcome is not Outcome.BLOCK, "a child now below the minimum age is held unflagged"


def inv_2_clocks_run_per_case(world: Snapshot) -> None:
    for deadline in world.open_deadlines("formal_charge", "final_decision"):
        case = Case.objects.select_related("jurisdiction").get(pk=deadline["case_id"])
        clock = case_clock(case)
        policy = policy_for(case.jurisdiction_id)
        zone = case.jurisdiction.timezone
        if deadline["kind"] == "formal_charge":
            assert clock.first_pretrial_at is not None
            assert deadline["due_at"] == charge_due(policy, clock.first_pretrial_at, zone)
        else:
            assert clock.first_deprived_at is not None
            assert deadline["due_at"] == final_decision_due(policy, clock.first_deprived_at, zone)


def inv_3_a_review_is_always_open_while_detained_pending_trial(world: Snapshot) -> None:
    detained = {
        e["case_id"]
        for e in world.episodes
        if e["ended_at"] is None
        and e["pretrial_detention_started_at"] is not None
        and e["legal_status"] == "pre_sentence"
    }
    reviewed = {d["case_id"] for d in world.open_deadlines("detention_review")}
    assert detained <= reviewed, f"detained pending trial with no review open: {detained - reviewed}"


def inv_4_no_sentence_uncharged_no_custody_in_diversion(world: Snapshot) -> None:
    assert len(world.sentences) == len(set(world.sentences))
    assert set(world.sentences) <= world.charged
    diverted = {case for case, status in world.status.items() if status == CaseStatus.DIVERTED}
    assert not [e for e in world.episodes if e["case_id"] in diverted and e["ended_at"] is None]
    assert not diverted & set(world.sentences)


def inv_7_every_notification_names_an_active_person(world: Snapshot, independent: User) -> None:
    assert all(n["recipient_id"] is not None and n["recipient__is_active"] for n in world.notifications)
    notified = {n["deadline_id"] for n in world.notifications}
    alerted = [d["pk"] for d in world.deadlines if d["overdue_notified_at"] is not None]
    assert all(pk in notified for pk in alerted), "an escalation reached nobody"
    grave = [n for n in world.notifications if n["kind"] == "custody.grave_incident"]
    assert not grave or any(n["recipient_id"] == independent.pk for n in grave)


def inv_8_no_open_deadline_without_its_object(world: Snapshot) -> None:
    waiting = {d["case_id"] for d in world.open_deadlines(*HELD_DEADLINES)}
    held = {e["case_id"] for e in world.episodes if e["ended_at"] is None}
    assert waiting <= held, f"held-child deadlines open with no child held: {waiting - held}"
    assert not [d for d in world.deadlines if d["met_at"] is not None and not d["resolution"]]
    in_diversion = {d["case_id"] for d in world.open_deadlines("diversion_review", "diversion_end")}
    assert all(world.status[case] == CaseStatus.DIVERTED for case in in_diversion)
    # DEL-1: the case's own deadlines close with the transitions that decide it.
    undecided = {d["case_id"] for d in world.open_deadlines("charge_or_divert")}
    assert all(world.status[case] == CaseStatus.OPEN for case in undecided)
    pending = {d["case_id"] for d in world.open_deadlines("case_final_decision")}
    assert all(world.status[case] in (CaseStatus.OPEN, CaseStatus.CHARGED) for case in pending)


def inv_5_girls_are_held_apart_except_on_a_protective_transfer(cases: list[int]) -> None:
    """GIR-1 under the default policy (BLOCK): a girl is in a place not holding girls apart only because a
    protective transfer took her there (INV-5: such a transfer is never refused)."""
    for episode in CustodyEpisode.objects.filter(
        case_id__in=cases, ended_at__isnull=True, child__sex="female", current_facility__separated_by_sex=False
    ):
        latest = Placement.objects.filter(episode=episode).order_by("-started_at", "-id").first()
        assert latest is not None
        assert latest.protective_transfer, f"girl held in a mixed place: episode {episode.pk}"


def inv_9_one_justification_answers_one_rule(world: Snapshot) -> None:
    for d in world.decisions:
        if d["rule_id"] in FIELD_OF_RULE and d["justification"]:
            assert d["justification"] == REASONS[FIELD_OF_RULE[d["rule_id"]]], (d["rule_id"], d["justification"])


def cns_1_the_counsel_deadline_is_open_only_while_no_counsel_is(cases: list[int]) -> None:
    """CNS-1: an open deadline to assign counsel means no counsel is active on the case (assigning one meets it)."""
    waiting = set(
        Deadline.objects.filter(case_id__in=cases, kind="legal_counsel", met_at__isnull=True).values_list(
            "case_id", flat=True
        )
    )
    counselled = set(
        Assignment.objects.filter(case_id__in=cases, role="legal_counsel", ended_at__isnull=True).values_list(
            "case_id", flat=True
        )
    )
    assert not waiting & counselled, f"counsel assigned but its deadline still open: {waiting & counselled}"


def ill_1_every_allegation_is_reported_and_its_investigation_tracked(cases: list[int], independent: User) -> None:
    """ILL-1: every allegation reached the independent oversight body, held its episode's evidence, and has one
    investigation deadline, met exactly when its investigation was opened (INV-7, INV-8)."""
    for model, name in ((Incident, "incident"), (Complaint, "complaint")):
        for record in model.objects.filter(episode__case_id__in=cases).exclude(allegation_kind=""):
            (deadline,) = Deadline.objects.filter(
                kind="allegation_investigation", subject_type=name, subject_id=record.pk
            )
            assert (deadline.met_at is not None) is (record.investigation_opened_at is not None), (name, record.pk)
            assert CustodyEpisode.objects.get(pk=record.episode_id).evidence_frozen
            assert Notification.objects.filter(case_id=record.episode.case_id, recipient=independent).exists()


@pytest.mark.django_db
def test_inv_1_9_hold_over_random_sequences_of_real_actions(world: Any) -> None:
    global STAGE
    STAGE = _stage()
    run_state_machine_as_test(
        JusticeSystem,
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
        for outcome, count in sorted(OUTCOMES.items()):
            STATS_LOG.info("%8d  %s", count, outcome)


CLOSED_STATUSES = (CaseStatus.CLOSED, CaseStatus.CLOSED_FINAL)
ORDINARY_READERS = ("caseworker", "supervisor", "court_officer", "facility_officer", "legal_counsel")


def rec_3_a_sealed_child_is_in_no_ordinary_list(children: list[int], users: dict[str, User]) -> None:
    """REC-3: a sealed (or removed) child appears in no ordinary list or count of any role: children, cases,
    deadlines (the worklist counts are counts of that list)."""
    sealed = set(Child.objects.filter(pk__in=children, sealed_at__isnull=False).values_list("pk", flat=True))
    if not sealed:
        return
    for role in ORDINARY_READERS:
        user = users[role]
        assert not sealed & set(child_list(user=user).values_list("pk", flat=True)), (
            f"REC-3: {role} lists a sealed child"
        )
        assert not sealed & set(case_list(user=user).values_list("child_id", flat=True)), f"REC-3: {role}'s cases"
        listed = set(
            deadline_list(user=user).exclude(kind="records_removal_review").values_list("case__child_id", flat=True)
        )
        assert not sealed & listed, f"REC-3: {role}'s deadlines"
        # The one exception: the removal review on the worklist of a court officer who may decide it.
        reviews = set(
            deadline_list(user=user).filter(kind="records_removal_review").values_list("case__child_id", flat=True)
        )
        own = set(Assignment.objects.filter(user=user).values_list("case__child_id", flat=True))
        assert not reviews & own, f"REC-3: {role} sees the removal review of a child whose case they had"
        assert not reviews or role == "court_officer", f"REC-3: {role} sees a removal review"
    open_reviews = RecordsRemovalReview.objects.filter(child_id__in=children, decided_at__isnull=True)
    assert not open_reviews.filter(child__removed_at__isnull=False).exists(), "REC-3: a review open on a removed child"


def _statistics(jurisdiction: Jurisdiction) -> list[Any]:
    """The monitor's counts over the whole simulated time (no suppression, so every child counts)."""
    conventions = Conventions(period_start=date(2020, 1, 1), period_end=date(2040, 12, 31), threshold=0)
    return [
        (r.get("numerator"), r.get("denominator"))
        for r in indicators_compute(jurisdiction=jurisdiction, conventions=conventions, numbers=(1, 2, 3, 4, 5))
    ]
