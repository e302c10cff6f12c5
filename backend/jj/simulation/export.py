"""A simulation's result as CSV: one row per number, suppressed cells written as "suppressed". Text a spreadsheet
would run as a formula is neutralised (oversight.export.guard)."""

import csv
import io
from typing import Any

from jj.oversight.export import SUPPRESSED, guard

COLUMNS = ("section", "item", "group", "measure", "value")


def _value(value: Any) -> Any:
    return SUPPRESSED if value is None else value


def result_csv(result: dict[str, Any], *, mark: str = "") -> bytes:
    """The rows; `mark` (who exported it and when, jj.core.exports.watermark) is the first row, starting with '#'."""
    rows: list[tuple[Any, ...]] = []
    period = result.get("period", {})
    rows.append(("period", "from", "", "", period.get("from", "")))
    rows.append(("period", "to", "", "", period.get("to", "")))
    rows.append(("suppression", "threshold", "", "", result.get("threshold", "")))
    for p in result.get("parameters", []):
        rows.append(("parameter", p["name"], "", "current", str(p["current"])))
        rows.append(("parameter", p["name"], "", "proposed", str(p["proposed"])))
    coverage = result.get("coverage", {})
    rows.append(("coverage", "acts", "", "", coverage.get("acts", 0)))
    rows.append(("coverage", "replayable", "", "", coverage.get("replayable", 0)))
    rows.append(("coverage", "share", "", "", coverage.get("share", "")))
    rows.append(("reproduced", "mismatches", "", "", result.get("reproduced", {}).get("mismatches", 0)))
    for name, value in result.get("totals", {}).items():
        rows.append(("total", name, "", "", _value(value)))
    for name, value in result.get("acts", {}).items():
        rows.append(("acts", name, "", "", value))
    for r in result.get("rules", []):
        rows.append(("rule", r["rule_id"], f"{r['from']} -> {r['to']}", "acts", r["acts"]))
    for dimension, groups in result.get("breakdown", {}).items():
        for row in groups:
            for measure, value in row.items():
                if measure != "group":
                    rows.append((f"by {dimension}", dimension, row["group"], measure, _value(value)))
    for name, value in result.get("missing", {}).items():
        rows.append(("missing", name, "", "", value))
    out = io.StringIO()
    writer = csv.writer(out)
    if mark:
        writer.writerow([guard("# " + mark)])
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([guard(cell) for cell in row])
    return out.getvalue().encode("utf-8")
