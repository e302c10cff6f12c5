"""Shared wording for the checks."""

from jj.rules.policy import PARAMETERS, Policy
from jj.rules.text import Text, t

# Who a decision asks to be told (Decision.notify) or a deadline escalates to (DeadlineSpec.escalate_to). The
# deadlines app resolves each to real, active people (INV-7).
SUPERVISOR = "supervisor"
INDEPENDENT_OVERSIGHT = "independent_oversight"  # the jurisdiction's oversight monitors, outside any case agency
FAMILY = "family"  # a DET-1-style deadline to tell the parents or guardian
CHILD_PROTECTION = "child_protection"  # a child-protection referral
NOTIFY_TARGETS = (SUPERVISOR, INDEPENDENT_OVERSIGHT, FAMILY, CHILD_PROTECTION)


def below_standard_note(policy: Policy, parameter: str) -> Text:
    """The sentence every decision taken under a non-protective domestic setting carries."""
    spec = PARAMETERS[parameter]
    return t(
        " The jurisdiction's setting ({label}: {value}) falls below the international standard ({default}; {source}).",
        label=spec.label,
        value=str(getattr(policy, parameter)),
        default=str(spec.default),
        source=spec.source,
    )
