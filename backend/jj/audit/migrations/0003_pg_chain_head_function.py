"""On PostgreSQL, take the chain lock and read the chain head in one round trip.

The function is VOLATILE, so in READ COMMITTED its SELECT takes a fresh snapshot after the lock is granted
and always sees the event committed by the previous holder of the lock."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION jj_audit_lock_head(lock_key bigint)
RETURNS TABLE(head_seq bigint, head_hash varchar) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    RETURN QUERY SELECT seq, hash FROM audit_auditevent ORDER BY seq DESC LIMIT 1;
END;
$$;
"""


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS jj_audit_lock_head(bigint)")


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_sqlite_append_only")]
    operations = [migrations.RunPython(create, drop)]
