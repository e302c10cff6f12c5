import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from jj.audit.services import audit_append
from jj.core.backup import BackupError, backup_create, backup_key_from_env, new_backup_key


class Command(BaseCommand):
    help = (
        "Back up the whole database (pg_dump custom format, or SQLite's online backup) to a file, encrypted with "
        "JJ_BACKUP_KEY when it is set. The backup is recorded in the audit trail (it contains every child's record)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            help="File to write, or - for standard output (default: backups/jj-<UTC time>.<dump|sqlite3>[.enc]).",
        )
        parser.add_argument("--generate-key", action="store_true", help="Print a new JJ_BACKUP_KEY and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["generate_key"]:
            self.stdout.write(new_backup_key())
            return
        try:
            key = backup_key_from_env()
            if options["output"] and options["output"] != "-":
                output = Path(options["output"])
            else:
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                suffix = ".dump" if connection.vendor == "postgresql" else ".sqlite3"
                output = Path("backups") / f"jj-{stamp}{suffix}{'.enc' if key else ''}"
            # Recorded first, so the backup holds the record of its own making.
            audit_append(
                actor=None,
                actor_username="system:backup",
                action="backup.create",
                object_type="database",
                changes={"file": output.name, "encrypted": key is not None},
            )
            if options["output"] == "-":
                with tempfile.TemporaryDirectory() as private:
                    written = backup_create(output=Path(private) / "backup", key=key)
                    with written.open("rb") as f:
                        shutil.copyfileobj(f, sys.stdout.buffer)
                    sys.stdout.buffer.flush()
            else:
                backup_create(output=output, key=key)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        state = "encrypted" if key else "NOT encrypted (set JJ_BACKUP_KEY to encrypt)"
        where = "standard output" if options["output"] == "-" else str(output)
        self.stderr.write(f"Backup written to {where} ({state}).")
