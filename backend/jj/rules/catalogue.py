"""docs/rules.md, generated from the registry so the catalogue and the code never drift (`make docs`)."""

from typing import Any

from jj.rules.engine import Citation
from jj.rules.invariants import INVARIANTS
from jj.rules.policy import PARAMETERS
from jj.rules.registry import NOT_YET_WIRED, all_rules

HEADER = """# Rules catalogue

Generated from the code by `make docs` (`manage.py rules_catalogue`); a test fails when this file is stale.
Do not edit it by hand: change the rule in `backend/jj/rules/checks/` and regenerate.

Every check is a pure function of the jurisdiction's policy, the facts of the request and the time of the
request. **BLOCK** refuses the action; **REQUIRE_JUSTIFICATION** refuses it until the fields named in the
decision are given (and, where the policy says so, a supervisor approves); **WARN** lets it proceed and records
the warning; **ALLOW** records why it was allowed. Every decision is stored with the record it concerns.

Quotations marked "[summary, not a quotation]" state what a provision requires where its exact words were not
checked; parameters marked UNVERIFIED carry a best-knowledge default with no international number behind it.
A rule marked "not yet wired" is written and tested but no service asks it yet.
"""


def _value(value: Any) -> str:
    if value is None:
        return "not set"
    if isinstance(value, tuple):
        return ", ".join(value) if value else "none"
    return str(value)


def _citation(citation: Citation) -> str:
    return f'- {citation.instrument}, {citation.provision}: "{citation.text}"'


def render() -> str:
    lines = [HEADER, "## Rules", ""]
    for spec in all_rules():
        lines += [f"### {spec.rule_id}: {spec.title}", ""]
        lines.append(f"- Triggers: {', '.join(t.value for t in spec.triggers)}")
        lines.append(f"- Outcomes: {', '.join(o.value.upper() for o in spec.outcomes)}")
        if spec.rule_id in NOT_YET_WIRED:
            lines.append("- Enforcement: not yet wired into the services")
        if spec.parameters:
            params = ", ".join(f"`{p}` (default {_value(PARAMETERS[p].default)})" for p in spec.parameters)
            lines.append(f"- Parameters: {params}")
        lines += ["", spec.summary, "", "Citations:", ""]
        lines += [_citation(c) for c in spec.citations]
        lines.append("")
    lines += [
        "## Invariants",
        "",
        "What no sequence of actions may ever produce. They are asserted after every step of random sequences of "
        "real actions (`make test` runs a thousand; `make fuzz-rules` a hundred thousand).",
        "",
        "| id | invariant | rules it protects | enforced by |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {inv.inv_id} | {inv.statement} | {', '.join(inv.protects)} | {inv.enforced_by} |" for inv in INVARIANTS
    ]
    lines += [
        "",
        "## Jurisdiction policy parameters",
        "",
        "Defaults are the international standard. A value on the non-protective side is accepted (domestic law "
        "rules) with a POL-1 warning, and every decision taken under it says so.",
        "",
        "| parameter | meaning | default | protective direction | rules | source |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    enforced = {spec.rule_id for spec in all_rules()} - NOT_YET_WIRED
    for p in PARAMETERS.values():
        pending = [r for r in p.rule_ids if r not in enforced]
        rules = ", ".join(r + (" (not yet enforced)" if r in pending else "") for r in p.rule_ids) or "-"
        direction = p.direction.value + (" (" + " > ".join(p.choices) + ")" if p.choices else "")
        source = p.source + (" UNVERIFIED" if p.unverified else "")
        lines.append(f"| `{p.name}` | {p.label} | {_value(p.default)} | {direction} | {rules} | {source} |")
    return "\n".join(lines) + "\n"
