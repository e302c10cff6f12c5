"""The registry, the engine helpers and the generated catalogue (docs/rules.md), for every rule id."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jj.rules import catalogue as catalogue_module
from jj.rules import registry
from jj.rules.catalogue import render
from jj.rules.engine import Citation, Decision, Outcome, needing_approval, unmet
from jj.rules.registry import NOT_YET_WIRED, all_rules, rule, rules_for, worst

REPO = Path(__file__).resolve().parents[4]
TESTS = Path(__file__).resolve().parent
CITE = Citation("X", "para. 1", "words")


def test_every_rule_has_a_citation_with_words_and_a_test_file_naming_it() -> None:
    tests = "\n".join(p.read_text() for p in TESTS.glob("test_*.py"))
    design = REPO.parent / "shared" / "design" / "RULES.md"
    for spec in all_rules():
        assert spec.citations, spec.rule_id
        assert all(c.text and c.provision for c in spec.citations), spec.rule_id
        assert spec.rule_id in tests, f"no test names {spec.rule_id}"
        if design.exists() and spec.rule_id != "POL-1":
            assert f"**{spec.rule_id}:" in design.read_text(), f"{spec.rule_id} is not in RULES.md"


def test_docs_rules_md_is_generated_from_the_code() -> None:
    committed = REPO / "docs" / "rules.md"
    assert committed.read_text() == render(), "docs/rules.md is stale: run `make docs` and commit it"


def test_a_rule_id_registers_once() -> None:
    with pytest.raises(ValueError, match="twice"):
        rule("MACR-1", title="t", triggers=(), outcomes=(), summary="s", citations=(CITE,))(lambda p, f, a: [])


def test_unmet_worst_and_approval() -> None:
    block = Decision("A-1", Outcome.BLOCK, "m", CITE, {})
    warn = Decision("A-2", Outcome.WARN, "m", CITE, {})
    pending = Decision("A-3", Outcome.REQUIRE_JUSTIFICATION, "m", CITE, {})
    given = Decision("A-4", Outcome.REQUIRE_JUSTIFICATION, "m", CITE, {}, satisfied=True, supervisor_approval=True)
    assert unmet([block, warn, pending, given]) == [block, pending]
    assert needing_approval([block, warn, pending, given]) == [given]
    assert worst([warn, given]) is Outcome.REQUIRE_JUSTIFICATION
    assert worst([]) is Outcome.ALLOW


def test_rules_catalogue_command_writes_and_checks(tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    with pytest.raises(CommandError, match="stale"):
        call_command("rules_catalogue", "--check", "--path", str(target))
    call_command("rules_catalogue", "--path", str(target), stdout=StringIO())
    assert target.read_text() == render()
    out = StringIO()
    call_command("rules_catalogue", "--check", "--path", str(target), stdout=out)
    assert "up to date" in out.getvalue()
    target.write_text("edited by hand")
    with pytest.raises(CommandError, match="stale"):
        call_command("rules_catalogue", "--check", "--path", str(target))


def test_every_rule_is_wired_now() -> None:
    assert not NOT_YET_WIRED  # every rule of RULES.md 7c is wired (issue #16)
    catalogue = render()
    assert "not yet enforced" not in catalogue
    assert "Enforcement: not yet wired" not in catalogue


def test_a_rule_not_yet_wired_runs_only_when_asked_and_says_so_in_the_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The mechanism stays for the next rule written before its services build its facts."""
    pending = frozenset({"CNS-1"})
    monkeypatch.setattr(registry, "NOT_YET_WIRED", pending)
    monkeypatch.setattr(catalogue_module, "NOT_YET_WIRED", pending)
    for spec in all_rules():
        for trigger in spec.triggers:
            assert (spec in rules_for(trigger)) is (spec.rule_id not in pending)
            assert spec in rules_for(trigger, include_unwired=True)
    catalogue = render()
    section = catalogue.split("### CNS-1:")[1].split("###")[0]
    assert "not yet wired" in section
    assert "CNS-1 (not yet enforced)" in catalogue  # a parameter's rules say which are not yet enforced
    assert "PTD-12 (not yet enforced)" not in catalogue
