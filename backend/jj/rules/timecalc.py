"""Calendar arithmetic for time limits, without the clock: `as_of` always comes from the caller."""

import calendar
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo


def add_months(moment: datetime, months: int) -> datetime:
    """Same day of the month `months` later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def add_local_days(moment: datetime, days: int, zone: str) -> datetime:
    """`days` calendar days later at the same wall-clock time in the jurisdiction's zone: across a daylight-saving
    change the elapsed time is a day plus or minus an hour, as a court clerk would count it."""
    local = moment.astimezone(ZoneInfo(zone))
    naive = local.replace(tzinfo=None) + timedelta(days=days)
    return naive.replace(tzinfo=ZoneInfo(zone)).astimezone(moment.tzinfo)


def add_local_months(moment: datetime, months: int, zone: str) -> datetime:
    local = moment.astimezone(ZoneInfo(zone))
    shifted = add_months(local.replace(tzinfo=None), months)
    return shifted.replace(tzinfo=ZoneInfo(zone)).astimezone(moment.tzinfo)
