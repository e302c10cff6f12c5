#!/usr/bin/env python
"""make bench-simulation: time a policy impact simulation over the bench-data dataset (make bench-data SIZE=...).

Replays the year before the dataset's epoch under "raise the minimum age of criminal responsibility from 12 to 14"
(the dataset's policy has 12) exactly as the background task does (jj.simulation.replay: replay_period, then
publish), and reports the acts replayed, the total time, acts per second, the query count, the machine's load,
this process's CPU time and the headline numbers (cases removed, child-days avoided, mismatches with the stored
decisions: 0 expected). Writes bench/results-simulation-<size>.json. Read-only on the database.
"""

import json
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "backend"))
sys.path.insert(0, str(HERE))

from data import DEFAULT_URL, EPOCH, SIZES, setup_django  # noqa: E402


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    setup_django(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jj.accounts.models import Jurisdiction
    from jj.cases.models import Case
    from jj.compliance.selectors import policy_for
    from jj.oversight.selectors import suppression_threshold_for
    from jj.people.models import Child
    from jj.simulation.replay import publish, replay_period

    children = Child.objects.count()
    size = next((name for name, (n, _) in SIZES.items() if n == children), f"{children}-children")
    dataset = {"size": size, "children": children, "cases": Case.objects.count()}
    jurisdiction = Jurisdiction.objects.get(code="nat")
    current = policy_for(jurisdiction.pk)
    proposed = current.with_values({"macr": 14})
    start, end = EPOCH - timedelta(days=365), EPOCH
    load_before = os.getloadavg()
    progress: list[int] = []
    with CaptureQueriesContext(connection) as queries:
        began, cpu_began = time.monotonic(), time.process_time()
        raw = replay_period(
            jurisdiction_id=jurisdiction.pk,
            current=current,
            proposed=proposed,
            start=start,
            end=end,
            now=EPOCH,
            progress=progress.append,
        )
        replayed = time.monotonic()
        result = publish(
            raw,
            current=current,
            proposed=proposed,
            threshold=suppression_threshold_for(jurisdiction=jurisdiction),
            start=start,
            end=end,
        )
        finished, cpu = time.monotonic(), time.process_time() - cpu_began
    total = finished - began
    out = {
        "size": dataset.get("size", "?"),
        "children": dataset.get("children"),
        "cases": dataset.get("cases"),
        "proposal": "macr 12 -> 14",
        "period": [start.date().isoformat(), end.date().isoformat()],
        "acts": raw.acts,
        "replayable": raw.replayable,
        "replay_seconds": round(replayed - began, 2),
        "publish_seconds": round(finished - replayed, 2),
        "total_seconds": round(total, 2),
        "acts_per_second": round(raw.acts / total) if total else None,
        # This process's own CPU time (the replay is Python-bound; PostgreSQL's share is in the wall time): on a
        # loaded machine, acts per CPU second says what the code costs, acts per second what the reader waited.
        "python_cpu_seconds": round(cpu, 2),
        "acts_per_cpu_second": round(raw.acts / cpu) if cpu else None,
        "queries": len(queries.captured_queries),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "mismatches": raw.mismatches,
        "totals": result["totals"],
        "missing": result["missing"],
    }
    (HERE / f"results-simulation-{out['size']}.json").write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
