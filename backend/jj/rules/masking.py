"""REC-2: free text shown to someone outside the child's case (the independent oversight body) has the child's
known names and date of birth masked. Pure: the text and the child's identity in, the masked text out.

A name matches as a whole word, whatever its case (so "Ana" is masked in "Ana's file" but not in "Banana"); a date
of birth matches in the usual written forms (2010-05-17, 17/05/2010, 05/17/2010, 17.05.2010, 17-05-2010,
17 May 2010, May 17, 2010). Names shorter than two letters are not masked (an initial says little and would mask
every "a")."""

import re
from collections.abc import Iterable
from datetime import date

MASK = "***"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def name_tokens(names: Iterable[str]) -> list[str]:
    """The words of the child's names (given, family, other names: any separator), longest first."""
    tokens = {word for name in names for word in re.split(r"[\s,;/]+", name or "") if len(word) >= 2}
    return sorted(tokens, key=lambda word: (-len(word), word))


def date_forms(day: date) -> list[str]:
    d, m, y = day.day, day.month, day.year
    month = _MONTHS[m - 1]
    forms = {
        day.isoformat(),
        f"{d:02d}/{m:02d}/{y}",
        f"{m:02d}/{d:02d}/{y}",
        f"{d}/{m}/{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d} {month} {y}",
        f"{d} {month[:3]} {y}",
        f"{month} {d}, {y}",
    }
    return sorted(forms, key=len, reverse=True)


def mask_identity(text: str, *, names: Iterable[str], dates: Iterable[date | None] = ()) -> str:
    """`text` with every known name of the child and their date of birth replaced by `***`."""
    if not text:
        return text
    for form in (form for day in dates if day is not None for form in date_forms(day)):
        text = re.sub(rf"(?<!\d){re.escape(form)}(?!\d)", MASK, text, flags=re.IGNORECASE)
    for token in name_tokens(names):
        text = re.sub(rf"(?<!\w){re.escape(token)}(?!\w)", MASK, text, flags=re.IGNORECASE)
    return text
