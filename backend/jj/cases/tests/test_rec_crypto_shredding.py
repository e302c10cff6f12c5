"""Crypto-shredding (issue 14): identifying values enter the audit trail only encrypted under the child's data key;
destroying the key forgets them for good while every event stays and the chain still verifies. Search terms are
never stored in clear anywhere."""

import json
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings

from jj.audit.models import AuditEvent, ChildDataKey
from jj.audit.services import audit_append, changed_fields
from jj.audit.shredding import REMOVED, child_keys_rewrap, is_sealed, master_key_id, readable, search_term_digest
from jj.audit.verification import verify_chain
from jj.cases import services as case_services
from jj.cases.records import child_identity_shred
from jj.core.pseudonym import child_pseudonym
from jj.people import services as people_services
from jj.people.models import Child

MARCH_2 = date(2026, 3, 2)
NAME = "Zephyrine"
FAMILY = "Quillfeather"
OFFENCE = "Took the bicycle of Ondine Vantablack"


def _rows_containing(needle: str) -> list[str]:
    """Every table, every column: where does `needle` occur in clear? (As an attacker reading the database.)"""
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (names from the catalogue)
            for row in cursor.fetchall():
                if needle.casefold() in " ".join(str(value) for value in row).casefold():
                    hits.append(table)
                    break
    return hits


@pytest.fixture
def child_case(make_case: Any, world: Any) -> Any:
    case = make_case(given_name=NAME, family_name=FAMILY)
    people_services.guardian_add(
        actor=world["caseworker"], child=case.child, data={"name": f"Mother {FAMILY}", "relationship": "mother"}
    )
    people_services.child_update(
        actor=world["caseworker"],
        child=Child.objects.get(pk=case.child_id),
        version=Child.objects.get(pk=case.child_id).version,
        data={"other_names": f"{NAME}ette"},
    )

    case_services.offence_add(
        actor=world["caseworker"],
        case=case,
        data={"description": OFFENCE, "category": "05", "offence_date": MARCH_2},
    )
    return case


def test_identifying_values_enter_the_trail_only_encrypted(child_case: Any) -> None:
    """Names, date of birth and offence descriptions are ciphertext in the trail; the chain covers it."""
    trail = json.dumps(list(AuditEvent.objects.values_list("changes", flat=True)))
    for clear in (NAME, FAMILY, "2010-05-17", OFFENCE):
        assert clear not in trail
    created = AuditEvent.objects.get(action="child.create")
    assert is_sealed(created.changes["given_name"]["after"])
    assert verify_chain().ok
    assert AuditEvent.objects.filter(action="child.create").count() == 1
    assert ChildDataKey.objects.filter(child_ref=child_pseudonym(child_case.child_id)).count() == 1


def test_supervisor_reads_the_values_and_oversight_reads_them_masked(child_case: Any, client_for: Any) -> None:
    """The child's access log (supervisor of the agency) decrypts; the oversight trail shows `***`."""
    log = client_for("supervisor").get(f"/api/children/{child_case.child_id}/access-log/?page_size=100").json()
    created = next(e for e in log["results"] if e["action"] == "child.create")
    assert created["changes"]["given_name"] == {"before": "", "after": NAME}
    assert created["changes"]["date_of_birth"] == {"before": "", "after": "2010-05-17"}
    offence = next(e for e in log["results"] if e["action"] == "offence.create")
    assert offence["changes"]["description"] == OFFENCE
    events = client_for("oversight_monitor").get("/api/audit/events/?action=child.create").json()["results"]
    assert events[0]["changes"]["given_name"] == {"before": "", "after": "***"}


def test_after_shredding_the_chain_verifies_and_the_identity_is_gone(
    child_case: Any, world: Any, client_for: Any
) -> None:
    """Every event stays, the chain verifies (API and manage.py), and the name is in no table of the database."""
    events_before = AuditEvent.objects.count()
    assert "people_child" in _rows_containing(NAME)  # the record holds it before
    assert child_identity_shred(actor=world["supervisor"], child=child_case.child, reason="REC-3 removal at 18")
    assert AuditEvent.objects.count() == events_before + 1
    assert AuditEvent.objects.filter(action="child.identity_shred").count() == 1
    assert verify_chain().ok
    out = StringIO()
    call_command("audit_verify", stdout=out)
    assert f"All {events_before + 1} audit events verify" in out.getvalue()
    for clear in (NAME, FAMILY, "Ondine", "2010-05-17"):
        assert _rows_containing(clear) == [], clear
    log = client_for("supervisor").get(f"/api/children/{child_case.child_id}/access-log/?page_size=100").json()
    created = next(e for e in log["results"] if e["action"] == "child.create")
    assert created["changes"]["given_name"] == {"before": "", "after": REMOVED}
    events = client_for("oversight_monitor").get("/api/audit/events/?action=child.create").json()["results"]
    assert events[0]["changes"]["given_name"] == {"before": "", "after": REMOVED}
    assert verify_chain().ok


def test_shredding_twice_does_nothing_and_no_new_key_is_ever_made(child_case: Any, world: Any) -> None:
    child = child_case.child
    assert child_identity_shred(actor=None, child=child, reason="removal")
    events = AuditEvent.objects.count()
    assert not child_identity_shred(actor=None, child=child, reason="removal")
    assert AuditEvent.objects.count() == events
    # A late write about a forgotten child: nothing identifying is stored, and no key comes back.
    event = audit_append(
        actor=None,
        action="child.update",
        object_type="child",
        object_id=child.pk,
        child_id=child.pk,
        changes=changed_fields({}, {"given_name": NAME}, masked={"given_name"}),
    )
    assert event.changes == {"given_name": {"before": "", "after": REMOVED}}
    assert ChildDataKey.objects.get(child_ref=child_pseudonym(child.pk)).wrapped_key == ""
    assert verify_chain().ok


def test_search_terms_are_never_stored_in_clear(make_case: Any, client_for: Any) -> None:
    """A name typed into a list's search box is kept only as a keyed hash (children, cases, the audit search)."""
    make_case(given_name=NAME)
    term = "Xylocarpa"  # nobody is called so: only the search box could bring it into the database
    for url in (f"/api/children/?search={term}", f"/api/cases/?search={term}", f"/api/children/?q={term}"):
        assert client_for("caseworker").get(url).status_code == 200
    assert client_for("oversight_monitor").get(f"/api/audit/events/?search={term}").status_code == 200
    assert _rows_containing(term) == []
    listed = AuditEvent.objects.filter(action="child.list").first()
    assert listed is not None
    assert listed.changes["query"]["search"] == search_term_digest(term)


def test_the_audit_search_keeps_staff_filters_and_hashes_what_was_typed(world: Any, client_for: Any) -> None:
    client = client_for("oversight_monitor")
    assert client.get("/api/audit/events/?actor_username=caseworker&search=Xylocarpa").status_code == 200
    searched = AuditEvent.objects.get(action="audit.search")
    assert searched.changes["query"] == {
        "actor_username": "caseworker",
        "search": search_term_digest("Xylocarpa"),
    }


def test_master_key_rotation_rewraps_every_live_key(child_case: Any, client_for: Any, settings: Any) -> None:
    """Rotation: the new master key in JJ_RECORDS_MASTER_KEY, the old in JJ_RECORDS_MASTER_KEYS_PREVIOUS, rewrap."""
    old = settings.RECORDS_MASTER_KEY
    new = "a-new-records-master-key-for-the-rotation-test-0123456789"
    with override_settings(RECORDS_MASTER_KEY=new, RECORDS_MASTER_KEYS_PREVIOUS=[old]):
        out = StringIO()
        call_command("records_rewrap_keys", stdout=out)
        assert "1 data key" in out.getvalue()
        row = ChildDataKey.objects.get(child_ref=child_pseudonym(child_case.child_id))
        assert row.master_key_id == master_key_id(new)
        assert child_keys_rewrap() == 0
    with override_settings(RECORDS_MASTER_KEY=new, RECORDS_MASTER_KEYS_PREVIOUS=[]):
        log = client_for("supervisor").get(f"/api/children/{child_case.child_id}/access-log/?page_size=100").json()
        created = next(e for e in log["results"] if e["action"] == "child.create")
        assert created["changes"]["given_name"]["after"] == NAME


def test_a_case_summary_enters_the_trail_encrypted(make_case: Any, client_for: Any) -> None:
    """Free text about the child (the case summary) is a changed value of the child's record: encrypted too."""
    case = make_case()
    summary = f"Met {NAME} at the station with her aunt"
    response = client_for("caseworker").patch(
        f"/api/cases/{case.pk}/", {"summary": summary, "version": case.version}, format="json"
    )
    assert response.status_code == 200, response.json()
    event = AuditEvent.objects.get(action="case.update")
    assert is_sealed(event.changes["summary"]["after"])
    assert NAME not in json.dumps(event.changes)
    log = client_for("supervisor").get(f"/api/children/{case.child_id}/access-log/?page_size=100").json()
    assert next(e for e in log["results"] if e["action"] == "case.update")["changes"]["summary"]["after"] == summary


def test_an_audit_reason_enters_the_trail_encrypted_and_is_forgotten_on_removal(
    child_case: Any, world: Any, client_for: Any
) -> None:
    """The reason of an event about a child is free text about the child: stored encrypted under the child's key
    (never in clear in any table), read by the supervisor, `***` for oversight, `[removed]` once the key is gone;
    the chain covers the ciphertext and verifies before and after."""
    reason = f"Checking on {NAME}'s safety after the call from her aunt"
    event = audit_append(
        actor=world["caseworker"],
        action="case.read",
        object_type="case",
        object_id=child_case.pk,
        child_id=child_case.child_id,
        reason=reason,
    )
    assert is_sealed(event.reason)
    assert _rows_containing("after the call from her aunt") == []
    assert verify_chain().ok
    log = client_for("supervisor").get(f"/api/children/{child_case.child_id}/access-log/?page_size=100").json()
    assert next(e for e in log["results"] if e["seq"] == event.seq)["reason"] == reason
    trail = client_for("oversight_monitor").get("/api/audit/events/?action=case.read").json()["results"]
    assert next(e for e in trail if e["seq"] == event.seq)["reason"] == "***"
    assert readable(AuditEvent.objects.get(seq=event.seq).reason, child_ref=event.child_ref) == reason

    assert child_identity_shred(actor=world["supervisor"], child=child_case.child, reason="REC-3 removal at 18")
    assert readable(AuditEvent.objects.get(seq=event.seq).reason, child_ref=event.child_ref) == REMOVED
    log = client_for("supervisor").get(f"/api/children/{child_case.child_id}/access-log/?page_size=100").json()
    assert next(e for e in log["results"] if e["seq"] == event.seq)["reason"] == REMOVED
    assert verify_chain().ok


def test_a_reason_without_a_child_stays_readable(world: Any) -> None:
    """Events about no child (a sign-out, a policy change) keep their reason as written: nobody's identity."""
    event = audit_append(actor=world["caseworker"], action="auth.logout", reason="idle")
    assert event.reason == "idle"
