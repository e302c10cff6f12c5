"""Age arithmetic for MACR-2 and MACR-5: the age at the offence, with the benefit of the doubt.

A birthday on 29 February falls on 1 March in common years: the later date, so the child is younger for longer.
"""

from datetime import date

from jj.rules.facts import ChildFacts, OffenceFacts


def age_on(dob: date, day: date) -> int:
    """Completed years on `day`. A child born on 29 February reaches a new age on 1 March in common years (the
    birthday has not passed on 28 February); RULES.md 7b states this convention."""
    before_birthday = (day.month, day.day) < (dob.month, dob.day)
    return day.year - dob.year - int(before_birthday)


# RULES.md 7b: an estimate is an age finding only when it rests on documents or a developmental assessment by
# specialists; an officer's guess ("none") or a bone or dental examination alone is no finding (GC24 33-34).
AGE_FINDING_METHODS = frozenset({"documents", "developmental"})


def youngest_plausible_dob(child: ChildFacts) -> date | None:
    """The date of birth giving the lowest age the evidence allows, or None when the age is not established.

    Documents count first (GC24 33); an estimate counts at its youngest end (GC24 34) when it rests on an assessment
    method that can ground an age finding (MACR-5). While the age is disputed, the benefit of the doubt applies: the
    youngest date of birth claimed counts, and with none recorded the age is not established.
    """
    if child.dob_certainty == "documented":
        return child.date_of_birth
    if child.dob_certainty == "estimated" and child.age_assessment_method in AGE_FINDING_METHODS:
        return child.dob_latest
    if child.dob_certainty == "disputed":
        return child.dob_latest  # the youngest date of birth anyone claims; None when none is recorded
    return None


def lowest_age_at_offences(child: ChildFacts, offences: tuple[OffenceFacts, ...]) -> int | None:
    """The lowest plausible age at any of the offences; None when the age is not established or nothing is alleged."""
    dob = youngest_plausible_dob(child)
    if dob is None or not offences:
        return None
    return min(age_on(dob, o.offence_date) for o in offences)  # a range starts at its lowest age (MACR-2)


def lowest_age_on(child: ChildFacts, day: date) -> int | None:
    dob = youngest_plausible_dob(child)
    return None if dob is None else age_on(dob, day)
