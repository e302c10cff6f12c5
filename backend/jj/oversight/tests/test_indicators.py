"""The 15 indicators on the hand-built year of jj/oversight/tests/dataset.py. Each expected value is worked out by
hand in the comment above it, from the definition, not from the code."""

from datetime import date
from typing import Any

import pytest

from jj.oversight.conventions import Conventions
from jj.oversight.indicators import indicator_compute, indicators_compute
from jj.oversight.tests.dataset import Dataset, build

YEAR: dict[str, Any] = {"period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31), "timezone": "Europe/Paris"}


@pytest.fixture
def ds(world: Any) -> Dataset:
    return build(world.north, world.yjs, world.south_agency)


def run(ds: Dataset, number: int, *, by: str | None = None, threshold: int = 0, **conventions: Any) -> dict[str, Any]:
    """Threshold 0 switches suppression off, so the values can be checked; suppression has its own tests."""
    c = Conventions(**{**YEAR, **conventions}, threshold=threshold)
    return indicator_compute(number=number, jurisdiction=ds.north, conventions=c, by=by)


def groups(result: dict[str, Any]) -> dict[str, tuple[Any, Any, Any]]:
    return {g["group"]: (g["numerator"], g["denominator"], g["value"]) for g in result["groups"]}


def test_1_arrests_per_child(ds):
    """Arrests opened in 2025 in Paris time: A (twice), B (00:30 on 1 January), D, E, J; not C (midnight after the
    period), F and I (2024), G and H (referrals), K (Southport). Children: A B D E J = 5; 5 / 200,000 x 100,000."""
    r = run(ds, 1)
    assert (r["numerator"], r["denominator"], r["value"]) == (5, 200_000, 2.5)
    assert r["parameters"]["arrest_unit"] == {"value": "child", "default": "child"}
    assert r["parameters"]["population_year"] == {"value": 2025, "default": "year of the census date"}


def test_1_arrests_per_arrest(ds):
    """Counting arrests, A counts twice: 6 / 200,000 x 100,000 = 3.0."""
    r = run(ds, 1, arrest_unit="event")
    assert (r["numerator"], r["value"]) == (6, 3.0)
    assert r["parameters"]["arrest_unit"] == {"value": "event", "default": "child"}


def test_1_population_year_is_a_parameter(ds):
    """With 2024's figures (8 x 1,000 = 8,000 children): 5 / 8,000 x 100,000 = 62.5."""
    r = run(ds, 1, population_year=2024)
    assert (r["denominator"], r["value"]) == (8_000, 62.5)


def test_1_without_population_has_no_rate(ds):
    r = run(ds, 1, population_year=2019)
    assert (r["numerator"], r["denominator"], r["value"]) == (5, None, None)
    assert "No child population recorded for 2019" in r["notes"][0]


def test_1_by_sex_and_age_group(ds):
    """Girls A J = 2 of 100,000 -> 2.0; boys B D E = 3 -> 3.0. Ages on 31 December 2025: A 15, J 15, E 14 (14_15:
    3 of 30,000 -> 10.0); B 17, D 16 (16_17: 2 of 30,000 -> 6.67); none under 14 (0.0)."""
    assert groups(run(ds, 1, by="sex")) == {"female": (2, 100_000, 2.0), "male": (3, 100_000, 3.0)}
    assert groups(run(ds, 1, by="age_group")) == {
        "under_10": (0, 100_000, 0.0),
        "10_13": (0, 40_000, 0.0),
        "14_15": (3, 30_000, 10.0),
        "16_17": (2, 30_000, 6.67),
    }


def test_2_children_in_detention_on_census_date(ds):
    """Held at the end of 31 December 2025 (23:00 UTC): A, B, and F (released at that very moment); not C (detained
    at that moment), not D E I J (ended earlier), not K. 3 / 200,000 x 100,000 = 1.5."""
    r = run(ds, 2)
    assert (r["numerator"], r["denominator"], r["value"]) == (3, 200_000, 1.5)
    assert r["parameters"]["census_date"] == {"value": "2025-12-31", "default": "last day of the period"}


def test_2_by_facility_on_census_date(ds):
    """A at the juvenile centre, B at the adult prison (moved from the police station on 2 January), F at the
    residential home."""
    r = run(ds, 2, by="facility")
    assert {g["group"]: g["numerator"] for g in r["groups"]} == {
        "Adult Prison": 1,
        "Juvenile Centre": 1,
        "Residential Home": 1,
    }


def test_2_census_date_a_day_earlier_still_counts_f_not_c(ds):
    """On 30 December: A, B, F held; C not yet. 3."""
    assert run(ds, 2, census_date=date(2025, 12, 30))["numerator"] == 3


def test_3_pre_sentence_on_census_date(ds):
    """At the census: A pre-sentence (no history: her episode's status), B sentenced since 1 April, F since 1
    February. 1 / 200,000 x 100,000 = 0.5."""
    r = run(ds, 3)
    assert (r["numerator"], r["value"]) == (1, 0.5)


def test_3_reads_the_history_not_the_current_status(ds):
    """On 31 March 2025 (census ends 22:00 UTC, summer time): A and B pre-sentence (B's current status is sentenced,
    but only from 1 April), F sentenced since February; I (held since 2024, sentenced 2024) too. 2."""
    assert run(ds, 3, census_date=date(2025, 3, 31))["numerator"] == 2
    assert run(ds, 2, census_date=date(2025, 3, 31))["numerator"] == 4  # A B F I


def test_4_duration_of_pre_sentence_detention_ended_in_period(ds):
    """Pre-sentence periods that ended in 2025: B 90 days 30 min (to sentencing on 1 April), D 4 days (release), E 92
    days (death), F 92 days (1 Nov 2024 to 1 Feb 2025), J 20 hours. A is still running; I's ended in 2024.
    Sorted: 0.83, 4, 90.02, 92, 92: median 90.02; mean (0.8333 + 4 + 90.0208 + 92 + 92) / 5 = 55.77.
    Bands: under 1 day J; 1-7 D; 31-90 B; 91-180 E F."""
    r = run(ds, 4)
    assert (r["numerator"], r["value"]) == (5, 90.02)
    assert r["extra"]["median_days"] == 90.02
    assert r["extra"]["mean_days"] == 55.77
    assert {b["band"]: b["count"] for b in r["extra"]["bands"]} == {
        "under_1_day": 1,
        "1_7_days": 1,
        "8_30_days": 0,
        "31_90_days": 1,
        "91_180_days": 2,
        "over_180_days": 0,
    }
    assert r["parameters"]["duration_cohort"] == {"value": "ended", "default": "ended"}


def test_4_duration_cohort_started_in_period(ds):
    """Periods that started in 2025 and have ended: B, D, E, J (A still running, C starts at the period's end).
    Sorted 0.83, 4, 90.02, 92: median (4 + 90.0208) / 2 = 47.01."""
    r = run(ds, 4, duration_cohort="started")
    assert (r["numerator"], r["value"]) == (4, 47.01)
    assert r["extra"]["still_running"] == 1


def test_5_duration_of_sentenced_detention(ds):
    """Sentenced periods that ended in 2025: I only (1 Sep 2024 to 1 Jun 2025 = 273 days); F's release at 23:00 UTC on
    31 December is 1 January in Paris (2026); B is still held."""
    r = run(ds, 5)
    assert (r["numerator"], r["value"]) == (1, 273.0)
    assert {b["band"]: b["count"] for b in r["extra"]["bands"]}["over_180_days"] == 1


def test_6_deaths_per_thousand_children_detained_in_period(ds):
    """E died on 1 August. Detained at some time in 2025: A B D E F I J = 7 (C starts after). 1 / 7 x 1,000."""
    r = run(ds, 6)
    assert (r["numerator"], r["denominator"], r["value"]) == (1, 7, 142.86)
    assert r["parameters"]["deaths_denominator"] == {"value": "detained_in_period", "default": "detained_in_period"}


def test_6_deaths_per_census_stock(ds):
    """Against the census stock (A B F = 3): 1 / 3 x 1,000 = 333.33."""
    r = run(ds, 6, deaths_denominator="census_stock")
    assert (r["numerator"], r["denominator"], r["value"]) == (1, 3, 333.33)


def test_7_not_wholly_separated_from_adults(ds):
    """Of A (juvenile centre), B (adult prison) and F (residential home), only B is not wholly separated: 1/3."""
    r = run(ds, 7)
    assert (r["numerator"], r["denominator"], r["value"]) == (1, 3, 33.33)


def test_8_family_contact_in_last_three_months(ds):
    """The window is 1 October to 31 December 2025 (Paris). A: mother in November; F: grandmother at 23:59 on 31
    December; B: a lawyer (not family) and his father at 23:59 on 30 September (outside). 2/3."""
    r = run(ds, 8)
    assert (r["numerator"], r["denominator"], r["value"]) == (2, 3, 66.67)
    assert r["parameters"]["contact_window_months"] == {"value": 3, "default": 3}


def test_9_custodial_sentencing_per_child(ds):
    """Sentenced in 2025: B (custody), F (custody), G (two non-custodial), H (probation); I's was in 2024. 2/4."""
    r = run(ds, 9)
    assert (r["numerator"], r["denominator"], r["value"]) == (2, 4, 50.0)


def test_9_custodial_sentencing_per_sentence(ds):
    """Five sentences, two custodial: 40%."""
    r = run(ds, 9, sentence_unit="event")
    assert (r["numerator"], r["denominator"], r["value"]) == (2, 5, 40.0)


def test_10_pre_sentence_diversion(ds):
    """Entered diversion in 2025: D (10 March), H (1 February; later sentenced, still diverted). J was offered and
    never entered. Diverted or sentenced: D, H, B, F, G = 5. 2/5."""
    r = run(ds, 10)
    assert (r["numerator"], r["denominator"], r["value"]) == (2, 5, 40.0)


def test_11_aftercare(ds):
    """Released in 2025: D (education), I (vocational training), J (none); F's release is in 2026; E died. 2/3."""
    r = run(ds, 11)
    assert (r["numerator"], r["denominator"], r["value"]) == (2, 3, 66.67)


def test_12_independent_inspections_in_last_twelve_months(ds):
    """Window 1 January to 31 December 2025: F1 (June) and F3 (1 January); F2's was on 31 December 2024; F4 none.
    2 of 4 places of detention; Southport's is not counted."""
    r = run(ds, 12)
    assert (r["numerator"], r["denominator"], r["value"]) == (2, 4, 50.0)


def test_13_complaints_mechanism(ds):
    """F1, F2, F3 operate one, F4 does not: 3/4."""
    r = run(ds, 13)
    assert (r["numerator"], r["denominator"], r["value"]) == (3, 4, 75.0)


def test_14_15_policy_from_jurisdiction_profile(ds):
    """Specialised system recorded as yes (Act 12); the prevention plan was never recorded: unknown, not no."""
    r14, r15 = run(ds, 14), run(ds, 15)
    assert (r14["value"], r14["extra"]["reference"]) == (True, "Act 12")
    assert r15["value"] is None
    assert r15["notes"] == ["Not recorded for this jurisdiction."]


def test_all_fifteen_with_definitions_and_no_identifying_data(ds):
    results = indicators_compute(jurisdiction=ds.north, conventions=Conventions(**YEAR), by="sex")
    assert [r["number"] for r in results] == list(range(1, 16))
    assert [r["number"] for r in results if r["core"]] == [2, 3, 9, 10]
    text = repr(results)
    for kid in ds.children.values():
        assert kid.given_name not in text
        assert kid.family_name not in text
        assert kid.address not in text
        assert str(kid.date_of_birth) not in text
    assert all(r["definition"] for r in results)
