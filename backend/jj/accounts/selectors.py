from django.db.models import QuerySet

from jj.accounts.models import Agency, Role, User


def user_list(*, actor: User) -> QuerySet[User]:
    """Administrators see the users of their jurisdiction (or all, for a system administrator without an agency)."""
    if actor.role != Role.ADMINISTRATOR:
        return User.objects.none()
    qs = User.objects.select_related("agency", "agency__jurisdiction").order_by("username")
    if actor.agency_id is not None and actor.agency is not None:
        qs = qs.filter(agency__jurisdiction_id=actor.agency.jurisdiction_id)
    return qs


def agency_list(*, actor: User) -> QuerySet[Agency]:
    """Agencies are reference data: every signed-in user sees those of their own jurisdiction."""
    qs = Agency.objects.select_related("jurisdiction").order_by("name")
    if actor.agency_id is not None and actor.agency is not None:
        return qs.filter(jurisdiction_id=actor.agency.jurisdiction_id)
    return qs if actor.role == Role.ADMINISTRATOR else qs.none()
