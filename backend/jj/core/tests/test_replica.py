"""The replica router: reporting reads go to the replica when asked, everything else stays on the primary.

In the tests the replica alias mirrors the default database (config/settings_test.py): same data, its own
connection, so which connection ran a query shows where the router sent it."""

from typing import Any

import pytest
from django.db import connections, router, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from jj.accounts.models import User
from jj.audit.models import AuditEvent
from jj.cases.models import Case
from jj.core.replica import replica_reads

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


def _tables(queries: CaptureQueriesContext) -> str:
    return " ".join(q["sql"] for q in queries.captured_queries)


@pytest.mark.usefixtures("transactional_audit")
def test_reads_go_to_the_replica_only_when_asked_and_never_for_authorization_or_audit(make_case: Any) -> None:
    case = make_case()
    with CaptureQueriesContext(connections["replica"]) as replica, CaptureQueriesContext(connections["default"]):
        assert list(Case.objects.filter(pk=case.pk)) == [case]
    assert replica.captured_queries == []

    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
        replica_reads(),
    ):
        assert Case.objects.get(pk=case.pk).reference == case.reference
        assert User.objects.filter(username="caseworker").exists()
        assert AuditEvent.objects.exists()
    assert '"cases_case"' in _tables(replica)
    assert '"accounts_user"' not in _tables(replica)
    assert '"audit_auditevent"' not in _tables(replica)
    assert '"accounts_user"' in _tables(primary)
    assert '"audit_auditevent"' in _tables(primary)


@pytest.mark.usefixtures("transactional_audit")
def test_reads_inside_a_write_transaction_stay_on_the_primary(make_case: Any) -> None:
    case = make_case()
    with CaptureQueriesContext(connections["replica"]) as replica, replica_reads(), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(reference=case.reference)
        assert Case.objects.get(pk=case.pk).pk == case.pk
    assert replica.captured_queries == []


def test_writes_and_migrations_go_to_the_primary_only() -> None:
    with replica_reads():
        assert router.db_for_write(Case) == "default"
    assert router.allow_migrate("default", "cases") is True
    assert router.allow_migrate("replica", "cases") is False


@pytest.mark.usefixtures("transactional_audit")
def test_get_requests_to_replica_routes_read_from_it(world: Any, client_for: Any) -> None:
    client = client_for("oversight_monitor")
    with override_settings(DATABASE_REPLICA_ROUTES=["/api/oversight/"]):
        with CaptureQueriesContext(connections["replica"]) as replica:
            assert client.get("/api/oversight/decisions/").status_code == 200
        assert replica.captured_queries, "the oversight list read from the replica"
        assert 'FROM "accounts_user"' not in _tables(replica)  # who the caller is: always the primary
        with CaptureQueriesContext(connections["replica"]) as replica:
            assert client.get("/api/cases/").status_code == 200
        assert replica.captured_queries == []
