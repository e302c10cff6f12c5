from jj.audit.services import audit_seal_pending
from jj.core.tasks import background_task


@background_task("jj.audit.seal")
def seal_audit() -> int:
    """Periodic (Celery beat every 5 s; the in-process timer of `make run`): chain the read events written to the
    pending table. Idempotent: a sealed pending row is deleted in the transaction that chains it, so a second
    delivery finds nothing left. One sealer at a time (background_task); the chain lock would serialise two anyway."""
    return audit_seal_pending()
