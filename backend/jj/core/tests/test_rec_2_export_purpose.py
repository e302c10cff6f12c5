"""Issue 14, controlled disclosure (REC-2): every file that leaves the system states why. The audit-trail export,
the oversight indicator export, the court report and the subject access PDF refuse (400, a message on `purpose`)
without a purpose of 5 to 200 characters, and a refusal writes nothing to the audit trail. The list exports are
tested in test_list_exports.py, the simulation exports, the background exports and the dataset in their apps."""

from typing import Any

import pytest

from jj.audit.models import AuditEvent
from jj.audit.shredding import readable

TOO_SHORT = "why"
TOO_LONG = "x" * 201


def _url(kind: str, case: Any) -> tuple[str, str, str]:
    """(who, url without the purpose, the audit action a successful download leaves)"""
    return {
        "audit": ("oversight_monitor", "/api/audit/export/?", "audit.export"),
        "indicators": ("oversight_monitor", "/api/oversight/indicators/export/?file=csv&", "oversight.export"),
        "report": ("caseworker", f"/api/cases/{case.pk}/report/?", "case_report.read"),
        "subject_access": ("supervisor", f"/api/children/{case.child_id}/subject-access/?", "child.subject_access"),
    }[kind]


@pytest.mark.parametrize("kind", ["audit", "indicators", "report", "subject_access"])
@pytest.mark.parametrize("purpose", [None, "", "    ", TOO_SHORT, TOO_LONG])
def test_no_purpose_no_file_and_nothing_written(
    kind: str, purpose: str | None, make_case: Any, client_for: Any
) -> None:
    case = make_case()
    who, url, action = _url(kind, case)
    before = AuditEvent.objects.filter(action=action).count()
    response = client_for(who).get(url if purpose is None else f"{url}purpose={purpose}")
    assert response.status_code == 400, response.content
    assert response.json()["purpose"]
    assert AuditEvent.objects.filter(action=action).count() == before


@pytest.mark.parametrize("kind", ["audit", "indicators", "report", "subject_access"])
@pytest.mark.parametrize("purpose", ["x" * 5, "x" * 200])
def test_the_stated_purpose_is_audited(kind: str, purpose: str, make_case: Any, client_for: Any) -> None:
    case = make_case()
    who, url, action = _url(kind, case)
    response = client_for(who).get(f"{url}purpose={purpose}")
    assert response.status_code == 200, response.content
    event = AuditEvent.objects.filter(action=action).latest("seq")
    # The subject access's reason is sealed under the child's key, as every reason about a child.
    assert purpose in str(event.changes) + str(readable(event.reason, child_ref=event.child_ref))
