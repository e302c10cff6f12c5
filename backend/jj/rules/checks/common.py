"""Shared wording for the checks."""

from jj.rules.policy import PARAMETERS, Policy

# Who a decision asks to be told (Decision.notify) or a deadline escalates to (DeadlineSpec.escalate_to). The
# deadlines app resolves each to real, active people (INV-7).
SUPERVISOR = "supervisor"
INDEPENDENT_OVERSIGHT = "independent_oversight"  # the jurisdiction's oversight monitors, outside any case agency
FAMILY = "family"  # a DET-1-style deadline to tell the parents or guardian
CHILD_PROTECTION = "child_protection"  # a child-protection referral
NOTIFY_TARGETS = (SUPERVISOR, INDEPENDENT_OVERSIGHT, FAMILY, CHILD_PROTECTION)


def below_standard_note(policy: Policy, parameter: str) -> str:
    """The sentence every decision taken under a non-protective domestic setting carries."""
    spec = PARAMETERS[parameter]
    return (
        f" The jurisdiction's setting ({spec.label}: {getattr(policy, parameter)}) falls below the international "
        f"standard ({spec.default}; {spec.source})."
    )
