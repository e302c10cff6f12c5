"""Beyond the Manual: how well the jurisdiction keeps its own rules (deadlines met, detention orders with
alternatives, justifications, refusals), the relative rate index between groups at each decision point, and the
occupancy of each place of detention over time. Every figure is one aggregate query."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet, Subquery

from jj.accounts.models import Agency, Jurisdiction
from jj.audit.models import AuditEvent
from jj.audit.models import Outcome as AuditOutcome
from jj.cases.models import Assignment, AssignmentRole, Case, CaseEvent, CaseKind, Sentence
from jj.compliance.models import DecisionRecord
from jj.custody.models import DetentionOrder, Facility
from jj.deadlines.models import Deadline
from jj.diversion.models import DiversionReferral
from jj.oversight.conventions import Conventions
from jj.oversight.indicators import CUSTODIAL_SENTENCES, NOT_RECORDED, Paths, group_queryset, population_by
from jj.oversight.suppression import is_small, suppress_table
from jj.rules.registry import all_rules

# What each deadline kind means, for the table (the kinds are written by the rules in jj/rules/checks).
DEADLINE_LABELS = {
    "competent_authority": "Brought before a judge within the time limit (24 hours by default)",
    "detention_review": "Pretrial detention reviewed on time",
    "formal_charge": "Formal charge within the time limit of detention",
    "final_decision": "Final decision within the time limit of detention",
    "family_notification": "Parents or guardian notified without delay",
    "health_examination": "Health examination on admission",
    "complaint_response": "Complaint answered on time",
    "legality_challenge": "Challenge to the legality of detention decided on time",
    "police_cell_exit": "Moved out of a police cell within the time limit",
    "sentence_review": "Sentence reviewed on time",
    "legal_counsel": "Legal counsel assigned within the time limit of a deprivation of liberty (CNS-1)",
    "allegation_medical_examination": "Medical examination after an allegation of ill-treatment (ILL-1)",
    "allegation_investigation": "Investigation of an allegation of ill-treatment started on time (ILL-1)",
}


def _pct(numerator: int | None, denominator: int | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(100 * numerator / denominator, 2)


def deadline_compliance(*, jurisdiction: Jurisdiction, conventions: Conventions, now: datetime) -> list[dict[str, Any]]:
    """Per kind of deadline falling due in the period (and already due): met on time, met late, missed (still open).
    Counts of children's deadlines are suppressed like the indicators."""
    due_until = min(conventions.end_at, now)
    rows = list(
        Deadline.objects.filter(case__jurisdiction=jurisdiction, due_at__gte=conventions.start_at, due_at__lt=due_until)
        .values("kind")
        .annotate(
            due=Count("pk"),
            on_time=Count("pk", filter=Q(met_at__isnull=False, met_at__lte=F("due_at"))),
            late=Count("pk", filter=Q(met_at__gt=F("due_at"))),
            missed=Count("pk", filter=Q(met_at__isnull=True)),
        )
        .order_by("kind")
    )
    table = [[row["on_time"], row["late"], row["missed"]] for row in rows]
    masks = suppress_table(table, threshold=conventions.threshold) if rows else None
    out = []
    for i, row in enumerate(rows):
        hidden = masks.cells[i] if masks else (False, False, False)
        due_hidden = masks.row_totals[i] if masks else False
        on_time = None if hidden[0] else row["on_time"]
        out.append(
            {
                "kind": row["kind"],
                "label": DEADLINE_LABELS.get(row["kind"], row["kind"]),
                "due": None if due_hidden else row["due"],
                "on_time": on_time,
                "late": None if hidden[1] else row["late"],
                "missed": None if hidden[2] else row["missed"],
                "rate": None if on_time is None or due_hidden else _pct(on_time, row["due"]),
                "suppressed": any(hidden) or due_hidden,
            }
        )
    return out


def detention_orders_with_alternatives(*, jurisdiction: Jurisdiction, conventions: Conventions) -> dict[str, Any]:
    """Pretrial detention orders made in the period that record the alternatives considered (PTD-2)."""
    row = DetentionOrder.objects.filter(
        episode__case__jurisdiction=jurisdiction,
        kind="pretrial_detention",
        ordered_at__gte=conventions.start_at,
        ordered_at__lt=conventions.end_at,
    ).aggregate(total=Count("pk"), with_alternatives=Count("pk", filter=~Q(alternatives_considered=[])))
    total, with_alt = row["total"], row["with_alternatives"]
    t = conventions.threshold
    hidden = is_small(with_alt, t) or is_small(total - with_alt, t)
    return {
        "orders": None if is_small(total, t) else total,
        "with_alternatives": None if hidden else with_alt,
        "rate": None if hidden or is_small(total, t) else _pct(with_alt, total),
        "suppressed": hidden or is_small(total, t),
    }


def justifications_by_agency(*, jurisdiction: Jurisdiction, conventions: Conventions) -> list[dict[str, Any]]:
    """Per agency: decisions that required a justification, how many were justified, how many went through a
    second person's approval, and how many were recorded below the international standard. These count staff
    decisions, not children: they are not suppressed."""
    rows = (
        DecisionRecord.objects.filter(
            jurisdiction=jurisdiction, decided_at__gte=conventions.start_at, decided_at__lt=conventions.end_at
        )
        .values(agency=F("case__agency__name"))
        .annotate(
            decisions=Count("pk"),
            required_justification=Count("pk", filter=Q(outcome="require_justification")),
            justified=Count("pk", filter=Q(outcome="require_justification") & ~Q(justification="")),
            approved=Count("pk", filter=Q(approval__isnull=False)),
            warnings=Count("pk", filter=Q(outcome="warn")),
            below_standard=Count("pk", filter=Q(below_standard=True)),
        )
        .order_by("agency")
    )
    return [{**row, "agency": row["agency"] or NOT_RECORDED} for row in rows]


def refusals(*, jurisdiction: Jurisdiction, conventions: Conventions) -> dict[str, Any]:
    """Attempts refused by a rule in the period (each is an audit event; nothing else was written), by rule and by
    agency. One query each."""
    agencies = dict(Agency.objects.filter(jurisdiction=jurisdiction).values_list("pk", "name"))
    refused = AuditEvent.objects.filter(
        agency_id__in=list(agencies),
        outcome=AuditOutcome.REFUSED,
        occurred_at__gte=conventions.start_at,
        occurred_at__lt=conventions.end_at,
    )
    rule_ids = [spec.rule_id for spec in all_rules()]
    by_rule = refused.aggregate(
        **{f"r{i}": Count("pk", filter=Q(rule_ids__contains=f",{rule_id},")) for i, rule_id in enumerate(rule_ids)}
    )
    by_agency = refused.values("agency_id").annotate(n=Count("pk")).order_by("agency_id")
    return {
        "by_rule": [
            {"rule_id": rule_id, "refused": by_rule[f"r{i}"]} for i, rule_id in enumerate(rule_ids) if by_rule[f"r{i}"]
        ],
        "by_agency": [{"agency": agencies[row["agency_id"]], "refused": row["n"]} for row in by_agency],
    }


def time_to_counsel(*, jurisdiction: Jurisdiction, conventions: Conventions) -> dict[str, Any]:
    """Arrests in the period: how many had legal counsel assigned, and the median time from arrest to the first
    assignment of counsel (CRC art. 40(2)(b)(ii); GC24 paras 49-53). Two queries."""
    first_counsel = Subquery(
        Assignment.objects.filter(case=OuterRef("pk"), role=AssignmentRole.LEGAL_COUNSEL)
        .order_by("assigned_at")
        .values("assigned_at")[:1]
    )
    arrests = Case.objects.filter(
        jurisdiction=jurisdiction,
        kind=CaseKind.ARREST,
        opened_at__gte=conventions.start_at,
        opened_at__lt=conventions.end_at,
    ).annotate(first_counsel=first_counsel)
    totals = arrests.aggregate(arrests=Count("pk"), with_counsel=Count("pk", filter=Q(first_counsel__isnull=False)))
    waited = arrests.filter(first_counsel__isnull=False).annotate(
        wait=ExpressionWrapper(F("first_counsel") - F("opened_at"), output_field=DurationField())
    )
    n = totals["with_counsel"]
    middle = list(waited.order_by("wait", "pk").values_list("wait", flat=True)[max(n - 1, 0) // 2 : n // 2 + 1])
    t = conventions.threshold
    hidden = is_small(n, t) or is_small(totals["arrests"] - n, t)
    median = sum(middle, timedelta()) / len(middle) if middle else None
    return {
        "arrests": None if is_small(totals["arrests"], t) else totals["arrests"],
        "with_counsel": None if hidden else n,
        "median_hours": None if is_small(n, t) or median is None else round(median.total_seconds() / 3600, 2),
        "suppressed": hidden,
    }


# ---------------------------------------------------------------------------------------------------------------
# Relative rate index


@dataclass(frozen=True)
class DecisionPoint:
    code: str
    label: str
    base: str  # the decision point whose count is the denominator ("population" for arrests)


DECISION_POINTS = (
    DecisionPoint("arrest", "Arrested (per 1,000 children)", "population"),
    DecisionPoint("diversion", "Entered diversion (per 100 arrested)", "arrest"),
    DecisionPoint("pretrial_detention", "Pretrial detention ordered (per 100 arrested)", "arrest"),
    DecisionPoint("charge", "Formally charged (per 100 arrested)", "arrest"),
    DecisionPoint("sentenced", "Sentenced", ""),
    DecisionPoint("custodial_sentence", "Custodial sentence (per 100 sentenced)", "sentenced"),
)


def _point_queryset(code: str, jurisdiction: Jurisdiction, c: Conventions) -> tuple[QuerySet[Any], Paths]:
    case_paths = Paths(child="child", case="")
    cases = Case.objects.filter(jurisdiction=jurisdiction)
    if code == "arrest":
        return cases.filter(kind=CaseKind.ARREST, opened_at__gte=c.start_at, opened_at__lt=c.end_at), case_paths
    if code == "diversion":
        entered = DiversionReferral.objects.filter(
            case=OuterRef("pk"), activated_at__gte=c.start_at, activated_at__lt=c.end_at
        )
        return cases.filter(Exists(entered)), case_paths
    if code == "pretrial_detention":
        ordered = DetentionOrder.objects.filter(
            episode__case=OuterRef("pk"),
            kind="pretrial_detention",
            ordered_at__gte=c.start_at,
            ordered_at__lt=c.end_at,
        )
        return cases.filter(Exists(ordered)), case_paths
    if code == "charge":
        charged = CaseEvent.objects.filter(
            case=OuterRef("pk"), kind="case.charged", occurred_at__gte=c.start_at, occurred_at__lt=c.end_at
        )
        return cases.filter(Exists(charged)), case_paths
    sentences = Sentence.objects.filter(case=OuterRef("pk"), imposed_at__gte=c.start_at, imposed_at__lt=c.end_at)
    if code == "custodial_sentence":
        sentences = sentences.filter(sentence_type__in=CUSTODIAL_SENTENCES)
    return cases.filter(Exists(sentences)), case_paths


def relative_rate_index(
    *, jurisdiction: Jurisdiction, conventions: Conventions, by: str, reference: str | None = None
) -> dict[str, Any]:
    """For each decision point and each group: children at that point, the rate against the previous point's
    children of the same group (or the population, for arrests), and the ratio of that rate to the reference
    group's (default: the group with the most children arrested). A ratio above 1 means the group is more likely
    than the reference group to reach that point. Groups of 1 to threshold children are suppressed."""
    counts: dict[str, dict[str, int]] = {}
    for point in DECISION_POINTS:
        qs, paths = _point_queryset(point.code, jurisdiction, conventions)
        rows = (
            group_queryset(qs, paths, by, conventions.period_end)
            .values("group")
            .annotate(n=Count("child", distinct=True))
        )
        counts[point.code] = {str(row["group"]): row["n"] for row in rows}
    population = population_by(jurisdiction, conventions.year, by)
    groups = sorted(set().union(*(set(v) for v in counts.values())) | set(population))
    arrests = counts["arrest"]
    if reference is None and groups:
        reference = max(groups, key=lambda g: (arrests.get(g, 0), g))
    t = conventions.threshold

    def rate(point: DecisionPoint, group: str) -> float | None:
        n = counts[point.code].get(group, 0)
        if point.base == "population":
            base, per = population.get(group), 1_000
        elif point.base:
            base, per = counts[point.base].get(group, 0), 100
        else:
            return None
        if is_small(n, t) or (point.base != "population" and is_small(base, t)) or not base:
            return None
        return round(n * per / base, 3)

    points_out = []
    for point in DECISION_POINTS:
        if not point.base:
            continue
        ref_rate = rate(point, reference) if reference else None
        rows_out = []
        for group in groups:
            n = counts[point.code].get(group, 0)
            group_rate = rate(point, group)
            rows_out.append(
                {
                    "group": group,
                    "count": None if is_small(n, t) else n,
                    "rate": group_rate,
                    "index": round(group_rate / ref_rate, 2) if group_rate is not None and ref_rate else None,
                    "suppressed": is_small(n, t),
                }
            )
        points_out.append({"point": point.code, "label": point.label, "groups": rows_out})
    return {"by": by, "reference": reference, "points": points_out}


# ---------------------------------------------------------------------------------------------------------------
# Occupancy


def _points(conventions: Conventions, step: str) -> list[date]:
    """The census days of the series: the last day of each month (or each day, or every 7th day) of the period."""
    days: list[date] = []
    if step == "day":
        day = conventions.period_start
        while day <= conventions.period_end:
            days.append(day)
            day += timedelta(days=1)
    elif step == "week":
        day = conventions.period_start + timedelta(days=6)
        while day <= conventions.period_end:
            days.append(day)
            day += timedelta(days=7)
    else:
        year, month = conventions.period_start.year, conventions.period_start.month
        while True:
            nxt = date(year + month // 12, month % 12 + 1, 1)
            last = nxt - timedelta(days=1)
            if last > conventions.period_end:
                break
            days.append(last)
            year, month = nxt.year, nxt.month
        if not days or days[-1] != conventions.period_end:
            days.append(conventions.period_end)
    return days


MAX_POINTS = 400


def occupancy(*, jurisdiction: Jurisdiction, conventions: Conventions, step: str = "month") -> dict[str, Any]:
    """Children held in each place of detention at the end of each census day of the series, against capacity.
    One query whatever the number of facilities. Places of detention are public bodies: not suppressed."""
    days = _points(conventions, step)[:MAX_POINTS]
    aggregates = {}
    for i, day in enumerate(days):
        moment = conventions._midnight(day + timedelta(days=1))
        held = Q(placements__started_at__lt=moment) & (
            Q(placements__ended_at__isnull=True) | Q(placements__ended_at__gte=moment)
        )
        aggregates[f"p{i}"] = Count("placements__episode", distinct=True, filter=held)
    rows = (
        Facility.objects.filter(jurisdiction=jurisdiction)
        .annotate(**aggregates)
        .order_by("name")
        .values("pk", "name", "kind", "capacity", *aggregates)
    )
    facilities = []
    for row in rows:
        series = [
            {
                "date": day.isoformat(),
                "held": row[f"p{i}"],
                "occupancy": _pct(row[f"p{i}"], row["capacity"]),
            }
            for i, day in enumerate(days)
        ]
        facilities.append(
            {
                "facility": row["name"],
                "kind": row["kind"],
                "capacity": row["capacity"],
                "series": series,
                "over_capacity": any(p["held"] > row["capacity"] for p in series),
            }
        )
    return {"step": step, "dates": [d.isoformat() for d in days], "facilities": facilities}
