"""The check that no log line holds a person's name. Pure: `manage.py logs_scan_names <file>` (jj.people) feeds it
every child's and guardian's name in the database; the end-to-end browser run scans its server's log with it.

A name matches as a whole word, case-sensitively (names are capitalised; "Silva" in a log is a leak, "silvan" is
not), and only from MIN_LENGTH letters (a two-letter name would match too much ordinary text). A finding says
where (line, column, whose name and which field) and never repeats the name, so the check's own output is clean."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

MIN_LENGTH = 3


@dataclass(frozen=True)
class Finding:
    line: int
    column: int
    source: str  # "child 7 family_name"


_WORD = re.compile(r"\w+")


def scan(lines: Iterable[str], names: Iterable[tuple[str, str]]) -> list[Finding]:
    """Each line is cut into words (runs of letters and digits) and each word looked up among the names' words, so
    the cost grows with the log, not with the number of people (a production database holds many thousands)."""
    sources: dict[str, str] = {}
    for name, source in names:
        for word in _WORD.findall(name):  # "O'Brien-Smith": O, Brien, Smith, as a log line would be cut
            if len(word) >= MIN_LENGTH:
                sources.setdefault(word, source)
    if not sources:
        return []
    return [
        Finding(number, match.start() + 1, sources[match.group()])
        for number, text in enumerate(lines, start=1)
        for match in _WORD.finditer(text)
        if match.group() in sources
    ]
