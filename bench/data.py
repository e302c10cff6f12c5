#!/usr/bin/env python
"""make bench-data SIZE=10k|100k|national: a reproducible benchmark dataset written straight into PostgreSQL.

Recreates the database named in BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/jj_bench), migrates
it, then fills it with COPY, row values being pure functions of the row number (no random state: the same SIZE
always gives the same rows, on any machine). Shape (national): 300 agencies, 1,000,000 children, 1,500,000 cases
(every child one case, every other child a second), every case assigned to one caseworker of its agency with at
most 300 open cases each (17 caseworkers an agency: 5,100), one supervisor and one facility with one officer an
agency, 2% of children held now (20,000 open custody episodes), one deadline a case (a third met) plus a
final-decision deadline for each child held, and 3 audit events a child on a valid hash chain. Smaller sizes keep
the proportions. Every user's password is BENCH_PASSWORD.

The jurisdiction's policy sets the minimum age of criminal responsibility at 12 (BENCH_POLICY), and every case's
intake and every custody start carry what a real act stores (compliance.DecisionInputs: the complete facts, and the
DecisionRecords the rules engine answered on them under that policy), so the policy impact simulation can replay them
(`make bench-simulation`). Children are 12 to 17 at the offence of their first case.
"""

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "backend"))
sys.path.insert(0, str(HERE))

BENCH_PASSWORD = "bench-password-123"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/jj_bench"
SIZES = {
    # children, agencies
    "10k": (10_000, 3),
    "100k": (100_000, 30),
    "national": (1_000_000, 300),
}
CASES_PER_WORKER = 295  # open cases a caseworker carries (the bound is 300)
EPOCH = datetime(2026, 11, 1, tzinfo=UTC)  # fixed, so the data is the same whenever it is generated
BENCH_POLICY = {"macr": 12}  # the jurisdiction's departure from the standard (a minimum age of 12, as many have)


def mix(i: int, salt: int = 0) -> int:
    """A deterministic scramble of i (Knuth's multiplicative hash), for spreading values without randomness."""
    return ((i + salt * 7919) * 2654435761) & 0xFFFFFFFF


class Plan:
    """Every id and value of the dataset as a function of SIZE."""

    def __init__(self, size: str) -> None:
        self.children, self.agencies = SIZES[size]
        self.cases = self.children * 3 // 2
        per_agency = math.ceil(self.cases / self.agencies)
        self.workers_per_agency = math.ceil(per_agency / CASES_PER_WORKER)
        self.held = self.children // 50
        # users: ids 1..A supervisors, then caseworkers, then facility officers, then one monitor
        self.first_worker = self.agencies + 1
        self.first_officer = self.first_worker + self.agencies * self.workers_per_agency
        self.monitor = self.first_officer + self.agencies
        self.users = self.monitor

    def child_agency(self, child: int) -> int:
        return (child - 1) % self.agencies + 1

    def case_child(self, case: int) -> int:
        return (case - 1) % self.children + 1

    def case_worker(self, case: int) -> int:
        agency = self.child_agency(self.case_child(case))
        slot = ((case - 1) // self.agencies) % self.workers_per_agency
        return self.first_worker + (agency - 1) * self.workers_per_agency + slot

    def worker_agency(self, user: int) -> int:
        return (user - self.first_worker) // self.workers_per_agency + 1

    def opened_at(self, case: int) -> datetime:
        return EPOCH - timedelta(minutes=mix(case) % (5 * 365 * 24 * 60))

    def is_held(self, child: int) -> bool:
        return child % 50 == 0

    def offence_date(self, case: int) -> date:
        return self.opened_at(case).date() - timedelta(days=mix(case, 8) % 30)

    def born(self, child: int) -> date:
        """12 to 17 years before the offence of the child's earliest case (12 * 365 + 3 days: 12 full years)."""
        second = child + self.children
        first = min(self.offence_date(child), self.offence_date(second)) if second <= self.cases else None
        first = first or self.offence_date(child)
        return first - timedelta(days=365 * 12 + 3 + mix(child, 1) % (365 * 6))


def rows_for(
    model: Any, values: Iterable[dict[str, Any]], now: datetime
) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """COPY columns and rows for `model`: given values, else the field's default, else '' / None / now."""
    fields = list(model._meta.concrete_fields)
    columns = [f.column for f in fields]

    def fill(field: Any) -> Callable[[], Any]:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return lambda: now
        if field.has_default():
            return field.get_default
        if field.null:
            return lambda: None
        return lambda: ""

    fillers = [(f.attname, f.name, fill(f), f.get_internal_type() == "JSONField") for f in fields]

    def gen() -> Iterator[tuple[Any, ...]]:
        for row in values:
            out = []
            for attname, name, default, is_json in fillers:
                value = row[attname] if attname in row else row[name] if name in row else default()
                out.append(json.dumps(value) if is_json and value is not None else value)
            yield tuple(out)

    return columns, gen()


def copy(cursor: Any, model: Any, values: Iterable[dict[str, Any]], now: datetime) -> int:
    columns, rows = rows_for(model, values, now)
    count = 0
    table = model._meta.db_table
    with cursor.copy(f'COPY "{table}" ({", ".join(columns)}) FROM STDIN') as out:
        for row in rows:
            out.write_row(row)
            count += 1
    return count


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
    import django

    django.setup()


def generate(size: str, events_per_child: int) -> dict[str, Any]:
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection, transaction

    from jj.accounts.models import Agency, Jurisdiction, Role, User
    from jj.audit.chain import GENESIS_HASH, chain_hasher
    from jj.audit.services import audit_key, iso_utc
    from jj.cases.models import Assignment, Case
    from jj.compliance.models import DecisionInputs, DecisionRecord, JurisdictionPolicy
    from jj.core.exceptions import decision_to_json
    from jj.core.i18n import stored_parts
    from jj.core.pseudonym import child_pseudonym
    from jj.custody.models import CustodyEpisode, Facility
    from jj.deadlines.models import Deadline
    from jj.people.models import Child
    from jj.rules.engine import Trigger
    from jj.rules.facts import CaseFacts, ChildFacts, FacilityFacts, OffenceFacts, PlacementFacts
    from jj.rules.policy import STANDARD
    from jj.rules.registry import replay as decide
    from jj.rules.serialize import facts_dump

    plan = Plan(size)
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    now = EPOCH
    counts: dict[str, int] = {}
    password = make_password(BENCH_PASSWORD)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        # The rows are consistent by construction: skip the per-row foreign-key triggers (Django's constraints are
        # DEFERRABLE INITIALLY DEFERRED, so each of millions of rows would be re-checked at COMMIT). Needs the
        # database owner or a superuser, as creating the database does anyway.
        cursor.execute("SET LOCAL session_replication_role = replica")
        raw = cursor.cursor  # the psycopg cursor, for COPY
        counts["jurisdictions"] = copy(raw, Jurisdiction, [{"id": 1, "code": "nat", "name": "Nation"}], now)
        counts["agencies"] = copy(
            raw,
            Agency,
            ({"id": a, "jurisdiction_id": 1, "name": f"Agency {a:03d}"} for a in range(1, plan.agencies + 1)),
            now,
        )

        def users() -> Iterator[dict[str, Any]]:
            base = {"password": password, "is_active": True, "date_joined": now}
            for a in range(1, plan.agencies + 1):
                yield {**base, "id": a, "username": f"sup{a:03d}", "role": Role.SUPERVISOR, "agency_id": a}
            for u in range(plan.first_worker, plan.first_officer):
                yield {
                    **base,
                    "id": u,
                    "username": f"cw{u:05d}",
                    "role": Role.CASEWORKER,
                    "agency_id": plan.worker_agency(u),
                }
            for a in range(1, plan.agencies + 1):
                u = plan.first_officer + a - 1
                yield {**base, "id": u, "username": f"fo{a:03d}", "role": Role.FACILITY_OFFICER, "agency_id": a}
            yield {**base, "id": plan.monitor, "username": "monitor", "role": Role.OVERSIGHT_MONITOR, "agency_id": 1}

        counts["users"] = copy(raw, User, users(), now)
        counts["facilities"] = copy(
            raw,
            Facility,
            (
                {
                    "id": a,
                    "jurisdiction_id": 1,
                    "operator_id": a,
                    "name": f"Youth centre {a:03d}",
                    "kind": "juvenile_detention",
                    "capacity": max(20, plan.held // plan.agencies * 2),
                    "children_wholly_separated": True,
                }
                for a in range(1, plan.agencies + 1)
            ),
            now,
        )
        staff = Facility.staff.through
        counts["facility_staff"] = copy(
            raw,
            staff,
            ({"id": a, "facility_id": a, "user_id": plan.first_officer + a - 1} for a in range(1, plan.agencies + 1)),
            now,
        )
        sexes = ("female", "male", "male", "female", "unknown")

        def children() -> Iterator[dict[str, Any]]:
            for c in range(1, plan.children + 1):
                born = plan.born(c)
                created = EPOCH - timedelta(minutes=mix(c, 2) % (5 * 365 * 24 * 60))
                yield {
                    "id": c,
                    "jurisdiction_id": 1,
                    "agency_id": plan.child_agency(c),
                    "given_name": f"Child{c}",
                    "family_name": f"Family{mix(c, 3) % 5000}",
                    "date_of_birth": born,
                    "dob_certainty": "documented",
                    "sex": sexes[c % 5],
                    "created_at": created,
                    "updated_at": created,
                }

        counts["children"] = copy(raw, Child, children(), now)
        statuses = ("open", "open", "charged", "diverted", "sentenced", "closed")

        def cases() -> Iterator[dict[str, Any]]:
            for k in range(1, plan.cases + 1):
                opened = plan.opened_at(k)
                status = statuses[mix(k, 4) % len(statuses)]
                child = plan.case_child(k)
                yield {
                    "id": k,
                    "reference": f"NAT-{k:08d}",
                    "child_id": child,
                    "jurisdiction_id": 1,
                    "agency_id": plan.child_agency(child),
                    "kind": "arrest" if k % 3 else "referral",
                    "status": status,
                    "opened_at": opened,
                    "closed_at": opened + timedelta(days=90) if status == "closed" else None,
                    "opened_by_id": plan.case_worker(k),
                    "created_at": opened,
                    "updated_at": opened,
                }

        counts["cases"] = copy(raw, Case, cases(), now)
        counts["assignments"] = copy(
            raw,
            Assignment,
            (
                {
                    "id": k,
                    "case_id": k,
                    "user_id": plan.case_worker(k),
                    "role": "caseworker",
                    "assigned_at": plan.opened_at(k),
                }
                for k in range(1, plan.cases + 1)
            ),
            now,
        )
        held = [c for c in range(1, plan.children + 1) if plan.is_held(c)]

        def held_at(c: int) -> datetime:
            return EPOCH - timedelta(hours=1 + mix(c, 5) % (24 * 60))

        counts["custody_episodes"] = copy(
            raw,
            CustodyEpisode,
            (
                {
                    "id": n,
                    "case_id": c,  # case c is child c's first case
                    "child_id": c,
                    "kind": "pretrial_detention",
                    "legal_status": "pre_sentence",
                    "started_at": held_at(c),
                    "current_facility_id": plan.child_agency(c),
                    "started_by_id": plan.case_worker(c),
                }
                for n, c in enumerate(held, start=1)
            ),
            now,
        )

        def deadlines() -> Iterator[dict[str, Any]]:
            n = 0
            for k in range(1, plan.cases + 1):
                n += 1
                due = EPOCH + timedelta(hours=mix(k, 6) % (24 * 90)) - timedelta(days=30)
                met = k % 3 == 0
                yield {
                    "id": n,
                    "case_id": k,
                    "agency_id": plan.child_agency(plan.case_child(k)),
                    "kind": "review",
                    "description": "Review of the case plan",
                    "due_at": due,
                    "created_at": plan.opened_at(k),
                    "met_at": due - timedelta(hours=2) if met else None,
                }
            for c in held:
                n += 1
                yield {
                    "id": n,
                    "case_id": c,
                    "agency_id": plan.child_agency(c),
                    "kind": "final_decision",
                    "rule_id": "PTD-6",
                    "description": "Final decision on the charges (pretrial detention)",
                    "due_at": EPOCH + timedelta(hours=mix(c, 7) % (24 * 14)) - timedelta(days=3),
                    "priority": True,
                    "created_at": EPOCH - timedelta(days=30),
                }

        counts["deadlines"] = copy(raw, Deadline, deadlines(), now)

        def events() -> Iterator[dict[str, Any]]:
            prev = GENESIS_HASH
            event_hash = chain_hasher(audit_key())  # the chain is keyed (JJ_AUDIT_HMAC_KEY, see bench_settings)
            total = plan.children * events_per_child
            actions = ("case.read", "child.read", "case.update")
            for seq in range(1, total + 1):
                child = (seq - 1) % plan.children + 1
                actor = plan.case_worker(child)
                fields: dict[str, Any] = {
                    "seq": seq,
                    "occurred_at": iso_utc(EPOCH - timedelta(seconds=(total - seq) * 7)),
                    "actor_id": actor,
                    "actor_username": f"cw{actor:05d}",
                    "actor_role": "caseworker",
                    "agency_id": plan.child_agency(child),
                    "action": actions[seq % 3],
                    "object_type": "case",
                    "object_id": str(child),
                    "child_ref": child_pseudonym(child),
                    "outcome": "success",
                    "changes": {},
                    "decisions": [],
                    "rule_ids": "",
                    "decision_outcomes": "",
                    "reason": "",
                    "request_id": "",
                    "ip": "",
                    "prev_hash": prev,
                }
                fields["hash"] = prev = event_hash(fields)
                fields["occurred_at"] = datetime.fromisoformat(fields["occurred_at"])
                yield fields

        # The acts the simulation replays: every case's intake and every custody start, with their complete facts
        # (DecisionInputs, ids: case k -> k, episode n -> cases + n) and the decisions the rules engine answered on
        # them under the jurisdiction's policy (DecisionRecords), as compliance.services stores a real act.
        policy_row = {"id": 1, "jurisdiction_id": 1, "values": BENCH_POLICY}
        counts["policies"] = copy(raw, JurisdictionPolicy, [policy_row], now)
        policy = STANDARD.with_values(BENCH_POLICY)
        capacity = max(20, plan.held // plan.agencies * 2)

        def case_facts(k: int) -> CaseFacts:
            child = plan.case_child(k)
            return CaseFacts(
                child=ChildFacts(date_of_birth=plan.born(child), dob_certainty="documented", sex=sexes[child % 5]),
                offences=(OffenceFacts(offence_date=plan.offence_date(k), category=("05", "07", "11")[k % 3]),),
                opened_at=plan.opened_at(k),
                zone="UTC",
            )

        def placement(n: int, c: int) -> PlacementFacts:
            return PlacementFacts(
                case=case_facts(c),
                facility=FacilityFacts("juvenile_detention", capacity, n % capacity, True),
                at=held_at(c),
                zone="UTC",
                commitment_order_reference=f"ORD-{n}",
                age_floor_justification="No alternative protects the child (bench)",
                child_views="The child was heard (bench)",
            )

        def acts() -> Iterator[tuple[int, str, str, int, int, datetime, Any]]:
            """(inputs id, trigger, object type, object id, case id, as of, facts) of every act."""
            for k in range(1, plan.cases + 1):
                yield k, Trigger.INTAKE.value, "case", k, k, plan.opened_at(k), case_facts(k)
            for n, c in enumerate(held, start=1):
                yield plan.cases + n, Trigger.CUSTODY_START.value, "custody_episode", n, c, held_at(c), placement(n, c)

        counts["decision_inputs"] = copy(
            raw,
            DecisionInputs,
            (
                {
                    "id": i,
                    "jurisdiction_id": 1,
                    "case_id": case,
                    "trigger": trigger,
                    "as_of": at,
                    "facts": facts_dump(facts),
                    "excluded_rules": [],
                    "object_type": kind,
                    "object_id": obj,
                }
                for i, trigger, kind, obj, case, at, facts in acts()
            ),
            now,
        )

        def decisions() -> Iterator[dict[str, Any]]:
            n = 0
            for i, trigger, kind, obj, case, at, facts in acts():
                for decision in decide(trigger, policy, facts, at):
                    n += 1
                    data = decision_to_json(decision)
                    yield {
                        "id": n,
                        "decided_at": at,
                        "trigger": trigger,
                        "rule_id": decision.rule_id,
                        "outcome": decision.outcome.value,
                        "message": decision.message,
                        "message_parts": stored_parts(decision.message),
                        "citation": data["citation"],
                        "further_citations": data["further_citations"],
                        "facts": data["facts"],
                        "below_standard": decision.below_standard,
                        "object_type": kind,
                        "object_id": obj,
                        "case_id": case,
                        "jurisdiction_id": 1,
                        "actor_id": plan.case_worker(case),
                        "justification": "Justified (bench)" if decision.satisfied else "",
                        "inputs_id": i,
                    }

        counts["decision_records"] = copy(raw, DecisionRecord, decisions(), now)

        counts["audit_events"] = copy(
            raw, __import__("jj.audit.models", fromlist=["AuditEvent"]).AuditEvent, events(), now
        )
        models: list[Any] = [Jurisdiction, Agency, User, Facility, staff, Child, Case, Assignment, CustodyEpisode]
        models += [Deadline, JurisdictionPolicy, DecisionInputs, DecisionRecord]
        for statement in connection.ops.sequence_reset_sql(
            __import__("django.core.management.color", fromlist=["no_style"]).no_style(), models
        ):
            cursor.execute(statement)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    counts["seconds"] = round(time.monotonic() - started, 1)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default=os.environ.get("SIZE", "10k"))
    parser.add_argument("--events-per-child", type=int, default=3)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        sys.exit("bench-data writes to PostgreSQL only (BENCH_DATABASE_URL).")
    recreate_database(url)
    setup_django(url)
    counts = generate(args.size, args.events_per_child)
    (HERE / "dataset.json").write_text(json.dumps({"size": args.size, **counts}, indent=2) + "\n")
    print(json.dumps({"size": args.size, **counts}))


if __name__ == "__main__":
    main()
