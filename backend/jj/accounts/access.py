from django.http import Http404

from jj.accounts.models import User
from jj.accounts.selectors import user_list


def user_get_for_admin(*, actor: User, user_id: int) -> User:
    """The one way to fetch a user account for management: 404 when outside the administrator's reach."""
    user = user_list(actor=actor).filter(pk=user_id).first()
    if user is None:
        raise Http404
    return user
