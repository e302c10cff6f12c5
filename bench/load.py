#!/usr/bin/env python
"""make bench (bench/load.py): the project's endpoints beside a bare DRF reference, over HTTP.

Runs on the dataset of `make bench-data`.

Starts gunicorn as docs/deployment.md describes (config.wsgi, WEB_CONCURRENCY sync workers, here 4 for 2 cores)
on 127.0.0.1 with the bench settings (the deployed settings plus the reference endpoints and a middleware that
reports queries and SQL time per request), drives it from separate client processes (a bounded Python client:
a fixed number of requests per scenario, keep-alive connections, 127.0.0.1 only), and writes p50/p95/p99,
throughput, queries per request, SQL versus Python time and the ratios to the reference into
bench/results-http-<size>.json and docs/benchmarks.md (between the `bench:http` markers).
"""

import argparse
import http.client
import json
import multiprocessing
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from data import BENCH_PASSWORD, DEFAULT_URL, Plan  # noqa: E402

HOST = "127.0.0.1"
OWN_CHILDREN = (
    "SELECT c.child_id FROM cases_assignment a JOIN cases_case c ON c.id = a.case_id"
    " WHERE a.user_id = %s AND a.ended_at IS NULL ORDER BY c.id LIMIT %s"
)


class Client:
    """One keep-alive connection with a session (signed in as `username`, or anonymous)."""

    def __init__(self, port: int, username: str | None = None) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection(HOST, port, timeout=30)
        self.cookies: dict[str, str] = {}
        if username:
            self._login(username)

    def _cookie_header(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, dict[str, str], bytes, float]:
        headers = {"Host": f"{HOST}:{self.port}", **self._cookie_header()}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["Referer"] = f"http://{HOST}:{self.port}/"
        began = time.perf_counter()
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        payload = response.read()
        elapsed = time.perf_counter() - began
        for key, value in response.getheaders():
            if key.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, {k.lower(): v for k, v in response.getheaders()}, payload, elapsed

    def _login(self, username: str) -> None:
        self.request("GET", "/api/auth/csrf/")
        status, _, payload, _ = self.request(
            "POST", "/api/auth/login/", {"username": username, "password": BENCH_PASSWORD}
        )
        if status != 200:
            raise RuntimeError(f"login {username}: {status} {payload[:200]!r}")


def measure(port: int, username: str | None, paths: list[str], rounds: int) -> dict[str, Any]:
    """Sequential requests (one client): latencies and the server's own accounting."""
    client = Client(port, username)
    for path in paths[:3]:  # warm-up: connection, session, worker caches
        client.request("GET", path)
    times, queries, sql, server = [], [], [], []
    for n in range(rounds):
        status, headers, payload, elapsed = client.request("GET", paths[n % len(paths)])
        if status != 200:
            raise RuntimeError(f"GET {paths[n % len(paths)]} as {username}: {status} {payload[:300]!r}")
        times.append(elapsed * 1000)
        queries.append(int(headers.get("x-queries", 0)))
        sql.append(float(headers.get("x-sql-ms", 0)))
        server.append(float(headers.get("x-server-ms", 0)))
    return summarise(times, queries, sql, server)


POST_ROUNDS = 60


def measure_posts(port: int, username: str, bodies: list[dict[str, Any]]) -> dict[str, Any]:
    """One POST /api/custody-episodes/ per body (each starts custody of another child), sequentially. A start the
    rules refuse (4xx) is counted apart and left out of the times."""
    client = Client(port, username)
    client.request("GET", "/api/auth/me/")
    times, queries, sql, server = [], [], [], []
    refused = 0
    for body in bodies:
        status, headers, payload, elapsed = client.request("POST", "/api/custody-episodes/", body)
        if status >= 500:
            raise RuntimeError(f"POST custody start: {status} {payload[:300]!r}")
        if status not in (201, 202):
            if not refused:  # the first refusal says why (the rules' decisions), for the benchmarks document
                print(f"custody start refused: {status} {payload[:600]!r}", flush=True)
            refused += 1
            continue
        times.append(elapsed * 1000)
        queries.append(int(headers.get("x-queries", 0)))
        sql.append(float(headers.get("x-sql-ms", 0)))
        server.append(float(headers.get("x-server-ms", 0)))
    if not times:
        return {"n": 0, "refused": refused}
    return {**summarise(times, queries, sql, server), "refused": refused}


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summarise(times: list[float], queries: list[int], sql: list[float], server: list[float]) -> dict[str, Any]:
    return {
        "n": len(times),
        "p50": round(pct(times, 50), 2),
        "p95": round(pct(times, 95), 2),
        "p99": round(pct(times, 99), 2),
        "queries": round(statistics.mean(queries), 1),
        "sql_ms": round(statistics.median(sql), 2),
        "python_ms": round(statistics.median([s - q for s, q in zip(server, sql, strict=True)]), 2),
    }


def _load_worker(args: tuple[int, str | None, list[str], int, Any]) -> tuple[int, float, float]:
    """Sign in and warm up, wait for every other client, then a fixed number of requests."""
    port, username, paths, count, barrier = args
    client = Client(port, username)
    client.request("GET", paths[0])
    barrier.wait(timeout=300)
    ok = 0
    began = time.time()
    for n in range(count):
        status, _, _, _ = client.request("GET", paths[n % len(paths)])
        ok += status == 200
    return ok, began, time.time()


def throughput(port: int, users: list[str | None], paths: list[list[str]], per_client: int) -> float:
    """Requests per second with len(users) concurrent connections, each doing a fixed number of requests, timed
    from the moment all are signed in to the last answer."""
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(len(users)) as pool:
        barrier = manager.Barrier(len(users))
        jobs = [(port, users[i], paths[i], per_client, barrier) for i in range(len(users))]
        results = pool.map(_load_worker, jobs)
    ok = sum(r[0] for r in results)
    return round(ok / (max(r[2] for r in results) - min(r[1] for r in results)), 1)


def db_rows(url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return list(conn.execute(sql, params).fetchall())


# Sessions in Redis as deployed (docs/deployment.md: CACHE_URL), on a database number of its own; "" for none.
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/12")
# The periodic sealer of pending audit reads (Celery beat runs jj.audit.seal every 5 s in production).
SEALER = (
    "import time, django; django.setup()\n"
    "from jj.audit.services import audit_seal_pending\n"
    "while True:\n    audit_seal_pending()\n    time.sleep(5)\n"
)


def server_env(url: str, workers: int) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "CACHE_URL": CACHE_URL,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": str(HERE),
        "WEB_CONCURRENCY": str(workers),
        "LOG_LEVEL": "WARNING",
    }


def start_sealer(url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 (fixed argv)
        [sys.executable, "-c", SEALER],
        cwd=ROOT / "backend",
        env=server_env(url, 1),
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )


def start_server(port: int, url: str, workers: int) -> subprocess.Popen[bytes]:
    env = server_env(url, workers)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    process = subprocess.Popen(  # noqa: S603 (fixed argv)
        [str(gunicorn), "config.wsgi", "--bind", f"{HOST}:{port}", "--workers", str(workers), "--timeout", "60"],
        cwd=ROOT / "backend",
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    for _ in range(120):
        time.sleep(0.5)
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/api/health/", headers={"Host": f"{HOST}:{port}"})
            if conn.getresponse().status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {process.stderr.read().decode()[-2000:] if process.stderr else ''}")
    stop_server(process)
    raise RuntimeError("gunicorn did not answer /api/health/ within a minute")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def startable_cases(url: str, worker: int) -> list[int]:
    """Cases of the caseworker whose child is not held now: one custody start each."""
    return [
        r[0]
        for r in db_rows(
            url,
            "SELECT c.id FROM cases_assignment a JOIN cases_case c ON c.id = a.case_id"
            " WHERE a.user_id = %s AND a.ended_at IS NULL AND c.status IN ('open', 'charged', 'sentenced') AND NOT EXISTS"
            " (SELECT 1 FROM custody_custodyepisode e WHERE e.child_id = c.child_id AND e.ended_at IS NULL)"
            " ORDER BY c.id LIMIT %s",
            (worker, POST_ROUNDS),
        )
    ]


def start_bodies(cases: list[int], facility: int) -> list[dict[str, Any]]:
    return [
        {
            "case": case_id,
            "facility": facility,
            "police_cell_justification": "No youth unit open at night",
            "age_floor_justification": "Benchmark: the child's age is documented",
            "commitment_order_reference": f"BENCH-{case_id}",  # DET-3: a detention facility needs one
            "child_views": "The child was heard and asked to go home (bench)",  # HRD-1: the child's views recorded
        }
        for case_id in cases
    ]


def run_posts(size: str, port: int) -> dict[str, Any]:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    plan = Plan(size)
    worker = plan.first_worker
    bodies = start_bodies(startable_cases(url, worker), plan.worker_agency(worker))
    server = start_server(port, url, 4)
    sealer = start_sealer(url)
    try:
        measured = measure_posts(port, f"cw{worker:05d}", bodies)
    finally:
        stop_server(sealer)
        stop_server(server)
    print(f"{'custody start (POST)':40s} {measured}", flush=True)
    return measured


def run(size: str, port: int, rounds: int, workers: int, clients: int, per_client: int) -> dict[str, Any]:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    plan = Plan(size)
    workers_ids = [plan.first_worker + i * plan.workers_per_agency for i in range(min(clients, plan.agencies))]
    workers_ids += [plan.first_worker + i for i in range(1, clients - len(workers_ids) + 1)]
    cw = f"cw{workers_ids[0]:05d}"
    sup = "sup001"
    own_children = [
        r[0]
        for r in db_rows(
            url,
            "SELECT c.child_id FROM cases_assignment a JOIN cases_case c ON c.id = a.case_id WHERE a.user_id = %s AND a.ended_at IS NULL ORDER BY c.id LIMIT 20",
            (workers_ids[0],),
        )
    ]
    deep = db_rows(url, "SELECT count(*) FROM cases_case WHERE agency_id = 1")[0][0] // 25
    # Custody start (POST): cases of the caseworker whose child is not held now, one start each; one facility an
    # agency, numbered like its agency.
    bodies = start_bodies(startable_cases(url, workers_ids[0]), plan.worker_agency(workers_ids[0]))
    load_before = os.getloadavg()
    server = start_server(port, url, workers)
    sealer = start_sealer(url)
    results: dict[str, Any] = {}
    try:
        client = Client(port, sup)
        body = json.loads(client.request("GET", "/api/cases/?page=1")[2])
        cursor_path = "/api/cases/?" + urlencode({"cursor": body["next_cursor"]})
        for _ in range(5):  # walk five pages by cursor for a realistic "next" page
            body = json.loads(client.request("GET", cursor_path)[2])
            cursor_path = "/api/cases/?" + urlencode({"cursor": body["next_cursor"]})
        scenarios: list[tuple[str, str | None, list[str]]] = [
            ("caseworker case list", cw, ["/api/cases/"]),
            ("ref: caseworker case list", None, [f"/ref/cases/?caseworker={workers_ids[0]}"]),
            ("supervisor list page 1", sup, ["/api/cases/"]),
            ("ref: agency list page 1", None, ["/ref/cases/?agency=1"]),
            ("supervisor list page 100 (offset)", sup, ["/api/cases/?page=100"]),
            ("ref: agency list page 100", None, ["/ref/cases/?agency=1&page=100"]),
            (f"supervisor list last page {deep} (offset)", sup, [f"/api/cases/?page={deep}"]),
            (f"ref: agency list page {deep}", None, [f"/ref/cases/?agency=1&page={deep}"]),
            ("supervisor list next page (cursor)", sup, [cursor_path]),
            ("caseworker worklist", cw, ["/api/worklist/"]),
            ("supervisor worklist", sup, ["/api/worklist/"]),
            ("caseworker deadlines", cw, ["/api/deadlines/?bucket=open"]),
            ("ref: caseworker open deadlines", None, [f"/ref/deadlines/?caseworker={workers_ids[0]}"]),
            ("caseworker child list", cw, ["/api/children/"]),
            ("child detail", cw, [f"/api/children/{c}/" for c in own_children]),
            ("ref: child detail", None, [f"/ref/children/{c}/" for c in own_children]),
        ]
        for name, user, paths in scenarios:
            results[name] = measure(port, user, paths, rounds)
            print(f"{name:40s} {results[name]}", flush=True)
        results["custody start (POST)"] = measure_posts(port, cw, bodies)
        print(f"{'custody start (POST)':40s} {results['custody start (POST)']}", flush=True)
        tp: dict[str, float] = {}
        users = [f"cw{u:05d}" for u in workers_ids]
        tp["case list"] = throughput(port, list(users), [["/api/cases/"]] * clients, per_client)
        tp["ref: case list"] = throughput(
            port, [None] * clients, [[f"/ref/cases/?caseworker={u}"] for u in workers_ids], per_client
        )
        child_paths = []
        for u in workers_ids:
            kids = db_rows(
                url,
                "SELECT c.child_id FROM cases_assignment a JOIN cases_case c ON c.id = a.case_id WHERE a.user_id = %s AND a.ended_at IS NULL LIMIT 10",
                (u,),
            )
            child_paths.append([f"/api/children/{k[0]}/" for k in kids])
        tp["child detail"] = throughput(port, list(users), child_paths, per_client)
        tp["ref: child detail"] = throughput(
            port, [None] * clients, [[p.replace("/api/", "/ref/") for p in ps] for ps in child_paths], per_client
        )
        print(tp, flush=True)
    finally:
        stop_server(sealer)
        stop_server(server)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dataset = json.loads((HERE / "dataset.json").read_text()) if (HERE / "dataset.json").exists() else {}
    return {
        "size": size,
        "dataset": dataset,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"PostgreSQL {db_rows(url, 'SHOW server_version')[0][0].split(' ')[0]}",
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "gunicorn_workers": workers,
        "clients": clients,
        "latency": results,
        "throughput": tp,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default=None, help="the dataset's size (default: bench/dataset.json's)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8812")))
    parser.add_argument("--rounds", type=int, default=200, help="requests per latency scenario")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (deployment: about two per core)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--per-client", type=int, default=25, help="requests per client in throughput runs")
    parser.add_argument(
        "--post-only", action="store_true", help="measure only custody start (POST) into the size's existing results"
    )
    args = parser.parse_args()
    size = args.size or json.loads((HERE / "dataset.json").read_text())["size"]
    if args.post_only:
        path = HERE / f"results-http-{size}.json"
        result = json.loads(path.read_text())
        result["latency"]["custody start (POST)"] = run_posts(size, args.port)
        path.write_text(json.dumps(result, indent=2) + "\n")
        write_doc()
        return
    result = run(size, args.port, args.rounds, args.workers, args.clients, args.per_client)
    (HERE / f"results-http-{size}.json").write_text(json.dumps(result, indent=2) + "\n")
    write_doc()


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def write_doc() -> None:
    """Rewrite the part of docs/benchmarks.md between the bench:http markers from every results-http-*.json."""
    order = {"10k": 0, "100k": 1, "national": 2}
    runs = sorted(
        (json.loads(p.read_text()) for p in HERE.glob("results-http-*.json")), key=lambda r: order.get(r["size"], 9)
    )
    lines = ["<!-- bench:http start (written by bench/load.py; edit the text outside the markers) -->", ""]
    for r in runs:
        d = r.get("dataset", {})
        lines += [
            f"### {r['size']}: {d.get('children', '?'):,} children, {d.get('cases', '?'):,} cases, "
            f"{d.get('users', '?'):,} users, {d.get('custody_episodes', '?'):,} held, "
            f"{d.get('audit_events', '?'):,} audit events",
            "",
            f"Commit {r['commit']}, {r['date']}, {r['machine']}; gunicorn {r['gunicorn_workers']} sync workers; "
            f"load average before/after {r['load_before'][0]} / {r['load_after'][0]} (the machine is shared).",
            "",
            "| endpoint (single client) | p50 ms | p95 ms | p99 ms | queries | SQL ms | Python ms | p95 vs reference |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        lat = r["latency"]
        for name, m in lat.items():
            if "p50" not in m:  # every POST refused by the rules: nothing timed
                lines.append(f"| {name} | - | - | - | - | - | - | ({m.get('refused', 0)} refused) |")
                continue
            ref_name = next((k for k in lat if k.startswith("ref:") and _pair(name, k)), None)
            vs = ratio(m["p95"], lat[ref_name]["p95"]) if ref_name and not name.startswith("ref:") else ""
            lines.append(
                f"| {name} | {m['p50']} | {m['p95']} | {m['p99']} | {m['queries']} | {m['sql_ms']} | {m['python_ms']} | {vs} |"
            )
        tp = r["throughput"]
        lines += [
            "",
            f"| throughput at {r['clients']} connections | project req/s | reference req/s | ratio |",
            "| --- | --- | --- | --- |",
            f"| case list | {tp['case list']} | {tp['ref: case list']} | {ratio(tp['case list'], tp['ref: case list'])} |",
            f"| child detail | {tp['child detail']} | {tp['ref: child detail']} | {ratio(tp['child detail'], tp['ref: child detail'])} |",
            "",
        ]
    if len(runs) > 1:
        names = [n for n in runs[0]["latency"] if all("p50" in r["latency"].get(n, {}) for r in runs)]
        lines += ["### Growth (p50 ms)", "", "| endpoint | " + " | ".join(r["size"] for r in runs) + " |"]
        lines.append("| --- |" + " --- |" * len(runs))
        for n in names:
            lines.append(f"| {n} | " + " | ".join(str(r["latency"][n]["p50"]) for r in runs) + " |")
        lines.append("")
    lines.append("<!-- bench:http end -->")
    doc = ROOT / "docs" / "benchmarks.md"
    text = doc.read_text()
    block = "\n".join(lines)
    pattern = re.compile(r"<!-- bench:http start.*?<!-- bench:http end -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    doc.write_text(text)


def _pair(name: str, ref: str) -> bool:
    pairs = {
        "caseworker case list": "ref: caseworker case list",
        "supervisor list page 1": "ref: agency list page 1",
        "supervisor list page 100 (offset)": "ref: agency list page 100",
        "caseworker deadlines": "ref: caseworker open deadlines",
        "child detail": "ref: child detail",
    }
    if name.startswith("supervisor list last page"):
        return ref.startswith("ref: agency list page") and ref.split()[-1] == name.split()[4]
    return pairs.get(name) == ref


if __name__ == "__main__":
    main()
