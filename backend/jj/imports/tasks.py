from jj.core.tasks import background_task
from jj.imports.services import import_run


@background_task("jj.imports.run", lock=lambda job_id: str(job_id))
def run_import(job_id: int) -> str:
    """Run an import (queued by services.import_request). Idempotent: a second delivery finds the job finished and
    leaves it, or goes on where the first stopped; one run per job at a time (background_task)."""
    job = import_run(job_id=job_id)
    return job.status if job else "missing"
