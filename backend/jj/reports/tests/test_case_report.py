"""Issue 17: the court report as PDF, in the reader's language, with only what the reader's role may see, audited as
a read; out of scope answers 404 as any case does."""

import base64
import re
import zlib
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from jj.accounts.models import Role
from jj.audit.models import AuditEvent, Outcome
from jj.deadlines.models import Deadline
from jj.reports.selectors import report_data

NAME = "Zephyrine"


def _text(pdf: bytes) -> str:
    """The page streams' text (reportlab writes them ASCII85-encoded, zlib-compressed)."""
    chunks = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL):
        data = raw.strip()
        if data.endswith(b"~>"):
            data = base64.a85decode(data[:-2])
        try:
            chunks.append(zlib.decompress(data))
        except zlib.error:
            chunks.append(data)
    return b"\n".join(chunks).decode("latin-1")


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Court report"), ("fr", "Rapport au tribunal"), ("es", "Informe al")]
)
def test_the_report_is_a_pdf_in_the_readers_language(lang: str, title: str, make_case: Any, client_for: Any) -> None:
    case = make_case(given_name=NAME)
    Deadline.objects.create(
        case=case,
        agency_id=case.agency_id,
        kind="k",
        rule_id="PTD-1",
        description="Before a judge",
        due_at=timezone.now(),
    )
    answer = client_for("caseworker").get(f"/api/cases/{case.pk}/report/?lang={lang}&purpose=Hearing+on+Monday")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"
    assert NAME not in answer["Content-Disposition"]
    body = answer.content
    assert body.startswith(b"%PDF")
    text = _text(body)
    assert title in text
    assert case.reference in text
    assert "PTD-1" in text
    assert NAME in text  # the caseworker needs the name; the role decides (below)
    event = AuditEvent.objects.filter(action="case_report.read").get()
    assert event.object_id == str(case.pk)


def test_an_unknown_language_falls_back_to_english(make_case: Any, client_for: Any) -> None:
    case = make_case()
    answer = client_for("caseworker").get(f"/api/cases/{case.pk}/report/?lang=xx&purpose=Hearing+on+Monday")
    assert "Court report" in _text(answer.content)


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("caseworker", 200),
        ("supervisor", 200),
        ("legal_counsel", 200),
        ("caseworker2", 404),
        ("sp_supervisor", 404),
        ("oversight_monitor", 404),
        ("administrator", 404),
    ],
)
def test_the_report_is_read_exactly_by_who_reads_the_case(
    username: str, status: int, make_case: Any, client_for: Any
) -> None:
    case = make_case(counsel=True)
    assert client_for(username).get(f"/api/cases/{case.pk}/report/?purpose=Hearing+on+Monday").status_code == status
    reads = AuditEvent.objects.filter(action="case_report.read")
    assert reads.filter(outcome=Outcome.SUCCESS).count() == (1 if status == 200 else 0)
    assert reads.filter(outcome=Outcome.DENIED).count() == (0 if status == 200 else 1)  # the refusal is recorded


def test_the_child_fields_are_those_of_the_readers_role(world: Any, make_case: Any) -> None:
    case = make_case(
        given_name=NAME,
        accommodation_needs="Interpreter",
        date_of_birth=timezone.now().date() - timedelta(days=15 * 366),
    )
    full = report_data(user=world["caseworker"], case=case).child
    assert set(full) == {"pseudonym", "name", "date_of_birth", "accommodation_needs"}
    # A role without identity (the oversight monitor's set, were it ever let in) gets the pseudonym alone.
    monitor = world["oversight_monitor"]
    assert monitor.role == Role.OVERSIGHT_MONITOR
    assert set(report_data(user=monitor, case=case).child) == {"pseudonym"}
