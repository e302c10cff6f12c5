"""docs/architecture.md shows the lifecycle tables exactly as the code has them (the code is the source)."""

from pathlib import Path

from jj.cases.lifecycle import CASE_TRANSITIONS, REFERRAL_TRANSITIONS
from jj.custody.lifecycle import EPISODE_KIND_TRANSITIONS

DOC = Path(__file__).resolve().parents[4] / "docs" / "architecture.md"


def _rows(text: str, columns: int) -> set[tuple[str, ...]]:
    rows = set()
    for line in text.splitlines():
        cells = tuple(c.strip() for c in line.strip().strip("|").split("|"))
        if line.startswith("|") and len(cells) == columns and "---" not in line:
            rows.add(cells)
    return rows


def test_the_case_lifecycle_table_is_the_codes() -> None:
    text = DOC.read_text()
    documented = {r for r in _rows(text, 3) if r[0] in {"open", "charged", "diverted", "sentenced"}}
    assert documented == {(a, b, act) for (a, b), act in CASE_TRANSITIONS.items()}


def test_the_episode_lifecycle_table_is_the_codes() -> None:
    documented = {r for r in _rows(DOC.read_text(), 2) if r[0].endswith(("custody", "detention"))}
    assert documented == {(a, b) for a, b in EPISODE_KIND_TRANSITIONS}


def test_the_referral_lifecycle_table_is_the_codes() -> None:
    documented = {r for r in _rows(DOC.read_text(), 3) if r[0] in {"to_send", "sent", "received", "accepted"}}
    assert documented == {(a, b, act) for (a, b), act in REFERRAL_TRANSITIONS.items()}
