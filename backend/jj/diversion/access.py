"""DIV-2 (CRC/C/GC/24 para. 18(a)): who may learn whether the child acknowledged responsibility for a diversion.

The acknowledgement may not be used against the child in later proceedings, so the fact that it was recorded is
shown only to the people running the diversion: the caseworker assigned to the case (the diversion worker) and a
supervisor of the case's agency. Never to a court officer, to counsel, to oversight, to a facility, to a reader of a
shared case, and to nobody at all once the diversion has failed (criminal proceedings may then resume). The words
themselves never leave their column (see the model)."""

from collections.abc import Sequence
from typing import Any

from django.db.models import Exists, OuterRef, Q

from jj.accounts.models import Role, User
from jj.cases.models import Assignment, AssignmentRole
from jj.core.exceptions import decision_to_json
from jj.diversion.models import ReferralStatus
from jj.rules.checks.diversion import div_2_message
from jj.rules.engine import Decision

# The capability table: the roles that may see the acknowledgement, and through which link to the case.
ASSIGNED_AS_CASEWORKER = "assigned_as_caseworker"
SUPERVISOR_OF_AGENCY = "supervisor_of_agency"
ACKNOWLEDGEMENT_READERS: dict[str, str] = {
    Role.CASEWORKER: ASSIGNED_AS_CASEWORKER,
    Role.SUPERVISOR: SUPERVISOR_OF_AGENCY,
}
# A condition no row meets, that still compiles to a boolean column on every database (an empty IN compiles to the
# literal 0 inside an annotation, which PostgreSQL returns as the integer 0).
NOBODY = Q(pk__isnull=True)
# The diversion failed or never started: the acknowledgement is hidden from everyone.
FAILED = frozenset({ReferralStatus.NOT_COMPLETED, ReferralStatus.WITHDRAWN, ReferralStatus.DECLINED})


def acknowledgement_visible_q(user: User) -> Q:
    """The condition on DiversionReferral rows whose acknowledgement this user may see (one per line)."""
    link = ACKNOWLEDGEMENT_READERS.get(user.role)
    if not user.is_authenticated or not user.is_active or link is None:
        return NOBODY
    not_failed = ~Q(status__in=FAILED)
    if link == SUPERVISOR_OF_AGENCY:
        return not_failed & Q(case__agency_id=user.agency_id) if user.agency_id is not None else NOBODY
    assigned = Assignment.objects.filter(
        case_id=OuterRef("case_id"), user=user, role=AssignmentRole.CASEWORKER, ended_at__isnull=True
    )
    return not_failed & Q(Exists(assigned))


ACKNOWLEDGEMENT = "acknowledgement_of_responsibility"


def decisions_for_the_trail(decisions: Sequence[Decision]) -> list[dict[str, Any]]:
    """The decisions of a diversion act as the audit trail keeps them: whether the acknowledgement was missing is
    left out, since oversight reads the trail and nobody but the diversion worker and supervisor may learn it."""
    rows = []
    for decision in decisions:
        row = decision_to_json(decision)
        if decision.rule_id == "DIV-2":
            missing = [m for m in decision.facts.get("missing", []) if m != ACKNOWLEDGEMENT]
            row["facts"] = {**row["facts"], "missing": missing}
            row["satisfied_by"] = [m for m in row.get("satisfied_by", []) if m != ACKNOWLEDGEMENT]
            row["message"] = div_2_message(missing)
        rows.append(row)
    return rows
