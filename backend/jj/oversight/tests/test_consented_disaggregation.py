"""Disaggregation by nationality, migration status, minority status and disability, only where the child or guardian
consented to their use (A/RES/79/172 para 17): a child without consent is counted as "not recorded", never placed
in a group, and a disability is counted as recorded or not, never by its description."""

from typing import Any

import pytest

from jj.oversight.conventions import Conventions
from jj.oversight.indicators import indicator_compute
from jj.oversight.serializers import DisparityQuery
from jj.oversight.tests.dataset import Dataset, build
from jj.oversight.tests.test_indicators import YEAR
from jj.people.models import Child


@pytest.fixture
def ds(world: Any) -> Dataset:
    """Indicator 1 counts A, B, D, E and J (see test_indicators). A consented to everything; B recorded a migration
    status without consent to count it and consented on disability with none recorded; D consented on origin with a
    nationality only and recorded a disability without consent; E and J recorded nothing."""
    ds = build(world.north, world.yjs, world.south_agency)
    kids = ds.children
    Child.objects.filter(pk=kids["A"].pk).update(
        nationality="Xland",
        migration_status="asylum seeker",
        migration_status_consent=True,
        minority_status="Roma",
        minority_status_consent=True,
        disability="hearing impairment",
        disability_consent=True,
    )
    Child.objects.filter(pk=kids["B"].pk).update(
        nationality="Yland", migration_status="refugee", migration_status_consent=False, disability_consent=True
    )
    Child.objects.filter(pk=kids["D"].pk).update(
        nationality="Xland", migration_status_consent=True, disability="autism", disability_consent=False
    )
    return ds


def numerators(ds: Dataset, by: str, threshold: int = 0) -> dict[str, Any]:
    c = Conventions(**YEAR, threshold=threshold)
    result = indicator_compute(number=1, jurisdiction=ds.north, conventions=c, by=by)
    return {g["group"]: g["numerator"] for g in result["groups"] if g["numerator"] != 0}


def test_nationality_only_with_consent(ds: Dataset) -> None:
    assert numerators(ds, "nationality") == {"Xland": 2, "not_recorded": 3}  # A D; B (no consent) E J


def test_migration_status_only_with_consent_and_a_value(ds: Dataset) -> None:
    assert numerators(ds, "migration_status") == {"asylum seeker": 1, "not_recorded": 4}  # A; B D E J


def test_minority_status_only_with_consent(ds: Dataset) -> None:
    assert numerators(ds, "minority_status") == {"Roma": 1, "not_recorded": 4}


def test_disability_is_recorded_or_not_never_described(ds: Dataset) -> None:
    got = numerators(ds, "disability")
    assert got == {"disability": 1, "no_disability": 1, "not_recorded": 3}  # A; B; D (no consent) E J
    assert "autism" not in got
    assert "hearing impairment" not in got


def test_small_consented_groups_are_suppressed(ds: Dataset) -> None:
    """With the default threshold (5), one or two children in a group is a small cell: hidden, never shown as 0."""
    c = Conventions(**YEAR)
    result = indicator_compute(number=1, jurisdiction=ds.north, conventions=c, by="nationality")
    cells = {g["group"]: g for g in result["groups"]}
    assert cells["Xland"]["numerator"] is None
    assert cells["Xland"]["suppressed"]


@pytest.mark.parametrize("by", ["nationality", "migration_status", "minority_status", "disability"])
def test_the_disparity_index_takes_the_consented_groups(by: str) -> None:
    query = DisparityQuery(data={"period_start": "2025-01-01", "period_end": "2025-12-31", "by": by})
    assert query.is_valid(), query.errors
