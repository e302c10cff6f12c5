"""Is this child already registered? Likely matches by name and date of birth, within the caller's scope only.

Names are stored as plain text (searchable, as the child list's search box shows), so the comparison is made on a
folded form of each name: accents removed (NFKD), case folded, punctuation and repeated spaces dropped, the words
sorted (so "Okafor Amara" finds "Amara Okafor"). The database narrows the candidates (same date of birth give or
take a year, an unknown one, or a family name starting with the same letter); Python scores them with a sequence
similarity, which is portable across SQLite and PostgreSQL and needs no database extension. Transliterations beyond
accents (Cyrillic to Latin, say) are not folded: a caseworker searches both spellings."""

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from difflib import SequenceMatcher

from django.db.models import Q

from jj.accounts.models import User
from jj.people.access import child_queryset_for
from jj.people.models import Child

LIKELY = 0.85  # names this alike are a likely match whatever the dates of birth say
WITH_BIRTH_DATE = 0.6  # names this alike are a likely match when the dates of birth agree
MAX_CANDIDATES = 5000
MAX_MATCHES = 10


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = "".join(c if c.isalnum() else " " for c in plain.casefold()).split()
    return " ".join(sorted(words))


def name_similarity(a: str, b: str) -> float:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    return SequenceMatcher(None, fa, fb).ratio()


def birth_dates_agree(wanted: date | None, child: Child) -> bool:
    """The same day, the day and month swapped (a frequent slip), or within the child's estimated range."""
    if wanted is None:
        return False
    known = child.date_of_birth
    if known is not None:
        if known == wanted:
            return True
        if known.year == wanted.year and known.day == wanted.month and known.month == wanted.day:
            return True
    if child.dob_earliest is not None and child.dob_latest is not None:
        return child.dob_earliest <= wanted <= child.dob_latest
    return False


@dataclass(frozen=True)
class Match:
    child: Child
    score: float
    reasons: list[str] = field(default_factory=list)


def _candidates(family_name: str, date_of_birth: date | None) -> Q:
    near = Q(date_of_birth__isnull=True)
    if date_of_birth is not None:
        year = timedelta(days=366)
        near |= Q(date_of_birth__range=(date_of_birth - year, date_of_birth + year))
        near |= Q(dob_earliest__lte=date_of_birth, dob_latest__gte=date_of_birth)
    initial = fold(family_name)[:1]
    if initial:
        near |= Q(family_name__istartswith=initial)
    return near


def child_duplicates(
    *, user: User, given_name: str, family_name: str = "", date_of_birth: date | None = None
) -> list[Match]:
    """The children in the caller's scope who are likely the one being registered, best first (at most ten).
    Sealed and removed children are in no ordinary scope, so never offered."""
    wanted = f"{given_name} {family_name}"
    if not fold(wanted):
        return []
    rows = (
        child_queryset_for(user)
        .filter(_candidates(family_name, date_of_birth), removed_at__isnull=True)
        .only("id", "given_name", "family_name", "other_names", "date_of_birth", "dob_earliest", "dob_latest")
        .order_by("-created_at", "-id")[:MAX_CANDIDATES]
    )
    matches: list[Match] = []
    for child in rows:
        similarity = max(
            name_similarity(wanted, f"{child.given_name} {child.family_name}"),
            name_similarity(wanted, f"{child.other_names} {child.family_name}") if child.other_names else 0.0,
        )
        same_birth = birth_dates_agree(date_of_birth, child)
        if similarity >= LIKELY or (similarity >= WITH_BIRTH_DATE and same_birth):
            reasons = ["name" if similarity >= LIKELY else "similar name"]
            if same_birth:
                reasons.append("date of birth")
            score = round(min(1.0, similarity + (0.1 if same_birth else 0.0)), 2)
            matches.append(Match(child, score, reasons))
    matches.sort(key=lambda m: (-m.score, -m.child.pk))
    return matches[:MAX_MATCHES]
