"""Importing the children and cases an agency keeps in a spreadsheet today.

Every row goes through the same services a caseworker's form does (`child_register`, then `case_open` with the row's
alleged offence), so every rule applies: an intake below the minimum age is refused by MACR-1 with its citation and
the row writes nothing (neither the child nor the case: both are rolled back together), never created quietly.
A dry run does all of it and rolls it back, keeping only the report. The job runs in the background
(`jj.imports.run`, in-process without a broker) and counts its progress row by row.

Re-running a file creates nothing twice: a row with the agency's own reference (`external_ref`) that was imported
before is skipped; a row without one is skipped when the duplicate check (jj.people.duplicates) finds the child
already registered in the importer's scope, or an earlier row of the same file is the same child."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone

from jj.accounts.capabilities import require
from jj.accounts.models import User
from jj.audit.models import Outcome as AuditOutcome
from jj.audit.services import audit_append
from jj.cases.models import Case
from jj.cases.services import case_open
from jj.compliance.models import DecisionRecord
from jj.core.exceptions import ApplicationError, RuleViolation, decision_to_json
from jj.core.i18n import stored_parts
from jj.imports import rows as sheet
from jj.imports.models import ImportedRecord, ImportJob, ImportRow, ImportStatus, RowOutcome
from jj.people.duplicates import ScopeIndex
from jj.people.models import Child
from jj.people.services import child_register
from jj.rules.engine import Decision, Outcome
from jj.rules.text import msgid

log = logging.getLogger("jj.imports")

NOT_AN_IMPORTER = msgid("Only caseworkers and supervisors can import children and cases.")
NO_AGENCY = msgid("Your account is not attached to an agency; ask an administrator to fix it before importing.")
TOO_MANY = msgid("You already have an import under way: wait for it to finish.")
REF_EARLIER_ROW = msgid("This reference is on an earlier row of the file.")
REF_IMPORTED = msgid("A child with this reference was imported before.")
LIKELY_REGISTERED = msgid("This child is likely registered already (see the record linked).")
FAILED = msgid("The import stopped on an unexpected error. Try again, or ask an administrator to look at the logs.")
DRY_RUN_CHUNK = 200  # rows tried per rolled-back transaction in a dry run
PROGRESS_EVERY = 25  # rows between two reports of progress in a real run


@dataclass
class RowResult:
    outcome: str
    messages: dict[str, list[str]] = field(default_factory=dict)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    child_id: int | None = None
    case_id: int | None = None
    refusal: Sequence[Decision] = ()


@dataclass
class Seen:
    """The children in the importer's scope, and what earlier rows of this file created (or would have, in a dry
    run): a row is skipped when it is one of them."""

    index: ScopeIndex
    imported: set[str] = field(default_factory=set)  # the agency's references imported before this run
    refs: set[str] = field(default_factory=set)


def import_request(*, actor: User, content: bytes, dry_run: bool) -> ImportJob:
    """Check the file (its format from its content, its header, its size) and queue the import. Audited as asked,
    with the number of rows, never their content."""
    require(actor, "child.import", NOT_AN_IMPORTER)
    if actor.agency_id is None:
        raise ApplicationError(NO_AGENCY)
    try:
        file_format = sheet.sniff(content)
        total = len(sheet.read_table(content, file_format))
    except sheet.FileRefused as refused:
        raise ApplicationError(refused.message, extra={"file": [refused.message]}) from refused
    with transaction.atomic():
        if ImportJob.objects.filter(
            requested_by=actor, status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]
        ).exists():
            raise ApplicationError(TOO_MANY, extra={"file": [TOO_MANY]})
        job = ImportJob.objects.create(
            agency_id=actor.agency_id,
            requested_by=actor,
            dry_run=dry_run,
            file_format=file_format,
            content=content,
            total=total,
        )
        audit_append(
            actor=actor,
            action="import.request",
            object_type="import_job",
            object_id=job.pk,
            changes={"dry_run": dry_run, "format": file_format, "bytes": len(content), "rows": total},
        )
        job_id = job.pk
        transaction.on_commit(lambda: _enqueue(job_id))
    return job


def _enqueue(job_id: int) -> None:
    from jj.imports.tasks import run_import

    run_import.delay(job_id)


def _decision_json(decision: Decision, *, unmet: bool) -> dict[str, Any]:
    """A decision for the report: the rule, its outcome, message and citation; not the facts (the child's dates)."""
    full = decision_to_json(decision, unmet=unmet)
    keep = ("rule_id", "outcome", "message", "citation", "unmet")
    return {**{k: full[k] for k in keep}, "message_parts": stored_parts(decision.message)}


def _stored_decisions(case: Case) -> list[dict[str, Any]]:
    """The decisions the intake stored with the case that are more than an allow (a warning, say)."""
    return [
        {
            "rule_id": d.rule_id,
            "outcome": d.outcome,
            "message": d.message,
            "citation": d.citation,
            "unmet": False,
            "message_parts": d.message_parts,
        }
        for d in DecisionRecord.objects.filter(case=case).exclude(outcome=Outcome.ALLOW).order_by("id")
    ]


def _duplicate(*, job: ImportJob, actor: User, parsed: sheet.ParsedRow, seen: Seen) -> RowResult | None:
    ref = parsed.external_ref
    if ref:
        if ref in seen.refs:
            return RowResult(RowOutcome.SKIPPED_DUPLICATE, {"external_ref": [REF_EARLIER_ROW]})
        existing = (
            ImportedRecord.objects.filter(agency_id=job.agency_id, external_ref=ref).first()
            if ref in seen.imported
            else None
        )
        if existing is not None:
            return RowResult(
                RowOutcome.SKIPPED_DUPLICATE,
                {"external_ref": [REF_IMPORTED]},
                child_id=existing.child_id,
                case_id=existing.case_id,
            )
    match = seen.index.likely(
        given_name=parsed.child.get("given_name", ""),
        family_name=parsed.child.get("family_name", ""),
        date_of_birth=parsed.child.get("date_of_birth"),
    )
    if match is not None:
        return RowResult(RowOutcome.SKIPPED_DUPLICATE, {"given_name": [LIKELY_REGISTERED]}, child_id=match.pk)
    return None


def _row_apply(*, job: ImportJob, actor: User, parsed: sheet.ParsedRow, seen: Seen) -> RowResult:
    """One row through the services, in a savepoint: all of it is written, or none of it."""
    if parsed.errors:
        return RowResult(RowOutcome.INVALID, parsed.errors)
    duplicate = _duplicate(job=job, actor=actor, parsed=parsed, seen=seen)
    if duplicate is not None:
        return duplicate
    try:
        with transaction.atomic():
            child = child_register(actor=actor, data=parsed.child)
            case = None
            if parsed.case is not None:
                case = case_open(
                    actor=actor,
                    child=child,
                    kind=parsed.case["kind"],
                    offences=parsed.case["offences"],
                    opened_at=parsed.case["opened_at"],
                )
            if parsed.external_ref:
                ImportedRecord.objects.create(
                    agency_id=job.agency_id, external_ref=parsed.external_ref, child=child, case=case, job=job
                )
    except RuleViolation as violation:
        unmet_ids = {id(d) for d in violation.unmet}
        decisions = [
            _decision_json(d, unmet=id(d) in unmet_ids) for d in violation.decisions if d.outcome != Outcome.ALLOW
        ]
        return RowResult(RowOutcome.REFUSED, decisions=decisions, refusal=violation.unmet)
    except ValidationError as error:
        return RowResult(RowOutcome.INVALID, {k: [str(m) for m in v] for k, v in error.message_dict.items()})
    except ApplicationError as error:
        fields = {k: [str(m) for m in v] for k, v in error.extra.items() if isinstance(v, list)}
        return RowResult(RowOutcome.INVALID, fields or {"row": [str(error.message)]})
    if parsed.external_ref:
        seen.refs.add(parsed.external_ref)
    seen.index.add(child)
    return RowResult(
        RowOutcome.CREATED,
        decisions=_stored_decisions(case) if case is not None else [],
        child_id=child.pk,
        case_id=case.pk if case is not None else None,
    )


COUNTER = {
    RowOutcome.CREATED: "created",
    RowOutcome.SKIPPED_DUPLICATE: "skipped",
    RowOutcome.REFUSED: "refused",
    RowOutcome.INVALID: "invalid",
}


def _report_row(job: ImportJob, number: int, result: RowResult) -> ImportRow:
    return ImportRow(
        job=job,
        row=number,
        outcome=result.outcome,
        messages=result.messages,
        decisions=result.decisions,
        child_id=result.child_id,
        case_id=result.case_id,
    )


def _progress(job: ImportJob, results: Sequence[tuple[int, RowResult]]) -> None:
    """The report rows and the counters, in the caller's transaction."""
    ImportRow.objects.bulk_create([_report_row(job, number, result) for number, result in results])
    counts: dict[str, Any] = {"done": F("done") + len(results), "updated_at": timezone.now()}
    for outcome, column in COUNTER.items():
        n = sum(1 for _, result in results if result.outcome == outcome)
        if n:
            counts[column] = F(column) + n
    ImportJob.objects.filter(pk=job.pk).update(**counts)


def _refusal_audit(*, job: ImportJob, actor: User, number: int, result: RowResult) -> None:
    """INV-6: a refused row leaves an event, on the job (its child was never written, so it has no record)."""
    audit_append(
        actor=actor,
        action="import.row",
        object_type="import_job",
        object_id=job.pk,
        changes={"row": number},
        decisions=result.refusal,
        outcome=AuditOutcome.REFUSED,
        reason="refused by " + ", ".join(d.rule_id for d in result.refusal),
    )


def _forget_rolled_back(results: Sequence[tuple[int, RowResult]]) -> None:
    """A dry run wrote nothing: its report links no record but those that existed before it."""
    linked = {r.child_id for _, r in results if r.child_id is not None}
    existing = set(Child.objects.filter(pk__in=linked).values_list("pk", flat=True))
    for _, result in results:
        if result.child_id not in existing:
            result.child_id = result.case_id = None
        if result.outcome == RowOutcome.CREATED:
            result.case_id = None


class _DryRun(Exception):
    """Raised to roll a dry run's rows back."""


def _run_rows(job: ImportJob, table: list[dict[str, Any]]) -> None:
    actor = job.requested_by
    imported = set(ImportedRecord.objects.filter(agency_id=job.agency_id).values_list("external_ref", flat=True))
    seen = Seen(index=ScopeIndex(actor), imported=imported)
    pending = table[job.done :]  # a redelivered task goes on where the committed rows end
    if job.dry_run:
        for start in range(0, len(pending), DRY_RUN_CHUNK):
            results: list[tuple[int, RowResult]] = []
            try:
                with transaction.atomic():
                    for raw in pending[start : start + DRY_RUN_CHUNK]:
                        parsed = sheet.parse_row(raw)
                        results.append((parsed.number, _row_apply(job=job, actor=actor, parsed=parsed, seen=seen)))
                    raise _DryRun
            except _DryRun:
                pass
            _forget_rolled_back(results)
            with transaction.atomic():
                _progress(job, results)
        return
    # Each row commits on its own (the audit chain's lock is held for one row, not the file); the report and the
    # progress follow every PROGRESS_EVERY rows. A worker that dies between the two leaves rows done but not
    # reported: the run goes on from the last report, and those rows are then found by their reference and
    # reported as already imported.
    batch: list[tuple[int, RowResult]] = []
    for raw in pending:
        parsed = sheet.parse_row(raw)
        with transaction.atomic():
            result = _row_apply(job=job, actor=actor, parsed=parsed, seen=seen)
            if result.outcome == RowOutcome.REFUSED:
                _refusal_audit(job=job, actor=actor, number=parsed.number, result=result)
        batch.append((parsed.number, result))
        if len(batch) >= PROGRESS_EVERY:
            with transaction.atomic():
                _progress(job, batch)
            batch = []
    if batch:
        with transaction.atomic():
            _progress(job, batch)


def import_run(*, job_id: int) -> ImportJob | None:
    """Run a queued import. Idempotent: a finished job is left as it is; a job left running by a worker that died
    goes on from its last committed row. The file is deleted when the run ends, whatever its end."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status not in (ImportStatus.QUEUED, ImportStatus.RUNNING):
            return job
        job.status = ImportStatus.RUNNING
        job.save(update_fields=["status", "updated_at"])
    job = ImportJob.objects.select_related("requested_by", "agency").get(pk=job_id)
    try:
        table = sheet.read_table(bytes(job.content or b""), job.file_format)
        _run_rows(job, table)
    except (OperationalError, InterfaceError):
        raise  # retried by the task
    except Exception:
        log.exception("import %s failed", job_id)
        with transaction.atomic():
            ImportJob.objects.filter(pk=job_id).update(
                status=ImportStatus.FAILED, error=FAILED, content=None, finished_at=timezone.now()
            )
        return ImportJob.objects.get(pk=job_id)
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        job.status, job.content, job.finished_at = ImportStatus.DONE, None, timezone.now()
        job.save(update_fields=["status", "content", "finished_at", "updated_at"])
        audit_append(
            actor=job.requested_by,
            action="import.dry_run" if job.dry_run else "import.run",
            object_type="import_job",
            object_id=job.pk,
            changes={
                "rows": job.total,
                "created": job.created,
                "skipped": job.skipped,
                "refused": job.refused,
                "invalid": job.invalid,
            },
        )
    return job
