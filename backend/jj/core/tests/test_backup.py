"""Backups restore: into an empty database (PostgreSQL when DATABASE_URL names one, SQLite otherwise), equal table
by table, with an audit chain that verifies. Restores are run as an operator would, in a separate process."""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from io import BytesIO, StringIO
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from jj.audit.models import AuditEvent
from jj.core.backup import (
    BackupError,
    decrypt_file,
    encrypt_file,
    is_encrypted,
    new_backup_key,
    table_checksums,
)

BACKEND = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.usefixtures("transactional_audit")


def _pg_admin_url() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgresql://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/postgres"


@pytest.fixture
def empty_target(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment variables that point a manage.py process at a new, empty database."""
    if connection.vendor == "postgresql":
        name = f"{connection.settings_dict['NAME']}_restore"[:63]
        with psycopg.connect(_pg_admin_url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        url = _pg_admin_url().rsplit("/", 1)[0] + f"/{name}"
        yield {"DATABASE_URL": url.replace("postgresql://", "postgres://")}
        with psycopg.connect(_pg_admin_url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield {"DATABASE_URL": "", "SQLITE_PATH": str(tmp_path / "restored.sqlite3")}


def manage(*args: str, env: dict[str, str], stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test", **env}
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BACKEND, env=full_env, input=stdin, capture_output=True, check=False
    )
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())


def _some_records(make_case: Any) -> None:
    make_case(given_name="Kofi")
    make_case(given_name="Lina", counsel=True)


@pytest.mark.parametrize("encrypted", [True, False], ids=["encrypted", "plain"])
def test_a_backup_restores_into_an_empty_database_equal_and_verifying(
    make_case: Any, empty_target: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool
) -> None:
    _some_records(make_case)
    key = new_backup_key()
    if encrypted:
        monkeypatch.setenv("JJ_BACKUP_KEY", key)
    else:
        monkeypatch.delenv("JJ_BACKUP_KEY", raising=False)
    backup = tmp_path / "nightly.backup"
    call_command("backup", output=str(backup), stdout=StringIO())
    assert backup.stat().st_mode & 0o077 == 0, "a backup holds personal data: readable by its owner only"
    assert is_encrypted(backup) is encrypted
    assert AuditEvent.objects.filter(action="backup.create").count() == 1
    source = table_checksums()
    assert source["audit_auditevent"]["rows"] > 3
    assert source["people_child"]["rows"] == 2

    env = {**empty_target, "JJ_BACKUP_KEY": key if encrypted else ""}
    if encrypted:
        restored = manage("restore", str(backup), env=env)
    else:  # from standard input, as from `docker compose exec -T web python manage.py restore - < file`
        restored = manage("restore", "-", env=env, stdin=backup.read_bytes())
    assert restored.returncode == 0, restored.stderr
    checksums = manage("db_checksums", env=env)
    assert checksums.returncode == 0, checksums.stderr
    target = json.loads(checksums.stdout)
    assert target.keys() == source.keys()
    assert {t: v for t, v in target.items() if v != source[t]} == {}
    verified = manage("audit_verify", env=env)
    assert verified.returncode == 0, verified.stderr
    assert "verify" in verified.stdout

    # A second restore into the now non-empty database is refused, and changes nothing.
    again = manage("restore", str(backup), env=env)
    assert again.returncode != 0
    assert "not empty" in again.stderr
    assert json.loads(manage("db_checksums", env=env).stdout) == target


def test_an_encrypted_backup_needs_its_key(
    make_case: Any, empty_target: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _some_records(make_case)
    monkeypatch.setenv("JJ_BACKUP_KEY", new_backup_key())
    backup = tmp_path / "b.enc"
    call_command("backup", output=str(backup), stdout=StringIO())
    for key, message in [("", "is encrypted"), (new_backup_key(), "does not decrypt")]:
        failed = manage("restore", str(backup), env={**empty_target, "JJ_BACKUP_KEY": key})
        assert failed.returncode != 0
        assert message in failed.stderr
    # Nothing was written to the target.
    assert json.loads(manage("db_checksums", env={**empty_target, "JJ_BACKUP_KEY": ""}).stdout) == {}


def test_encryption_refuses_altered_truncated_or_extended_files() -> None:
    key = bytes(range(32))
    plain = os.urandom((1 << 20) * 2 + 123)  # three chunks
    sealed = BytesIO()
    encrypt_file(source=BytesIO(plain), target=sealed, key=key)
    data = sealed.getvalue()
    out = BytesIO()
    decrypt_file(source=BytesIO(data), target=out, key=key)
    assert out.getvalue() == plain
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 1
    for bad in (bytes(flipped), data[: len(data) - 1000], data + b"x", data[: 17 + 5 + (1 << 20) + 16]):
        with pytest.raises(BackupError):
            decrypt_file(source=BytesIO(bad), target=BytesIO(), key=key)
    with pytest.raises(BackupError, match="does not decrypt"):
        decrypt_file(source=BytesIO(data), target=BytesIO(), key=bytes(32))
