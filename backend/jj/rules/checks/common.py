"""Shared wording for the checks."""

from jj.rules.policy import PARAMETERS, Policy

CHILD_PROTECTION = "child_protection"


def below_standard_note(policy: Policy, parameter: str) -> str:
    """The sentence every decision taken under a non-protective domestic setting carries."""
    spec = PARAMETERS[parameter]
    return (
        f" The jurisdiction's setting ({spec.label}: {getattr(policy, parameter)}) falls below the international "
        f"standard ({spec.default}; {spec.source})."
    )
