"""The only functions that fetch an account or an agency for an administrator. Jurisdiction is a hard
boundary: an administrator reaches the users and agencies of their own jurisdiction and nothing else, and a
refusal looks the same as a record that does not exist (and is recorded as denied)."""

from django.http import Http404

from jj.accounts.models import Agency, Jurisdiction, User
from jj.accounts.selectors import agency_list, user_list
from jj.audit.services import audit_denied
from jj.core.exceptions import ApplicationError
from jj.rules.text import msgid

NO_SUCH_AGENCY = msgid("There is no such agency in your jurisdiction.")
NO_SUCH_JURISDICTION = msgid("You can only create agencies in your own jurisdiction.")
NO_JURISDICTION = msgid("Your account belongs to no jurisdiction, so it cannot manage accounts or agencies.")


def user_get_for_admin(*, actor: User, user_id: int) -> User:
    """The one way to fetch a user account for management: 404 when outside the administrator's reach."""
    user = user_list(actor=actor).filter(pk=user_id).first()
    if user is None:
        audit_denied(actor=actor, action="user.read", object_type="user", object_id=user_id, reason="not in scope")
        raise Http404
    return user


def admin_jurisdiction_id(*, actor: User) -> int:
    """The administrator's own jurisdiction; an account without one manages nothing."""
    if actor.agency is None:
        raise ApplicationError(NO_JURISDICTION)
    return actor.agency.jurisdiction_id


def agency_get_for_admin(*, actor: User, agency_id: int, field: str = "agency", action: str) -> Agency:
    """An agency an administrator may put a user in: one of their jurisdiction. Another jurisdiction's agency
    and a nonexistent id get the same field message (400), and the attempt is recorded as denied."""
    agency = agency_list(actor=actor).filter(pk=agency_id).first()
    if agency is None:
        audit_denied(actor=actor, action=action, object_type="agency", object_id=agency_id, reason="not in scope")
        raise ApplicationError(NO_SUCH_AGENCY, extra={field: [NO_SUCH_AGENCY]})
    return agency


def jurisdiction_get_for_admin(*, actor: User, jurisdiction_id: int, action: str) -> Jurisdiction:
    """The administrator's own jurisdiction, when that is the one asked for; any other is refused (400)."""
    own = admin_jurisdiction_id(actor=actor)
    if jurisdiction_id != own:
        audit_denied(
            actor=actor, action=action, object_type="jurisdiction", object_id=jurisdiction_id, reason="not in scope"
        )
        raise ApplicationError(NO_SUCH_JURISDICTION, extra={"jurisdiction": [NO_SUCH_JURISDICTION]})
    return Jurisdiction.objects.get(pk=own)
