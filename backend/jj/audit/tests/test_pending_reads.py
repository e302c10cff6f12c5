"""Reads without the chain lock (issue 12): with AUDIT_DEFER_READS a read or list of a child's record is one INSERT
into the pending table, in the request's transaction, and `audit_seal_pending` chains it later. Nothing is lost
(a pending row is deleted only once chained), nothing is altered on the way (its MAC is checked before sealing), and
the chain still verifies; sixteen concurrent readers and writers never fork it."""

import threading
from typing import Any

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import override_settings

from jj.accounts.models import User
from jj.audit.models import AuditEvent, Outcome, PendingAuditEvent
from jj.audit.services import audit_append, audit_list, audit_read, audit_seal_pending
from jj.audit.verification import verify_chain

deferred = override_settings(AUDIT_DEFER_READS=True)


@pytest.fixture
def reader(db: Any) -> User:
    return User.objects.create(username="reader", role="caseworker")


@pytest.mark.django_db
@deferred
def test_a_deferred_read_is_one_insert_and_no_chain_event(reader: User, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        audit_read(actor=reader, object_type="child", object_id=7, child_id=7)
    assert AuditEvent.objects.count() == 0
    pending = PendingAuditEvent.objects.get()
    assert (pending.action, pending.object_id, pending.actor_username) == ("child.read", "7", "reader")
    assert pending.child_ref
    assert pending.child_ref != "7"
    assert len(pending.mac) == 64


@pytest.mark.django_db
@deferred
def test_sealing_chains_pending_reads_in_order_with_their_content(reader: User) -> None:
    audit_append(actor=reader, action="child.update", object_type="child", object_id=1)
    audit_read(actor=reader, object_type="child", object_id=1, child_id=1)
    audit_list(actor=reader, object_type="case", ids=[3, 4], query={"q": "Okafor", "status": "open"})
    first, second = PendingAuditEvent.objects.order_by("id")
    assert audit_seal_pending() == 2
    assert not PendingAuditEvent.objects.exists()
    events = list(AuditEvent.objects.order_by("seq"))
    assert [(e.seq, e.action, e.pending_id) for e in events] == [
        (1, "child.update", None),
        (2, "child.read", first.id),
        (3, "case.list", second.id),
    ]
    assert events[1].occurred_at == first.occurred_at
    assert events[1].child_ref == first.child_ref
    assert events[2].changes["shown_ids"] == ["3", "4"]
    assert "Okafor" not in str(events[2].changes)  # still only a keyed digest of what was typed
    assert verify_chain().ok
    assert audit_seal_pending() == 0  # a second run finds nothing: idempotent


@pytest.mark.django_db
@deferred
def test_sealing_in_batches_keeps_one_chain(reader: User) -> None:
    for i in range(7):
        audit_read(actor=reader, object_type="child", object_id=i, child_id=i)
    assert audit_seal_pending(batch=3) == 7
    assert list(AuditEvent.objects.values_list("seq", flat=True)) == list(range(1, 8))
    assert verify_chain().ok


@pytest.mark.django_db
@deferred
def test_a_read_rolled_back_with_its_request_leaves_nothing(reader: User) -> None:
    def failing_request() -> None:
        with transaction.atomic():
            audit_read(actor=reader, object_type="child", object_id=1, child_id=1)
            raise RuntimeError("the request failed")

    with pytest.raises(RuntimeError):
        failing_request()
    assert not PendingAuditEvent.objects.exists()
    assert audit_seal_pending() == 0


@pytest.mark.django_db
@deferred
def test_a_pending_read_cannot_be_altered_or_deleted_before_it_is_chained(reader: User) -> None:
    audit_read(actor=reader, object_type="child", object_id=1, child_id=1)
    for statement in ("UPDATE audit_pendingauditevent SET action = 'forged'", "DELETE FROM audit_pendingauditevent"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert PendingAuditEvent.objects.get().action == "child.read"
    assert audit_seal_pending() == 1


def _insert_pending_as_an_intruder(**fields: Any) -> int:
    """A row written straight into the pending table by someone who does not hold the chain key."""
    row = PendingAuditEvent.objects.create(
        occurred_at="2026-01-01T00:00:00+00:00", action="child.read", object_type="child", mac="0" * 64, **fields
    )
    return row.id


@pytest.mark.django_db
@deferred
def test_a_pending_row_written_without_the_key_is_not_chained_as_written(reader: User) -> None:
    audit_read(actor=reader, object_type="child", object_id=1, child_id=1)
    forged = _insert_pending_as_an_intruder(actor_username="nobody", object_id="99")
    assert audit_seal_pending() == 2
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.action for e in events] == ["child.read", "audit.pending_forged"]
    assert (events[1].object_id, events[1].pending_id, events[1].outcome) == (str(forged), forged, Outcome.FAILED)
    assert "nobody" not in {e.actor_username for e in events}
    assert not PendingAuditEvent.objects.exists()
    assert verify_chain().ok


@pytest.mark.django_db
def test_without_deferral_a_read_is_chained_at_once(reader: User) -> None:
    audit_read(actor=reader, object_type="child", object_id=1, child_id=1)
    assert AuditEvent.objects.get().action == "child.read"
    assert not PendingAuditEvent.objects.exists()


@pytest.mark.django_db
@deferred
def test_the_verify_command_seals_pending_reads_first(reader: User, capsys: Any) -> None:
    audit_read(actor=reader, object_type="child", object_id=1, child_id=1)
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "1 pending read events chained first" in out
    assert "All 1 audit events verify" in out
    assert not PendingAuditEvent.objects.exists()


@deferred
def test_a_read_through_the_api_shows_in_the_access_log(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True)
    assert client_for("legal_counsel").get(f"/api/children/{case.child_id}/").status_code == 200
    assert PendingAuditEvent.objects.filter(action="child.read", actor_username="legal_counsel").exists()
    rows = client_for("supervisor").get(f"/api/children/{case.child_id}/access-log/").json()["results"]
    assert ("legal_counsel", "child.read") in {(r["actor_username"], r["action"]) for r in rows}
    assert not PendingAuditEvent.objects.exists()
    assert verify_chain().ok


@pytest.mark.usefixtures("transactional_audit")
@deferred
def test_sixteen_concurrent_readers_writers_and_a_sealer_lose_nothing_and_never_fork() -> None:
    """8 readers (deferred, no lock), 8 writers (chained at once, under the lock) and a sealer running throughout,
    each in its own connection and committing for real. Correctness only: how fast is measured in the bench."""
    actor = User.objects.create(username="concurrent", role="caseworker")
    per_thread = 5
    errors: list[BaseException] = []
    done = threading.Event()

    def reader(n: int) -> None:
        try:
            for i in range(per_thread):
                with transaction.atomic():
                    audit_read(actor=actor, object_type="child", object_id=f"{n}-{i}", child_id=n)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    def writer(n: int) -> None:
        try:
            for i in range(per_thread):
                with transaction.atomic():
                    audit_append(actor=actor, action="child.update", object_type="child", object_id=f"{n}-{i}")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    def sealer() -> None:
        try:
            while not done.wait(0.01):  # a pause between runs, so that SQLite's unfair busy lock cannot starve others
                audit_seal_pending(batch=7)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=reader, args=(n,)) for n in range(8)]
    workers += [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    seal_thread = threading.Thread(target=sealer)
    seal_thread.start()
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    done.set()
    seal_thread.join()
    assert errors == []
    audit_seal_pending()
    assert not PendingAuditEvent.objects.exists()
    reads = list(AuditEvent.objects.filter(action="child.read").values_list("object_id", flat=True))
    writes = list(AuditEvent.objects.filter(action="child.update").values_list("object_id", flat=True))
    expected = sorted(f"{n}-{i}" for n in range(8) for i in range(per_thread))
    assert sorted(reads) == expected
    assert sorted(writes) == expected
    assert AuditEvent.objects.count() == 16 * per_thread
    assert verify_chain().ok
