from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jj.accounts.capabilities import render_into, render_json

DEFAULT_PATH = Path(settings.BASE_DIR).parent / "docs" / "roles-and-permissions.md"
DEFAULT_JSON = Path(settings.BASE_DIR).parent / "frontend" / "src" / "capabilities.generated.json"


class Command(BaseCommand):
    help = (
        "Write the capability table into docs/roles-and-permissions.md and frontend/src/capabilities.generated.json "
        "(--check: fail if either is stale)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")
        parser.add_argument("--path", default=str(DEFAULT_PATH))
        parser.add_argument("--json", default=str(DEFAULT_JSON))

    def handle(self, *args: Any, **options: Any) -> None:
        path, json_path = Path(options["path"]), Path(options["json"])
        current = path.read_text()
        wanted = {path: render_into(current), json_path: render_json()}
        if options["check"]:
            for target, text in wanted.items():
                if not target.exists() or target.read_text() != text:
                    raise CommandError(f"{target} is stale: run `make docs` and commit it.")
            self.stdout.write(f"{path} and {json_path} are up to date.")
            return
        for target, text in wanted.items():
            target.write_text(text)
            self.stdout.write(f"Wrote {target}.")
