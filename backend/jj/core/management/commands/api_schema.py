from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from jj.core.api_schema import DIGEST_LINE, api_schema, canonical, schema_digest


class Command(BaseCommand):
    help = (
        "Write the OpenAPI schema (canonical JSON) to --file, and print the line the generated TypeScript types "
        "start with (its digest). `make docs` runs it, then openapi-typescript."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        text = canonical(api_schema())
        Path(options["file"]).write_text(text)
        self.stdout.write(DIGEST_LINE + schema_digest(text))
