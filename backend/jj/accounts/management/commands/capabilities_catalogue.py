from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jj.accounts.capabilities import render_into

DEFAULT_PATH = Path(settings.BASE_DIR).parent / "docs" / "roles-and-permissions.md"


class Command(BaseCommand):
    help = (
        "Write the capability table into docs/roles-and-permissions.md (--check: fail if the committed page is stale)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")
        parser.add_argument("--path", default=str(DEFAULT_PATH))

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        current = path.read_text()
        text = render_into(current)
        if options["check"]:
            if current != text:
                raise CommandError(f"{path} is stale: run `make docs` and commit it.")
            self.stdout.write(f"{path} is up to date.")
            return
        path.write_text(text)
        self.stdout.write(f"Wrote {path}.")
