"""CNS-1 data: whether the legal counsel assigned to a case works under legal aid (statistic: time to counsel and
share of legal aid). The assignment itself is `jj.cases.services.case_assign`."""

from django.db import transaction

from jj.accounts.models import Role, User
from jj.audit.services import audit_append
from jj.cases.models import Assignment, AssignmentRole, Case
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.rules.text import msgid

NOT_ALLOWED = msgid("Only a supervisor of the case's agency, or the counsel assigned, can record legal aid.")
NOT_COUNSEL = msgid("Legal aid is recorded on a legal counsel assignment only.")
ENDED = msgid("This assignment has already ended.")


@transaction.atomic
def assignment_legal_aid_set(*, actor: User, case: Case, assignment: Assignment, legal_aid: bool) -> Assignment:
    supervisor = actor.role == Role.SUPERVISOR and actor.agency_id == case.agency_id
    if not supervisor and actor.pk != assignment.user_id:
        raise ActionNotAllowed(NOT_ALLOWED)
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk, case=case)
    if locked.role != AssignmentRole.LEGAL_COUNSEL:
        raise ApplicationError(NOT_COUNSEL, extra={"legal_aid": [NOT_COUNSEL]})
    if locked.ended_at is not None:
        raise ApplicationError(ENDED)
    before = locked.legal_aid
    locked.legal_aid = legal_aid
    locked.save(update_fields=["legal_aid"])
    audit_append(
        actor=actor,
        action="assignment.legal_aid",
        object_type="case",
        object_id=case.pk,
        child_id=case.child_id,
        changes={"assignment_id": locked.pk, "legal_aid": {"before": before, "after": legal_aid}},
    )
    return locked
