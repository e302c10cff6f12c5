from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from jj.deadlines.services import deadlines_sweep


class Command(BaseCommand):
    help = "Raise an alert, once, for every deadline that has become overdue."

    def handle(self, *args: Any, **options: Any) -> None:
        raised = deadlines_sweep(now=timezone.now())
        self.stdout.write(f"{raised} newly overdue deadline(s) alerted.")
