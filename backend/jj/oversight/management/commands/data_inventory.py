from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jj.oversight.inventory import render

DEFAULT_PATH = Path(settings.BASE_DIR).parent / "docs" / "data-inventory.md"


class Command(BaseCommand):
    help = "Write docs/data-inventory.md from jj/oversight/inventory.py (--check: fail if the committed file is stale)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")
        parser.add_argument("--path", default=str(DEFAULT_PATH))

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        text = render()
        if options["check"]:
            if not path.exists() or path.read_text() != text:
                raise CommandError(f"{path} is stale: run `make docs` and commit it.")
            self.stdout.write(f"{path} is up to date.")
            return
        path.write_text(text)
        self.stdout.write(f"Wrote {path}.")
