"""Is this child already registered? Likely matches by name and date of birth, within the caller's scope only.

Names are stored as plain text (searchable, as the child list's search box shows), so the comparison is made on a
folded form of each name: accents removed (NFKD), case folded, punctuation and repeated spaces dropped, the words
sorted (so "Okafor Amara" finds "Amara Okafor"). The database narrows the candidates (same date of birth give or
take a year, an unknown one, or a family name starting with the same letter; on PostgreSQL also every name whose
trigrams are alike, through pg_trgm's `%` on the unaccented name and its GIN index, people migration 0006); Python
scores them with a sequence similarity, and on PostgreSQL the trigram similarity too (the higher counts), so a
match found on one database is found on the other.

Transliterations: a name spelt differently in Latin letters ("Mohammed", "Muhammad", "Mohamed"; "Yusuf",
"Yousuf") reads the same once the usual variants are made one (o/u, e/a, ou/u, ee/i, ph/f, kh/h, y/i, doubled
letters once: TRANSLITERATION); two names that then read the same, word for word, count as alike at LIKELY.
Other vowel changes ("Maria", "Mario"; "Amara", "Amaro") do not, so siblings are not taken for one child. Scripts
other than Latin (Cyrillic, Arabic) are not transliterated: a caseworker searches both spellings."""

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from difflib import SequenceMatcher

from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import CharField, F, Func, Q, QuerySet

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


# The spellings one name takes in Latin letters (transliterated from Arabic, Persian, Turkish, Russian...): applied
# in order to a folded word, so "mohammed", "muhammad" and "mohamed" all read "muhamad", "yousuf" reads "yusuf".
TRANSLITERATION = (("ph", "f"), ("kh", "h"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("o", "u"), ("e", "a"), ("y", "i"))


def transliterated(word: str) -> str:
    """The word with its spelling variants made one, each run of one letter once."""
    for spelt, said in TRANSLITERATION:
        word = word.replace(spelt, said)
    out: list[str] = []
    for c in word:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def same_spelling_family(a: str, b: str) -> bool:
    """Two folded names that are one name spelt two ways: the same words once their variants are made one."""
    ta, tb = sorted(transliterated(w) for w in a.split()), sorted(transliterated(w) for w in b.split())
    return bool(ta) and ta == tb


def name_similarity(a: str, b: str) -> float:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    ratio = SequenceMatcher(None, fa, fb).ratio()
    if ratio < LIKELY and same_spelling_family(fa, fb):
        return LIKELY
    return ratio


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


def trigrams_available() -> bool:
    """PostgreSQL, where migration 0006 installed pg_trgm, unaccent and the name index."""
    return connection.vendor == "postgresql"


def _name_fold() -> Func:
    """The database's folding of a child's name (people migration 0006): unaccented, lower case."""
    return Func(F("given_name"), F("family_name"), function="jj_name_fold", output_field=CharField())


def _with_trigrams(rows: QuerySet[Child], wanted: str) -> QuerySet[Child]:
    return rows.annotate(name_fold=_name_fold(), name_trigram=TrigramSimilarity(_name_fold(), wanted))


def _candidates(family_name: str, date_of_birth: date | None, wanted: str = "") -> Q:
    near = Q(date_of_birth__isnull=True)
    if date_of_birth is not None:
        year = timedelta(days=366)
        near |= Q(date_of_birth__range=(date_of_birth - year, date_of_birth + year))
        near |= Q(dob_earliest__lte=date_of_birth, dob_latest__gte=date_of_birth)
    initial = fold(family_name)[:1]
    if initial:
        near |= Q(family_name__istartswith=initial)
    if wanted and trigrams_available():
        near |= Q(TrigramSimilar(_name_fold(), wanted))  # `%`: pg_trgm's threshold (0.3), through the GIN index
    return near


def child_duplicates(
    *, user: User, given_name: str, family_name: str = "", date_of_birth: date | None = None
) -> list[Match]:
    """The children in the caller's scope who are likely the one being registered, best first (at most ten).
    Sealed and removed children are in no ordinary scope, so never offered."""
    wanted = f"{given_name} {family_name}"
    if not fold(wanted):
        return []
    # As the database folds a name (jj_name_fold): unaccented, lower case, the words in their order.
    decomposed = unicodedata.normalize("NFKD", " ".join(wanted.split())).casefold()
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    rows = child_queryset_for(user)
    if trigrams_available():
        rows = _with_trigrams(rows, plain)
    rows = (
        rows.filter(_candidates(family_name, date_of_birth, plain), removed_at__isnull=True)
        .only("id", "given_name", "family_name", "other_names", "date_of_birth", "dob_earliest", "dob_latest")
        .order_by("-created_at", "-id")[:MAX_CANDIDATES]
    )
    matches: list[Match] = []
    for child in rows:
        similarity = max(
            name_similarity(wanted, f"{child.given_name} {child.family_name}"),
            name_similarity(wanted, f"{child.other_names} {child.family_name}") if child.other_names else 0.0,
            float(getattr(child, "name_trigram", 0.0) or 0.0),
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


class ScopeIndex:
    """The duplicate check for many rows at once (an import): the caller's children read once, then each row looked
    up in memory. A row is a likely duplicate when a child has the same folded name and a date of birth that agrees
    or is unknown on either side, or a name alike at WITH_BIRTH_DATE with an agreeing date of birth: the matches
    `child_duplicates` finds, but for a name alike at LIKELY with another date of birth, which an import cannot
    afford to look for row by row (5,000 rows by 5,000 children) and which the form's check shows later."""

    FIELDS = ("id", "given_name", "family_name", "other_names", "date_of_birth", "dob_earliest", "dob_latest")

    def __init__(self, user: User) -> None:
        self.by_name: dict[str, list[Child]] = {}
        self.by_birth: dict[date, list[Child]] = {}
        self.ranged: list[Child] = []
        rows = child_queryset_for(user).filter(removed_at__isnull=True).only(*self.FIELDS)
        for child in rows.iterator(chunk_size=2000):
            self.add(child)

    def add(self, child: Child) -> None:
        for name in self._names(child):
            self.by_name.setdefault(name, []).append(child)
        if child.date_of_birth is not None:
            self.by_birth.setdefault(child.date_of_birth, []).append(child)
            swapped = _swapped(child.date_of_birth)
            if swapped is not None:
                self.by_birth.setdefault(swapped, []).append(child)
        if child.dob_earliest is not None and child.dob_latest is not None:
            self.ranged.append(child)

    @staticmethod
    def _names(child: Child) -> set[str]:
        names = {fold(f"{child.given_name} {child.family_name}")}
        if child.other_names:
            names.add(fold(f"{child.other_names} {child.family_name}"))
        return names - {""}

    def likely(self, *, given_name: str, family_name: str = "", date_of_birth: date | None = None) -> Child | None:
        wanted = f"{given_name} {family_name}"
        folded = fold(wanted)
        if not folded:
            return None
        for child in self.by_name.get(folded, []):
            if date_of_birth is None or child.date_of_birth is None or birth_dates_agree(date_of_birth, child):
                return child
        if date_of_birth is None:
            return None
        near = self.by_birth.get(date_of_birth, []) + [
            c
            for c in self.ranged
            if c.dob_earliest <= date_of_birth <= c.dob_latest  # type: ignore[operator]
        ]
        for child in near:
            if any(SequenceMatcher(None, folded, name).ratio() >= WITH_BIRTH_DATE for name in self._names(child)):
                return child
        return None


def _swapped(day: date) -> date | None:
    """The date with its day and month swapped (a frequent slip), when that is a date."""
    try:
        return day.replace(month=day.day, day=day.month) if day.day <= 12 and day.day != day.month else None
    except ValueError:
        return None
