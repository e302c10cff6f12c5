"""DIV-2 (amendment 7b, CRC/C/GC/24 para. 18(a)): whether the child acknowledged responsibility is seen only by the
diversion worker (the caseworker assigned) and the supervisor; never by the court officer, counsel, oversight, a
reader of a shared case, nor by anyone once the diversion has failed."""

from typing import Any

import pytest

from conftest import HEARD
from jj.cases import services as case_services
from jj.diversion import services
from jj.diversion.models import DiversionReferral, Programme, ReferralStatus
from jj.diversion.selectors import referral_list
from jj.rules import citations as c
from jj.rules.registry import all_rules

SAFEGUARDS = {
    "compelling_evidence": "CCTV and a witness",
    "acknowledgement_of_responsibility": "I took it",
    "child_consent": True,
    "guardian_consent": True,
    "informed_of": ["nature", "content", "duration", "consequences"],
    "legal_advice_offered": True,
    "review_route_explained": True,
}


@pytest.fixture
def active(world: Any, make_case: Any) -> DiversionReferral:
    """An active diversion on a case with a caseworker, counsel and a court officer assigned."""
    case = make_case(counsel=True, court=True)
    data = {"name": "Mediation", "kind": "mediation", "provider": "Northland Mediation", "typical_duration_days": 60}
    programme: Programme = services.programme_create(actor=world["supervisor"], data=data)
    referral = services.referral_offer(
        **HEARD, actor=world["caseworker"], case=case, programme=programme, stage="intake"
    )
    return services.referral_activate(actor=world["caseworker"], referral=referral, data=dict(SAFEGUARDS))


def seen(client: Any, referral: DiversionReferral) -> tuple[object, object]:
    """What the detail and the list say about the acknowledgement ('absent' when the referral is not shown)."""
    detail = client.get(f"/api/diversion-referrals/{referral.pk}/")
    rows = client.get("/api/diversion-referrals/").json()["results"]
    in_list = [r["acknowledgement_recorded"] for r in rows if r["id"] == referral.pk]
    return (
        detail.json()["acknowledgement_recorded"] if detail.status_code == 200 else "absent",
        in_list[0] if in_list else "absent",
    )


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("caseworker", True),  # the diversion worker
        ("supervisor", True),
        ("legal_counsel", None),  # reads the case, never whether the child acknowledged
        ("court_officer", None),
        ("facility_officer", "absent"),
        ("oversight_monitor", "absent"),
        ("administrator", "absent"),
        ("caseworker2", "absent"),  # a caseworker not assigned to the case
        ("sp_supervisor", "absent"),  # a supervisor of another agency
    ],
)
def test_div_2_acknowledgement_seen_only_by_the_worker_and_supervisor(
    active: DiversionReferral, client_for: Any, role: str, expected: object
) -> None:
    assert seen(client_for(role), active) == (expected, expected)


def test_div_2_a_shared_case_does_not_show_the_acknowledgement(
    world: Any, active: DiversionReferral, client_for: Any
) -> None:
    """A caseworker of another agency reading through a share is not the diversion worker."""
    case_services.case_share(actor=world["supervisor"], case=active.case, user=world["caseworker2"], reason="advice")
    assert seen(client_for("caseworker2"), active) == (None, None)


@pytest.mark.parametrize(
    ("outcome", "visible"),
    [
        (ReferralStatus.COMPLETED, True),  # succeeded: the worker and supervisor still see it
        (ReferralStatus.NOT_COMPLETED, False),  # failed: proceedings may resume, nobody sees it
        (ReferralStatus.WITHDRAWN, False),
    ],
)
def test_div_2_once_the_diversion_fails_nobody_sees_it(
    world: Any, active: DiversionReferral, client_for: Any, outcome: str, visible: bool
) -> None:
    assert seen(client_for("supervisor"), active) == (True, True)  # the day before the outcome
    services.referral_outcome(actor=world["caseworker"], referral=active, outcome=outcome, reason="outcome")
    expected = True if visible else None
    for role in ("caseworker", "supervisor", "legal_counsel", "court_officer"):
        assert seen(client_for(role), active) == (expected if role in ("caseworker", "supervisor") else None,) * 2


def test_div_2_decided_in_the_selector(world: Any, active: DiversionReferral) -> None:
    """The capability is a column of the scoped query: the serializer only reads it."""
    worker_row: Any = referral_list(user=world["caseworker"]).get(pk=active.pk)
    court_row: Any = referral_list(user=world["court_officer"]).get(pk=active.pk)
    assert worker_row.acknowledgement_visible is True
    assert court_row.acknowledgement_visible is False


def test_div_2_cites_gc24_para_18_a_for_not_used_in_later_proceedings() -> None:
    (div_2,) = [spec for spec in all_rules() if spec.rule_id == "DIV-2"]
    assert c.GC24_18_A in div_2.citations
    assert c.GC24_18_A.provision == "para. 18(a)"
    assert "later legal proceedings" in c.GC24_18_A.text


def test_div_2_a_refused_start_does_not_tell_the_audit_trail_whether_the_child_acknowledged(
    world: Any, make_case: Any
) -> None:
    """The 422 tells the diversion worker what is missing; the trail, which oversight reads, keeps every other
    missing safeguard but not whether the acknowledgement was."""
    from jj.audit.models import AuditEvent
    from jj.core.exceptions import RuleViolation

    case = make_case()
    data = {"name": "Mediation", "kind": "mediation", "provider": "Northland Mediation", "typical_duration_days": 60}
    programme: Programme = services.programme_create(actor=world["supervisor"], data=data)
    referral = services.referral_offer(
        **HEARD, actor=world["caseworker"], case=case, programme=programme, stage="intake"
    )
    body = {**SAFEGUARDS, "acknowledgement_of_responsibility": "", "legal_advice_offered": False}
    with pytest.raises(RuleViolation) as refused:
        services.referral_activate(actor=world["caseworker"], referral=referral, data=body)
    (div_2,) = [d for d in refused.value.decisions if d.rule_id == "DIV-2"]
    assert div_2.facts["missing"] == ["acknowledgement_of_responsibility", "legal_advice_offered"]
    event = AuditEvent.objects.get(action="diversion.activate", outcome="refused")
    (trail,) = [d for d in event.decisions if d["rule_id"] == "DIV-2"]
    assert trail["facts"]["missing"] == ["legal_advice_offered"]
    assert "acknowledgement_of_responsibility" not in str(event.decisions)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.OFFERED
