"""Children's records after the law's timetable: forgetting a child's identity for good (crypto-shredding).

Kept apart from the case work in services.py: it reaches across the child's record, the guardians, the cases and
the offences, and it is the one writer of removal."""

from collections.abc import Callable, Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.audit.shredding import REMOVED, child_key_shred
from jj.cases.models import Case, ChildProtectionReferral, Offence
from jj.compliance.models import DecisionInputs
from jj.core.pseudonym import child_pseudonym
from jj.people.models import Child, Guardian, RecordContest
from jj.rules.engine import Decision

# Text fields of a child's record that identify the child or describe them; blanked when the identity is removed.
_CHILD_TEXT_IDENTITY = (
    "family_name",
    "other_names",
    "languages",
    "disability",
    "accommodation_needs",
    "health_notes",
    "address",
    "nationality",
    "migration_status",
    "minority_status",
)
_CHILD_DATES = ("date_of_birth", "dob_earliest", "dob_latest")
# What the apps above remove with the identity (documents: jj.documents.apps registers it), in the same transaction.
IDENTITY_SHRED_EFFECTS: list[Callable[[Child], None]] = []


@transaction.atomic
def child_identity_shred(*, actor: User | None, child: Child, reason: str) -> bool:
    """Forget who the child is, for good (crypto-shredding; REC-3 removal). The child's data key is destroyed, so
    every identifying value in the audit trail becomes unreadable while every event stays and the chain still
    verifies; the names, contacts and descriptions in the child's record, the guardians' and the cases' free text are
    blanked; the
    dates of birth keep only their year, the pseudonymised fact the statistics need (age bands). The row itself
    stays, so cases, episodes and indicators keep counting the child. Returns False if it was already done."""
    if not child_key_shred(child_ref=child_pseudonym(child.pk)):
        return False
    dates = {
        name: getattr(child, name).replace(month=1, day=1) for name in _CHILD_DATES if getattr(child, name) is not None
    }
    Child.objects.filter(pk=child.pk).update(
        removed_at=timezone.now(),
        given_name=REMOVED,
        **dict.fromkeys(_CHILD_TEXT_IDENTITY, ""),
        minority_status_consent=False,
        migration_status_consent=False,
        disability_consent=False,
        **dates,
    )
    Guardian.objects.filter(child_id=child.pk).update(name=REMOVED, phone="", email="", address="")
    # REC-1 contests: their words and corrections are about the child; the subject and outcome stay.
    RecordContest.objects.filter(child_id=child.pk).update(statement=REMOVED, decision_reason="", corrected_value="")
    # Free text of the child's cases; the category, dates and outcomes stay for the statistics.
    Case.objects.filter(child_id=child.pk).update(summary="")
    ChildProtectionReferral.objects.filter(child_id=child.pk).update(circumstances="", follow_up_notes="")
    Offence.objects.filter(case__child_id=child.pk).update(description=REMOVED)
    for effect in IDENTITY_SHRED_EFFECTS:
        effect(child)
    # The complete facts kept for policy simulations (dates of birth, needs, justifications): gone with the rest; the
    # decisions stay, and a simulation counts those acts as not replayable.
    DecisionInputs.objects.filter(case__child_id=child.pk).delete()
    audit_append(
        actor=actor,
        action="child.identity_shred",
        object_type="child",
        object_id=child.pk,
        child_id=child.pk,
        reason=reason,
    )
    return True


@transaction.atomic
def child_seal(*, child: Child, at: datetime, decisions: Sequence[Decision] = ()) -> bool:
    """Seal the child's records (REC-3): from now on the child is in no ordinary list, search, count or detail.
    Returns False if they were already sealed."""
    if not Child.objects.filter(pk=child.pk, sealed_at__isnull=True).update(sealed_at=at):
        return False
    audit_append(
        actor=None,
        actor_username="records-sweep",
        action="child.seal",
        object_type="child",
        object_id=child.pk,
        child_id=child.pk,
        decisions=decisions,
        reason="REC-3: the process ended for the child",
    )
    return True
