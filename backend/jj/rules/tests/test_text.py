"""jj.rules.text: messages written once in English that remember their template and fields, so the API can show
them in the reader's language (issue 15). Pure: no Django."""

import copy
from datetime import UTC, date, datetime
from decimal import Decimal

from jj.rules.text import Text, join, msgid, parts_from_json, parts_to_json, render, t


def test_a_message_is_its_english_text_with_dates_in_iso_8601() -> None:
    at = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    message = t(
        "Due {at} or {on}; {count:03d} left; missing: {missing}.",
        at=at,
        on=date(2026, 3, 2),
        count=7,
        missing=["a", "b"],
    )
    assert message == "Due 2026-03-01T09:30:00+00:00 or 2026-03-02; 007 left; missing: a, b."
    assert isinstance(message, str)
    assert message.parts == (
        (
            "Due {at} or {on}; {count:03d} left; missing: {missing}.",
            {"at": at, "on": date(2026, 3, 2), "count": 7, "missing": ["a", "b"]},
        ),
    )


def test_joined_messages_keep_every_part_and_plain_text_stays_literal() -> None:
    message = "Before. " + t("A {x}.", x=1) + " " + t("B.") + ""
    assert message == "Before. A 1. B."
    assert isinstance(message, Text)
    assert [fields is None for _, fields in message.parts] == [True, False, True, False]
    assert render((("{not a field}", None),)) == "{not a field}"
    assert join([t("a"), "b", t("c")], separator="; ") == "a; b; c"
    assert join([]) == ""


def test_parts_survive_json_and_pickling() -> None:
    at = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    inner = t("inner {on}", on=date(2026, 1, 2))
    message = (
        t(
            "At {at}: {inner} ({items}) {amount} {none}",
            at=at,
            inner=inner,
            items=[at, "x"],
            amount=Decimal("1.5"),
            none=None,
        )
        + " tail"
    )
    data = parts_to_json(message)
    assert data[0][1]["at"] == {"datetime": "2026-03-01T09:30:00+00:00"}
    assert data[0][1]["inner"] == {"text": [["inner {on}", {"on": {"date": "2026-01-02"}}]]}
    assert data[0][1]["amount"] == "1.5"
    back = Text(parts_from_json(data))
    assert back == message
    assert isinstance(dict(back.parts[0][1] or {})["inner"], Text)
    assert parts_to_json("plain") == [["plain", None]]
    assert parts_from_json(None) == ()
    assert copy.deepcopy(message).parts == message.parts


def test_msgid_only_marks_a_template() -> None:
    assert msgid("A {x}.") == "A {x}."


def test_the_words_the_rules_write_are_listed_for_the_catalogue() -> None:
    from jj.rules.words import WORDS

    assert "staff violence" in WORDS
    assert all(isinstance(word, str) and word for word in WORDS)
