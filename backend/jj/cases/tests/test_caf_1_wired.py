"""CAF-1 wired (issue #16): a child associated with armed forces or armed groups is treated primarily as a victim.
Intake warns and tells child protection; a charge or a detention order needs its own written reason (INV-9: the
DEV-1 or PTD-2 text never answers it)."""

from typing import Any

import pytest

from conftest import COUNSEL_PENDING, HEARD
from jj.cases import services as case_services
from jj.cases.models import Case, CaseStatus, ChildProtectionReferral
from jj.compliance.models import DecisionRecord
from jj.core.exceptions import RuleViolation
from jj.custody import services as custody_services
from jj.custody.models import CustodyEpisode, DetentionOrder
from jj.deadlines.models import Notification

REASON = "Leader of an armed group's recruitment cell; reintegration refused twice"


def _flagged_case(make_case: Any) -> Case:
    return make_case(armed_forces_association=True)


def test_caf_1_intake_warns_and_tells_child_protection(world: Any, make_case: Any) -> None:
    case = _flagged_case(make_case)
    (warning,) = DecisionRecord.objects.filter(case=case, rule_id="CAF-1")
    assert (warning.trigger, warning.outcome) == ("intake", "warn")
    assert ChildProtectionReferral.objects.filter(child_id=case.child_id, circumstances__contains="CAF-1").exists()
    assert Notification.objects.filter(case=case, recipient_role="supervisor").exists()


def test_caf_1_a_child_not_flagged_meets_no_caf_1(world: Any, make_case: Any) -> None:
    case = make_case()
    assert not DecisionRecord.objects.filter(case=case, rule_id="CAF-1").exists()


def test_caf_1_a_charge_needs_its_own_reason(world: Any, make_case: Any) -> None:
    case = _flagged_case(make_case)
    with pytest.raises(RuleViolation) as refused:
        case_services.case_charge(
            **COUNSEL_PENDING,
            actor=world["caseworker"],
            case=case,
            version=case.version,
            justification="DEV-1 text: serious violence",  # INV-9: another rule's reason answers nothing here
            diversion_not_offered_reason="Refused by the child",
        )
    assert "CAF-1" in {d.rule_id for d in refused.value.unmet}
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    charged = case_services.case_charge(
        **COUNSEL_PENDING,
        actor=world["caseworker"],
        case=case,
        version=case.version,
        justification="DEV-1 text: serious violence",
        diversion_not_offered_reason="Refused by the child",
        armed_forces_justification=REASON,
    )
    assert isinstance(charged, Case)
    assert charged.status == CaseStatus.CHARGED
    record = DecisionRecord.objects.get(case=case, rule_id="CAF-1", trigger="charge")
    assert record.justification == REASON


def test_caf_1_a_detention_order_needs_its_own_reason(world: Any, make_case: Any) -> None:
    case = _flagged_case(make_case)
    centre = custody_services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Centre",
            "kind": "juvenile_detention",
            "capacity": 9,
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
    order = {
        "kind": "pretrial_detention",
        "grounds": ["court_appearance"],
        "legal_basis": "Juvenile Justice Act s. 12",
        "alternatives_considered": [{"alternative": "Release to parents", "reason_rejected": "Parents abroad"}],
        "justification": "Two missed hearings",
        "judicial_authority": "Northland Youth Court",
        "age_floor_justification": "Genuine public safety concern",
        **HEARD,
        **COUNSEL_PENDING,
    }
    with pytest.raises(RuleViolation) as refused:
        custody_services.detention_order_record(actor=world["court_officer"], episode=episode, data=dict(order))
    assert [d.rule_id for d in refused.value.unmet] == ["CAF-1"]
    assert not DetentionOrder.objects.filter(episode=episode).exists()
    custody_services.detention_order_record(
        actor=world["court_officer"], episode=episode, data={**order, "armed_forces_justification": REASON}
    )
    assert DetentionOrder.objects.get(episode=episode).armed_forces_justification == REASON
