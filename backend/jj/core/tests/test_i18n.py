"""Server text in the reader's language (issue 15): the catalogues are complete and compiled, every template the
code writes is in them, a refusal asked for in French reads in French (the quoted sources excepted, marked with
their language), dates inside messages follow the reader's format and time zone, and what is stored stays English."""

import ast
import gettext
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import translation

from jj.core.i18n import CITATION_LANGUAGE, format_moment, localize, stored_parts
from jj.core.tests.helpers_i18n import refuse_detention_order
from jj.rules.text import t

BACKEND = Path(settings.BASE_DIR)
LOCALE = BACKEND / "locale"
LANGUAGES = ("fr", "es", "ar")
FIELD = re.compile(r"\{(\w+)(?:[:!][^}]*)?\}")
# Words of the rules' English that no French sentence of ours contains (the quoted sources excepted).
ENGLISH = {"the", "child", "must", "and", "with", "without", "record", "this", "before", "within", "hours", "days"}


def po_entries(path: Path) -> dict[str, str]:
    """A .po file's translations (msgid -> msgstr), read without any library."""
    entries: dict[str, str] = {}
    msgid = msgstr = None
    field = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            if msgid is not None:
                entries[msgid] = msgstr or ""
            msgid, msgstr, field = ast.literal_eval(line[6:]), None, "id"
        elif line.startswith("msgstr "):
            msgstr, field = ast.literal_eval(line[7:]), "str"
        elif line.startswith('"') and msgid is not None:
            if field == "id":
                msgid += ast.literal_eval(line)
            else:
                msgstr = (msgstr or "") + ast.literal_eval(line)
    if msgid is not None:
        entries[msgid] = msgstr or ""
    entries.pop("", None)
    return entries


def written_templates() -> set[str]:
    """Every template the code writes with t("...") or msgid("...") (the tests excepted)."""
    found: set[str] = set()
    for path in (BACKEND / "jj").rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("t", "msgid")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value
            ):
                found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_msgid_has_a_translation_with_the_same_fields(language: str) -> None:
    entries = po_entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 400
    empty = [m for m, s in entries.items() if not s.strip()]
    assert empty == []
    fields = [m for m, s in entries.items() if set(FIELD.findall(m)) != set(FIELD.findall(s))]
    assert fields == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_the_code_writes_is_in_the_catalogue(language: str) -> None:
    entries = po_entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    missing = sorted(written_templates() - set(entries))
    assert missing == [], "run `python manage.py makemessages -l fr -l es -l ar` and translate (docs/i18n.md)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language: str) -> None:
    """The .mo files are committed (make run, the tests and the image need no gettext tools): never stale."""
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for msgid, msgstr in po_entries(folder / "django.po").items():
        assert compiled.gettext(msgid) == msgstr, f"{language}: recompile (python manage.py compilemessages)"


def test_a_message_reads_in_the_readers_language_and_time_zone() -> None:
    due = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
    message = t("The child must be formally charged within {days} days, by {due}.", days=30, due=due)
    with translation.override("fr"):
        french = localize(message)
    assert french.startswith("L'enfant doit être formellement inculpé dans les 30 jours, au plus tard le ")
    assert "2026-03-01" not in french
    assert "1 mars 2026" in french
    with translation.override("es"):
        assert "marzo" in localize(message)
    with translation.override("fr"):
        assert format_moment(date(2026, 3, 1)) == "1 mars 2026"


def test_a_stored_message_is_english_and_shows_in_french_from_its_parts() -> None:
    message = t("Review pretrial detention (every {days} days)", days=14)
    parts = stored_parts(message)
    with translation.override("fr"):
        assert localize(str(message), parts) == "Réexaminer la détention provisoire (tous les 14 jours)"
        assert localize("Inspection recorded.") == "Inspection enregistrée."
        assert localize("Free text nobody translated") == "Free text nobody translated"
    assert str(message) == "Review pretrial detention (every 14 days)"


def test_a_broken_translation_falls_back_to_english_rather_than_failing() -> None:
    with translation.override("fr"):
        assert localize(t("No such template {x}", x=1)) == "No such template 1"


@pytest.mark.django_db
def test_a_refusal_asked_for_in_french_has_no_english_rule_text(make_case: Any, client_for: Any, world: Any) -> None:
    refused = refuse_detention_order(
        make_case, client_for, world, HTTP_ACCEPT_LANGUAGE="fr", HTTP_X_TIME_ZONE="Europe/Paris"
    )
    assert refused.status_code == 422
    assert refused["Content-Language"] == "fr"
    body = refused.json()
    assert body["detail"].startswith("Cette action n'est pas autorisée en l'état")
    assert body["decisions"]
    for decision in body["decisions"]:
        words = set(re.findall(r"[A-Za-z]+", decision["message"].lower()))
        assert not words & ENGLISH, decision["message"]
        for citation in [decision["citation"], *decision["further_citations"]]:
            assert citation["language"] == CITATION_LANGUAGE  # the quoted words, as checked, and said to be
    ptd_2 = next(d for d in body["decisions"] if d["rule_id"] == "PTD-2")
    assert ptd_2["message"].startswith("La détention provisoire est une mesure de dernier ressort")
    assert "the" in ptd_2["citation"]["text"].lower().split()  # the source keeps its own words


@pytest.mark.django_db
def test_the_same_refusal_without_a_language_is_english(make_case: Any, client_for: Any, world: Any) -> None:
    refused = refuse_detention_order(make_case, client_for, world)
    assert refused.status_code == 422
    ptd_2 = next(d for d in refused.json()["decisions"] if d["rule_id"] == "PTD-2")
    assert ptd_2["message"].startswith("Pretrial detention is a last resort")


@pytest.mark.django_db
def test_django_and_drf_messages_follow_the_language(client_for: Any) -> None:
    response = client_for("caseworker").post("/api/children/", {}, format="json", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert "Este campo es obligatorio." in str(response.json())
