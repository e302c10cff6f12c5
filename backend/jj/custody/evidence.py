"""The evidence hold (DTH-1, INV-5): after a death or serious incident, what is already recorded about the custody
episode is evidence. Any edit or deletion of an existing record of the episode is refused (409) and the refusal is
audited; a new act, above all a protective one (release, transfer, health care, family and legal contact, judicial
review, care planning), always proceeds and is never routed through here.

Every service that changes or removes an existing record of an episode calls `episode_records_edit_check` first,
outside its write's transaction so the refusal's audit event stays. The records of an episode: the episode itself
and every row pointing at it (placements, orders, appearances, contacts, notifications, examinations, incidents,
complaints, plans, enrolments, challenges)."""

from jj.accounts.models import User
from jj.audit.models import Outcome as AuditOutcome
from jj.audit.services import audit_append
from jj.core.exceptions import EvidenceHold
from jj.custody.models import CustodyEpisode
from jj.rules.text import msgid

EVIDENCE_HOLD = msgid(
    "This episode's records are held as evidence after a death or serious incident (DTH-1): what is recorded can "
    "no longer be changed or deleted. New acts, protective ones above all, go on as usual."
)


def episode_held(episode_id: int) -> bool:
    """Read from the database, not from a copy in memory: the hold may have been set since the caller loaded it."""
    return CustodyEpisode.objects.filter(pk=episode_id, evidence_frozen=True).exists()


def episode_records_edit_check(
    *, actor: User | None, episode_id: int, action: str, object_type: str, object_id: object, child_id: int | None
) -> None:
    """Refuse (409, audited) an edit or a deletion of an existing record of a held episode. Never for a new act."""
    if not episode_held(episode_id):
        return
    audit_append(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        child_id=child_id,
        outcome=AuditOutcome.REFUSED,
        changes={"episode_id": episode_id},
        reason="evidence hold (DTH-1)",
    )
    raise EvidenceHold(EVIDENCE_HOLD, extra={"evidence_hold": [EVIDENCE_HOLD]})
