#!/usr/bin/env python
"""Benchmarks (make bench). Run from backend/: ../.venv/bin/python ../bench/run.py [--events N] [--writes N]

Measures, on a fresh database (SQLite file by default; PostgreSQL when DATABASE_URL is set):
1. the cost of auditing a typical write: a child-record update through its service, with the audit
   append as written and with it replaced by a no-op, as a latency ratio (target < 1.2x);
2. verification of a long audit chain (target: 1,000,000 events in under a minute);
3. a list endpoint's latency at page sizes 10 and 100 (the query count is pinned by tests; this is time).
Results are printed and written to bench/results.json. Timings are for this machine only.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BACKEND = HERE.parent / "backend"
sys.path.insert(0, str(BACKEND))


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["SQLITE_PATH"] = os.path.join(tempfile.mkdtemp(prefix="jj-bench-"), "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def world():  # type: ignore[no-untyped-def]
    from jj.accounts.models import Agency, Jurisdiction, Role, User

    jurisdiction, _ = Jurisdiction.objects.get_or_create(code="bench", defaults={"name": "Bench"})
    agency, _ = Agency.objects.get_or_create(jurisdiction=jurisdiction, name="Bench agency")
    user, created = User.objects.get_or_create(username="bench", defaults={"role": Role.SUPERVISOR, "agency": agency})
    if created:
        user.set_password("bench-password-123")
        user.save()
    return user


def _client(user):  # type: ignore[no-untyped-def]
    import warnings

    from django.test import Client

    warnings.filterwarnings("ignore", message="No directory at")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def bench_audit_ratio(writes: int) -> dict[str, float]:
    from unittest import mock

    from jj.people import services
    from jj.people.models import Child

    user = world()
    child = services.child_register(actor=user, data={"given_name": "Bench", "dob_certainty": "unknown"})

    audit_on = True
    real_append = services.audit_append

    def maybe_append(**kwargs):  # type: ignore[no-untyped-def]
        return real_append(**kwargs) if audit_on else None

    def one_service_write(i: int) -> float:
        current = Child.objects.get(pk=child.pk)
        start = time.perf_counter()
        services.child_update(actor=user, child=current, version=current.version, data={"languages": f"L{i}"})
        return time.perf_counter() - start

    def one_api_write(i: int) -> float:
        version = Child.objects.get(pk=child.pk).version
        start = time.perf_counter()
        response = client.patch(
            f"/api/children/{child.pk}/", {"languages": f"H{i}", "version": version}, content_type="application/json"
        )
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, response.content
        return elapsed

    client = _client(user)
    samples: dict[tuple[str, bool], list[float]] = {}
    with mock.patch("jj.people.services.audit_append", maybe_append):
        for i in range(writes + 20):  # interleaved, so drift in the machine's load affects both sides alike
            for kind, fn in (("service", one_service_write), ("api", one_api_write)):
                for audit_on in (True, False):
                    elapsed = fn(i)
                    if i >= 20:  # the first rounds warm caches and connections
                        samples.setdefault((kind, audit_on), []).append(elapsed)
    with_audit, without_audit = samples[("service", True)], samples[("service", False)]
    http_with, http_without = samples[("api", True)], samples[("api", False)]
    med = statistics.median
    return {
        "service_write_median_ms_with_audit": round(med(with_audit) * 1000, 3),
        "service_write_median_ms_without_audit": round(med(without_audit) * 1000, 3),
        "service_write_audit_ratio": round(med(with_audit) / med(without_audit), 3),
        "api_write_median_ms_with_audit": round(med(http_with) * 1000, 3),
        "api_write_median_ms_without_audit": round(med(http_without) * 1000, 3),
        "api_write_audit_ratio": round(med(http_with) / med(http_without), 3),
    }


def bench_verify(events: int) -> dict[str, float]:
    from jj.audit.chain import GENESIS_HASH, chain_hasher
    from jj.audit.models import AuditEvent
    from jj.audit.services import audit_key, iso_utc
    from jj.audit.verification import verify_chain

    start_seq = (AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0) + 1
    last = AuditEvent.objects.order_by("-seq").values_list("hash", flat=True).first() or GENESIS_HASH
    base = datetime(2026, 1, 1, tzinfo=UTC)
    event_hash = chain_hasher(audit_key())
    t0 = time.perf_counter()
    batch: list[AuditEvent] = []
    for seq in range(start_seq, start_seq + events):
        moment = base + timedelta(seconds=seq)
        fields = {
            "seq": seq,
            "occurred_at": iso_utc(moment),
            "actor_id": 1,
            "actor_username": "bench",
            "actor_role": "caseworker",
            "agency_id": 1,
            "action": "child.read",
            "object_type": "child",
            "object_id": str(seq % 5000),
            "child_ref": f"C-{seq % 5000:012X}",
            "outcome": "success",
            "changes": {},
            "decisions": [],
            "rule_ids": "",
            "decision_outcomes": "",
            "reason": "",
            "request_id": f"{seq:032x}",
            "ip": "127.0.0.1",
            "prev_hash": last,
        }
        fields["hash"] = last = event_hash(fields)
        fields["occurred_at"] = moment
        batch.append(AuditEvent(**fields))
        if len(batch) == 10_000:
            AuditEvent.objects.bulk_create(batch)
            batch = []
    AuditEvent.objects.bulk_create(batch)
    generated = time.perf_counter() - t0
    t1 = time.perf_counter()
    report = verify_chain()
    verified = time.perf_counter() - t1
    assert report.ok, report
    return {
        "events": report.events_checked,
        "generate_s": round(generated, 1),
        "verify_s": round(verified, 1),
        "verify_events_per_s": round(report.events_checked / verified),
    }


def bench_list(requests: int) -> dict[str, float]:
    import warnings

    from django.test import Client

    warnings.filterwarnings("ignore", message="No directory at")

    from jj.cases import services as case_services
    from jj.people import services as people_services

    user = world()
    for i in range(120):
        child = people_services.child_register(
            actor=user,
            data={"given_name": f"C{i}", "dob_certainty": "documented", "date_of_birth": datetime(2010, 3, 1).date()},
        )
        case_services.case_open(
            actor=user,
            child=child,
            kind="arrest",
            offences=[
                {"description": "Theft", "category": "05", "offence_date": datetime(2026, 1, 1, tzinfo=UTC).date()}
            ],
        )
    client = _client(user)
    out: dict[str, float] = {}
    for size in (10, 100):
        samples = []
        for _ in range(requests):
            start = time.perf_counter()
            response = client.get(f"/api/cases/?page_size={size}")
            samples.append(time.perf_counter() - start)
            assert response.status_code == 200
        out[f"cases_list_page_{size}_median_ms"] = round(statistics.median(samples) * 1000, 2)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--writes", type=int, default=300)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    results = {"database": connection.vendor, "measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
    results |= bench_audit_ratio(args.writes)
    results |= bench_list(args.requests)
    results |= bench_verify(args.events)
    for key, value in results.items():
        sys.stdout.write(f"{key:40} {value}\n")
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
