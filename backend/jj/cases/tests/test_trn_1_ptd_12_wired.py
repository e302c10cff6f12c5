"""TRN-1 and PTD-12 wired (issue #16): an untrained caseworker's assignment and an interview by someone not recorded
as trained warn (recorded with the act, never refused); a detention order on the ground that a statute makes
detention mandatory is refused, or warns naming the standard where the jurisdiction chose so."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from conftest import COUNSEL_PENDING, HEARD
from jj.accounts.models import User
from jj.cases import services as case_services
from jj.compliance.models import DecisionRecord
from jj.core.exceptions import RuleViolation
from jj.custody import services as custody_services
from jj.custody.models import CustodyEpisode, DetentionOrder


@pytest.mark.parametrize(("trained_days_ago", "warned"), [(None, True), (-1, True), (0, False), (30, False)])
def test_trn_1_assigning_a_caseworker_not_trained_in_child_justice_warns(
    world: Any, make_case: Any, trained_days_ago: int | None, warned: bool
) -> None:
    """Trained tomorrow (-1) is not trained today; trained today or before is."""
    colleague: User = world["caseworker2"]
    colleague.trained_in_child_justice_on = (
        None if trained_days_ago is None else timezone.localdate() - timedelta(days=trained_days_ago)
    )
    colleague.save(update_fields=["trained_in_child_justice_on"])
    case = make_case()
    assignment = case_services.case_assign(actor=world["supervisor"], case=case, user=colleague, role="caseworker")
    warnings = DecisionRecord.objects.filter(object_type="assignment", object_id=assignment.pk, rule_id="TRN-1")
    assert warnings.exists() is warned
    if warned:
        assert warnings.get().outcome == "warn"


def test_trn_1_counsel_assignments_are_not_checked(world: Any, make_case: Any) -> None:
    case = make_case()
    assignment = case_services.case_assign(
        actor=world["supervisor"], case=case, user=world["legal_counsel"], role="legal_counsel"
    )
    assert not DecisionRecord.objects.filter(object_type="assignment", object_id=assignment.pk).exists()


ORDER = {
    **HEARD,
    **COUNSEL_PENDING,
    "kind": "pretrial_detention",
    "legal_basis": "Juvenile Justice Act s. 12",
    "alternatives_considered": [{"alternative": "Release to parents", "reason_rejected": "Parents abroad"}],
    "justification": "Two missed hearings",
    "judicial_authority": "Northland Youth Court",
    "age_floor_justification": "Genuine public safety concern",
}


def test_ptd_12_a_detention_order_on_a_mandatory_ground_is_refused(world: Any, make_case: Any) -> None:
    case = make_case()
    centre = custody_services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Northland youth centre",
            "kind": "juvenile_detention",
            "capacity": 20,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
    )
    episode = custody_services.custody_start(
        **HEARD,
        actor=world["caseworker"],
        case=case,
        facility=centre,
        commitment_order_reference="CO-1",
        age_floor_justification="Genuine public safety concern",
    )
    assert isinstance(episode, CustodyEpisode)
    with pytest.raises(RuleViolation) as refused:
        custody_services.detention_order_record(
            actor=world["court_officer"],
            episode=episode,
            data={**ORDER, "grounds": ["court_appearance", "mandatory_by_statute"]},
        )
    assert [d.rule_id for d in refused.value.unmet] == ["PTD-12"]
    assert not DetentionOrder.objects.filter(episode=episode).exists()
