"""Imports a caller may follow: a caseworker their own, a supervisor their agency's (the capability table's
scope for child.import). Nobody else's, and no other agency's."""

from django.db.models import QuerySet

from jj.accounts.capabilities import Scope, scope_of
from jj.accounts.models import User
from jj.imports.models import ImportJob, ImportRow


def import_jobs_for(*, user: User) -> QuerySet[ImportJob]:
    scope = scope_of(user.role, "child.import")
    if scope is None or user.agency_id is None:
        return ImportJob.objects.none()
    jobs = ImportJob.objects.filter(agency_id=user.agency_id).defer("content")
    if scope == Scope.AGENCY:
        return jobs
    return jobs.filter(requested_by=user)


def import_job_get(*, user: User, pk: int) -> ImportJob | None:
    return import_jobs_for(user=user).filter(pk=pk).first()


def import_rows_for(*, job: ImportJob) -> QuerySet[ImportRow]:
    return ImportRow.objects.filter(job=job).order_by("row")
