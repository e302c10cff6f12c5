from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jj.audit.services import audit_seal_pending
from jj.audit.verification import verify_chain


class Command(BaseCommand):
    help = "Recompute the audit trail's hash chain and report the first broken link, or that every event verifies."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--head", help="A head you were given earlier, as SEQ:HASH, to detect events cut from the end."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        head = None
        if options["head"]:
            seq, _, digest = options["head"].partition(":")
            if not seq.isdigit() or len(digest) != 64:
                raise CommandError("--head must look like 1234:<64 hex characters>.")
            head = (int(seq), digest)
        sealed = audit_seal_pending()  # reads written before they were chained (docs/audit.md)
        if sealed:
            self.stdout.write(f"{sealed} pending read events chained first.")
        report = verify_chain(expected_head=head)
        if report.ok:
            self.stdout.write(self.style.SUCCESS(f"All {report.events_checked} audit events verify."))
            return
        raise CommandError(
            f"Audit chain broken at event #{report.first_broken_seq}: {report.problem} "
            f"({report.events_checked} events before it verify)."
        )
