"""Issue 11: the application's database role cannot switch off the audit trail's protection.

On PostgreSQL the test creates a role as docker/db/10-app-role.sh does, grants it what `db_grant_app_role` grants
after migrate, and acts as it (SET ROLE): it writes events through the application, but it cannot disable the
triggers (it owns no table), cannot turn replication mode on to skip them (it is no superuser), and cannot UPDATE
or DELETE an event. SQLite has no roles: there the triggers themselves are checked to be in place."""

import uuid

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from jj.audit.models import AuditEvent
from jj.audit.services import audit_append
from jj.audit.verification import verify_chain


@pytest.fixture
def app_role(db: None) -> str:
    role = f"jj_test_app_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(
            f'CREATE ROLE "{role}" NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT'
        )
    call_command("db_grant_app_role", role=role, stdout=None)
    # Created inside the test's transaction: the rollback at the end of the test removes it.
    return role


def _as(role: str, statement: str) -> None:
    """One statement as `role`, in a savepoint: on failure the savepoint (and the SET ROLE) is rolled back."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f'SET LOCAL ROLE "{role}"')
        cursor.execute(statement)
        cursor.execute("RESET ROLE")


@pytest.mark.django_db
def test_application_role_cannot_disable_the_audit_triggers(request: pytest.FixtureRequest) -> None:
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_auditevent'")
            assert {row[0] for row in cursor.fetchall()} >= {"audit_no_update", "audit_no_delete"}
        return
    role = request.getfixturevalue("app_role")
    # It can append to the trail, the way the application does.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f'SET LOCAL ROLE "{role}"')
        event = audit_append(actor=None, actor_username="x", action="test.as_app_role")
        cursor.execute("RESET ROLE")
    refused = [
        "ALTER TABLE audit_auditevent DISABLE TRIGGER USER",
        "ALTER TABLE audit_auditevent DISABLE TRIGGER ALL",
        "SET session_replication_role = replica",
        "UPDATE audit_auditevent SET action = 'forged'",
        "DELETE FROM audit_auditevent",
        "TRUNCATE audit_auditevent",
        "DROP TABLE audit_auditevent",
        "DROP FUNCTION jj_audit_lock_head(bigint)",
        # The pending reads (chained later by the sealer): never updated, never truncated, triggers stay on.
        "UPDATE audit_pendingauditevent SET action = 'forged'",
        "TRUNCATE audit_pendingauditevent",
        "ALTER TABLE audit_pendingauditevent DISABLE TRIGGER USER",
    ]
    for statement in refused:
        with pytest.raises(DatabaseError, match=r"(?i)permission denied|must be owner"):
            _as(role, statement)
    assert AuditEvent.objects.get(seq=event.seq).action == "test.as_app_role"
    assert verify_chain().ok


@pytest.mark.django_db
def test_grant_command_is_idempotent_and_for_postgresql_only(request: pytest.FixtureRequest) -> None:
    from django.core.management.base import CommandError

    if connection.vendor == "postgresql":
        role = request.getfixturevalue("app_role")
        call_command("db_grant_app_role", role=role, stdout=None)  # after every migrate, again
        with pytest.raises(DatabaseError, match=r"(?i)permission denied"):
            _as(role, "UPDATE audit_auditevent SET action = 'forged'")
        return
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("db_grant_app_role", role="anyone")


@pytest.mark.django_db
def test_application_role_writes_pending_reads_and_seals_them(request: pytest.FixtureRequest) -> None:
    """Reads without the chain lock work under the application's role: it inserts the pending read, and the
    sealer (same role) chains it and deletes the pending row, which its trigger allows once chained."""
    if connection.vendor != "postgresql":
        return
    from django.test import override_settings

    from jj.accounts.models import User
    from jj.audit.models import PendingAuditEvent
    from jj.audit.services import audit_read, audit_seal_pending

    role = request.getfixturevalue("app_role")
    reader = User.objects.create(username="reader", role="caseworker")
    with override_settings(AUDIT_DEFER_READS=True), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f'SET LOCAL ROLE "{role}"')
        audit_read(actor=reader, object_type="child", object_id=1, child_id=1)
        assert audit_seal_pending() == 1
        cursor.execute("RESET ROLE")
    assert not PendingAuditEvent.objects.exists()
    assert AuditEvent.objects.get(action="child.read").pending_id is not None
    assert verify_chain().ok
