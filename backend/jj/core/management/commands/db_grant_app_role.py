"""After `migrate`, as the schema's owner: give the application's database role what it needs and nothing more.

The application role (JJ_APP_DB_USER) reads and writes rows; it owns no table, so it cannot ALTER a table,
disable a trigger or drop anything, and it is no superuser, so it cannot SET session_replication_role. On the
audit trail it may only SELECT and INSERT. See docs/deployment.md ("Database roles")."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from psycopg import sql

from config.env import env_str

AUDIT_TABLE = "audit_auditevent"
# Reads written before they are chained: inserted by requests, deleted by the sealer once chained (its trigger
# refuses any other delete), never updated.
PENDING_TABLE = "audit_pendingauditevent"


def grant_app_role(role: str) -> None:
    """Idempotent: safe to run after every migrate."""
    ident = sql.Identifier(role)
    statements = [
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(ident),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(ident),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(ident),
        sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {} FROM {}").format(
            sql.Identifier(AUDIT_TABLE), ident
        ),
        sql.SQL("REVOKE UPDATE, TRUNCATE, REFERENCES, TRIGGER ON {} FROM {}").format(
            sql.Identifier(PENDING_TABLE), ident
        ),
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Command(BaseCommand):
    help = "Grant the application's database role row access (no ownership; audit trail: SELECT and INSERT only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--role", default=None, help="The application role (default: JJ_APP_DB_USER).")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Database roles exist on PostgreSQL only; SQLite has none to grant.")
        role = options["role"] or env_str("JJ_APP_DB_USER")
        grant_app_role(role)
        self.stdout.write(f"Granted row access to {role}; the audit trail is SELECT and INSERT only.")
