#!/usr/bin/env python
"""16 concurrent readers and writers on the audit trail (issue 12), on the bench database.

Eight threads append read events and eight append write events, each in its own connection and transaction, as
many as they can for a fixed number each; run once with reads chained at once (AUDIT_DEFER_READS off: every
append takes the chain lock) and once with reads deferred (one INSERT into the pending table, no lock), then the
pending reads are sealed and the whole chain verified. Prints events per second for reads, writes and sealing.

    cd backend && BENCH_DATABASE_URL=... ../.venv/bin/python ../bench/audit_concurrency.py [--per-thread 100]
"""

import argparse
import os
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import DEFAULT_URL  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-thread", type=int, default=100)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import override_settings

    from jj.accounts.models import User
    from jj.audit.services import audit_append, audit_read, audit_seal_pending
    from jj.audit.verification import verify_chain

    actor = User.objects.filter(role="caseworker").first()
    assert actor is not None, "run make bench-data first"

    def run(deferred: bool) -> dict[str, float]:
        spans: dict[str, list[float]] = {"read": [], "write": []}

        def work(kind: str) -> None:
            try:
                began = time.perf_counter()
                for i in range(args.per_thread):
                    with transaction.atomic():
                        if kind == "read":
                            audit_read(actor=actor, object_type="child", object_id=i, child_id=i + 1)
                        else:
                            audit_append(actor=actor, action="bench.write", object_type="child", object_id=i)
                spans[kind].append(time.perf_counter() - began)
            finally:
                connection.close()

        with override_settings(AUDIT_DEFER_READS=deferred):
            threads = [threading.Thread(target=work, args=(k,)) for k in ["read"] * 8 + ["write"] * 8]
            began = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - began
        sealed_began = time.perf_counter()
        sealed = audit_seal_pending()
        seal_s = time.perf_counter() - sealed_began
        n = 8 * args.per_thread
        return {
            "wall_s": round(wall, 2),
            "reads_per_s": round(n / max(spans["read"]), 1),
            "writes_per_s": round(n / max(spans["write"]), 1),
            "all_per_s": round(2 * n / wall, 1),
            "sealed": sealed,
            "sealed_per_s": round(sealed / seal_s, 1) if sealed else 0.0,
        }

    for deferred in (False, True):
        print(f"reads {'deferred' if deferred else 'chained at once'}: {run(deferred)}", flush=True)
    report = verify_chain()
    print(f"chain verifies: {report.ok} ({report.events_checked} events)")


if __name__ == "__main__":
    main()
