"""Issue 13: the pseudonymised dataset (one row per case opened in the period) is exported in the background like
the indicator table, with progress, for oversight monitors only: keyed pseudonyms, an age group, no name, date of
birth or address; formula-like text neutralised; request, export and download audited; a refusal writes nothing."""

import csv
import io
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from jj.audit.models import AuditEvent
from jj.cases.models import Case
from jj.core.pseudonym import child_pseudonym
from jj.oversight.microdata import COLUMNS, case_pseudonym
from jj.oversight.models import ExportJob
from jj.oversight.tests.dataset import build
from jj.people.models import Child

QUERY = {
    "period_start": "2025-01-01",
    "period_end": "2025-12-31",
    "kind": "dataset",
    "purpose": "Research agreement 12",
}
# The period in the jurisdiction's own zone (north: Europe/Paris).
PARIS = ZoneInfo("Europe/Paris")
START, END = datetime(2025, 1, 1, tzinfo=PARIS), datetime(2026, 1, 1, tzinfo=PARIS)


def _in_period(world: Any) -> Any:
    return Case.objects.filter(jurisdiction=world.north, opened_at__gte=START, opened_at__lt=END)


@pytest.fixture
def ds(world: Any):
    return build(world.north, world.yjs, world.south_agency)


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_dataset_is_exported_in_the_background_pseudonymised(
    ds, world, client_for, django_capture_on_commit_callbacks
):
    client = client_for("oversight_monitor")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/oversight/exports/", {**QUERY, "file": "csv"}, format="json")
    assert response.status_code == 202, response.content
    job = client.get(f"/api/oversight/exports/{response.json()['id']}/").json()
    assert (job["kind"], job["status"], job["progress"]) == ("dataset", "done", 100)
    assert job["filename"] == "dataset-north-2025-01-01-2025-12-31.csv"
    download = client.get(job["download_url"])
    assert download.status_code == 200
    rows = _rows(download.content)
    # The watermark first: who asked, when, and the purpose they stated; then the title and the columns.
    assert rows[0][0].startswith("# Confidential - exported by oversight_monitor (oversight_monitor) on ")
    assert rows[0][0].endswith(" UTC for: Research agreement 12")
    assert rows[2] == list(COLUMNS)
    body = rows[3:]
    cases = _in_period(world)
    assert len(body) == cases.count() > 0
    assert {r[0] for r in body} == {case_pseudonym(c.pk) for c in cases}
    assert {r[1] for r in body} == {child_pseudonym(c.child_id) for c in cases}
    # Nothing that names a child: no name, date of birth or case reference anywhere in the file.
    text = download.content.decode("utf-8-sig")
    for child in Child.objects.filter(cases__in=cases).distinct():
        assert child.given_name not in text
        assert child.family_name not in text
        if child.date_of_birth:
            assert child.date_of_birth.isoformat() not in text
    for case in cases:
        assert case.reference not in text
    actions = list(AuditEvent.objects.filter(action__startswith="oversight.export").values_list("action", flat=True))
    assert actions == ["oversight.export.request", "oversight.export", "oversight.export.download"]
    assert AuditEvent.objects.get(action="oversight.export").changes["kind"] == "dataset"


def test_the_dataset_counts_what_the_database_holds(ds, world, client_for, django_capture_on_commit_callbacks):
    """Each case's flags and durations agree with its records (sentences, custody, counsel)."""
    client = client_for("oversight_monitor")
    with django_capture_on_commit_callbacks(execute=True):
        job_id = client.post("/api/oversight/exports/", {**QUERY, "file": "csv"}, format="json").json()["id"]
    download = client.get(f"/api/oversight/exports/{job_id}/file/")
    rows = _rows(download.content)[3:]  # after the watermark, the title and the columns
    by_case = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in rows}
    for case in _in_period(world):
        row = by_case[case_pseudonym(case.pk)]
        assert row["custody_episodes"] == str(case.custody_episodes.count())
        assert row["charged"] == str(case.events.filter(kind="case.charged").exists())
        assert row["sex"] == case.child.sex


@pytest.mark.parametrize("who", ["administrator", "supervisor", "caseworker"])
def test_only_oversight_monitors_export_the_dataset(who, ds, client_for):
    response = client_for(who).post("/api/oversight/exports/", {**QUERY, "file": "csv"}, format="json")
    assert response.status_code == 403
    assert not ExportJob.objects.exists()
    assert not AuditEvent.objects.filter(action="oversight.export.request").exists()
