from typing import Any

from django.core.management.base import BaseCommand

from jj.audit.shredding import child_keys_rewrap


class Command(BaseCommand):
    help = (
        "After a rotation of JJ_RECORDS_MASTER_KEY (the old keys in JJ_RECORDS_MASTER_KEYS_PREVIOUS): re-wrap every "
        "child's data key under the current master key. Safe to run again; shredded keys stay destroyed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        changed = child_keys_rewrap()
        self.stdout.write(self.style.SUCCESS(f"Re-wrapped {changed} data key(s) under the current master key."))
