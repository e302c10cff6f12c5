"""SEN-1 (prohibited sentences), SEN-2 (life and indeterminate), SEN-3 (custody as last resort, maximum, mandatory
minimum, forced labour), SEN-4 (review deadlines)."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jj.rules import citations as c
from jj.rules.checks.sentencing import CUSTODIAL, NON_CUSTODIAL, PROHIBITED, SENTENCE_TYPES
from jj.rules.engine import Outcome, Trigger
from jj.rules.facts import ChildFacts, NonCustodialOption
from jj.rules.policy import PARAMETERS, Policy, Strictness
from jj.rules.registry import evaluate, worst
from jj.rules.tests.helpers import (
    AS_OF,
    DOB,
    OPTIONS,
    day,
    decisions_of,
    documented,
    estimated,
    only,
    sentence,
    unknown,
)
from jj.rules.timecalc import add_months

EIGHTEENTH = date(2028, 6, 15)


@pytest.mark.parametrize("sentence_type", sorted(PROHIBITED))
@pytest.mark.parametrize(
    ("offence_on", "blocked"),
    [(day(EIGHTEENTH, -1), True), (EIGHTEENTH, False), (day(EIGHTEENTH, 1), False)],
)
def test_sen_1_prohibited_sentences_at_the_18th_birthday(sentence_type: str, offence_on: date, blocked: bool) -> None:
    found = decisions_of("SEN-1", Trigger.SENTENCE, sentence(documented(DOB), offence_on, sentence_type))
    assert bool(found) is blocked
    if blocked:
        assert found[0].outcome is Outcome.BLOCK
        assert found[0].citation == c.CRC_37_A
        assert c.RES79_32 in found[0].further_citations


def test_sen_1_uncertain_age_gets_the_benefit_of_the_doubt() -> None:
    decision = only("SEN-1", Trigger.SENTENCE, sentence(unknown(), date(2020, 1, 1), "death"))
    assert decision.outcome is Outcome.BLOCK


def test_sen_1_whatever_the_jurisdiction_says() -> None:
    policy = Policy(age_of_majority=16, mandatory_minimum=Strictness.WARN, max_custodial_sentence_months=600)
    facts = sentence(documented(DOB), date(2027, 1, 1), "life_without_parole")  # 16 at the offence
    assert only("SEN-1", Trigger.SENTENCE, facts, policy).outcome is Outcome.BLOCK


policies = st.builds(
    Policy,
    macr=st.integers(7, 18),
    age_of_majority=st.integers(16, 21),
    mandatory_minimum=st.sampled_from(list(Strictness)),
    max_custodial_sentence_months=st.none() | st.integers(1, 600),
    sentence_review_months=st.integers(1, 24),
)
children = st.one_of(
    st.builds(documented, st.dates(date(1995, 1, 1), date(2016, 1, 1))),
    st.builds(
        lambda a, w, m: estimated(a, day(a, w), m),
        st.dates(date(1995, 1, 1), date(2016, 1, 1)),
        st.integers(0, 1500),
        st.sampled_from(["developmental", "documents", "medical_only", "none"]),
    ),
    st.just(unknown()),
)


@given(
    policy=policies,
    child=children,
    offence_on=st.dates(date(2005, 1, 1), date(2026, 11, 24)),
    sentence_type=st.sampled_from(sorted(PROHIBITED)),
    length=st.none() | st.integers(1, 600),
    justification=st.text(max_size=5),
    mandatory=st.booleans(),
)
def test_sen_1_no_valid_input_allows_a_prohibited_sentence_for_a_child(
    policy: Policy,
    child: ChildFacts,
    offence_on: date,
    sentence_type: str,
    length: int | None,
    justification: str,
    mandatory: bool,
) -> None:
    facts = sentence(
        child,
        offence_on,
        sentence_type,
        length_months=length,
        justification=justification,
        mandatory_minimum_applied=mandatory,
        non_custodial_options_considered=OPTIONS,
    )
    decisions = evaluate(Trigger.SENTENCE, policy, facts, AS_OF)
    dob = (
        child.date_of_birth
        if child.dob_certainty == "documented"
        else (
            child.dob_latest
            if child.dob_certainty == "estimated" and child.age_assessment_method in ("documents", "developmental")
            else None
        )
    )
    adult_at_offence = (
        dob is not None
        and date(dob.year + 18, 1, 1) <= offence_on
        and ((offence_on.month, offence_on.day) >= (dob.month, dob.day) or offence_on.year - dob.year > 18)
    )
    if not adult_at_offence:
        assert worst(decisions) is Outcome.BLOCK
        assert any(d.rule_id == "SEN-1" and d.unmet for d in decisions)


def test_sen_2_life_sentence_requires_a_parole_date_then_warns() -> None:
    facts = sentence(
        documented(DOB),
        date(2025, 1, 1),
        "life_with_parole",
        justification="j",
        non_custodial_options_considered=OPTIONS,
    )
    decision = only("SEN-2", Trigger.SENTENCE, facts)
    assert decision.outcome is Outcome.REQUIRE_JUSTIFICATION
    assert decision.unmet
    assert decision.satisfied_by == ("parole_eligibility_date",)
    with_parole = only("SEN-2", Trigger.SENTENCE, replace(facts, parole_eligibility_date=date(2031, 1, 1)))
    assert with_parole.outcome is Outcome.WARN
    assert with_parole.citation == c.GC24_81


def test_sen_2_not_for_adults_or_fixed_terms() -> None:
    assert decisions_of("SEN-2", Trigger.SENTENCE, sentence(documented(DOB), date(2029, 1, 1), "indeterminate")) == []
    assert decisions_of("SEN-2", Trigger.SENTENCE, sentence(documented(DOB), date(2025, 1, 1), "custody")) == []


@pytest.mark.parametrize(
    ("options", "justification", "satisfied"),
    [
        ((), "", False),
        (OPTIONS, "", False),
        ((), "serious and repeated", False),
        ((NonCustodialOption("probation", " "),), "serious", False),
        (OPTIONS, "serious and repeated", True),
    ],
)
def test_sen_3_custody_needs_the_non_custodial_options_considered(
    options: tuple[NonCustodialOption, ...], justification: str, satisfied: bool
) -> None:
    facts = sentence(
        documented(DOB),
        date(2025, 1, 1),
        "custody",
        length_months=12,
        justification=justification,
        non_custodial_options_considered=options,
    )
    found = list(decisions_of("SEN-3", Trigger.SENTENCE, facts, Policy(max_custodial_sentence_months=36)))
    assert [d.outcome for d in found] == [Outcome.REQUIRE_JUSTIFICATION]
    assert found[0].satisfied is satisfied
    assert found[0].citation == c.CRC_37_B


@pytest.mark.parametrize(("length", "blocked"), [(35, False), (36, False), (37, True)])
def test_sen_3_maximum_penalty_boundary(length: int, blocked: bool) -> None:
    facts = sentence(
        documented(DOB),
        date(2025, 1, 1),
        "custody",
        length_months=length,
        justification="j",
        non_custodial_options_considered=OPTIONS,
    )
    found = decisions_of("SEN-3", Trigger.SENTENCE, facts, Policy(max_custodial_sentence_months=36))
    blocks = [d for d in found if d.outcome is Outcome.BLOCK]
    assert bool(blocks) is blocked
    if blocked:
        assert blocks[0].citation == c.GC24_77


def test_sen_3_no_maximum_set_warns_below_the_standard() -> None:
    facts = sentence(
        documented(DOB),
        date(2025, 1, 1),
        "custody",
        length_months=400,
        justification="j",
        non_custodial_options_considered=OPTIONS,
    )
    warnings = [d for d in decisions_of("SEN-3", Trigger.SENTENCE, facts) if d.outcome is Outcome.WARN]
    assert warnings
    assert warnings[0].below_standard
    assert warnings[0].citation == c.GC24_77


@pytest.mark.parametrize(
    ("strictness", "expected"), [(Strictness.BLOCK, Outcome.BLOCK), (Strictness.WARN, Outcome.WARN)]
)
def test_sen_3_mandatory_minimum(strictness: Strictness, expected: Outcome) -> None:
    facts = sentence(documented(DOB), date(2025, 1, 1), "community_service", mandatory_minimum_applied=True)
    decision = only("SEN-3", Trigger.SENTENCE, facts, Policy(mandatory_minimum=strictness))
    assert decision.outcome is expected
    assert decision.citation == c.GC24_78
    assert decision.below_standard is (strictness is Strictness.WARN)


def test_sen_3_forced_labour_is_refused_and_non_custodial_needs_nothing() -> None:
    assert (
        only("SEN-3", Trigger.SENTENCE, sentence(documented(DOB), date(2025, 1, 1), "forced_labour")).outcome
        is Outcome.BLOCK
    )
    for kind in sorted(NON_CUSTODIAL):
        assert decisions_of("SEN-3", Trigger.SENTENCE, sentence(documented(DOB), date(2025, 1, 1), kind)) == []
    assert decisions_of("SEN-3", Trigger.SENTENCE, sentence(documented(DOB), date(2029, 1, 1), "custody")) == []


@pytest.mark.parametrize("sentence_type", sorted(CUSTODIAL))
def test_sen_4_custodial_sentences_get_a_review_deadline(sentence_type: str) -> None:
    decision = only(
        "SEN-4",
        Trigger.SENTENCE,
        sentence(documented(DOB), date(2025, 1, 1), sentence_type),
        Policy(sentence_review_months=3),
    )
    (deadline,) = decision.deadlines
    assert deadline.kind == "sentence_review"
    assert deadline.due_at == add_months(AS_OF, 3)
    assert PARAMETERS["sentence_review_months"].unverified


def test_sen_4_non_custodial_no_deadline() -> None:
    assert decisions_of("SEN-4", Trigger.SENTENCE, sentence(documented(DOB), date(2025, 1, 1), "probation")) == []
    assert set(SENTENCE_TYPES) >= CUSTODIAL | NON_CUSTODIAL | PROHIBITED


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (datetime(2026, 8, 31, 10), 6, datetime(2027, 2, 28, 10)),
        (datetime(2027, 8, 31, 10), 6, datetime(2028, 2, 29, 10)),
        (datetime(2026, 1, 15, 10), 12, datetime(2027, 1, 15, 10)),
        (datetime(2026, 11, 30, 10), 1, datetime(2026, 12, 30, 10)),
        (datetime(2026, 12, 1, 10), 1, datetime(2027, 1, 1, 10)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(start: datetime, months: int, due: datetime) -> None:
    assert add_months(start, months) == due
    assert add_months(start, months) - start >= timedelta(days=28 * months)
