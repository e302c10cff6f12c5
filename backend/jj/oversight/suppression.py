"""Small-cell suppression of a published table of counts, with its margins.

Primary suppression hides every count from 1 to the threshold (a zero reveals nobody and stays). Secondary
suppression then makes sure no hidden count can be recovered by subtraction: every row and every column (each with
its total) that has exactly one hidden entry gets a second one, the smallest published non-zero cell of that line
(a zero cell only when no other is left, the line's total last), repeated until no line has a single hidden entry.
This is the classic line-by-line rule of statistical offices; it protects against recovery from one row or column
total, which is what a reader of a published table can do.

Pure: no database, no clock."""

from dataclasses import dataclass

DEFAULT_THRESHOLD = 5


@dataclass(frozen=True)
class SuppressedTable:
    """The masks of a table: True means "do not publish"."""

    cells: tuple[tuple[bool, ...], ...]
    row_totals: tuple[bool, ...]
    column_totals: tuple[bool, ...]
    grand_total: bool


def is_small(count: int | None, threshold: int) -> bool:
    return count is not None and 1 <= count <= threshold


def suppress_table(
    cells: list[list[int]],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    row_totals: list[int] | None = None,
    column_totals: list[int] | None = None,
    grand_total: int | None = None,
) -> SuppressedTable:
    """Masks for `cells` (rows x columns) and its margins. Margins default to the sums of the cells; pass them when
    a total is not the sum (a child counted once overall but in two groups) so the check uses what is published.
    A table with one column has no separate row totals (the row total is the cell)."""
    n_rows = len(cells)
    n_cols = len(cells[0]) if cells else len(column_totals or [])
    rows_total = row_totals if row_totals is not None else [sum(row) for row in cells]
    cols_total = column_totals if column_totals is not None else [sum(row[j] for row in cells) for j in range(n_cols)]
    grand = grand_total if grand_total is not None else sum(rows_total)
    has_row_totals = n_cols > 1

    # Each entry of the table is a key: ("c", i, j), ("r", i), ("k", j) or ("g",).
    value: dict[tuple[object, ...], int] = {("g",): grand}
    for i in range(n_rows):
        for j in range(n_cols):
            value[("c", i, j)] = cells[i][j]
        if has_row_totals:
            value[("r", i)] = rows_total[i]
    for j in range(n_cols):
        value[("k", j)] = cols_total[j]
    hidden = {key for key, v in value.items() if is_small(v, threshold)}

    # The lines whose entries add up: (cells, total).
    lines: list[tuple[list[tuple[object, ...]], tuple[object, ...]]] = []
    for j in range(n_cols):
        lines.append(([("c", i, j) for i in range(n_rows)], ("k", j)))
    if has_row_totals:
        for i in range(n_rows):
            lines.append(([("c", i, j) for j in range(n_cols)], ("r", i)))
        lines.append(([("r", i) for i in range(n_rows)], ("g",)))
    lines.append(([("k", j) for j in range(n_cols)], ("g",)))

    changed = True
    while changed:
        changed = False
        for parts, total in lines:
            entries = [*parts, total]
            if sum(1 for key in entries if key in hidden) != 1:
                continue
            candidates = [key for key in parts if key not in hidden]
            nonzero = [key for key in candidates if value[key] > 0]
            pool = nonzero or candidates
            pick = min(pool, key=lambda key: (value[key], str(key))) if pool else total
            hidden.add(pick)
            changed = True

    return SuppressedTable(
        cells=tuple(tuple(("c", i, j) in hidden for j in range(n_cols)) for i in range(n_rows)),
        row_totals=tuple((("r", i) in hidden) if has_row_totals else (("c", i, 0) in hidden) for i in range(n_rows)),
        column_totals=tuple(("k", j) in hidden for j in range(n_cols)),
        grand_total=("g",) in hidden,
    )
