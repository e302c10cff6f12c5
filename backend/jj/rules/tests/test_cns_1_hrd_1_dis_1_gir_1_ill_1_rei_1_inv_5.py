"""INV-5 over the rules of RULES.md section 7c (CNS-1, HRD-1, DIS-1, GIR-1, ILL-1, REI-1, CAF-1, DEL-1, PTD-12,
TRN-1): whatever the child, the facility and the jurisdiction's choices, none of them refuses a release, a
transfer to a safer place, a court appearance (judicial review), medical isolation (health care), or the recording
of an allegation."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from jj.rules.engine import Trigger
from jj.rules.facts import (
    AppearanceFacts,
    ChildFacts,
    ComplaintFacts,
    FacilityFacts,
    IncidentFacts,
    PlacementFacts,
    ReleaseFacts,
)
from jj.rules.policy import Policy, Strictness
from jj.rules.registry import evaluate
from jj.rules.tests.helpers import case, offence

AT = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
KINDS = ["police_station", "juvenile_detention", "juvenile_residential", "adult_prison"]

children = st.builds(
    ChildFacts,
    date_of_birth=st.dates(min_value=date(2005, 1, 1), max_value=date(2016, 1, 1)),
    dob_certainty=st.just("documented"),
    sex=st.sampled_from(["female", "male", "other", "unknown"]),
    accommodation_needs=st.sampled_from(["", "Wheelchair access", "Sign-language interpreter"]),
    pregnant=st.booleans(),
    child_in_care=st.booleans(),
    armed_forces_association=st.booleans(),
)
policies = st.builds(
    Policy,
    counsel_at_decisions=st.sampled_from([Strictness.BLOCK, Strictness.JUSTIFY]),
    girls_mixed_facility=st.sampled_from([Strictness.BLOCK, Strictness.JUSTIFY]),
    mandatory_pretrial_detention=st.sampled_from([Strictness.BLOCK, Strictness.WARN]),
    aftercare_plan_days=st.integers(min_value=1, max_value=60),
)


# The rules of RULES.md section 7c (all wired now): none of them may ever refuse a protective act (INV-5).
NEW_RULES = frozenset({"CNS-1", "HRD-1", "DIS-1", "GIR-1", "ILL-1", "REI-1", "CAF-1", "DEL-1", "PTD-12", "TRN-1"})


def unmet_new(trigger: Trigger, policy: Policy, facts: object) -> list[str]:
    decisions = evaluate(trigger, policy, facts, AT)
    return [d.rule_id for d in decisions if d.rule_id in NEW_RULES and d.unmet]


@settings(deadline=None)
@given(child=children, policy=policies, kind=st.sampled_from(KINDS), separated=st.booleans())
def test_inv_5_a_transfer_to_a_safer_place_is_never_refused(
    child: ChildFacts, policy: Policy, kind: str, separated: bool
) -> None:
    facility = FacilityFacts(kind, 10, 2, children_wholly_separated=True, separated_by_sex=separated)
    facts = PlacementFacts(
        case(child, offence(date(2026, 11, 1))),
        facility,
        AT,
        "Europe/Paris",
        is_admission=False,
        episode_started_at=AT - timedelta(hours=2),
        protective_transfer=True,
    )
    assert unmet_new(Trigger.TRANSFER, policy, facts) == []


@settings(deadline=None)
@given(policy=policies, given_plan=st.booleans(), hours=st.integers(min_value=0, max_value=24 * 400))
def test_inv_5_a_release_is_never_refused(policy: Policy, given_plan: bool, hours: int) -> None:
    facts = ReleaseFacts(AT - timedelta(hours=hours), "Europe/Paris", aftercare_plan_given=given_plan)
    assert unmet_new(Trigger.RELEASE, policy, facts) == []


@settings(deadline=None)
@given(child=children, policy=policies, provided=st.sampled_from(["", "Interpreter"]))
def test_inv_5_a_court_appearance_is_never_refused(child: ChildFacts, policy: Policy, provided: str) -> None:
    assert unmet_new(Trigger.COURT_APPEARANCE, policy, AppearanceFacts(child, AT, provided)) == []


@settings(deadline=None)
@given(
    child=children,
    policy=policies,
    allegation=st.sampled_from(["", "ill_treatment", "torture", "staff_violence", "peer_violence", "sexual_abuse"]),
    staff=st.lists(st.sampled_from(["1", "2", "3"]), max_size=2).map(tuple),
)
def test_inv_5_health_care_and_allegations_are_never_refused(
    child: ChildFacts, policy: Policy, allegation: str, staff: tuple[str, ...]
) -> None:
    isolation = IncidentFacts("medical_isolation", child=child, allegation_kind=allegation, implicated_staff=staff)
    assert unmet_new(Trigger.INCIDENT, policy, isolation) == []
    complaint = ComplaintFacts(AT, "Europe/Paris", allegation_kind=allegation, implicated_staff=staff)
    assert unmet_new(Trigger.COMPLAINT, policy, complaint) == []
