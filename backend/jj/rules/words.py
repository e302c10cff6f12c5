"""Codes that the rules write into messages as words (an allegation, a measure, a diversion's outcome or stage).

They are written in English as they are, and translated as words where the API shows the message
(jj.core.i18n); this list only puts them in the catalogue."""

from jj.rules.text import msgid

WORDS = (
    # ILL-1: allegation kinds, as written (underscores read as spaces)
    msgid("ill treatment"),
    msgid("torture"),
    msgid("staff violence"),
    msgid("peer violence"),
    msgid("sexual abuse"),
    msgid("sexual exploitation"),
    # GIR-1: measures refused for a pregnant child or one with a child in her care
    msgid("restraint"),
    msgid("separation"),
    msgid("isolation"),
    # DIV-4: a diversion's outcome and the stage the case returns to
    msgid("completed"),
    msgid("not completed"),
    msgid("withdrawn"),
    msgid("declined"),
    msgid("intake"),
    msgid("trial"),
    msgid("later"),
    # Timeline entries (custody.services): a detention order's kind, an appearance's outcome, an incident's kind
    msgid("pretrial detention"),
    msgid("electronic monitoring"),
    msgid("released"),
    msgid("detention continued"),
    msgid("charged"),
    msgid("decided"),
    msgid("death"),
    msgid("disappearance"),
    msgid("serious injury"),
    msgid("self harm"),
    msgid("use of force"),
    msgid("medical isolation"),
    msgid("disciplinary"),
    msgid("other"),
)
