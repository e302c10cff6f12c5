"""Facts for the diversion checks, built from rows and requests (the checks never touch the database)."""

from collections.abc import Mapping
from typing import Any

from jj.cases.models import CaseStatus
from jj.compliance.facts import case_facts
from jj.diversion.models import DiversionReferral
from jj.rules.facts import CaseFacts

# The request fields of a diversion offer (HRD-1) or activation (DIS-1) the checks read.
DIVERSION_VOICE_FIELDS = ("child_views", "views_not_heard_reason", "accommodation_provided")


def referral_case_facts(referral: DiversionReferral) -> CaseFacts:
    """CNS-1 and DIS-1 at a diversion: the case (counsel) and the child (accommodation needs) behind it."""
    case = referral.case
    return case_facts(case, stage="charge" if case.status == CaseStatus.CHARGED else "intake")


def diversion_voice(data: Mapping[str, Any]) -> dict[str, Any]:
    """The DiversionFacts keyword arguments HRD-1 and DIS-1 need, from the request (missing keys: defaults)."""
    return {name: data[name] for name in DIVERSION_VOICE_FIELDS if name in data}
