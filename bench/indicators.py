#!/usr/bin/env python
"""make bench-indicators: time the oversight statistics over the bench-data dataset (make bench-data SIZE=...).

Computes, for the dataset's jurisdiction and the year before its epoch, what the oversight dashboard asks for: the
15 indicators (whole, and by sex and by age group), the compliance rates, the refusals per agency, the median time
to counsel, the relative rate index by sex, and occupancy by month. Reports each one's time and query count, the
machine's load and this process's CPU time (issue 12's budget: all 15 for one jurisdiction and one year in at most
3 s; issue 13: computed in the database). Writes bench/results-indicators-<size>.json. Read-only on the database.
"""

import json
import os
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

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
    from jj.oversight import monitoring
    from jj.oversight.conventions import Conventions
    from jj.oversight.indicators import indicators_compute
    from jj.people.models import Child

    children = Child.objects.count()
    size = next((name for name, (n, _) in SIZES.items() if n == children), f"{children}-children")
    jurisdiction = Jurisdiction.objects.get(code="nat")
    start = (EPOCH - timedelta(days=365)).date()
    conventions = Conventions(period_start=start, period_end=(EPOCH - timedelta(days=1)).date())

    steps: dict[str, Callable[[], Any]] = {
        "15 indicators": lambda: indicators_compute(jurisdiction=jurisdiction, conventions=conventions),
        "15 indicators by sex": lambda: indicators_compute(jurisdiction=jurisdiction, conventions=conventions, by="sex"),
        "15 indicators by age group": lambda: indicators_compute(
            jurisdiction=jurisdiction, conventions=conventions, by="age_group"
        ),
        "deadline compliance": lambda: monitoring.deadline_compliance(
            jurisdiction=jurisdiction, conventions=conventions, now=EPOCH
        ),
        "refusals per agency": lambda: monitoring.refusals(jurisdiction=jurisdiction, conventions=conventions),
        "median time to counsel": lambda: monitoring.time_to_counsel(jurisdiction=jurisdiction, conventions=conventions),
        "relative rate index by sex": lambda: monitoring.relative_rate_index(
            jurisdiction=jurisdiction, conventions=conventions, by="sex"
        ),
        "occupancy by month": lambda: monitoring.occupancy(jurisdiction=jurisdiction, conventions=conventions),
    }
    load_before = os.getloadavg()
    results = []
    for name, step in steps.items():
        with CaptureQueriesContext(connection) as queries:
            began, cpu_began = time.monotonic(), time.process_time()
            value = step()
            seconds, cpu = time.monotonic() - began, time.process_time() - cpu_began
        results.append(
            {
                "what": name,
                "seconds": round(seconds, 2),
                "python_cpu_seconds": round(cpu, 2),
                "queries": len(queries.captured_queries),
                # What was counted, so a fast answer is seen to be a real one (indicator number -> numerator).
                **(
                    {"numerators": {r["number"]: r["numerator"] for r in value}}
                    if name == "15 indicators"
                    else {}
                ),
            }
        )
        print(f"{name}: {seconds:.2f} s, {len(queries.captured_queries)} queries", flush=True)
    out = {
        "size": size,
        "children": children,
        "cases": Case.objects.count(),
        "period": [conventions.period_start.isoformat(), conventions.period_end.isoformat()],
        "steps": results,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    (HERE / f"results-indicators-{size}.json").write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
