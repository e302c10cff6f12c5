"""The replica profile's scripts, run by hand as docs/deployment.md describes where no container engine runs:
a PostgreSQL primary and a streaming replica of our own (private clusters on free ports), set up by
docker/replica/setup-primary.sql and docker/replica/start-replica.sh, and the router reading from the replica.

Marker `worker` (make test-worker): it needs the PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup)."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.worker

REPO = Path(__file__).resolve().parents[2]
BACKEND = REPO / "backend"
REPLICA_DIR = REPO / "docker" / "replica"
BOUND = 240.0
PASSWORD = "replicator0123456789abcdef"
SUPERUSER_PASSWORD = "primary0123456789abcdef"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bindir() -> Path:
    found = shutil.which("pg_config")
    if found is None:
        pytest.fail("The replica test needs the PostgreSQL server packages (pg_config, initdb, pg_ctl).")
    out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=True).stdout.strip()
    return Path(out)


def as_postgres() -> list[str]:
    """PostgreSQL refuses to run as root: as root, run its programs as the postgres user."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class Cluster:
    def __init__(self) -> None:
        self.bin = bindir()
        self.dir = Path(tempfile.mkdtemp(prefix="jj-replica-test-"))
        self.dir.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.sock = self.dir
        self.primary_port = free_port()
        self.replica_port = free_port()
        self.env = {**os.environ, "PATH": f"{self.bin}:{os.environ['PATH']}", "PGHOST": str(self.sock)}
        self.replica: subprocess.Popen[bytes] | None = None

    def run(self, *command: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            [*as_postgres(), *command], capture_output=True, text=True, env=env or self.env, cwd=self.dir, check=False
        )
        assert done.returncode == 0, f"{command[0]} failed: {done.stderr[-3000:]}"
        return done.stdout

    def psql(self, port: int, sql: str, db: str = "postgres") -> str:
        return self.run(str(self.bin / "psql"), "-p", str(port), "-U", "postgres", "-d", db, "-Atc", sql).strip()

    def start_primary(self) -> None:
        pwfile = self.dir / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        if os.geteuid() == 0:
            shutil.chown(pwfile, "postgres", "postgres")
        data = self.dir / "primary"
        self.run(str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", f"--pwfile={pwfile}", "--auth=trust")
        # As in the official image: every database from anywhere with a password, replication not included.
        (data / "pg_hba.conf").write_text("local all all trust\nhost all all all scram-sha-256\n")
        options = f"-p {self.primary_port} -k {self.sock} -c listen_addresses=127.0.0.1"
        self.run(
            str(self.bin / "pg_ctl"), "-D", str(data), "-w", "-l", str(self.dir / "primary.log"), "-o", options, "start"
        )

    def setup_primary(self) -> None:
        self.run(
            str(self.bin / "psql"), "-p", str(self.primary_port), "-U", "postgres", "-d", "postgres",
            "-v", "ON_ERROR_STOP=1", "-v", f"pw={PASSWORD}", "-v", "slot=jj_replica_1",
            "-f", str(REPLICA_DIR / "setup-primary.sql"),
        )  # fmt: skip

    def start_replica(self) -> None:
        env = {
            **self.env,
            "PGDATA": str(self.dir / "replica"),
            "PRIMARY_HOST": "127.0.0.1",
            "PRIMARY_PORT": str(self.primary_port),
            "REPLICATION_PASSWORD": PASSWORD,
        }
        command = [str(REPLICA_DIR / "start-replica.sh"), "-p", str(self.replica_port), "-k", str(self.sock)]
        command += ["-c", "listen_addresses=127.0.0.1"]
        log = (self.dir / "replica.log").open("wb")
        if os.geteuid() == 0:
            shutil.chown(self.dir / "replica.log", "postgres", "postgres")
        self.replica = subprocess.Popen(
            [*as_postgres(), "env", *[f"{k}={v}" for k, v in env.items()], *command],
            stdout=log, stderr=subprocess.STDOUT, cwd=self.dir, start_new_session=True,
        )  # fmt: skip

    def wait(self, what: str, check: Callable[[], bool]) -> None:
        deadline = time.monotonic() + BOUND
        while not check():
            if self.replica is not None and self.replica.poll() is not None:
                pytest.fail(f"the replica exited: {(self.dir / 'replica.log').read_text()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"gave up waiting for {what}")
            time.sleep(0.5)

    def replica_answers(self, sql: str, db: str = "postgres") -> str | None:
        done = subprocess.run(
            [*as_postgres(), str(self.bin / "psql"), "-p", str(self.replica_port), "-U", "postgres", "-d", db,
             "-Atc", sql],
            capture_output=True, text=True, env=self.env, cwd=self.dir, check=False,
        )  # fmt: skip
        return done.stdout.strip() if done.returncode == 0 else None

    def stop(self) -> None:
        if self.replica is not None and self.replica.poll() is None:
            os.killpg(self.replica.pid, signal.SIGINT)  # postgres: fast shutdown
            self.replica.wait(timeout=BOUND)
        if (self.dir / "primary" / "postmaster.pid").exists():
            subprocess.run(
                [*as_postgres(), str(self.bin / "pg_ctl"), "-D", str(self.dir / "primary"), "-m", "fast", "-w", "stop"],
                env=self.env, capture_output=True, check=False, cwd=self.dir,
            )  # fmt: skip
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    c = Cluster()
    try:
        yield c
    finally:
        c.stop()


def test_the_replica_scripts_make_a_streaming_replica_the_router_reads_from(cluster: Cluster) -> None:
    cluster.start_primary()
    cluster.setup_primary()
    cluster.setup_primary()  # idempotent: run again, nothing changes, nothing fails
    assert cluster.psql(cluster.primary_port, "SELECT count(*) FROM pg_replication_slots") == "1"
    cluster.start_replica()
    cluster.wait("the replica to be in recovery", lambda: cluster.replica_answers("SELECT pg_is_in_recovery()") == "t")

    cluster.psql(cluster.primary_port, "CREATE DATABASE jj")
    cluster.psql(cluster.primary_port, "CREATE TABLE t (v int); INSERT INTO t VALUES (42)", db="jj")
    cluster.wait("the row to reach the replica", lambda: cluster.replica_answers("SELECT v FROM t", db="jj") == "42")
    assert cluster.psql(cluster.primary_port, "SELECT state FROM pg_stat_replication") == "streaming"

    # The application, configured with both URLs, reads from the replica only when asked; writes go to the primary.
    base = f"postgres://postgres:{SUPERUSER_PASSWORD}@127.0.0.1"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"{base}:{cluster.primary_port}/jj",
        "DATABASE_REPLICA_URL": f"{base}:{cluster.replica_port}/jj",
    }
    script = (
        "from django.db import connections, router\n"
        "from jj.cases.models import Case\n"
        "from jj.core.replica import replica_reads\n"
        "def recovery(alias):\n"
        "    with connections[alias].cursor() as c:\n"
        "        c.execute('SELECT pg_is_in_recovery()')\n"
        "        return c.fetchone()[0]\n"
        "with replica_reads():\n"
        "    print('asked', router.db_for_read(Case), recovery(router.db_for_read(Case)))\n"
        "print('default', router.db_for_read(Case) or 'default', recovery(router.db_for_read(Case) or 'default'))\n"
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=BACKEND, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith(("asked", "default"))]
    assert lines == ["asked replica True", "default default False"], done.stdout
