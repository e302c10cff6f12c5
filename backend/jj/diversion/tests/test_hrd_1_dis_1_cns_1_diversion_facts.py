"""The facts builders a diversion offer (HRD-1) and activation (DIS-1, CNS-1) will be decided on."""

from typing import Any

from django.utils import timezone

from jj.diversion import services
from jj.diversion.facts import diversion_voice, referral_case_facts
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import DiversionFacts, ProgrammeFacts
from jj.rules.policy import Policy
from jj.rules.registry import evaluate


def test_referral_facts_carry_the_case_the_child_and_the_childs_voice(make_case: Any, world: Any) -> None:
    programme = services.programme_create(
        actor=world["supervisor"], data={"name": "Mediation", "kind": "mediation", "provider": "Northland Mediation"}
    )
    case = make_case(accommodation_needs="Easy-read documents")
    referral = services.referral_offer(
        actor=world["caseworker"], case=case, programme=programme, stage="intake", child_views="Wants to meet them"
    )
    case_facts = referral_case_facts(referral)
    assert (case_facts.stage, case_facts.counsel_active) == ("intake", False)
    voice = diversion_voice({"child_views": "Happy to meet the shop owner", "child_consent": True})
    assert voice == {"child_views": "Happy to meet the shop owner"}
    facts = DiversionFacts(ProgrammeFacts("mediation", False), "intake", case=case_facts, **voice)
    decisions = evaluate(Trigger.DIVERSION_ACTIVATE, Policy(), facts, timezone.now(), include_unwired=True)
    by_rule = {d.rule_id: d for d in decisions}
    assert by_rule["DIS-1"].unmet  # easy-read documents: none recorded as provided
    assert by_rule["CNS-1"].outcome is Outcome.WARN
    offered = evaluate(Trigger.DIVERSION_OFFER, Policy(), facts, timezone.now(), include_unwired=True)
    assert [d.satisfied for d in offered if d.rule_id == "HRD-1"] == [True]
