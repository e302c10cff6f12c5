"""The replay: every act of a period decided again by the pure rules engine, on the facts stored with its decisions,
under a proposed policy, and compared with what was decided.

`replay_period` reads the stored acts in batches and returns a `Replay` of raw numbers (the case and episode ids it
found, never published); `publish` turns it into the result a reader sees, every count disaggregated by agency, sex
and age group with the statistics' small-cell suppression. What the stored facts cannot answer is counted in
`missing`, never guessed."""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from jj.cases.models import Case
from jj.compliance.models import DecisionInputs, DecisionRecord
from jj.custody.models import CustodyEpisode
from jj.deadlines.models import Deadline
from jj.oversight.models import AgeGroup
from jj.oversight.suppression import suppress_table
from jj.rules.age import age_on
from jj.rules.engine import Decision, Outcome, Trigger
from jj.rules.policy import PARAMETERS, Policy
from jj.rules.registry import replay
from jj.rules.serialize import FactsNotReplayable, facts_load

BATCH = 500
EPISODE = ("id", "case_id", "started_at", "ended_at")
NOT_RECORDED = "not_recorded"
NONE = "none"  # the rule did not answer at that act
SEVERITY = {NONE: 0, Outcome.ALLOW: 1, Outcome.WARN: 2, Outcome.REQUIRE_JUSTIFICATION: 3, Outcome.BLOCK: 4}
SKIPPED_TRIGGERS = frozenset({Trigger.POLICY_CHANGE.value})  # a policy change is not an act on a child
DIMENSIONS = ("agency", "sex", "age_group")
AGE_GROUPS = (*AgeGroup.values, "18_plus", NOT_RECORDED)
MEASURES = (
    "cases_removed",
    "children_removed",
    "episodes_avoided",
    "child_days_avoided",
    "acts_refused",
    "deadlines_missed",
)


def age_group(dob: date | None, on: date) -> str:
    """The oversight statistics' age bands (AgeGroup), on the day of the act."""
    if dob is None:
        return NOT_RECORDED
    age = age_on(dob, on)
    if age < 10:
        return AgeGroup.UNDER_10.value
    if age < 14:
        return AgeGroup.AGE_10_13.value
    if age < 16:
        return AgeGroup.AGE_14_15.value
    if age < 18:
        return AgeGroup.AGE_16_17.value
    return "18_plus"


@dataclass
class Act:
    """One act: the decisions stored together (one engine call when its facts were recorded)."""

    trigger: str
    object_type: str
    object_id: int
    case_id: int | None
    decided_at: datetime
    inputs_id: int | None
    stored: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class CaseActs:
    """What the replay keeps of one case's acts: how many, the day of its intake, and the acts it would refuse."""

    count: int = 0
    first_on: date = date.min
    intake_on: date | None = None
    refused: list[tuple[date, str]] = field(default_factory=list)

    def add(self, act: Act, refused: bool, as_of: datetime) -> None:
        if self.count == 0:
            self.first_on = as_of.date()
        self.count += 1
        if act.trigger == Trigger.INTAKE and self.intake_on is None:
            self.intake_on = as_of.date()
        if refused:
            self.refused.append((as_of.date(), f"{act.trigger}:{act.object_id}"))


@dataclass
class Replay:
    """Raw answers (ids and counts). Never published as such: see `publish`."""

    acts: int = 0
    replayable: int = 0
    by_trigger: Counter[str] = field(default_factory=Counter)
    replayable_by_trigger: Counter[str] = field(default_factory=Counter)
    mismatches: int = 0  # acts whose replay under the current policy differs from what was stored
    mismatch_rules: Counter[str] = field(default_factory=Counter)
    transitions: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    refused_acts: dict[tuple[str, str, int], tuple[str, ...]] = field(default_factory=dict)
    justified_acts: int = 0
    warned_acts: int = 0
    relaxed_acts: int = 0
    removed_cases: dict[int, tuple[str, ...]] = field(default_factory=dict)  # case -> the rules that refuse intake
    refused_custody: dict[int, tuple[str, ...]] = field(default_factory=dict)  # episode -> the rules
    episodes_avoided: dict[int, float] = field(default_factory=dict)  # episode -> child-days in the period
    acts_of_removed_cases: int = 0
    deadlines_missed: list[tuple[int, str]] = field(default_factory=list)  # (case, kind), newly missed
    deadlines_no_longer_missed: int = 0
    missing: Counter[str] = field(default_factory=Counter)
    # Group keys for the breakdown: case -> (agency, sex, dob); the acts' groups.
    group_rows: dict[str, list[tuple[int | None, date, str]]] = field(default_factory=lambda: defaultdict(list))


def _worst(outcomes: Iterable[str]) -> str:
    return max(outcomes, key=lambda o: SEVERITY[o], default=NONE)


def _by_rule(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for rule_id, outcome in pairs:
        grouped[rule_id].append(outcome)
    return {rule_id: _worst(outcomes) for rule_id, outcomes in grouped.items()}


def _acts(jurisdiction_id: int, start: datetime, end: datetime) -> Iterator[Act]:
    """The period's acts in the order they were decided, grouped from their stored decisions."""
    rows = (
        DecisionRecord.objects.filter(jurisdiction_id=jurisdiction_id, decided_at__gte=start, decided_at__lt=end)
        .exclude(trigger__in=SKIPPED_TRIGGERS)
        .order_by("decided_at", "id")
        .values_list("inputs_id", "trigger", "object_type", "object_id", "case_id", "decided_at", "rule_id", "outcome")
    )
    current: Act | None = None
    key: tuple[Any, ...] | None = None
    for inputs_id, trigger, object_type, object_id, case_id, decided_at, rule_id, outcome in rows.iterator(2000):
        row_key = (inputs_id,) if inputs_id else (trigger, object_type, object_id, decided_at)
        if row_key != key:
            if current is not None:
                yield current
            current = Act(trigger, object_type, object_id, case_id, decided_at, inputs_id)
            key = row_key
        assert current is not None
        current.stored.append((rule_id, outcome))
    if current is not None:
        yield current


def _batches(items: Iterator[Act]) -> Iterator[list[Act]]:
    batch: list[Act] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _deadline_specs(decisions: list[Decision]) -> list[tuple[str, str, datetime]]:
    return [(d.rule_id, spec.kind, spec.due_at) for d in decisions for spec in d.deadlines]


def replay_period(
    *,
    jurisdiction_id: int,
    current: Policy,
    proposed: Policy,
    start: datetime,
    end: datetime,
    now: datetime,
    progress: Callable[[int], None] = lambda done: None,
) -> Replay:
    """Decide every act of [start, end) again under `proposed` (and `current`, to find each stored deadline and to
    check that the stored facts reproduce the stored decisions) and count what would have been different."""
    out = Replay()
    total = (
        DecisionRecord.objects.filter(jurisdiction_id=jurisdiction_id, decided_at__gte=start, decided_at__lt=end)
        .exclude(trigger__in=SKIPPED_TRIGGERS)
        .count()
    )
    seen_rows = 0
    acts_by_case: dict[int, CaseActs] = defaultdict(CaseActs)
    changed_deadlines: list[tuple[Act, str, datetime, datetime]] = []  # act, kind, due now, due under the proposal
    for batch in _batches(_acts(jurisdiction_id, start, end)):
        inputs = {
            row["id"]: row
            for row in DecisionInputs.objects.filter(pk__in=[a.inputs_id for a in batch if a.inputs_id]).values(
                "id", "trigger", "as_of", "facts", "excluded_rules"
            )
        }
        for act in batch:
            out.acts += 1
            out.by_trigger[act.trigger] += 1
            seen_rows += len(act.stored)
            stored_inputs = inputs.get(act.inputs_id) if act.inputs_id else None
            if stored_inputs is None:
                out.missing["acts_without_facts"] += 1
                if act.case_id:
                    acts_by_case[act.case_id].add(act, False, act.decided_at)
                continue
            try:
                facts = facts_load(stored_inputs["facts"])
                excluded = set(stored_inputs["excluded_rules"] or ())
                as_of = stored_inputs["as_of"]
                now_decided = [d for d in replay(act.trigger, current, facts, as_of) if d.rule_id not in excluded]
                then_decided = [d for d in replay(act.trigger, proposed, facts, as_of) if d.rule_id not in excluded]
            except (FactsNotReplayable, TypeError, ValueError, KeyError):
                out.missing["facts_unreadable"] += 1
                continue
            out.replayable += 1
            out.replayable_by_trigger[act.trigger] += 1
            refused = _compare(out, act, now_decided, then_decided)
            if refused and not act.case_id:
                out.group_rows["acts"].append((None, as_of.date(), f"{act.trigger}:{act.object_id}"))
            if act.case_id:
                acts_by_case[act.case_id].add(act, refused, as_of)
            for (rule_a, kind, due_now), (rule_b, kind_b, due_then) in zip(
                _deadline_specs(now_decided), _deadline_specs(then_decided), strict=False
            ):
                if (rule_a, kind) == (rule_b, kind_b) and due_now != due_then and act.case_id:
                    changed_deadlines.append((act, kind, due_now, due_then))
        progress(min(90, 90 * seen_rows // max(total, 1)))
    _removed_cases_and_custody(out, acts_by_case, start, end, now)
    _deadlines(out, changed_deadlines, now)
    progress(95)
    return out


def _compare(out: Replay, act: Act, now_decided: list[Decision], then_decided: list[Decision]) -> bool:
    """Count what changes at one act; True when the proposal would have refused it."""
    stored = _by_rule(act.stored)
    reproduced = _by_rule((d.rule_id, d.outcome.value) for d in now_decided)
    if reproduced != stored:
        out.mismatches += 1
        for rule_id in sorted(set(stored) | set(reproduced)):
            if stored.get(rule_id) != reproduced.get(rule_id):
                out.mismatch_rules[rule_id] += 1
    proposed = _by_rule((d.rule_id, d.outcome.value) for d in then_decided)
    moved_up: set[str] = set()
    for rule_id in sorted(set(stored) | set(proposed)):
        before, after = stored.get(rule_id, NONE), proposed.get(rule_id, NONE)
        if before == after:
            continue
        out.transitions[(rule_id, before, after)] += 1
        if SEVERITY[after] > SEVERITY[before]:
            moved_up.add(after)
        else:
            out.relaxed_acts += 1
    # An act that went ahead despite a BLOCK (a protective act no rule may refuse) is not "refused" again by it.
    refusing = tuple(
        sorted({d.rule_id for d in then_decided if d.unmet} - {r for r, o in stored.items() if o == Outcome.BLOCK})
    )
    if refusing:
        out.refused_acts[(act.trigger, act.object_type, act.object_id)] = refusing
        if act.trigger == Trigger.INTAKE and act.object_type == "case":
            out.removed_cases[act.object_id] = refusing
        if act.trigger == Trigger.CUSTODY_START and act.object_type == "custody_episode":
            out.refused_custody[act.object_id] = refusing
        return True
    if Outcome.REQUIRE_JUSTIFICATION in moved_up:
        out.justified_acts += 1
    elif Outcome.WARN in moved_up:
        out.warned_acts += 1
    return False


def _clipped_days(started: datetime, ended: datetime | None, start: datetime, end: datetime, now: datetime) -> float:
    stop = min(ended or now, end, now)
    begin = max(started, start)
    return max(0.0, (stop - begin).total_seconds() / 86400)


def _removed_cases_and_custody(
    out: Replay,
    acts_by_case: dict[int, "CaseActs"],
    start: datetime,
    end: datetime,
    now: datetime,
) -> None:
    """A case refused at intake never existed: its later acts and its custody did not happen. A refused custody
    start: that episode did not happen. Child-days count the part of each episode inside the period."""
    for case_id in out.removed_cases:
        out.acts_of_removed_cases += max(0, acts_by_case[case_id].count - 1) if case_id in acts_by_case else 0
    episode_ids = set(out.refused_custody)
    removed = list(out.removed_cases)
    rows: list[dict[str, Any]] = []
    for i in range(0, len(removed), BATCH):
        rows += map(dict, CustodyEpisode.objects.filter(case_id__in=removed[i : i + BATCH]).values(*EPISODE))
    ids = sorted(episode_ids - {r["id"] for r in rows})
    for i in range(0, len(ids), BATCH):
        rows += map(dict, CustodyEpisode.objects.filter(pk__in=ids[i : i + BATCH]).values(*EPISODE))
    for row in rows:
        days = _clipped_days(row["started_at"], row["ended_at"], start, end, now)
        out.episodes_avoided[row["id"]] = days
        out.group_rows["episodes"].append((row["case_id"], row["started_at"].date(), str(row["id"])))
    for case_id, acts in acts_by_case.items():
        if case_id in out.removed_cases:
            out.group_rows["cases"].append((case_id, acts.intake_on or acts.first_on, str(case_id)))
            continue
        for on, key in acts.refused:
            out.group_rows["acts"].append((case_id, on, key))


def _deadlines(out: Replay, changed: list[tuple[Act, str, datetime, datetime]], now: datetime) -> None:
    """A shorter limit: a deadline met (or mooted by the child's release) after the new due date, or still open
    past it, would have been missed. A longer one: a deadline missed under the current limit would not have been."""
    case_ids = sorted({act.case_id for act, _, _, _ in changed if act.case_id})
    stored: dict[tuple[int, str, datetime], datetime | None] = {}
    for i in range(0, len(case_ids), BATCH):
        for row in Deadline.objects.filter(case_id__in=case_ids[i : i + BATCH]).values(
            "case_id", "kind", "due_at", "met_at"
        ):
            stored[(row["case_id"], row["kind"], row["due_at"])] = row["met_at"]
    for act, kind, due_now, due_then in changed:
        assert act.case_id is not None
        if act.case_id in out.removed_cases:
            continue
        key = (act.case_id, kind, due_now)
        if key not in stored:
            out.missing["deadlines_not_found"] += 1
            continue
        until = stored[key] or now
        if due_then < due_now and due_then < until <= due_now:
            out.deadlines_missed.append((act.case_id, kind))
            out.group_rows["deadlines"].append((act.case_id, due_then.date(), f"{kind}:{act.object_id}"))
        elif due_then > due_now and due_now < until <= due_then:
            out.deadlines_no_longer_missed += 1


# --- Publishing ------------------------------------------------------------------------------------------------


def _case_groups(case_ids: Iterable[int]) -> dict[int, tuple[str, str, date | None, int]]:
    ids = sorted(set(case_ids))
    groups: dict[int, tuple[str, str, date | None, int]] = {}
    for i in range(0, len(ids), BATCH):
        for row in Case.objects.filter(pk__in=ids[i : i + BATCH]).values(
            "id", "agency__name", "child_id", "child__sex", "child__date_of_birth", "child__dob_latest"
        ):
            dob = row["child__date_of_birth"] or row["child__dob_latest"]
            groups[row["id"]] = (row["agency__name"], row["child__sex"], dob, row["child_id"])
    return groups


def breakdown_raw(result: Replay) -> dict[str, dict[str, dict[str, Any]]]:
    """Per dimension, per group: the counts of every measure (children as distinct ids; child-days summed)."""
    case_ids = [case_id for rows in result.group_rows.values() for case_id, _, _ in rows if case_id]
    groups = _case_groups(case_ids)
    cells: dict[str, dict[str, dict[str, Any]]] = {d: defaultdict(lambda: defaultdict(set)) for d in DIMENSIONS}
    cells_days: dict[str, dict[str, float]] = {d: defaultdict(float) for d in DIMENSIONS}
    measure_of = {"cases": "cases_removed", "episodes": "episodes_avoided", "acts": "acts_refused"}
    measure_of["deadlines"] = "deadlines_missed"
    for kind, rows in result.group_rows.items():
        for case_id, on, key in rows:
            agency, sex, dob, child_id = (
                groups.get(case_id, (NOT_RECORDED, NOT_RECORDED, None, 0))
                if case_id
                else (NOT_RECORDED, NOT_RECORDED, None, 0)
            )
            keys = {"agency": agency, "sex": sex, "age_group": age_group(dob, on)}
            if kind == "cases" and dob is None:
                result.missing["age_not_recorded"] += 1
            for dimension, group in keys.items():
                cells[dimension][group][measure_of[kind]].add(key)
                if kind == "cases":
                    cells[dimension][group]["children_removed"].add(child_id)
                if kind == "episodes":
                    cells_days[dimension][group] += result.episodes_avoided.get(int(key), 0.0)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for dimension in DIMENSIONS:
        out[dimension] = {}
        for group, measures in cells[dimension].items():
            row: dict[str, Any] = {m: len(measures.get(m, ())) for m in MEASURES if m != "child_days_avoided"}
            row["child_days_avoided"] = round(cells_days[dimension][group], 1)
            out[dimension][group] = row
    return out


def totals_raw(result: Replay) -> dict[str, Any]:
    children = {child for _, _, _, child in _case_groups(result.removed_cases).values()}
    return {
        "cases_removed": len(result.removed_cases),
        "children_removed": len(children),
        "episodes_avoided": len(result.episodes_avoided),
        "child_days_avoided": round(sum(result.episodes_avoided.values()), 1),
        # Acts refused other than the intakes of the removed cases (counted as cases) and their later acts.
        "acts_refused": len(result.group_rows["acts"]),
        "deadlines_missed": len(result.deadlines_missed),
    }


def _suppressed_column(values: list[int], total: int, threshold: int) -> tuple[list[bool], bool]:
    if not values:
        return [], total > 0 and total <= threshold
    masks = suppress_table([[v] for v in values], threshold=threshold, column_totals=[total])
    return [row[0] for row in masks.cells], masks.column_totals[0]


def publish(
    result: Replay, *, current: Policy, proposed: Policy, threshold: int, start: datetime, end: datetime
) -> dict[str, Any]:
    """The result a reader sees: counts of children, cases, episodes, acts and deadlines, by agency, sex and age
    group, every count from 1 to `threshold` hidden (null) with the secondary suppression of the statistics. The
    rules table and the coverage are counts of acts, not of children, and are published as they are."""
    totals = totals_raw(result)
    breakdown, published_totals = suppressed_tables(totals, breakdown_raw(result), threshold)
    changed = [f.name for f in fields(Policy) if getattr(current, f.name) != getattr(proposed, f.name)]
    plain = _plain
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "threshold": threshold,
        "parameters": [
            {
                "name": name,
                "label": PARAMETERS[name].label if name in PARAMETERS else name,
                "current": plain(getattr(current, name)),
                "proposed": plain(getattr(proposed, name)),
            }
            for name in changed
        ],
        "coverage": {
            "acts": result.acts,
            "replayable": result.replayable,
            "share": round(result.replayable / result.acts, 4) if result.acts else None,
            "by_trigger": [
                {"trigger": t, "acts": n, "replayable": result.replayable_by_trigger.get(t, 0)}
                for t, n in sorted(result.by_trigger.items())
            ],
        },
        "reproduced": {
            "mismatches": result.mismatches,
            "rules": [{"rule_id": r, "acts": n} for r, n in sorted(result.mismatch_rules.items())],
        },
        "acts": {
            "refused": len(result.group_rows["acts"]),
            "justified": result.justified_acts,
            "warned": result.warned_acts,
            "relaxed": result.relaxed_acts,
            "of_removed_cases": result.acts_of_removed_cases,
        },
        "rules": [
            {"rule_id": r, "from": a, "to": b, "acts": n}
            for (r, a, b), n in sorted(result.transitions.items(), key=lambda item: (item[0][0], -item[1]))
        ],
        "totals": published_totals,
        "deadlines_no_longer_missed": result.deadlines_no_longer_missed,
        "breakdown": breakdown,
        "missing": dict(sorted(result.missing.items())),
    }


def suppressed_tables(
    totals: dict[str, Any], raw: dict[str, dict[str, dict[str, Any]]], threshold: int
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, Any]]:
    """Every count from 1 to `threshold` hidden (None), then a second cell of each column where one hidden cell
    could be recovered from the total (oversight.suppression); child-days go with the episodes they count."""
    count_measures = [m for m in MEASURES if m != "child_days_avoided"]
    hidden_total = {m: 1 <= totals[m] <= threshold for m in count_measures}
    breakdown: dict[str, list[dict[str, Any]]] = {}
    for dimension in DIMENSIONS:
        names = sorted(raw[dimension])
        if dimension == "age_group":
            names = [g for g in AGE_GROUPS if g in raw[dimension]]
        rows = [{"group": name, **raw[dimension][name]} for name in names]
        for measure in count_measures:
            values = [row[measure] for row in rows]
            # A case or an episode is in exactly one group, so the groups add up to the total; children and acts
            # are counted once overall, so the published total is passed as it is.
            masks, total_hidden = _suppressed_column(values, totals[measure], threshold)
            hidden_total[measure] = hidden_total[measure] or total_hidden
            for row, hide in zip(rows, masks, strict=True):
                if hide:
                    row[measure] = None
        for row in rows:
            if row["episodes_avoided"] is None:
                row["child_days_avoided"] = None
        breakdown[dimension] = rows
    published_totals = {m: (None if hidden_total.get(m) else totals[m]) for m in totals}
    if published_totals["episodes_avoided"] is None:
        published_totals["child_days_avoided"] = None
    return breakdown, published_totals


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
