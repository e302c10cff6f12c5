from django.utils import timezone

from jj.core.tasks import background_task
from jj.oversight.services import export_job_run, export_jobs_purge


@background_task("jj.oversight.export", lock=lambda job_id: str(job_id))
def run_export(job_id: int) -> str:
    """Compute an indicator export (queued by services.export_job_request). Idempotent: a second delivery finds the
    job finished and leaves it; one run per job at a time (background_task)."""
    job = export_job_run(job_id=job_id)
    return job.status if job else "missing"


@background_task("jj.oversight.purge_exports")
def purge_exports() -> int:
    """Periodic: delete the files of expired exports."""
    return export_jobs_purge(now=timezone.now())
