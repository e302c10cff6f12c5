"""On SQLite (the embedded default), the same append-only guarantee as the PostgreSQL triggers."""

from django.db import migrations

_TRIGGERS = [
    ("audit_no_update", "UPDATE"),
    ("audit_no_delete", "DELETE"),
]


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "sqlite":
        return
    for name, op in _TRIGGERS:
        schema_editor.execute(
            f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {op} ON audit_auditevent "
            f"BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: {op} refused'); END;"
        )


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "sqlite":
        return
    for name, _ in _TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
