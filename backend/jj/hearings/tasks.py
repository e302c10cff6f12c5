from django.utils import timezone

from jj.core.tasks import background_task
from jj.hearings.services import hearings_remind


@background_task("jj.hearings.remind")
def remind_hearings() -> int:
    """Every minute: hearings within the next 24 hours, told once each to the caseworker and counsel assigned."""
    return hearings_remind(now=timezone.now())
