"""The audit trail is append-only and tamper-evident: any altered, deleted or reordered event is named."""

import hashlib
import threading
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jj.audit.chain import GENESIS_HASH, HASHED_FIELDS, canonical, chain_hasher
from jj.audit.models import AuditEvent
from jj.audit.services import audit_append, iso_utc
from jj.audit.verification import verify_chain


def _append(n: int) -> list[AuditEvent]:
    return [
        audit_append(
            actor=None,
            actor_username=f"u{i}",
            action="test.event",
            object_type="thing",
            object_id=i,
            changes={"i": i, "nested": {"k": [1, "two"]}},
        )
        for i in range(n)
    ]


def _raw(sql: str, params: list[Any]) -> None:
    """What a database superuser could do: bypass the application (and, on PostgreSQL, the triggers)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS audit_no_delete")
            cursor.execute(sql, params)


@pytest.mark.django_db
def test_chain_links_each_event_to_the_one_before() -> None:
    events = _append(3)
    assert events[0].prev_hash == GENESIS_HASH
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert [e.seq for e in events] == [1, 2, 3]
    assert verify_chain().ok
    assert verify_chain().events_checked == 3
    assert verify_chain(expected_head=(3, events[2].hash)).ok
    assert not verify_chain(expected_head=(4, events[2].hash)).ok


@pytest.mark.django_db
def test_empty_trail_verifies() -> None:
    assert verify_chain().ok


@pytest.mark.django_db
def test_application_cannot_update_or_delete_events() -> None:
    event = _append(1)[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="edited")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.event"


@pytest.mark.django_db
def test_truncate_is_refused_on_postgresql() -> None:
    _append(1)
    if connection.vendor != "postgresql":
        # SQLite has no TRUNCATE; DELETE without WHERE is what it does instead, and that is refused above.
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditevent")
        return
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditevent")


TAMPERING = st.sampled_from(["alter_action", "alter_changes", "alter_time", "delete", "swap_content", "rehash_one"])


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(min_value=2, max_value=8), data=st.data(), how=TAMPERING)
def test_any_single_tampering_is_detected_at_that_event(size: int, data: st.DataObject, how: str) -> None:
    with transaction.atomic():
        sid = transaction.savepoint()
        events = _append(size)
        target = data.draw(st.integers(min_value=0, max_value=size - 1))
        seq = events[target].seq
        if how == "alter_action":
            _raw("UPDATE audit_auditevent SET action = %s WHERE seq = %s", ["forged", seq])
        elif how == "alter_changes":
            _raw("UPDATE audit_auditevent SET changes = %s WHERE seq = %s", ['{"i": -1}', seq])
        elif how == "alter_time":
            _raw("UPDATE audit_auditevent SET occurred_at = %s WHERE seq = %s", ["2001-01-01 00:00:00+00:00", seq])
        elif how == "delete":
            _raw("DELETE FROM audit_auditevent WHERE seq = %s", [seq])
        elif how == "swap_content":
            other = events[(target + 1) % size]
            _raw("UPDATE audit_auditevent SET object_id = %s WHERE seq = %s", [other.object_id, seq])
        else:  # replace one event's stored hash
            _raw("UPDATE audit_auditevent SET hash = %s WHERE seq = %s", ["f" * 64, seq])
        # The verifier knows the head it was given before (cutting the newest events is otherwise invisible).
        report = verify_chain(expected_head=(events[-1].seq, events[-1].hash))
        transaction.savepoint_rollback(sid)
    assert not report.ok
    assert report.first_broken_seq == seq


@pytest.mark.usefixtures("transactional_audit")
def test_concurrent_appenders_never_fork_the_chain() -> None:
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(10):
                audit_append(actor=None, actor_username=f"t{n}", action="test.concurrent", object_id=i)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert AuditEvent.objects.count() == 40
    assert len(set(AuditEvent.objects.values_list("prev_hash", flat=True))) == 40
    assert verify_chain().ok


def _rewrite_from(seq: int, mac: Any) -> None:
    """An attacker with database access edits event `seq` and recomputes every hash after it with `mac`."""
    events = list(AuditEvent.objects.filter(seq__gte=seq - 1).order_by("seq").values(*HASHED_FIELDS, "hash"))
    prev = events[0]["hash"] if events[0]["seq"] < seq else GENESIS_HASH
    for event in events:
        if event["seq"] < seq:
            continue
        if event["seq"] == seq:
            event["action"] = "forged"
        event["prev_hash"] = prev
        event["occurred_at"] = iso_utc(event["occurred_at"])
        prev = mac(event)
        _raw(
            "UPDATE audit_auditevent SET action = %s, prev_hash = %s, hash = %s WHERE seq = %s",
            [event["action"], event["prev_hash"], prev, event["seq"]],
        )


@pytest.mark.django_db
@pytest.mark.parametrize("attacker", ["plain_sha256", "wrong_key"])
def test_rewritten_event_with_rehashed_tail_fails_without_the_key(attacker: str) -> None:
    """Issue 11: the chain is keyed, so recomputing the tail after an edit is not enough to hide it."""
    _append(5)
    if attacker == "plain_sha256":
        _rewrite_from(3, lambda event: hashlib.sha256(canonical(event)).hexdigest())
    else:
        _rewrite_from(3, chain_hasher(b"a key the attacker guessed"))
    head = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    assert head is not None
    report = verify_chain(expected_head=head)
    assert not report.ok
    assert report.first_broken_seq == 3


@pytest.mark.django_db
def test_whoever_holds_the_key_verifies_and_nobody_else() -> None:
    _append(3)
    assert verify_chain().ok
    assert not verify_chain(key=b"another installation's key").ok


@settings(deadline=None)
@given(key=st.binary(min_size=1, max_size=200), text=st.text(max_size=50))
def test_chain_mac_is_standard_hmac_sha256(key: bytes, text: str) -> None:
    """The offline verifier uses the standard library's hmac: both must agree for any key length."""
    import hmac

    event = dict.fromkeys(HASHED_FIELDS, text)
    assert chain_hasher(key)(event) == hmac.new(key, canonical(event), hashlib.sha256).hexdigest()
