"""Django's makemessages, which also extracts the templates the rules and services write with ``jj.rules.text``
(``t("...")`` and ``msgid("...")``) and never the tests. Usage (from backend/):
``python manage.py makemessages -l fr -l es -l ar`` then translate backend/locale/*/LC_MESSAGES/django.po and
``python manage.py compilemessages`` (docs/i18n.md)."""

from typing import Any

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=t", "--keyword=msgid"]

    def handle(self, *args: Any, **options: Any) -> str | None:
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), "*/tests/*", "tests_deploy/*", "conftest.py"]
        options.setdefault("no_obsolete", True)
        return super().handle(*args, **options)
