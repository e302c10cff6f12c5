"""The check that no log line holds a person's name: the end-to-end browser run writes its server's log to a file
and scans it with `manage.py logs_scan_names <file>` against every child's and guardian's name in its database.

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


def scan(lines: Iterable[str], names: Iterable[tuple[str, str]]) -> list[Finding]:
    sources: dict[str, str] = {}
    for word, source in names:
        if len(word) >= MIN_LENGTH:
            sources.setdefault(word, source)
    if not sources:
        return []
    longest_first = sorted(sources, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in longest_first) + r")(?!\w)")
    return [
        Finding(number, match.start() + 1, sources[match.group(1)])
        for number, text in enumerate(lines, start=1)
        for match in pattern.finditer(text)
    ]
