from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from jj.accounts.models import Role, User
from jj.audit.models import AuditEvent

ARGS = [
    "--jurisdiction-code",
    "eastland",
    "--jurisdiction-name",
    "Eastland",
    "--timezone",
    "Africa/Accra",
    "--agency",
    "Eastland Youth Service",
    "--username",
    "first_admin",
]


@pytest.mark.django_db
def test_bootstrap_creates_an_audited_administrator(monkeypatch: Any) -> None:
    monkeypatch.setenv("JJ_ADMIN_PASSWORD", "a-long-enough-passphrase-42")
    out = StringIO()
    call_command("bootstrap", *ARGS, stdout=out)
    admin = User.objects.get(username="first_admin")
    assert admin.role == Role.ADMINISTRATOR
    assert admin.agency is not None
    assert admin.agency.jurisdiction.code == "eastland"
    assert admin.check_password("a-long-enough-passphrase-42")
    event = AuditEvent.objects.get(action="user.create")
    assert event.actor_username == "installation"
    assert "created" in out.getvalue()
    with pytest.raises(CommandError, match="already exists"):
        call_command("bootstrap", *ARGS, stdout=StringIO())


@pytest.mark.django_db
def test_bootstrap_refuses_a_weak_password_and_writes_nothing(monkeypatch: Any) -> None:
    monkeypatch.setenv("JJ_ADMIN_PASSWORD", "short")
    with pytest.raises(CommandError):
        call_command("bootstrap", *ARGS, stdout=StringIO())
    assert not User.objects.exists()
    assert not AuditEvent.objects.exists()
