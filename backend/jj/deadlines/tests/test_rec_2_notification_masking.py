"""REC-2: free text told to the independent oversight body (readers outside the child's case) has the child's
known names and date of birth masked; the people of the case read it as written."""

from typing import Any

from django.utils import timezone

from jj.deadlines.models import Notification
from jj.deadlines.services import notification_create
from jj.rules.checks.common import INDEPENDENT_OVERSIGHT, SUPERVISOR


def test_oversight_reads_the_names_and_date_of_birth_masked(make_case: Any, world: Any) -> None:
    case = make_case(given_name="Amara", family_name="Okafor", other_names="Ama")
    message = "Amara Okafor (Ama, born 2010-05-17 / 17/05/2010) was restrained"
    notification_create(
        case=case, kind="test", message=message, targets=(SUPERVISOR, INDEPENDENT_OVERSIGHT), at=timezone.now()
    )
    monitor = Notification.objects.get(recipient=world["oversight_monitor"])
    assert monitor.message == "*** *** (***, born *** / ***) was restrained"
    assert monitor.message_parts == []
    for clear in ("Amara", "Okafor", "2010-05-17", "17/05/2010"):
        assert clear not in monitor.message
    supervisor = Notification.objects.get(recipient=world["supervisor"])
    assert supervisor.message == message
