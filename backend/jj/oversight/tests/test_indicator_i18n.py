"""Issue 13: the indicator definitions are translated in the web UI (frontend/src/i18n). The English texts there are
the server's own, word for word, and every language has every indicator, so a definition changed here cannot
silently keep an old text on screen."""

import json
import re
from pathlib import Path

import pytest

from jj.oversight.indicators import DEFINITIONS

I18N = Path(__file__).resolve().parents[4] / "frontend" / "src" / "i18n"


def _definitions(language: str) -> dict[str, str]:
    text = (I18N / f"{language}.ts").read_text(encoding="utf-8")
    block = re.search(r"\n    indicator_definitions: \{\n(.*?)\n    \},", text, re.DOTALL)
    assert block, f"no indicator_definitions in {language}.ts"
    return {m.group(1): json.loads(m.group(2)) for m in re.finditer(r'^\s+(\w+): (".*"),$', block.group(1), re.M)}


def test_english_definitions_are_the_servers_own() -> None:
    assert _definitions("en") == {d.code: d.definition for d in DEFINITIONS.values()}


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_every_indicator_is_defined_in_every_language(language: str) -> None:
    translated = _definitions(language)
    assert set(translated) == {d.code for d in DEFINITIONS.values()}
    english = _definitions("en")
    assert all(translated[code] and translated[code] != english[code] for code in translated)
