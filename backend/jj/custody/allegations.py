"""ILL-1 data: the staff implicated in an allegation of ill-treatment or violence, recorded on the complaint or
incident so that they can be kept out of the investigation. Names are only ever added: no one can take a name off
(least of all the person named), and an evidence hold (DTH-1) never stops it."""

from collections.abc import Sequence

from django.db import transaction

from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.cases.models import Case
from jj.core.exceptions import ApplicationError
from jj.custody.access import FACILITY_RECORDERS, require_role
from jj.custody.models import Complaint, CustodyEpisode, Incident

OTHER_JURISDICTION = "Name staff of this jurisdiction only."
NOT_AN_ALLEGATION = "Record what is alleged (allegation_kind) before naming the staff implicated."


def implicated_staff_add(
    *, actor: User, episode: CustodyEpisode, record: Incident | Complaint, staff: Sequence[User]
) -> Incident | Complaint:
    require_role(actor, FACILITY_RECORDERS, "the staff implicated in an allegation")
    case = Case.objects.get(pk=episode.case_id)
    if not record.allegation_kind:
        raise ApplicationError(NOT_AN_ALLEGATION, extra={"allegation_kind": [NOT_AN_ALLEGATION]})
    if any(user.jurisdiction_id != case.jurisdiction_id for user in staff):
        raise ApplicationError(OTHER_JURISDICTION, extra={"staff": [OTHER_JURISDICTION]})
    with transaction.atomic():
        before = set(record.implicated_staff.values_list("pk", flat=True))
        record.implicated_staff.add(*staff)
        added = sorted({user.pk for user in staff} - before)
        audit_append(
            actor=actor,
            action=f"{type(record).__name__.lower()}.implicated_staff",
            object_type=type(record).__name__.lower(),
            object_id=record.pk,
            child_id=case.child_id,
            changes={"implicated_staff_added": added},
        )
    return record
