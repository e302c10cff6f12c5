"""Small-cell suppression on hand-built tables: primary (1..threshold), then secondary so that no hidden cell can be
recovered from its row or column total."""

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jj.oversight.conventions import Conventions
from jj.oversight.indicators import indicator_compute
from jj.oversight.suppression import suppress_table
from jj.oversight.tests.dataset import build

YEAR: dict[str, Any] = {"period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31), "timezone": "Europe/Paris"}


@pytest.mark.parametrize(
    ("count", "hidden"),
    [(0, False), (1, True), (5, True), (6, False)],
)
def test_primary_threshold_boundaries(count, hidden):
    """A zero reveals nobody; 1 to 5 are hidden; 6 is published."""
    masks = suppress_table([[count], [100]], column_totals=[count + 100], grand_total=count + 100)
    assert masks.cells[0][0] is hidden


def test_one_column_second_cell_hidden_so_the_first_cannot_be_subtracted():
    """12, 3, 20 (total 35): 3 is small; published alone with 35 it would be 35 - 12 - 20. The smallest other
    non-zero cell (12) is hidden too; the total stays."""
    masks = suppress_table([[12], [3], [20]], column_totals=[35], grand_total=35)
    assert [row[0] for row in masks.cells] == [True, True, False]
    assert masks.column_totals == (False,)


def test_one_column_zero_cells_do_not_protect():
    """0, 3, 20 (total 23): hiding the 0 would not protect the 3 (a reader would know 3 + 0... is 3); the 20 goes."""
    masks = suppress_table([[0], [3], [20]], column_totals=[23], grand_total=23)
    assert [row[0] for row in masks.cells] == [False, True, True]


def test_one_small_cell_alone_hides_its_total():
    masks = suppress_table([[3]], column_totals=[3], grand_total=3)
    assert masks.cells[0][0] is True
    assert masks.column_totals == (True,)
    assert masks.grand_total is True


def test_two_way_table_secondary_suppression_spreads_over_rows_and_columns():
    """yes  no  | total
    female      2   10  |  12
    male        8    9  |  17
    total      10   19  |  29
    The 2 is small. Row 1 then has one hidden cell (hide the 10), column 1 too (hide the 8), which leaves column 2
    with one (hide the 9). Every line now has two hidden cells; the margins are published."""
    masks = suppress_table([[2, 10], [8, 9]])
    assert masks.cells == ((True, True), (True, True))
    assert masks.row_totals == (False, False)
    assert masks.column_totals == (False, False)
    assert masks.grand_total is False


def test_two_way_table_small_margin_gets_a_partner_margin():
    """yes  no  | total
    female      3    1  |   4
    male       10   10  |  20
    total      13   11  |  24
    3, 1 and the row total 4 are small. Columns 1 and 2 each have one hidden cell: both of male's cells go. The row
    totals (4, 20 = 24) then have one hidden: the 20 goes too. Column totals and the grand total stay."""
    masks = suppress_table([[3, 1], [10, 10]])
    assert masks.cells == ((True, True), (True, True))
    assert masks.row_totals == (True, True)
    assert masks.column_totals == (False, False)
    assert masks.grand_total is False


def test_untouched_table_stays_published():
    masks = suppress_table([[10, 20], [30, 0]])
    assert masks.cells == ((False, False), (False, False))


def test_no_line_is_left_with_one_hidden_entry_on_a_larger_table():
    cells = [[40, 2, 17], [9, 30, 0], [4, 25, 11], [60, 8, 1]]
    masks = suppress_table(cells)
    rows = [[*masks.cells[i], masks.row_totals[i]] for i in range(4)]
    cols = [[*(masks.cells[i][j] for i in range(4)), masks.column_totals[j]] for j in range(3)]
    for line in rows + cols:
        assert sum(line) != 1
    assert [masks.cells[0][1], masks.cells[2][0], masks.cells[3][2]] == [True, True, True]


# On the hand-built year (see dataset.py)


@pytest.fixture
def ds(world: Any):
    return build(world.north, world.yjs, world.south_agency)


def test_indicator_with_small_numerator_is_suppressed_with_default_threshold(ds):
    """3 children held at the census: 1 to 5 is hidden, and the rate with it; the population is public."""
    r = indicator_compute(number=2, jurisdiction=ds.north, conventions=Conventions(**YEAR))
    assert (r["numerator"], r["denominator"], r["value"]) == (None, 200_000, None)
    assert r["suppressed"] == {"numerator": True, "denominator": False, "value": True}
    assert r["parameters"]["threshold"] == {"value": 5, "default": 5}


def test_percent_hides_a_numerator_whose_complement_is_small(ds):
    """Indicator 8, threshold 1: 2 of the 3 children held had a family visit. 2 is above the threshold, but 3 - 2
    would reveal the one child without a visit, so the numerator and the value are hidden; the 3 held stay."""
    r = indicator_compute(number=8, jurisdiction=ds.north, conventions=Conventions(**YEAR, threshold=1))
    assert (r["numerator"], r["denominator"], r["value"]) == (None, 3, None)
    assert r["suppressed"] == {"numerator": True, "denominator": False, "value": True}


def test_groups_secondary_suppression_on_arrests_by_sex(ds):
    """Arrested children, threshold 2: girls 2 (hidden), boys 3 (hidden so 5 - 3 cannot reveal the girls); the total
    5 is published with its rate."""
    r = indicator_compute(number=1, jurisdiction=ds.north, conventions=Conventions(**YEAR, threshold=2), by="sex")
    assert {g["group"]: (g["numerator"], g["value"]) for g in r["groups"]} == {
        "female": (None, None),
        "male": (None, None),
    }
    assert (r["numerator"], r["value"]) == (5, 2.5)


def test_groups_two_way_suppression_on_custodial_sentencing_by_sex(ds):
    """Per child: girls F (custody) and H (probation) = 1 of 2; boys B (custody) and G = 1 of 2. Threshold 1: every
    yes/no cell is 1 and hidden; the group totals (2, 2) and the overall 2 of 4 stay."""
    r = indicator_compute(number=9, jurisdiction=ds.north, conventions=Conventions(**YEAR, threshold=1), by="sex")
    assert {g["group"]: (g["numerator"], g["denominator"], g["value"]) for g in r["groups"]} == {
        "female": (None, 2, None),
        "male": (None, 2, None),
    }
    assert (r["numerator"], r["denominator"], r["value"]) == (2, 4, 50.0)


@settings(deadline=None, max_examples=200)
@given(
    st.integers(min_value=1, max_value=6).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(min_value=0, max_value=30), min_size=cols, max_size=cols), min_size=1, max_size=8
        )
    ),
    st.integers(min_value=1, max_value=10),
)
def test_any_table_hides_every_small_count_and_leaves_no_line_with_one_hidden_entry(cells, threshold):
    """For any table: every count from 1 to the threshold is hidden, and no row or column (with its total) has exactly
    one hidden entry, so subtraction from a published total never reveals one."""
    masks = suppress_table(cells, threshold=threshold)
    n_rows, n_cols = len(cells), len(cells[0])
    for i in range(n_rows):
        for j in range(n_cols):
            if 1 <= cells[i][j] <= threshold:
                assert masks.cells[i][j]
    columns = [[*(masks.cells[i][j] for i in range(n_rows)), masks.column_totals[j]] for j in range(n_cols)]
    lines = [*columns, [*masks.column_totals, masks.grand_total]]
    if n_cols > 1:
        lines += [[*masks.cells[i], masks.row_totals[i]] for i in range(n_rows)]
        lines += [[*masks.row_totals, masks.grand_total]]
    for line in lines:
        assert sum(line) != 1
