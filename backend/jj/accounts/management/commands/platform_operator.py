"""Mark (or unmark) an administrator account as the installation's platform operator, who alone opens
jurisdictions (capability `jurisdiction.create`). Done from the server's command line on purpose: no account can
grant it to itself or to another through the API. Audited."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from jj.accounts.models import Role, User
from jj.audit.services import audit_append, changed_fields


class Command(BaseCommand):
    help = "Make an administrator account the platform operator (opens jurisdictions), or --revoke it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            user = User.objects.select_for_update().filter(username=options["username"]).first()
            if user is None:
                raise CommandError(f"No user {options['username']}.")
            if user.role != Role.ADMINISTRATOR:
                raise CommandError("Only an administrator account can be the platform operator.")
            wanted = not options["revoke"]
            before = user.is_superuser
            user.is_superuser = wanted
            user.save(update_fields=["is_superuser"])
            audit_append(
                actor=None,
                actor_username="installation",
                action="user.role_change",
                object_type="user",
                object_id=user.pk,
                changes=changed_fields({"platform_operator": before}, {"platform_operator": wanted}),
                reason="platform operator set by manage.py platform_operator",
            )
        self.stdout.write(f"{user.username} is {'now' if wanted else 'no longer'} the platform operator.")
