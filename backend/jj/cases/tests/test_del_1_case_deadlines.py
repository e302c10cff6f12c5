"""DEL-1 wired (issue #16): intake opens the case's deadlines to charge or divert (30 days) and to a final decision
(6 months); the lifecycle transitions that decide the case meet them, a diversion moots the final decision, and
nothing is met by hand (INV-8)."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from jj.cases.lifecycle import case_status_change
from jj.cases.models import Case, CaseStatus
from jj.deadlines.models import Deadline
from jj.deadlines.services import deadlines_sweep


def _del_1(case: Case) -> dict[str, Deadline]:
    return {d.kind: d for d in Deadline.objects.filter(case=case, rule_id="DEL-1")}


def _move(case: Case, to: str, actor: Any) -> Case:
    return case_status_change(case=case, to=to, actor=actor, at=timezone.now(), action="test", summary=to)


def test_del_1_intake_opens_both_case_deadlines(world: Any, make_case: Any) -> None:
    before = timezone.now()
    case = make_case()
    deadlines = _del_1(case)
    assert set(deadlines) == {"charge_or_divert", "case_final_decision"}
    assert all(d.met_at is None and d.escalate_to == "supervisor" for d in deadlines.values())
    decision_due = deadlines["charge_or_divert"].due_at
    assert before + timedelta(days=29) < decision_due <= timezone.now() + timedelta(days=31)
    assert deadlines["case_final_decision"].due_at > decision_due + timedelta(days=120)


@pytest.mark.parametrize(
    ("path", "met", "moot"),
    [
        ([CaseStatus.CHARGED], {"charge_or_divert"}, set()),
        ([CaseStatus.DIVERTED], {"charge_or_divert"}, {"case_final_decision"}),
        ([CaseStatus.CHARGED, CaseStatus.SENTENCED], {"charge_or_divert", "case_final_decision"}, set()),
        ([CaseStatus.CLOSED], {"charge_or_divert", "case_final_decision"}, set()),
        ([CaseStatus.DIVERTED, CaseStatus.CLOSED_FINAL], {"charge_or_divert"}, {"case_final_decision"}),
    ],
)
def test_del_1_the_transition_that_decides_the_case_meets_its_deadline(
    world: Any, make_case: Any, path: list[str], met: set[str], moot: set[str]
) -> None:
    case = make_case()
    for status in path:
        case = _move(case, status, world["caseworker"])
    deadlines = _del_1(case)
    assert {k for k, d in deadlines.items() if d.resolution == "met"} == met
    assert {k for k, d in deadlines.items() if d.resolution == "moot"} == moot
    assert all(deadlines[k].met_at is None for k in set(deadlines) - met - moot)


def test_del_1_a_missed_decision_deadline_is_escalated_to_the_supervisor(world: Any, make_case: Any) -> None:
    """Done when (issue #16): a non-detained case that waits past its decision deadline is escalated."""
    case = make_case()
    deadline = _del_1(case)["charge_or_divert"]
    deadlines_sweep(now=deadline.due_at - timedelta(minutes=1))
    assert not deadline.notifications.exists()
    deadlines_sweep(now=deadline.due_at + timedelta(minutes=1))
    recipients = set(deadline.notifications.values_list("recipient__username", flat=True))
    assert "supervisor" in recipients
