from celery import shared_task
from django.utils import timezone

from jj.core.tasks import RETRY_OPTIONS
from jj.oversight.services import export_job_run, export_jobs_purge


@shared_task(name="jj.oversight.export", **RETRY_OPTIONS)
def run_export(job_id: int) -> str:
    """Compute an indicator export (queued by services.export_job_request). Idempotent: a second delivery finds the
    job finished and leaves it."""
    job = export_job_run(job_id=job_id)
    return job.status if job else "missing"


@shared_task(name="jj.oversight.purge_exports", **RETRY_OPTIONS)
def purge_exports() -> int:
    """Periodic: delete the files of expired exports."""
    return export_jobs_purge(now=timezone.now())
