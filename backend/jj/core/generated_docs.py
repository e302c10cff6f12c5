"""One shape for the commands that write a committed file from the code (`make docs`) and check it in CI."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

REPO_ROOT = Path(settings.BASE_DIR).parent


class GeneratedFilesCommand(BaseCommand):
    """Writes each target from `render_targets`; `--check` fails when a committed copy differs (a stale catalogue)."""

    #: option name -> default path of each file the command writes
    targets: dict[str, Path] = {}

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true")
        for option, default in self.targets.items():
            parser.add_argument(f"--{option}", default=str(default))

    def render_targets(self, paths: dict[str, Path]) -> dict[Path, str]:
        raise NotImplementedError

    def handle(self, *args: Any, **options: Any) -> None:
        paths = {option: Path(options[option]) for option in self.targets}
        wanted = self.render_targets(paths)
        if options["check"]:
            for target, text in wanted.items():
                if not target.exists() or target.read_text() != text:
                    raise CommandError(f"{target} is stale: run `make docs` and commit it.")
                self.stdout.write(f"{target} is up to date.")
            return
        for target, text in wanted.items():
            target.write_text(text)
            self.stdout.write(f"Wrote {target}.")
