"""Trigram matching of children's names on PostgreSQL (the duplicate check, jj.people.duplicates): the pg_trgm and
unaccent extensions, an immutable folding of the name (unaccent and lower case, which an index may use), and a GIN
trigram index on it. Nothing on SQLite, which keeps matching in Python."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    # Schema-qualified: pg_restore rebuilds the index with an empty search_path (a backup did not restore).
    # unaccent() is only STABLE (its dictionary could change); naming the dictionary makes the wrapper safe to
    # declare IMMUTABLE, so that an index can be built on it.
    """
    CREATE OR REPLACE FUNCTION jj_name_fold(given text, family text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(given, '') || ' ' || coalesce(family, '')))
    $$
    """,
    "CREATE INDEX IF NOT EXISTS child_name_trgm_idx ON people_child USING gin "
    "(jj_name_fold(given_name, family_name) gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS child_name_trgm_idx",
    "DROP FUNCTION IF EXISTS jj_name_fold(text, text)",
]


def _run(statements: list[str]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("people", "0005_record_contest")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
