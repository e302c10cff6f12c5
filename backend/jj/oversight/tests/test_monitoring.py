"""Compliance rates, the relative rate index and occupancy on the hand-built year (dataset.py), plus a few hand-made
deadlines, detention orders, decisions and refused attempts. Expected values are worked out in the docstrings."""

from datetime import date
from typing import Any

import pytest

from jj.audit.models import Outcome
from jj.audit.services import audit_append
from jj.cases.models import Assignment
from jj.compliance.models import DecisionRecord
from jj.custody.models import DetentionOrder
from jj.deadlines.models import Deadline
from jj.oversight.conventions import Conventions
from jj.oversight.monitoring import (
    deadline_compliance,
    detention_orders_with_alternatives,
    justifications_by_agency,
    occupancy,
    refusals,
    relative_rate_index,
    time_to_counsel,
)
from jj.oversight.tests.dataset import Dataset, at, build

YEAR: dict[str, Any] = {
    "period_start": date(2025, 1, 1),
    "period_end": date(2025, 12, 31),
    "timezone": "Europe/Paris",
    "threshold": 0,
}


@pytest.fixture
def ds(world: Any) -> Dataset:
    return build(world.north, world.yjs, world.south_agency)


def deadline(ds: Dataset, key: str, kind: str, due: Any, met: Any = None) -> Deadline:
    return Deadline.objects.create(
        case=ds.cases[key],
        agency_id=ds.cases[key].agency_id,
        kind=kind,
        description=kind,
        due_at=due,
        met_at=met,
        rule_id="PTD-1",
    )


@pytest.fixture
def deadlines(ds: Dataset) -> None:
    deadline(ds, "A1", "competent_authority", at(2025, 2, 2, 10), at(2025, 2, 2, 9))  # on time
    deadline(ds, "B", "competent_authority", at(2025, 1, 1, 23, 30), at(2025, 1, 2, 1))  # late
    deadline(ds, "D", "competent_authority", at(2025, 3, 2, 8), at(2025, 3, 2, 8))  # on time, at the very minute
    deadline(ds, "E", "competent_authority", at(2025, 5, 2))  # missed
    deadline(ds, "J", "competent_authority", at(2025, 10, 2), at(2025, 10, 1, 10))  # on time
    deadline(ds, "C", "competent_authority", at(2026, 1, 1, 23))  # due after the period
    deadline(ds, "B", "detention_review", at(2025, 6, 1), at(2025, 6, 3))  # late


def test_deadlines_met_on_time_per_kind(ds, deadlines):
    """First appearance due in 2025: A, D (at the due minute) and J on time, B late, E never: 3 of 5 = 60%.
    One review, late: 0 of 1."""
    rows = {
        r["kind"]: r
        for r in deadline_compliance(jurisdiction=ds.north, conventions=Conventions(**YEAR), now=at(2026, 6, 1))
    }
    first = rows["competent_authority"]
    assert (first["due"], first["on_time"], first["late"], first["missed"], first["rate"]) == (5, 3, 1, 1, 60.0)
    review = rows["detention_review"]
    assert (review["due"], review["on_time"], review["late"], review["rate"]) == (1, 0, 1, 0.0)


def test_deadlines_not_yet_due_are_not_counted(ds, deadlines):
    """Asked on 1 April 2025: only A, B, D were due (2 of 3 on time); the review is not due yet."""
    rows = {
        r["kind"]: r
        for r in deadline_compliance(jurisdiction=ds.north, conventions=Conventions(**YEAR), now=at(2025, 4, 1))
    }
    assert (rows["competent_authority"]["due"], rows["competent_authority"]["rate"]) == (3, 66.67)
    assert "detention_review" not in rows


def test_deadline_counts_are_suppressed(ds, deadlines):
    rows = deadline_compliance(
        jurisdiction=ds.north, conventions=Conventions(**{**YEAR, "threshold": 5}), now=at(2026, 6, 1)
    )
    assert all(r["suppressed"] for r in rows)
    assert all(r["rate"] is None for r in rows)


def test_detention_orders_with_alternatives(ds):
    """Three pretrial detention orders in 2025, two naming alternatives; the 2024 one does not count. 2/3."""
    for when, alternatives in (
        (at(2025, 2, 3), [{"alternative": "bail", "reason_rejected": "flight"}]),
        (at(2025, 4, 2), [{"alternative": "supervision", "reason_rejected": "none available"}]),
        (at(2025, 5, 3), []),
        (at(2024, 12, 1), []),
    ):
        DetentionOrder.objects.create(
            episode=ds.episodes["B"],
            legal_basis="Art. 5",
            judicial_authority="Court",
            ordered_at=when,
            alternatives_considered=alternatives,
        )
    result = detention_orders_with_alternatives(jurisdiction=ds.north, conventions=Conventions(**YEAR))
    assert result == {"orders": 3, "with_alternatives": 2, "rate": 66.67, "suppressed": False}


def test_justifications_per_agency(ds):
    """Youth Justice Service in 2025: three decisions needing a justification (two given), one warning below the
    standard; one 2024 decision is outside."""
    for when, outcome, justification, below in (
        (at(2025, 2, 1), "require_justification", "Only bed available", False),
        (at(2025, 3, 1), "require_justification", "", False),
        (at(2025, 4, 1), "require_justification", "Court order", False),
        (at(2025, 5, 1), "warn", "", True),
        (at(2024, 5, 1), "warn", "", True),
    ):
        DecisionRecord.objects.create(
            decided_at=when,
            trigger="custody_start",
            rule_id="PTD-3",
            outcome=outcome,
            message="m",
            citation={},
            object_type="custody_episode",
            object_id=1,
            case=ds.cases["A1"],
            jurisdiction=ds.north,
            justification=justification,
            below_standard=below,
        )
    assert justifications_by_agency(jurisdiction=ds.north, conventions=Conventions(**YEAR)) == [
        {
            "agency": "Youth Justice Service",
            "decisions": 4,
            "required_justification": 3,
            "justified": 2,
            "approved": 0,
            "warnings": 1,
            "below_standard": 1,
        }
    ]


def test_refusals_by_rule_and_agency(world):
    """Refused attempts are audit events (nothing else was written). This year in Northland: PTD-2 twice (once with
    MACR-1), by the Youth Justice Service; a Southport refusal and an allowed action with a rule do not count."""
    block = {"outcome": "block"}
    audit_append(
        actor=world["caseworker"],
        action="custody.start",
        outcome=Outcome.REFUSED,
        decisions=[{"rule_id": "PTD-2", **block}],
    )
    audit_append(
        actor=world["supervisor"],
        action="custody.start",
        outcome=Outcome.REFUSED,
        decisions=[{"rule_id": "PTD-2", **block}, {"rule_id": "MACR-1", **block}],
    )
    audit_append(
        actor=world["sp_caseworker"],
        action="custody.start",
        outcome=Outcome.REFUSED,
        decisions=[{"rule_id": "PTD-2", **block}],
    )
    audit_append(
        actor=world["caseworker"], action="custody.start", decisions=[{"rule_id": "PTD-1", "outcome": "allow"}]
    )
    today = audit_append(actor=None, action="noop").occurred_at.date()
    c = Conventions(period_start=date(today.year, 1, 1), period_end=date(today.year, 12, 31), threshold=0)
    result = refusals(jurisdiction=world.north, conventions=c)
    assert {r["rule_id"]: r["refused"] for r in result["by_rule"]} == {"MACR-1": 1, "PTD-2": 2}
    assert result["by_agency"] == [{"agency": "Youth Justice Service", "refused": 2}]


def test_relative_rate_index_by_sex(ds):
    """Arrested: girls A J = 2 of 100,000 (0.02 per 1,000), boys B D E = 3 (0.03): boys are the reference (most
    arrests), girls' index 0.67. Diversion: girls H (1 per 2 arrested = 50), boys D (1 per 3 = 33.333): 1.5.
    Custodial sentence per sentenced: girls F of F H = 50, boys B of B G = 50: 1.0."""
    result = relative_rate_index(jurisdiction=ds.north, conventions=Conventions(**YEAR), by="sex")
    assert result["reference"] == "male"
    points = {
        p["point"]: {g["group"]: (g["count"], g["rate"], g["index"]) for g in p["groups"]} for p in result["points"]
    }
    assert points["arrest"] == {"female": (2, 0.02, 0.67), "male": (3, 0.03, 1.0)}
    assert points["diversion"] == {"female": (1, 50.0, 1.5), "male": (1, 33.333, 1.0)}
    assert points["custodial_sentence"] == {"female": (1, 50.0, 1.0), "male": (1, 50.0, 1.0)}
    assert points["pretrial_detention"]["female"] == (0, 0.0, None)


def test_relative_rate_index_suppresses_small_groups(ds):
    result = relative_rate_index(jurisdiction=ds.north, conventions=Conventions(**{**YEAR, "threshold": 5}), by="sex")
    arrest = next(p for p in result["points"] if p["point"] == "arrest")
    assert all(g["count"] is None and g["index"] is None for g in arrest["groups"])


def test_occupancy_at_month_ends(ds):
    """Juvenile centre: nobody on 31 January, A from February, A and E on 31 May, A alone again on 31 August and 31
    December (C arrives at midnight after it). Adult prison: B and I on 31 January, B alone from June."""
    result = occupancy(jurisdiction=ds.north, conventions=Conventions(**YEAR))
    assert len(result["dates"]) == 12
    series = {f["facility"]: {p["date"]: p["held"] for p in f["series"]} for f in result["facilities"]}
    centre = series["Juvenile Centre"]
    assert [centre[d] for d in ("2025-01-31", "2025-02-28", "2025-05-31", "2025-08-31", "2025-12-31")] == [
        0,
        1,
        2,
        1,
        1,
    ]
    prison = series["Adult Prison"]
    assert (prison["2025-01-31"], prison["2025-06-30"]) == (2, 1)
    assert "South Centre" not in series


def test_median_time_to_counsel(ds, world):
    """Arrests in 2025: A1, A2, B, D, E, J = 6. Counsel first assigned after 2 h (A1), 24 h (B), 1 h (D, whose second
    counsel does not count) and 24 h (J): sorted 1, 2, 24, 24, median (2 + 24) / 2 = 13 h. A2 and E had none."""
    counsel = world["legal_counsel"]
    for key, when in (
        ("A1", at(2025, 2, 1, 12)),
        ("B", at(2025, 1, 1, 23, 30)),
        ("D", at(2025, 3, 1, 9)),
        ("J", at(2025, 10, 2)),
    ):
        Assignment.objects.create(case=ds.cases[key], user=counsel, role="legal_counsel", assigned_at=when)
    Assignment.objects.create(
        case=ds.cases["D"],
        user=world["caseworker"],
        role="legal_counsel",
        assigned_at=at(2025, 3, 2),
        ended_at=at(2025, 3, 3),
    )
    result = time_to_counsel(jurisdiction=ds.north, conventions=Conventions(**YEAR))
    assert result == {"arrests": 6, "with_counsel": 4, "median_hours": 13.0, "suppressed": False}
    hidden = time_to_counsel(jurisdiction=ds.north, conventions=Conventions(**{**YEAR, "threshold": 5}))
    assert hidden == {"arrests": 6, "with_counsel": None, "median_hours": None, "suppressed": True}
