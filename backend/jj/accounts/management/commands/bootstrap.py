"""First run of a new installation: a jurisdiction, its first agency and its first administrator, all audited."""

import os
from getpass import getpass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from jj.accounts.models import Agency, Jurisdiction, Role, User
from jj.audit.services import audit_append, changed_fields


class Command(BaseCommand):
    help = (
        "Create a jurisdiction, its first agency and its first administrator. The password comes from "
        "JJ_ADMIN_PASSWORD or is asked for."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jurisdiction-code", required=True)
        parser.add_argument("--jurisdiction-name", required=True)
        parser.add_argument("--timezone", required=True, help="IANA zone, e.g. Europe/Paris")
        parser.add_argument("--agency", required=True, help="Name of the administrator's agency")
        parser.add_argument("--username", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError(f"User {options['username']} already exists.")
        password = os.environ.get("JJ_ADMIN_PASSWORD") or getpass("Password for the administrator: ")
        with transaction.atomic():
            jurisdiction, _ = Jurisdiction.objects.get_or_create(
                code=options["jurisdiction_code"],
                defaults={"name": options["jurisdiction_name"], "timezone": options["timezone"]},
            )
            jurisdiction.full_clean()
            agency, _ = Agency.objects.get_or_create(jurisdiction=jurisdiction, name=options["agency"])
            admin = User(username=options["username"], role=Role.ADMINISTRATOR, agency=agency)
            try:
                validate_password(password, admin)
                admin.set_password(password)
                admin.full_clean()
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from error
            admin.save()
            audit_append(
                actor=None,
                actor_username="installation",
                action="user.create",
                object_type="user",
                object_id=admin.pk,
                changes=changed_fields({}, {"username": admin.username, "role": admin.role, "agency_id": agency.pk}),
                reason="first administrator, created by manage.py bootstrap",
            )
        self.stdout.write(f"Administrator {admin.username} of {agency.name} ({jurisdiction.name}) created.")
