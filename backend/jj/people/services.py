from collections.abc import Callable
from typing import Any

from django.db import transaction

from jj.accounts.models import User
from jj.audit.services import audit_append, changed_fields
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.core.services import versioned_update
from jj.people.access import CHILD_REGISTRAR_ROLES, MASKED_IN_AUDIT
from jj.people.models import Child, Guardian
from jj.rules.text import msgid

NOT_A_REGISTRAR = msgid("Only caseworkers and supervisors can register or edit a child's record.")
NO_AGENCY = msgid(
    "Your account is not attached to an agency; ask an administrator to fix it before registering children."
)


def _require_registrar(actor: User) -> None:
    if actor.role not in CHILD_REGISTRAR_ROLES:
        raise ActionNotAllowed(NOT_A_REGISTRAR)


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
