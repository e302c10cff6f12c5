from django.db.models import QuerySet

from jj.accounts.models import Agency, Role, User, WebAuthnCredential


def user_list(*, actor: User) -> QuerySet[User]:
    """Administrators see the users of their own jurisdiction. Jurisdiction is a hard boundary: an
    administrator without an agency (hence without a jurisdiction) sees nobody."""
    if actor.role != Role.ADMINISTRATOR or actor.agency is None:
        return User.objects.none()
    return (
        User.objects.select_related("agency", "agency__jurisdiction")
        .filter(agency__jurisdiction_id=actor.agency.jurisdiction_id)
        .order_by("username")
    )


def agency_list(*, actor: User) -> QuerySet[Agency]:
    """Agencies are reference data: every signed-in user sees those of their own jurisdiction, and only those."""
    if actor.agency is None:
        return Agency.objects.none()
    return (
        Agency.objects.select_related("jurisdiction")
        .filter(jurisdiction_id=actor.agency.jurisdiction_id)
        .order_by("name")
    )


def webauthn_credentials_of(user: User) -> QuerySet[WebAuthnCredential]:
    """The signed-in user's own security keys (nobody lists anyone else's)."""
    return WebAuthnCredential.objects.filter(user=user).order_by("created_at", "id")
