"""Calendar arithmetic for time limits, without the clock: `as_of` always comes from the caller."""

import calendar
from datetime import datetime


def add_months(moment: datetime, months: int) -> datetime:
    """Same day of the month `months` later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
