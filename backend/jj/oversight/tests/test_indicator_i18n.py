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


@pytest.mark.parametrize(
    ("language", "unit", "note"),
    [
        ("fr", "pour 100 000 enfants", "Non renseigné pour cette juridiction."),
        ("es", "por cada 100 000 niños", "No registrado para esta jurisdicción."),
        ("ar", "لكل 100,000 طفل", "غير مسجل لهذه الولاية القضائية."),
    ],
)
def test_the_api_answers_in_the_readers_language(language: str, unit: str, note: str, world, client_for) -> None:
    """Names, definitions, units, numerator and denominator texts and notes come back translated (Accept-Language);
    codes stay codes. Every text of every indicator has a translation in every language."""
    response = client_for("oversight_monitor").get(
        "/api/oversight/indicators/?period_start=2025-01-01&period_end=2025-12-31&by=sex",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    results = {r["code"]: r for r in response.json()["results"]}
    assert results["children_in_detention"]["unit"] == unit
    assert note in results["prevention"]["notes"]  # nothing recorded for indicator 15
    english = {d.code: d for d in DEFINITIONS.values()}
    for code, r in results.items():
        d = english[code]
        assert r["name"] != d.name
        assert r["definition"] != d.definition
        if d.unit != "%":
            assert r["unit"] != d.unit
        for field, text in (("numerator_definition", d.numerator), ("denominator_definition", d.denominator)):
            assert not text or r[field] != text, (code, field)
        assert all(n.isascii() is False or language != "ar" for n in r["notes"]), (code, r["notes"])
