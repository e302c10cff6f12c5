from django.apps import AppConfig


class HearingsConfig(AppConfig):
    """Scheduled hearings: the calendar, the reminders, and the outcome recorded as a court appearance."""

    name = "jj.hearings"
    label = "hearings"
