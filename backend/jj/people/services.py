from collections.abc import Callable
from typing import Any, cast

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from jj.accounts.capabilities import require
from jj.accounts.models import User
from jj.audit.services import audit_append, changed_fields
from jj.cases.models import Case
from jj.core.exceptions import ActionNotAllowed, ApplicationError, VersionConflict
from jj.core.pseudonym import child_pseudonym
from jj.core.services import versioned_update
from jj.people.access import CORRECTABLE_FIELDS, MASKED_IN_AUDIT
from jj.people.models import Child, Guardian, RecordContest
from jj.rules.text import msgid

NOT_A_REGISTRAR = msgid("Only caseworkers and supervisors can register or edit a child's record.")
NO_AGENCY = msgid(
    "Your account is not attached to an agency; ask an administrator to fix it before registering children."
)


def _require_registrar(actor: User) -> None:
    require(actor, "child.register", NOT_A_REGISTRAR)


@transaction.atomic
def child_register(*, actor: User, data: dict[str, Any]) -> Child:
    _require_registrar(actor)
    if actor.agency is None:
        raise ApplicationError(NO_AGENCY)
    child = Child(agency=actor.agency, jurisdiction_id=actor.agency.jurisdiction_id, registered_by=actor, **data)
    child.full_clean()
    child.save()
    audit_append(
        actor=actor,
        action="child.create",
        object_type="child",
        object_id=child.pk,
        child_id=child.pk,
        changes=changed_fields({}, data, masked=MASKED_IN_AUDIT),
    )
    return child


# The facts the minimum age rests on (MACR-1, MACR-5): a change re-runs the age checks on every case of the child
# still in the criminal process (INV-1), through the effects the apps above register here (custody).
AGE_FACTS = ("date_of_birth", "dob_certainty", "dob_earliest", "dob_latest", "age_assessment_method")
AGE_FACTS_CHANGED: list[Callable[[Child, User], None]] = []


@transaction.atomic
def child_update(*, actor: User, child: Child, version: int, data: dict[str, Any]) -> Child:
    _require_registrar(actor)
    child, before, after = versioned_update(instance=child, version=version, data=data)
    audit_append(
        actor=actor,
        action="child.update",
        object_type="child",
        object_id=child.pk,
        child_id=child.pk,
        changes=changed_fields(before, after, masked=MASKED_IN_AUDIT),
    )
    if any(before.get(name) != after.get(name) for name in AGE_FACTS if name in after):
        for recheck in AGE_FACTS_CHANGED:
            recheck(child, actor)
    return child


@transaction.atomic
def guardian_add(*, actor: User, child: Child, data: dict[str, Any]) -> Guardian:
    _require_registrar(actor)
    guardian = Guardian(child=child, **data)
    guardian.full_clean()
    guardian.save()
    audit_append(
        actor=actor,
        action="guardian.create",
        object_type="guardian",
        object_id=guardian.pk,
        child_id=child.pk,
        changes=changed_fields({}, data, masked=MASKED_IN_AUDIT),
    )
    return guardian


@transaction.atomic
def guardian_update(*, actor: User, guardian: Guardian, version: int, data: dict[str, Any]) -> Guardian:
    _require_registrar(actor)
    guardian, before, after = versioned_update(instance=guardian, version=version, data=data)
    audit_append(
        actor=actor,
        action="guardian.update",
        object_type="guardian",
        object_id=guardian.pk,
        child_id=guardian.child_id,
        changes=changed_fields(before, after, masked=MASKED_IN_AUDIT),
    )
    return guardian


# --- REC-1: contesting a fact or an opinion in the file ----------------------------------------------------------

NOT_A_CONTEST_RECORDER = "Only the child's caseworker, a supervisor or legal counsel can record a contest of the file."
NOT_A_CONTEST_DECIDER = "Only a supervisor can decide a contest of the file."
OWN_CONTEST = "You recorded this contest; another supervisor must decide it, so the decision is independent of it."
ALREADY_DECIDED = "This contest has already been decided; record a new contest to dispute the decision."
FIELD_NOT_CORRECTABLE = "This field cannot be corrected through a contest; choose a fact of the child's record."
CORRECTION_NEEDS_VALUE = "Enter the corrected value: an upheld contest about a field corrects that field."
DECISION_NEEDS_REASON = "Say why: the child and counsel are told the reasons for the decision."
# What the trail may not hold in clear: the words of the contest and of its decision are about the child.
CONTEST_MASKED = frozenset({"statement", "decision_reason", "corrected_value"})


@transaction.atomic
def record_contest_open(*, actor: User, child: Child, data: dict[str, Any]) -> RecordContest:
    require(actor, "record_contest.open", NOT_A_CONTEST_RECORDER)
    field = data.get("field", "")
    if field and field not in CORRECTABLE_FIELDS:
        raise ApplicationError(FIELD_NOT_CORRECTABLE, extra={"field": [FIELD_NOT_CORRECTABLE]})
    contest = RecordContest(child=child, recorded_by=actor, **data)
    contest.full_clean()
    contest.save()
    audit_append(
        actor=actor,
        action="record_contest.create",
        object_type="record_contest",
        object_id=contest.pk,
        child_id=child.pk,
        changes=changed_fields({}, data, masked=CONTEST_MASKED),
    )
    return contest


def record_contest_decider_check(*, actor: User, contest: RecordContest) -> None:
    """Who may decide, checked before the decision's content is read: a supervisor who did not record it."""
    require(actor, "record_contest.decide", NOT_A_CONTEST_DECIDER)
    if contest.recorded_by_id == actor.pk:
        raise ActionNotAllowed(OWN_CONTEST)


@transaction.atomic
def record_contest_decide(
    *,
    actor: User,
    contest: RecordContest,
    version: int,
    status: str,
    decision_reason: str,
    correction: dict[str, Any] | None = None,
) -> RecordContest:
    """Decide a contest; an upheld contest about a field corrects the child's record in the same transaction,
    through child_update (audited, and age facts re-checked as any other edit)."""
    record_contest_decider_check(actor=actor, contest=contest)
    if not decision_reason.strip():
        raise ApplicationError(DECISION_NEEDS_REASON, extra={"decision_reason": [DECISION_NEEDS_REASON]})
    locked = RecordContest.objects.select_for_update().get(pk=contest.pk)
    if locked.status != RecordContest.Status.PENDING:
        raise VersionConflict(ALREADY_DECIDED, extra={"current_version": locked.version})
    corrects = status in (RecordContest.Status.UPHELD, RecordContest.Status.PARTLY_UPHELD) and bool(locked.field)
    if corrects and not correction:
        raise ApplicationError(CORRECTION_NEEDS_VALUE, extra={"corrected_value": [CORRECTION_NEEDS_VALUE]})
    corrected_value = ""
    if corrects and correction:
        child = Child.objects.get(pk=locked.child_id)
        child_update(actor=actor, child=child, version=child.version, data=correction)
        corrected_value = str(correction[locked.field])
    data = {
        "status": status,
        "decision_reason": decision_reason,
        "corrected_value": corrected_value,
        "decided_by": actor,
        "decided_at": timezone.now(),
    }
    locked, before, after = versioned_update(instance=locked, version=version, data=data)
    audit_append(
        actor=actor,
        action="record_contest.decide",
        object_type="record_contest",
        object_id=locked.pk,
        child_id=locked.child_id,
        changes=changed_fields(before, after, masked=CONTEST_MASKED),
    )
    return locked


NOT_A_MERGER = "Only a supervisor can merge two children's records."
MERGE_SAME = "Choose two different children to merge."
MERGE_OUTSIDE = (
    "Both records must be your agency's, in one jurisdiction, with no case of another agency: ask the other "
    "agency's supervisor."
)


@transaction.atomic
def child_merge(*, actor: User, keep: Child, duplicate: Child) -> Child:
    """One child registered twice: everything recorded about `duplicate` (cases, custody, referrals, guardians,
    documents) moves to `keep`, and the duplicate's row goes. Only within the supervisor's own agency and
    jurisdiction; audited on both children (the duplicate's events stay under its pseudonym)."""
    require(actor, "child.merge", NOT_A_MERGER)
    if actor.agency_id is None:
        raise ActionNotAllowed(NOT_A_MERGER)
    if keep.pk == duplicate.pk:
        raise ApplicationError(MERGE_SAME, extra={"duplicate": [MERGE_SAME]})
    if (
        keep.agency_id != actor.agency_id
        or duplicate.agency_id != actor.agency_id
        or keep.jurisdiction_id != duplicate.jurisdiction_id
        or Case.objects.filter(child_id__in=(keep.pk, duplicate.pk)).exclude(agency_id=actor.agency_id).exists()
    ):
        raise ActionNotAllowed(MERGE_OUTSIDE)
    moved: dict[str, int] = {}
    for relation in Child._meta.related_objects:
        name = relation.field.name
        model = cast(type[Model], relation.related_model)
        count = model._base_manager.filter(**{name: duplicate.pk}).update(**{name: keep.pk})
        if count:
            moved[model._meta.label_lower] = count
    duplicate_ref = child_pseudonym(duplicate.pk)
    audit_append(
        actor=actor,
        action="child.merged_into",
        object_type="child",
        object_id=duplicate.pk,
        child_id=duplicate.pk,
        changes={"merged_into": {"before": "", "after": child_pseudonym(keep.pk)}},
    )
    Child.objects.filter(pk=duplicate.pk).delete()
    audit_append(
        actor=actor,
        action="child.merge",
        object_type="child",
        object_id=keep.pk,
        child_id=keep.pk,
        changes={"merged": {"before": "", "after": duplicate_ref}, "moved": {"before": "", "after": moved}},
    )
    return keep
