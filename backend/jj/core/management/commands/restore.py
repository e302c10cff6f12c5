import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jj.core.backup import BackupError, backup_key_from_env, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured database, which must be empty (create a "
        "new one and point DATABASE_URL or SQLITE_PATH at it). Then run `manage.py audit_verify`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "backup", help="The backup file, or - for standard input (decrypted with JJ_BACKUP_KEY if encrypted)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["backup"] == "-":
            with tempfile.TemporaryDirectory() as private:
                source = Path(private) / "backup"
                with source.open("wb") as f:
                    shutil.copyfileobj(sys.stdin.buffer, f)
                self._restore(source)
            return
        source = Path(options["backup"])
        if not source.is_file():
            raise CommandError(f"No such backup file: {source}")
        self._restore(source)

    def _restore(self, source: Path) -> None:
        try:
            backup_restore(source=source, key=backup_key_from_env())
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Restored. Now check it: manage.py audit_verify"))
