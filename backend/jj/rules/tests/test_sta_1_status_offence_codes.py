"""STA-1 (amendment 7b), the pure rule: a status offence is an offence whose local code is on the jurisdiction's
list (policy `status_offence_codes`), or one recorded as such when it was recorded. Boundary: on the list, off it,
the list emptied since, no code."""

from datetime import date

import pytest

from jj.rules.engine import Trigger
from jj.rules.facts import CaseFacts, ChildFacts, OffenceFacts
from jj.rules.policy import PARAMETERS, Policy, Strictness
from jj.rules.registry import evaluate
from jj.rules.tests.helpers import AS_OF

TRUANCY = "TRU-01"


def facts(*offences: OffenceFacts) -> CaseFacts:
    return CaseFacts(ChildFacts(date_of_birth=date(2010, 1, 1), dob_certainty="documented"), offences, stage="intake")


@pytest.mark.parametrize(
    ("codes", "code", "flagged", "fires"),
    [
        ((TRUANCY,), TRUANCY, False, True),  # on the list
        ((TRUANCY,), "TRU-02", False, False),  # not on it
        ((), TRUANCY, True, True),  # recorded as a status offence, the list emptied since
        ((), "", False, False),
        ((TRUANCY,), "", False, False),  # no code: never matches
    ],
)
def test_sta_1_rule_reads_the_list_and_the_recorded_fact(
    codes: tuple[str, ...], code: str, flagged: bool, fires: bool
) -> None:
    policy = Policy(status_offence_codes=codes)
    offence = OffenceFacts(date(2026, 3, 1), local_code=code, is_status_offence=flagged)
    found = [d for d in evaluate(Trigger.INTAKE, policy, facts(offence), AS_OF) if d.rule_id == "STA-1"]
    assert bool(found) is fires


def test_sta_1_list_is_a_policy_parameter_that_only_protects_when_it_grows() -> None:
    spec = PARAMETERS["status_offence_codes"]
    assert spec.rule_ids == ("STA-1",)
    assert spec.less_protective((TRUANCY, "RUN-01"), (TRUANCY,))
    assert not spec.less_protective((TRUANCY,), (TRUANCY, "RUN-01"))
    assert not spec.below_standard(())
    assert Policy(status_offences=Strictness.WARN, status_offence_codes=(TRUANCY,)).is_status_offence_code("tru-01")
