"""Which jurisdiction's statistics a caller may read or manage. Oversight is independent of the agencies it
watches: a monitor reads the whole of their own jurisdiction (pseudonymised aggregates), never another one.
Administrators manage the population figures and the profile of their own jurisdiction only."""

from django.http import Http404

from jj.accounts.capabilities import roles_for
from jj.accounts.models import Jurisdiction, User
from jj.audit.services import audit_denied
from jj.core.exceptions import ActionNotAllowed
from jj.rules.text import t

READERS = roles_for("statistics.read")


def own_jurisdiction(user: User) -> Jurisdiction | None:
    return user.agency.jurisdiction if user.agency_id and user.agency else None


def oversight_jurisdiction_get(*, user: User, code: str | None, action: str) -> Jurisdiction:
    """The jurisdiction named by `code` (default: the caller's own) if the caller may see its statistics; 404
    (audited) for any other, so a code never reveals whether a jurisdiction exists."""
    if user.role not in READERS:
        raise ActionNotAllowed(t("Only oversight monitors and administrators can read these statistics."))
    own = own_jurisdiction(user)
    if own is None or (code and code != own.code):
        audit_denied(actor=user, action=action, object_type="jurisdiction", object_id=code or "", reason="scope")
        raise Http404
    return own


def jurisdictions_for(user: User) -> list[Jurisdiction]:
    if user.role not in READERS:
        return []
    own = own_jurisdiction(user)
    return [own] if own else []
