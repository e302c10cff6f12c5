"""Writes of the oversight app: child population figures (one at a time or a CSV import), the jurisdiction's
profile, and indicator exports computed in the background. Each is audited in the same transaction."""

import csv
import io
import logging
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from rest_framework import status

from jj.accounts import services as account_services
from jj.accounts.capabilities import require
from jj.accounts.models import Jurisdiction, User
from jj.audit.services import audit_append, changed_fields
from jj.core.exceptions import ActionNotAllowed, ApplicationError, VersionConflict
from jj.core.exports import watermark
from jj.core.services import versioned_update
from jj.oversight import export, microdata, selectors
from jj.oversight.access import READERS
from jj.oversight.indicators import DEFINITIONS, indicators_compute
from jj.oversight.models import AgeGroup, ChildPopulation, ExportJob, ExportKind, ExportStatus, JurisdictionProfile
from jj.people.models import Sex
from jj.rules.text import t

log = logging.getLogger(__name__)


class ExportGone(ApplicationError):
    status_code = status.HTTP_410_GONE


CSV_COLUMNS = ("year", "sex", "age_group", "count")
MAX_IMPORT_ROWS = 10_000


def _require_admin(actor: User) -> None:
    require(
        actor, "population.manage", "Only an administrator can change population figures or the jurisdiction's profile."
    )


def population_figure_set(
    *, actor: User, jurisdiction: Jurisdiction, year: int, sex: str, age_group: str, count: int, source: str = ""
) -> ChildPopulation:
    """Record (or correct) the number of children of one sex and age group living in the jurisdiction in a year."""
    _require_admin(actor)
    with transaction.atomic():
        row = (
            ChildPopulation.objects.select_for_update()
            .filter(jurisdiction=jurisdiction, year=year, sex=sex, age_group=age_group)
            .first()
        )
        before = row.count if row else None
        if row is None:
            row = ChildPopulation(jurisdiction=jurisdiction, year=year, sex=sex, age_group=age_group)
        row.count = count
        row.source = source
        row.recorded_by = actor
        row.full_clean()
        row.save()
        audit_append(
            actor=actor,
            action="population.set",
            object_type="child_population",
            object_id=row.pk,
            changes={
                "cell": f"{jurisdiction.code}/{year}/{sex}/{age_group}",
                "count": {"before": before, "after": count},
            },
        )
    return row


def _parse_csv(text: str) -> list[dict[str, Any]]:
    """Rows of `year,sex,age_group,count` (a header line, any column order). Every error is reported with its line,
    and nothing is written unless every line is valid."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(
            {
                "file": [
                    t(
                        "Missing column(s): {missing}. Expected: {CSV_COLUMNS}.",
                        missing=missing,
                        CSV_COLUMNS=CSV_COLUMNS,
                    )
                ]
            }
        )
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    seen: set[tuple[int, str, str]] = set()
    for line, raw in enumerate(reader, start=2):
        if len(rows) >= MAX_IMPORT_ROWS:
            errors.append(f"More than {MAX_IMPORT_ROWS} rows: split the file.")
            break
        year_s, sex, group, count_s = (str(raw.get(c) or "").strip() for c in CSV_COLUMNS)
        problems = []
        if not (year_s.isdigit() and 1900 <= int(year_s) <= 2200):
            problems.append("year must be a year such as 2025")
        if sex not in Sex.values:
            problems.append(f"sex must be one of {', '.join(Sex.values)}")
        if group not in AgeGroup.values:
            problems.append(f"age_group must be one of {', '.join(AgeGroup.values)}")
        if not count_s.isdigit():
            problems.append("count must be a whole number")
        if problems:
            errors.append(f"Line {line}: " + "; ".join(problems) + ".")
            continue
        key = (int(year_s), sex, group)
        if key in seen:
            errors.append(f"Line {line}: {year_s}/{sex}/{group} appears twice.")
            continue
        seen.add(key)
        rows.append({"year": key[0], "sex": sex, "age_group": group, "count": int(count_s)})
    if errors:
        raise ValidationError({"file": errors})
    if not rows:
        raise ValidationError({"file": [t("The file has no rows.")]})
    return rows


def population_import(*, actor: User, jurisdiction: Jurisdiction, text: str, source: str = "") -> int:
    """Import population figures from CSV: all or nothing; existing cells are replaced. Returns the rows written."""
    _require_admin(actor)
    rows = _parse_csv(text)
    with transaction.atomic():
        for row in rows:
            ChildPopulation.objects.update_or_create(
                jurisdiction=jurisdiction,
                year=row["year"],
                sex=row["sex"],
                age_group=row["age_group"],
                defaults={"count": row["count"], "source": source, "recorded_by": actor},
            )
        audit_append(
            actor=actor,
            action="population.import",
            object_type="child_population",
            object_id=jurisdiction.code,
            changes={"rows": len(rows), "years": sorted({r["year"] for r in rows}), "source": source},
        )
    return len(rows)


PROFILE_FIELDS = (
    "specialised_system",
    "specialised_system_note",
    "prevention_plan",
    "prevention_plan_reference",
    "suppression_threshold",
)


def jurisdiction_profile_update(
    *, actor: User, jurisdiction: Jurisdiction, version: int, data: dict[str, Any]
) -> JurisdictionProfile:
    """Change the jurisdiction's policy facts (indicators 14, 15) or its suppression threshold."""
    _require_admin(actor)
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise ApplicationError(t("Unknown field(s): {unknown}.", unknown=sorted(unknown)))
    with transaction.atomic():
        # A profile nobody saved yet reads as version 0 (see selectors.jurisdiction_profile_get).
        profile, _ = JurisdictionProfile.objects.get_or_create(jurisdiction=jurisdiction, defaults={"version": 0})
        profile, before, after = versioned_update(instance=profile, version=version, data={**data, "updated_by": actor})
        audit_append(
            actor=actor,
            action="jurisdiction_profile.update",
            object_type="jurisdiction_profile",
            object_id=jurisdiction.code,
            changes=changed_fields(
                {k: v for k, v in before.items() if k != "updated_by"},
                {k: v for k, v in after.items() if k != "updated_by"},
            ),
        )
    return profile


@transaction.atomic
def jurisdiction_open(
    *, actor: User, profile: dict[str, Any], **account: Any
) -> tuple[Jurisdiction, JurisdictionProfile]:
    """Open a jurisdiction (jj.accounts.services.jurisdiction_create: platform operator only; its first agency and
    first administrator) with its policy facts for indicators 14 and 15, all or nothing. The profile is the new
    jurisdiction's first version, recorded by the operator; its administrator changes it from then on."""
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise ApplicationError(t("Unknown field(s): {unknown}.", unknown=sorted(unknown)))
    jurisdiction, _agency, _admin = account_services.jurisdiction_create(actor=actor, **account)
    row = JurisdictionProfile(jurisdiction=jurisdiction, updated_by=actor, **profile)
    row.full_clean()
    row.save()
    audit_append(
        actor=actor,
        action="jurisdiction_profile.update",
        object_type="jurisdiction_profile",
        object_id=jurisdiction.code,
        changes=changed_fields({}, {name: getattr(row, name) for name in PROFILE_FIELDS}),
    )
    return jurisdiction, row


# --- Indicator exports in the background ---------------------------------------------------------------------------

EXPORT_TTL = timedelta(hours=24)  # a finished file can be downloaded this long, then it is deleted
MAX_ACTIVE_EXPORTS = 3  # queued or running exports per person


def export_job_request(
    *,
    actor: User,
    jurisdiction: Jurisdiction,
    file_format: str,
    params: dict[str, Any],
    kind: str = ExportKind.INDICATORS,
) -> ExportJob:
    """Queue an export (the indicator table, or the pseudonymised dataset: oversight monitors only); the file is
    computed by the `jj.oversight.export` task (in-process without a broker). Audited as asked; the export itself
    is audited when the file is written."""
    if actor.role not in READERS:
        raise ActionNotAllowed(t("Only oversight monitors and administrators can export these statistics."))
    if kind == ExportKind.DATASET:
        require(actor, "statistics.dataset", t("Only oversight monitors can export the pseudonymised dataset."))
    with transaction.atomic():
        active = ExportJob.objects.filter(
            requested_by=actor, status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING]
        ).count()
        if active >= MAX_ACTIVE_EXPORTS:
            raise ApplicationError(
                t("You already have {active} exports under way: wait for one to finish.", active=active),
                extra={"file": [t("Too many exports under way.")]},
            )
        job = ExportJob.objects.create(
            requested_by=actor,
            jurisdiction=jurisdiction,
            kind=kind,
            file_format=file_format,
            query=selectors.query_encode(params),
        )
        audit_append(
            actor=actor,
            action="oversight.export.request",
            object_type="export_job",
            object_id=job.pk,
            changes={"kind": kind, "format": file_format, "jurisdiction": jurisdiction.code, "query": job.query},
        )
        job_id = job.pk
        transaction.on_commit(lambda: _export_enqueue(job_id))
    return job


def _job_watermark(job: ExportJob) -> str:
    """The watermark of a background export: who asked, when the file was written, and the purpose they stated
    (stored with the query; jobs asked before purposes were required say "statistics")."""
    requester = job.requested_by
    purpose = str(job.query.get("purpose") or "statistics")
    return watermark(exporter=requester.username, role=str(requester.role), at=timezone.now(), purpose=purpose)


def _export_enqueue(job_id: int) -> None:
    from jj.oversight.tasks import run_export

    run_export.delay(job_id)


def _export_progress(job: ExportJob, progress: int) -> None:
    ExportJob.objects.filter(pk=job.pk, status=ExportStatus.RUNNING).update(
        progress=progress, updated_at=timezone.now()
    )


def export_job_run(*, job_id: int) -> ExportJob | None:
    """Compute the export of a queued job, one indicator at a time (progress after each), then store the file.
    Idempotent: a job already finished (a second delivery of the task) is left as it is; a job left running by a
    worker that died is started again."""
    with transaction.atomic():
        job = (
            ExportJob.objects.select_for_update()
            .select_related("jurisdiction", "requested_by")
            .filter(pk=job_id)
            .first()
        )
        if job is None or job.status not in (ExportStatus.QUEUED, ExportStatus.RUNNING):
            return job
        job.status, job.progress = ExportStatus.RUNNING, 0
        job.save(update_fields=["status", "progress", "updated_at"])
    jurisdiction = job.jurisdiction
    try:
        params = selectors.query_decode(job.query)
        conventions = selectors.conventions_for(jurisdiction=jurisdiction, params=params)
        if job.kind == ExportKind.DATASET:
            rows = microdata.dataset_rows(
                jurisdiction=jurisdiction, conventions=conventions, progress=lambda p: _export_progress(job, p)
            )
            title = t(
                "Pseudonymised dataset, {name}, {start} to {end}",
                name=jurisdiction.name,
                start=conventions.period_start,
                end=conventions.period_end,
            )
            body = microdata.to_file(rows, file_format=job.file_format, title=str(title), mark=_job_watermark(job))
            filename = f"dataset-{jurisdiction.code}-{conventions.period_start}-{conventions.period_end}"
            return _export_finish(job, body=body, filename=f"{filename}.{job.file_format}")
        numbers = list(DEFINITIONS)
        results: list[dict[str, Any]] = []
        for done, number in enumerate(numbers, start=1):
            results += indicators_compute(
                jurisdiction=jurisdiction, conventions=conventions, by=params.get("by"), numbers=[number]
            )
            _export_progress(job, 95 * done // len(numbers))
        report = {
            "period_start": conventions.period_start,
            "period_end": conventions.period_end,
            "census_date": conventions.census,
            "threshold": conventions.threshold,
            "results": results,
        }
        mark = _job_watermark(job)
        body = export.report_file(
            file_format=job.file_format, jurisdiction_name=jurisdiction.name, report=report, mark=mark
        )
    except (OperationalError, InterfaceError):
        raise  # retried by the task
    except Exception:
        log.exception("oversight export %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.FAILED,
            error="The export could not be computed. Try again, or ask an administrator to look at the logs.",
            finished_at=timezone.now(),
        )
        job.refresh_from_db()
        return job
    return _export_finish(
        job,
        body=body,
        filename=export.report_filename(
            jurisdiction_code=jurisdiction.code, report=report, file_format=job.file_format
        ),
    )


def _export_finish(job: ExportJob, *, body: bytes, filename: str) -> ExportJob:
    now = timezone.now()
    jurisdiction = job.jurisdiction
    with transaction.atomic():
        locked = ExportJob.objects.select_for_update().get(pk=job.pk)
        if locked.status != ExportStatus.RUNNING:
            return locked
        locked.content = body
        locked.size = len(body)
        locked.filename = filename
        locked.status, locked.progress = ExportStatus.DONE, 100
        locked.finished_at, locked.expires_at = now, now + EXPORT_TTL
        locked.save()
        audit_append(
            actor=locked.requested_by,
            action="oversight.export",
            object_type="jurisdiction",
            object_id=jurisdiction.code,
            changes={
                "kind": job.kind,
                "format": job.file_format,
                "query": job.query,
                "purpose": job.query.get("purpose"),
                "bytes": len(body),
                "job": job.pk,
            },
        )
    return locked


def export_job_download(*, actor: User, job: ExportJob) -> bytes:
    """The finished file, for the person who asked for it (audited each time). 409 while it is being computed,
    410 once it has expired."""
    if job.requested_by_id != actor.pk:
        raise ActionNotAllowed(t("Only the person who asked for an export can download it."))
    if job.status == ExportStatus.EXPIRED or (job.expires_at and job.expires_at <= timezone.now()):
        raise ExportGone(t("This export has expired: export again."))
    if job.status != ExportStatus.DONE or job.content is None:
        raise VersionConflict(t("This export is not ready yet."))
    audit_append(
        actor=actor,
        action="oversight.export.download",
        object_type="export_job",
        object_id=job.pk,
        changes={"format": job.file_format, "bytes": job.size},
    )
    return bytes(job.content)


def export_jobs_purge(*, now: datetime) -> int:
    """Delete the files of expired exports (the row stays, as the record of what was exported). Idempotent."""
    return ExportJob.objects.filter(status=ExportStatus.DONE, expires_at__lte=now).update(
        status=ExportStatus.EXPIRED, content=None, updated_at=now
    )
