from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jj.core.logscan import scan
from jj.people.selectors import names_to_keep_out_of_logs


class Command(BaseCommand):
    help = (
        "Fail if a log file holds the name of any child or guardian in the database (whole words, case-sensitive). "
        "Findings give line, column and whose name, never the name."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("log", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["log"]
        if not path.is_file():
            raise CommandError(f"No log file at {path}")
        names = names_to_keep_out_of_logs()
        with path.open(encoding="utf-8", errors="replace") as log:
            findings = scan(log, names)
        for finding in findings[:50]:
            self.stderr.write(f"{path.name}:{finding.line}:{finding.column}: the {finding.source} of a person")
        if findings:
            raise CommandError(f"{len(findings)} name(s) of people in {path.name}: logs must hold no personal data")
        self.stdout.write(f"None of the {len({w for w, _ in names})} words of people's names is in {path.name}.")
