"""ILL-1 and DTH-1 data: the staff implicated in an allegation of ill-treatment or violence, or in a death or
serious injury, recorded on the complaint or incident so that they are kept out of the investigation record: they
no longer see it, and cannot add to it or answer it. Names are only ever added: no one can take a name off (least
of all the person named), and an evidence hold (DTH-1) never stops it."""

from collections.abc import Sequence
from typing import TypeVar

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from jj.accounts.models import User
from jj.audit.services import audit_append, audit_denied
from jj.cases.models import Case
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.custody.access import require_capability
from jj.custody.models import Complaint, CustodyEpisode, Incident
from jj.deadlines.services import deadlines_meet
from jj.rules.text import msgid

OTHER_JURISDICTION = msgid("Name staff of this jurisdiction only.")
NOT_AN_ALLEGATION = msgid("Record what is alleged (allegation_kind) before naming the staff implicated.")
IMPLICATED = msgid("You are named as implicated in this record, so you are kept out of its investigation.")
NOT_INVESTIGATOR = msgid(
    "The investigation of an allegation is opened by a supervisor, outside the facility's staff (ILL-1); the "
    "independent oversight body is told when it is late."
)
ALREADY_OPEN = msgid("The investigation of this allegation is already open.")
GRAVE_INCIDENTS = frozenset({"death", "disappearance", "serious_injury"})  # DTH-1: staff implicated are recorded

R = TypeVar("R", Incident, Complaint)


def investigation_records_visible_to(records: QuerySet[R], user: User) -> QuerySet[R]:
    """DTH-1 / ILL-1: a member of staff never reads the record of an allegation or grave incident naming them."""
    return records.exclude(implicated_staff=user)


def refuse_if_implicated(*, actor: User, record: Incident | Complaint, action: str) -> None:
    """Audited 403 for anyone named in the record trying to act on it."""
    if record.implicated_staff.filter(pk=actor.pk).exists():
        audit_denied(
            actor=actor,
            action=action,
            object_type=type(record).__name__.lower(),
            object_id=record.pk,
            reason=IMPLICATED,
        )
        raise ActionNotAllowed(IMPLICATED)


def implicated_staff_add(
    *, actor: User, episode: CustodyEpisode, record: Incident | Complaint, staff: Sequence[User]
) -> Incident | Complaint:
    require_capability(actor, "custody.implicated_staff", "the staff implicated in an allegation")
    case = Case.objects.get(pk=episode.case_id)
    refuse_if_implicated(actor=actor, record=record, action=f"{type(record).__name__.lower()}.implicated_staff")
    grave = isinstance(record, Incident) and record.kind in GRAVE_INCIDENTS
    if not record.allegation_kind and not grave:
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


def allegation_investigation_open(
    *, actor: User, episode: CustodyEpisode, record: Incident | Complaint, body: str
) -> Incident | Complaint:
    """ILL-1: the investigation of an allegation starts, led by `body` (the independent body or unit that leads it),
    opened by someone not implicated. Meets the allegation's investigation deadline. A new act, never an edit of
    what is recorded: an evidence hold does not stop it (INV-5), nor does the end of the episode."""
    name = type(record).__name__.lower()
    require_capability(actor, "custody.open_investigation", "the opening of an investigation")
    refuse_if_implicated(actor=actor, record=record, action=f"{name}.investigation")
    grave = isinstance(record, Incident) and record.kind in GRAVE_INCIDENTS
    if not record.allegation_kind and not grave:
        raise ApplicationError(NOT_AN_ALLEGATION, extra={"allegation_kind": [NOT_AN_ALLEGATION]})
    case = Case.objects.get(pk=episode.case_id)
    now = timezone.now()
    with transaction.atomic():
        locked = type(record).objects.select_for_update().get(pk=record.pk)
        if locked.investigation_opened_at is not None:
            raise ApplicationError(ALREADY_OPEN, extra={"investigation": [ALREADY_OPEN]})
        locked.investigation_opened_at = now
        locked.investigation_body = body
        locked.save(update_fields=["investigation_opened_at", "investigation_body", "updated_at"])
        deadlines_meet(
            case=case,
            kinds=["allegation_investigation"],
            at=now,
            by=actor,
            note="investigation opened",
            subject_type=name,
            subject_id=locked.pk,
        )
        audit_append(
            actor=actor,
            action=f"{name}.investigation",
            object_type=name,
            object_id=locked.pk,
            child_id=case.child_id,
            changes={"investigation_opened_at": now.isoformat(), "body": body},
        )
    return locked
