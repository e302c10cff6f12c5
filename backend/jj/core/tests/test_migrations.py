"""Migrations: the models and the migrations agree, and every migration can be unapplied and applied again
(on PostgreSQL in the PostgreSQL run of the suite, on SQLite otherwise), on a database of its own."""

import os
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

BACKEND = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_every_model_change_has_its_migration() -> None:
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"Models changed without a migration (run manage.py makemigrations):\n{out.getvalue()}")


def _admin_url() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgresql://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/postgres"


@pytest.fixture
def scratch_database(db: object, tmp_path: Path) -> Iterator[dict[str, str]]:
    if connection.vendor == "postgresql":
        name = f"{connection.settings_dict['NAME']}_migrations"[:63]
        with psycopg.connect(_admin_url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        yield {"DATABASE_URL": _admin_url().replace("postgresql://", "postgres://").rsplit("/", 1)[0] + f"/{name}"}
        with psycopg.connect(_admin_url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield {"DATABASE_URL": "", "SQLITE_PATH": str(tmp_path / "migrations.sqlite3")}


MIGRATE_ALL_BACK_AND_FORTH = """
from django.apps import apps
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader

migrated = MigrationLoader(None, ignore_no_migrations=True).migrated_apps
labels = [c.label for c in apps.get_app_configs() if c.name.startswith("jj.") and c.label in migrated]
call_command("migrate", interactive=False, verbosity=0)
for label in reversed(labels):  # our apps (they depend on Django's), the last installed first
    call_command("migrate", label, "zero", interactive=False, verbosity=0)
call_command("migrate", interactive=False, verbosity=0)
print("unapplied and applied again:", ",".join(labels))
"""


def test_every_migration_unapplies_and_applies_again(scratch_database: dict[str, str]) -> None:
    """In one process (one start-up), forward, every app of ours back to zero, forward again."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test", **scratch_database}
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", MIGRATE_ALL_BACK_AND_FORTH],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "unapplied and applied again: accounts," in done.stdout
