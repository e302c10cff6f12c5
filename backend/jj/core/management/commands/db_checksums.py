import json
from typing import Any

from django.core.management.base import BaseCommand

from jj.core.backup import table_checksums


class Command(BaseCommand):
    help = "Print, as JSON, every table's row count and SHA-256 of its rows: compare a restore with its source."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(json.dumps(table_checksums(), indent=1, sort_keys=True))
