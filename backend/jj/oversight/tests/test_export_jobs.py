"""Issue 13: indicator exports in the background. A job row shows status and progress while the task runs; the file
is downloadable by whoever asked for it until it expires; every request, export and download is audited; a
refused request writes nothing."""

import io
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from openpyxl import load_workbook

from jj.accounts.models import Agency
from jj.audit.models import AuditEvent
from jj.cases.models import Case
from jj.oversight import services
from jj.oversight.models import ExportJob, ExportStatus
from jj.oversight.tests.dataset import build
from jj.people.models import Child

QUERY = {"period_start": "2025-01-01", "period_end": "2025-12-31", "purpose": "Annual report"}


@pytest.fixture
def ds(world: Any):
    return build(world.north, world.yjs, world.south_agency)


def _ask(client: Any, capture: Any, **extra: Any) -> Any:
    """Ask for an export and run the task queued on commit; the job as it is then."""
    with capture(execute=True):
        response = client.post("/api/oversight/exports/", {**QUERY, **extra}, format="json")
    assert response.status_code == 202, response.content
    return response


def test_export_runs_in_the_background_and_the_file_is_downloaded(ds, client_for, django_capture_on_commit_callbacks):
    client = client_for("oversight_monitor")
    response = _ask(client, django_capture_on_commit_callbacks, file="xlsx", by="sex")
    assert response.status_code == 202, response.content
    # Without a broker the task runs in-process once the request's transaction commits (here: after the response,
    # as the test holds the transaction; in `make run` the answer already says done).
    job = client.get(f"/api/oversight/exports/{response.json()['id']}/").json()
    assert (job["status"], job["progress"], job["file_format"]) == ("done", 100, "xlsx")
    assert job["filename"] == "indicators-north-2025-01-01-2025-12-31.xlsx"
    assert job["download_url"] == f"/api/oversight/exports/{job['id']}/file/"
    assert [j["id"] for j in client.get("/api/oversight/exports/").json()] == [job["id"]]

    download = client.get(job["download_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"] == f'attachment; filename="{job["filename"]}"'
    sheet = load_workbook(io.BytesIO(download.content)).active
    numbers = {row[0] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert numbers == set(range(1, 16))
    groups = {row[3] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert {"all", "female", "male"} <= groups

    actions = list(AuditEvent.objects.filter(action__startswith="oversight.export").values_list("action", flat=True))
    assert actions == ["oversight.export.request", "oversight.export", "oversight.export.download"]
    exported = AuditEvent.objects.get(action="oversight.export")
    assert exported.changes["job"] == job["id"]
    assert exported.changes["format"] == "xlsx"


def test_csv_export_in_the_background_neutralises_formulas(ds, world, client_for, django_capture_on_commit_callbacks):
    agency = Agency.objects.create(jurisdiction=world.north, name="@SUM(1+1)")
    kid = Child.objects.create(jurisdiction=world.north, agency=agency, given_name="Z", sex="male")
    Case.objects.create(
        reference="H-2",
        child=kid,
        jurisdiction=world.north,
        agency=agency,
        kind="arrest",
        opened_at=ds.cases["A1"].opened_at,
    )
    client = client_for("oversight_monitor")
    job_id = _ask(client, django_capture_on_commit_callbacks, file="csv", by="agency").json()["id"]
    job = client.get(f"/api/oversight/exports/{job_id}/").json()
    text = client.get(job["download_url"]).content.decode("utf-8-sig")
    assert "'@SUM(1+1)" in text
    assert ",@SUM" not in text
    assert "\n@SUM" not in text
    # The watermark: the title row names who exported the file and when (UTC).
    title = text.splitlines()[0]
    assert " - Confidential - exported by oversight_monitor (oversight_monitor) on " in title
    assert " UTC for: Annual report" in title


def test_progress_is_recorded_after_each_indicator(ds, world, monkeypatch):
    job = ExportJob.objects.create(
        requested_by=world["oversight_monitor"], jurisdiction=world.north, file_format="csv", query=QUERY
    )
    seen: list[tuple[str, int]] = []
    real = services._export_progress

    def spy(j: ExportJob, progress: int) -> None:
        real(j, progress)
        row = ExportJob.objects.get(pk=j.pk)
        seen.append((row.status, row.progress))

    monkeypatch.setattr(services, "_export_progress", spy)
    done = services.export_job_run(job_id=job.pk)
    assert done is not None
    assert len(seen) == 15
    assert all(status == "running" for status, _ in seen)
    progress = [p for _, p in seen]
    assert progress == sorted(progress)
    assert progress[0] == 6
    assert progress[-1] == 95
    assert (done.status, done.progress) == (ExportStatus.DONE, 100)


def test_a_second_delivery_of_the_task_changes_nothing(ds, world):
    job = ExportJob.objects.create(
        requested_by=world["oversight_monitor"], jurisdiction=world.north, file_format="csv", query=QUERY
    )
    first = services.export_job_run(job_id=job.pk)
    assert first is not None
    second = services.export_job_run(job_id=job.pk)
    assert second is not None
    assert (second.status, second.finished_at) == (ExportStatus.DONE, first.finished_at)
    assert AuditEvent.objects.filter(action="oversight.export").count() == 1
    assert services.export_job_run(job_id=999_999) is None


def test_a_failed_computation_marks_the_job_failed_not_a_500(
    ds, client_for, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(**kwargs: Any) -> Any:
        raise ValueError("boom")

    monkeypatch.setattr(services, "indicators_compute", broken)
    client = client_for("oversight_monitor")
    job_id = _ask(client, django_capture_on_commit_callbacks, file="csv").json()["id"]
    body = client.get(f"/api/oversight/exports/{job_id}/").json()
    assert body["status"] == "failed"
    assert body["download_url"] is None
    assert "boom" not in body["error"]
    assert client.get(f"/api/oversight/exports/{body['id']}/file/").status_code == 409
    assert not AuditEvent.objects.filter(action="oversight.export").exists()


def test_not_ready_is_409(ds, world, client_for):
    client = client_for("oversight_monitor")
    response = client.post("/api/oversight/exports/", {**QUERY, "file": "csv"}, format="json")  # task not run
    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    assert client.get(f"/api/oversight/exports/{response.json()['id']}/file/").status_code == 409
    assert not AuditEvent.objects.filter(action="oversight.export.download").exists()


def _finished(world: Any) -> ExportJob:
    job = ExportJob.objects.create(
        requested_by=world["oversight_monitor"], jurisdiction=world.north, file_format="csv", query=QUERY
    )
    done = services.export_job_run(job_id=job.pk)
    assert done is not None
    return done


@pytest.mark.parametrize(
    ("offset", "status"), [(timedelta(seconds=-1), 200), (timedelta(0), 410), (timedelta(seconds=1), 410)]
)
def test_download_until_expiry(ds, world, client_for, offset, status):
    job = _finished(world)
    client = client_for("oversight_monitor")
    moment = timezone.now() + timedelta(minutes=1)  # the download happens at expires_at + offset
    ExportJob.objects.filter(pk=job.pk).update(expires_at=moment - offset)
    with time_machine.travel(moment, tick=False):
        response = client.get(f"/api/oversight/exports/{job.pk}/file/")
    assert response.status_code == status
    assert AuditEvent.objects.filter(action="oversight.export.download").exists() == (status == 200)


@pytest.mark.parametrize(
    ("offset", "purged"), [(timedelta(seconds=-1), False), (timedelta(0), True), (timedelta(seconds=1), True)]
)
def test_purge_deletes_expired_files_only(ds, world, offset, purged):
    job = _finished(world)
    assert job.expires_at is not None
    now = job.expires_at + offset
    assert services.export_jobs_purge(now=now) == (1 if purged else 0)
    job.refresh_from_db()
    assert (job.status == ExportStatus.EXPIRED) == purged
    assert (job.content is None) == purged


def test_an_export_is_only_its_requesters(ds, world, client_for):
    job = _finished(world)
    admin = client_for("administrator")  # same jurisdiction, a reader too, but not who asked
    assert admin.get(f"/api/oversight/exports/{job.pk}/").status_code == 404
    assert admin.get(f"/api/oversight/exports/{job.pk}/file/").status_code == 404
    assert admin.get("/api/oversight/exports/").json() == []
    assert client_for("caseworker").get(f"/api/oversight/exports/{job.pk}/file/").status_code == 403


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({**QUERY, "file": "pdf"}, 400, "file"),
        ({**QUERY, "period_start": "2025-12-31", "period_end": "2025-01-01"}, 400, "period_end"),
        ({**QUERY, "purpose": "why"}, 400, "purpose"),
        ({k: v for k, v in QUERY.items() if k != "purpose"}, 400, "purpose"),
        ({**QUERY, "by": "religion"}, 400, "by"),
        ({**QUERY, "jurisdiction": "south"}, 404, None),
    ],
)
def test_refused_requests_write_nothing(ds, client_for, body, status, field):
    response = client_for("oversight_monitor").post("/api/oversight/exports/", body, format="json")
    assert response.status_code == status
    if field:
        assert field in response.json()
    assert not ExportJob.objects.exists()
    assert not AuditEvent.objects.filter(action="oversight.export.request").exists()


@pytest.mark.parametrize("username", ["caseworker", "supervisor", "legal_counsel", "facility_officer", "court_officer"])
def test_case_roles_cannot_export(ds, client_for, username):
    assert client_for(username).post("/api/oversight/exports/", QUERY, format="json").status_code == 403
    assert not ExportJob.objects.exists()


def test_at_most_three_exports_under_way_per_person(ds, client_for):
    client = client_for("oversight_monitor")
    for _ in range(services.MAX_ACTIVE_EXPORTS):
        assert client.post("/api/oversight/exports/", QUERY, format="json").status_code == 202  # tasks not run
    response = client.post("/api/oversight/exports/", QUERY, format="json")
    assert response.status_code == 400
    assert "file" in response.json()
    assert ExportJob.objects.count() == services.MAX_ACTIVE_EXPORTS
