"""Observability: the check that no log holds a child's or guardian's name (run on the browser tests' server log)."""

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jj.core.logscan import MIN_LENGTH, Finding, scan
from jj.people.models import Guardian

NAMES = [("Amara", "child 1 given_name"), ("Okafor", "child 1 family_name"), ("García", "child 2 family_name")]


def test_a_name_is_found_as_a_whole_word_with_where_it_came_from() -> None:
    lines = ['{"message": "GET /api/children/<int:pk>/ 200"}', '{"message": "saved Okafor"}', "García, Amara"]
    assert scan(lines, NAMES) == [
        Finding(2, 20, "child 1 family_name"),
        Finding(3, 1, "child 2 family_name"),
        Finding(3, 9, "child 1 given_name"),
    ]


def test_a_name_inside_another_word_or_in_another_case_is_not_a_finding() -> None:
    assert scan(["Amarantha okafor GarcíaLopez xOkafor"], NAMES) == []


def test_a_name_with_an_apostrophe_or_hyphen_is_found_by_its_parts() -> None:
    found = scan(["visitor Brien-Smith"], [("O'Brien-Smith", "guardian 5 name")])
    assert found == [Finding(1, 9, "guardian 5 name"), Finding(1, 15, "guardian 5 name")]


def test_names_shorter_than_the_minimum_are_not_searched_and_the_minimum_itself_is() -> None:
    below, at = "L" + "i" * (MIN_LENGTH - 2), "L" + "i" * (MIN_LENGTH - 1)
    text = [f"{below} and {at}"]
    assert scan(text, [(below, "child 3 given_name")]) == []
    assert scan(text, [(at, "child 4 given_name")]) == [Finding(1, len(below) + 6, "child 4 given_name")]
    assert scan(text, []) == []


def _log(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "server.log"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_command_passes_a_clean_log(make_case: Any, tmp_path: Path) -> None:
    make_case(given_name="Zainab", family_name="Mensah")
    out = StringIO()
    call_command("logs_scan_names", str(_log(tmp_path, '{"message": "POST /api/children/ 201"}\n')), stdout=out)
    assert "words of people's names is in server.log" in out.getvalue()


def test_the_command_fails_on_a_child_or_guardian_name_and_never_prints_it(make_case: Any, tmp_path: Path) -> None:
    child = make_case(given_name="Zainab", family_name="Mensah").child
    Guardian.objects.create(child=child, name="Kwabena Mensah", relationship=Guardian.Relationship.FATHER)
    err = StringIO()
    log = _log(tmp_path, "ok\nuser typed Kwabena\nZainab\n")
    with pytest.raises(CommandError, match="2 name"):
        call_command("logs_scan_names", str(log), stderr=err)
    assert f"server.log:2:12: the guardian {child.guardians.get().pk} name of a person" in err.getvalue()
    assert f"server.log:3:1: the child {child.pk} given_name of a person" in err.getvalue()
    assert "Zainab" not in err.getvalue()
    assert "Kwabena" not in err.getvalue()


def test_the_command_refuses_a_missing_file(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No log file"):
        call_command("logs_scan_names", str(tmp_path / "absent.log"))
