"""The 15 UNODC/UNICEF juvenile justice indicators (Manual for the Measurement of Juvenile Justice Indicators,
2006), computed in the database: each is one or two aggregate queries, whatever the number of children.

Every indicator returns its numerator, denominator, value, the conventions it used (with their defaults), its
definition, and suppression flags; a disaggregation adds one row per group. Outputs are counts only: no name,
date of birth or address of any child can appear in them."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import (
    Avg,
    BooleanField,
    CharField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models import Case as SqlCase  # SQL CASE, not a court case
from django.db.models.functions import Coalesce, Lower

from jj.accounts.models import Jurisdiction
from jj.cases.models import Case, CaseKind, Sentence, SentenceType
from jj.custody.models import (
    ContactLog,
    CustodyEpisode,
    EpisodeEndReason,
    Facility,
    Inspection,
    LegalStatus,
    LegalStatusChange,
    Placement,
    Release,
)
from jj.diversion.models import DiversionReferral
from jj.oversight.conventions import DIMENSIONS, Conventions, months_before, years_before
from jj.oversight.models import AgeGroup, ChildPopulation, JurisdictionProfile
from jj.oversight.suppression import is_small, suppress_table
from jj.rules.text import t

CUSTODIAL_SENTENCES = (
    SentenceType.CUSTODY,
    SentenceType.INDETERMINATE,
    SentenceType.LIFE_WITH_PAROLE,
    SentenceType.LIFE_WITHOUT_PAROLE,
)
# Who counts as "parents, guardian or an adult family member" for indicator 8 (relationship as recorded, any case).
FAMILY_RELATIONSHIPS = (
    "mother",
    "father",
    "parent",
    "parents",
    "legal_guardian",
    "guardian",
    "relative",
    "grandmother",
    "grandfather",
    "grandparent",
    "sister",
    "brother",
    "sibling",
    "aunt",
    "uncle",
    "stepmother",
    "stepfather",
    "family",
)
AFTERCARE_SERVICES = (
    "education",
    "vocational_training",
    "health",
    "mental_health",
    "substance_use",
    "family_support",
)
DURATION_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("under_1_day", 0, 1),
    ("1_7_days", 1, 8),
    ("8_30_days", 8, 31),
    ("31_90_days", 31, 91),
    ("91_180_days", 91, 181),
    ("over_180_days", 181, None),
)
NOT_RECORDED = "not_recorded"


class UnsupportedDimension(ValueError):
    """The indicator cannot be split that way (e.g. arrests by facility)."""


@dataclass(frozen=True)
class Definition:
    number: int
    code: str
    name: str
    definition: str
    kind: str  # rate | percent | duration | policy
    core: bool
    unit: str
    numerator: str
    denominator: str
    conventions: tuple[str, ...]


DEFINITIONS: dict[int, Definition] = {
    d.number: d
    for d in (
        Definition(
            1,
            "children_in_conflict_with_the_law",
            "Children in conflict with the law",
            "Number of children arrested during a 12 month period per 100,000 child population.",
            "rate",
            False,
            "per 100,000 children",
            "Children arrested in the period (or arrests, by the arrest_unit convention).",
            "Child population (under 18) of the jurisdiction in the population year.",
            ("arrest_unit", "population_year"),
        ),
        Definition(
            2,
            "children_in_detention",
            "Children in detention",
            "Number of children in detention per 100,000 child population.",
            "rate",
            True,
            "per 100,000 children",
            "Children deprived of liberty at the end of the census date (any place of detention).",
            "Child population (under 18) of the jurisdiction in the population year.",
            ("census_date", "population_year"),
        ),
        Definition(
            3,
            "children_in_pre_sentence_detention",
            "Children in pre-sentence detention",
            "Number of children in pre-sentence detention per 100,000 child population.",
            "rate",
            True,
            "per 100,000 children",
            "Children held at the end of the census date whose legal status then was pre-sentence.",
            "Child population (under 18) of the jurisdiction in the population year.",
            ("census_date", "population_year"),
        ),
        Definition(
            4,
            "duration_of_pre_sentence_detention",
            "Duration of pre-sentence detention",
            "Time spent in detention by children before sentencing.",
            "duration",
            False,
            "days (median)",
            "Pre-sentence periods of the cohort (from the start of detention to sentencing or release).",
            "",
            ("duration_cohort",),
        ),
        Definition(
            5,
            "duration_of_sentenced_detention",
            "Duration of sentenced detention",
            "Time spent in detention by children after sentencing.",
            "duration",
            False,
            "days (median)",
            "Sentenced periods of the cohort (from the sentence's legal status to release or death).",
            "",
            ("duration_cohort",),
        ),
        Definition(
            6,
            "child_deaths_in_detention",
            "Child deaths in detention",
            "Number of child deaths in detention during a 12 month period, per 1,000 children detained.",
            "rate",
            False,
            "per 1,000 children detained",
            "Children whose custody episode ended by death in the period.",
            "Children detained at any time in the period (or held on the census date, by the deaths_denominator "
            "convention).",
            ("deaths_denominator", "census_date"),
        ),
        Definition(
            7,
            "separation_from_adults",
            "Separation from adults",
            "Percentage of children in detention not wholly separated from adults.",
            "percent",
            False,
            "%",
            "Children held at the end of the census date in a facility not wholly separating children from adults.",
            "Children held at the end of the census date.",
            ("census_date",),
        ),
        Definition(
            8,
            "contact_with_parents_and_family",
            "Contact with parents and family",
            "Percentage of children in detention who have been visited by, or visited, parents, guardian or an adult "
            "family member in the last three months.",
            "percent",
            False,
            "%",
            "Children held at the end of the census date with at least one family visit in the contact window.",
            "Children held at the end of the census date.",
            ("census_date", "contact_window_months"),
        ),
        Definition(
            9,
            "custodial_sentencing",
            "Custodial sentencing",
            "Percentage of children sentenced receiving a custodial sentence.",
            "percent",
            True,
            "%",
            "Children sentenced in the period to a custodial sentence (or custodial sentences, by sentence_unit).",
            "Children sentenced in the period (or sentences).",
            ("sentence_unit",),
        ),
        Definition(
            10,
            "pre_sentence_diversion",
            "Pre-sentence diversion",
            "Percentage of children diverted or sentenced who enter a pre-sentence diversion scheme.",
            "percent",
            True,
            "%",
            "Children who entered a diversion programme in the period (or cases, by diversion_unit).",
            "Children who entered a diversion programme or were sentenced in the period.",
            ("diversion_unit",),
        ),
        Definition(
            11,
            "aftercare",
            "Aftercare",
            "Percentage of children released from detention receiving aftercare.",
            "percent",
            False,
            "%",
            "Children released in the period with at least one aftercare service in their release plan.",
            "Children released from detention in the period.",
            (),
        ),
        Definition(
            12,
            "regular_independent_inspections",
            "Regular independent inspections",
            "Existence of a system of regular independent inspection of places of detention; percentage of places "
            "of detention that received an independent inspection visit in the last 12 months.",
            "policy",
            False,
            "%",
            "Places of detention with an independent inspection in the inspection window up to the census date.",
            "Places of detention of the jurisdiction.",
            ("census_date", "inspection_window_months"),
        ),
        Definition(
            13,
            "complaints_mechanism",
            "Complaints mechanism",
            "Existence of a complaints system for children in detention; percentage of places of detention "
            "operating one.",
            "policy",
            False,
            "%",
            "Places of detention recorded as operating a complaints mechanism.",
            "Places of detention of the jurisdiction.",
            (),
        ),
        Definition(
            14,
            "specialised_juvenile_justice_system",
            "Specialised juvenile justice system",
            "Existence of a specialised juvenile justice system (laws, courts, procedures, professionals).",
            "policy",
            False,
            "yes/no",
            "",
            "",
            (),
        ),
        Definition(
            15,
            "prevention",
            "Prevention",
            "Existence of a national plan for the prevention of child involvement in crime.",
            "policy",
            False,
            "yes/no",
            "",
            "",
            (),
        ),
    )
}


# ---------------------------------------------------------------------------------------------------------------
# Building blocks


def _held_at(moment: Any) -> Q:
    return Q(started_at__lt=moment) & (Q(ended_at__isnull=True) | Q(ended_at__gte=moment))


def _age_group(dob_expr: Any, reference: Any) -> SqlCase:
    """The age group on the reference date, from the documented date of birth or, when the date is an
    estimate, the latest plausible one (the youngest age: a child is not made older than the evidence shows)."""
    return SqlCase(
        When(**{f"{dob_expr}__isnull": True}, then=Value(NOT_RECORDED)),
        When(**{f"{dob_expr}__gt": years_before(reference, 10)}, then=Value(AgeGroup.UNDER_10.value)),
        When(**{f"{dob_expr}__gt": years_before(reference, 14)}, then=Value(AgeGroup.AGE_10_13.value)),
        When(**{f"{dob_expr}__gt": years_before(reference, 16)}, then=Value(AgeGroup.AGE_14_15.value)),
        When(**{f"{dob_expr}__gt": years_before(reference, 18)}, then=Value(AgeGroup.AGE_16_17.value)),
        default=Value("18_plus"),
        output_field=CharField(),
    )


@dataclass(frozen=True)
class Paths:
    """Where the child, the case and (for stocks) the facility are from the queryset's model."""

    child: str
    case: str
    facility: str | None = None

    def join(self, prefix: str, name: str) -> str:
        return f"{prefix}__{name}" if prefix else name


def group_queryset(qs: QuerySet[Any], paths: Paths, by: str, reference: Any) -> QuerySet[Any]:
    child, case = paths.child, paths.case
    if by == "sex":
        return qs.annotate(group=F(f"{child}__sex"))
    if by == "age_group":
        qs = qs.annotate(_dob=Coalesce(f"{child}__date_of_birth", f"{child}__dob_latest"))
        return qs.annotate(group=_age_group("_dob", reference))
    if by == "jurisdiction":
        return qs.annotate(group=F(paths.join(case, "jurisdiction__code")))
    if by == "agency":
        return qs.annotate(group=F(paths.join(case, "agency__name")))
    if by == "facility":
        if paths.facility is None:
            raise UnsupportedDimension(by)
        return qs.annotate(group=Coalesce(F(paths.facility), Value(NOT_RECORDED)))
    if by in _CONSENTED_VALUE:
        # Only where recorded with the consent of the child or guardian to its use (para 17); otherwise "not
        # recorded", so a child who did not consent is never placed in a group.
        field, consent = _CONSENTED_VALUE[by]
        return qs.annotate(
            group=SqlCase(
                When(
                    Q(**{f"{child}__{consent}": True}) & ~Q(**{f"{child}__{field}": ""}),
                    then=F(f"{child}__{field}"),
                ),
                default=Value(NOT_RECORDED),
                output_field=CharField(),
            )
        )
    if by == "disability":
        # Counted as recorded or not, never by its description (a health detail).
        return qs.annotate(
            group=SqlCase(
                When(Q(**{f"{child}__disability_consent": False}), then=Value(NOT_RECORDED)),
                When(Q(**{f"{child}__disability": ""}), then=Value(NO_DISABILITY)),
                default=Value(WITH_DISABILITY),
                output_field=CharField(),
            )
        )
    raise UnsupportedDimension(by)


_CONSENTED_VALUE = {
    "minority_status": ("minority_status", "minority_status_consent"),
    "nationality": ("nationality", "migration_status_consent"),
    "migration_status": ("migration_status", "migration_status_consent"),
}
WITH_DISABILITY = "disability"
NO_DISABILITY = "no_disability"


def _population(jurisdiction: Jurisdiction, year: int) -> QuerySet[ChildPopulation]:
    return ChildPopulation.objects.filter(jurisdiction=jurisdiction, year=year)


def _population_total(jurisdiction: Jurisdiction, year: int) -> int | None:
    return _population(jurisdiction, year).aggregate(n=Sum("count"))["n"]


def population_by(jurisdiction: Jurisdiction, year: int, by: str) -> dict[str, int]:
    if by not in ("sex", "age_group", "jurisdiction"):
        return {}
    if by == "jurisdiction":
        total = _population_total(jurisdiction, year)
        return {jurisdiction.code: total} if total is not None else {}
    rows = _population(jurisdiction, year).values(by).annotate(n=Sum("count")).order_by(by)
    return {row[by]: row["n"] for row in rows}


def _ratio(numerator: int | None, denominator: int | None, multiplier: int) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator * multiplier / denominator, 2)


def _flags(numerator: bool = False, denominator: bool = False, value: bool = False) -> dict[str, bool]:
    return {"numerator": numerator, "denominator": denominator, "value": value}


def _result(definition: Definition, conventions: Conventions, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "number": definition.number,
        "code": definition.code,
        "name": definition.name,
        "definition": definition.definition,
        "kind": definition.kind,
        "core": definition.core,
        "unit": definition.unit,
        "numerator_definition": definition.numerator,
        "denominator_definition": definition.denominator,
        "parameters": conventions.as_dict(*definition.conventions, "threshold"),
        "numerator": None,
        "denominator": None,
        "value": None,
        "suppressed": _flags(),
        "notes": [],
        "groups": None,
        "extra": {},
    }
    base.update(fields)
    return base


# ---------------------------------------------------------------------------------------------------------------
# Counted indicators: a numerator and a denominator counted over one queryset (or a population)


@dataclass(frozen=True)
class Counted:
    queryset: QuerySet[Any]
    paths: Paths
    counted: str  # the field counted distinct: the child, or the event's own pk
    numerator: Q
    denominator: Q | None  # None: the child population is the denominator
    multiplier: int
    reference: Any  # the date ages are taken on


def _count_total(spec: Counted) -> tuple[int, int | None]:
    aggregates: dict[str, Any] = {"num": Count(spec.counted, distinct=True, filter=spec.numerator)}
    if spec.denominator is not None:
        aggregates["den"] = Count(spec.counted, distinct=True, filter=spec.denominator)
    row = spec.queryset.aggregate(**aggregates)
    return row["num"], row.get("den")


def _count_groups(spec: Counted, by: str) -> dict[str, tuple[int, int | None]]:
    qs = group_queryset(spec.queryset, spec.paths, by, spec.reference)
    aggregates: dict[str, Any] = {"num": Count(spec.counted, distinct=True, filter=spec.numerator)}
    if spec.denominator is not None:
        aggregates["den"] = Count(spec.counted, distinct=True, filter=spec.denominator)
    rows = qs.values("group").annotate(**aggregates).order_by("group")
    return {str(row["group"]): (row["num"], row.get("den")) for row in rows}


def _counted_result(
    definition: Definition,
    conventions: Conventions,
    spec: Counted,
    jurisdiction: Jurisdiction,
    by: str | None,
) -> dict[str, Any]:
    threshold = conventions.threshold
    numerator, denominator = _count_total(spec)
    notes: list[str] = []
    population = spec.denominator is None
    if population:
        denominator = _population_total(jurisdiction, conventions.year)
        if denominator is None:
            notes.append(
                t("No child population recorded for {year}: the rate cannot be computed.", year=str(conventions.year))
            )
    complement = None if population or denominator is None else denominator - numerator

    groups_out: list[dict[str, Any]] | None = None
    if by is None:
        num_hidden = is_small(numerator, threshold) or (complement is not None and is_small(complement, threshold))
        den_hidden = not population and is_small(denominator, threshold)
        flags = _flags(num_hidden, den_hidden, num_hidden or den_hidden)
    else:
        groups = _count_groups(spec, by)
        pop = population_by(jurisdiction, conventions.year, by) if population else {}
        keys = sorted(set(groups) | set(pop))
        if population:
            table = [[groups.get(k, (0, None))[0]] for k in keys]
            masks = suppress_table(table, threshold=threshold, column_totals=[numerator], grand_total=numerator)
            flags = _flags(masks.grand_total, False, masks.grand_total)
            groups_out = []
            for i, key in enumerate(keys):
                hidden = masks.cells[i][0]
                group_num = table[i][0]
                groups_out.append(
                    {
                        "group": key,
                        "numerator": None if hidden else group_num,
                        "denominator": pop.get(key),
                        "value": None if hidden else _ratio(group_num, pop.get(key), spec.multiplier),
                        "suppressed": _flags(hidden, False, hidden),
                    }
                )
        else:
            nums = [groups.get(k, (0, 0))[0] for k in keys]
            dens = [groups.get(k, (0, 0))[1] or 0 for k in keys]
            table = [[n, d - n] for n, d in zip(nums, dens, strict=True)]
            masks = suppress_table(
                table,
                threshold=threshold,
                row_totals=dens,
                column_totals=[numerator, complement or 0],
                grand_total=denominator,
            )
            num_hidden = masks.column_totals[0] or masks.column_totals[1]
            flags = _flags(num_hidden, masks.grand_total, num_hidden or masks.grand_total)
            groups_out = []
            for i, key in enumerate(keys):
                n_hidden = masks.cells[i][0] or masks.cells[i][1]
                d_hidden = masks.row_totals[i]
                groups_out.append(
                    {
                        "group": key,
                        "numerator": None if n_hidden else nums[i],
                        "denominator": None if d_hidden else dens[i],
                        "value": None if n_hidden or d_hidden else _ratio(nums[i], dens[i], spec.multiplier),
                        "suppressed": _flags(n_hidden, d_hidden, n_hidden or d_hidden),
                    }
                )
    value = None if flags["value"] else _ratio(numerator, denominator, spec.multiplier)
    return _result(
        definition,
        conventions,
        numerator=None if flags["numerator"] else numerator,
        denominator=None if flags["denominator"] else denominator,
        value=value,
        suppressed=flags,
        notes=notes,
        groups=groups_out,
    )


def _episodes(jurisdiction: Jurisdiction) -> QuerySet[CustodyEpisode]:
    return CustodyEpisode.objects.filter(case__jurisdiction=jurisdiction)


def _census_facility(conventions: Conventions) -> Subquery:
    """The name of the facility where the episode's child was at the end of the census date."""
    moment = conventions.census_at
    return Subquery(
        Placement.objects.filter(episode=OuterRef("pk"))
        .filter(_held_at(moment))
        .order_by("-started_at", "-id")
        .values("facility__name")[:1]
    )


def _held(jurisdiction: Jurisdiction, conventions: Conventions) -> QuerySet[CustodyEpisode]:
    return (
        _episodes(jurisdiction)
        .filter(_held_at(conventions.census_at))
        .annotate(census_facility=_census_facility(conventions))
    )


STOCK_PATHS = Paths(child="child", case="case", facility="census_facility")


def _spec(number: int, jurisdiction: Jurisdiction, c: Conventions) -> Counted:
    if number == 1:
        arrests = Case.objects.filter(
            jurisdiction=jurisdiction, kind=CaseKind.ARREST, opened_at__gte=c.start_at, opened_at__lt=c.end_at
        )
        counted = "child" if c.arrest_unit == "child" else "pk"
        return Counted(arrests, Paths(child="child", case=""), counted, Q(), None, 100_000, c.period_end)
    if number == 2:
        return Counted(_held(jurisdiction, c), STOCK_PATHS, "child", Q(), None, 100_000, c.census)
    if number == 3:
        status_then = Subquery(
            LegalStatusChange.objects.filter(episode=OuterRef("pk"), at__lt=c.census_at)
            .order_by("-at", "-id")
            .values("status")[:1]
        )
        with_status: QuerySet[Any] = _held(jurisdiction, c).annotate(
            status_then=Coalesce(status_then, F("legal_status"))
        )
        return Counted(
            with_status, STOCK_PATHS, "child", Q(status_then=LegalStatus.PRE_SENTENCE), None, 100_000, c.census
        )
    if number == 6:
        died = Q(end_reason=EpisodeEndReason.DEATH, ended_at__gte=c.start_at, ended_at__lt=c.end_at)
        if c.deaths_denominator == "census_stock":
            denominator = _held_at(c.census_at)
        else:
            denominator = Q(started_at__lt=c.end_at) & (Q(ended_at__isnull=True) | Q(ended_at__gte=c.start_at))
        episodes = _episodes(jurisdiction).filter(died | denominator)
        return Counted(episodes, Paths(child="child", case="case"), "child", died, denominator, 1_000, c.period_end)
    if number == 7:
        separated = Subquery(
            Placement.objects.filter(episode=OuterRef("pk"))
            .filter(_held_at(c.census_at))
            .order_by("-started_at", "-id")
            .values("facility__children_wholly_separated")[:1],
            output_field=BooleanField(),
        )
        with_separation: QuerySet[Any] = _held(jurisdiction, c).annotate(separated=separated)
        return Counted(with_separation, STOCK_PATHS, "child", Q(separated=False), Q(), 100, c.census)
    if number == 8:
        window_start = c._midnight(months_before(c.census, c.contact_window_months) + timedelta(days=1))
        visits = ContactLog.objects.annotate(rel=Lower("relationship")).filter(
            episode__child=OuterRef("child"),
            kind="visit",
            at__gte=window_start,
            at__lt=c.census_at,
            rel__in=FAMILY_RELATIONSHIPS,
        )
        with_visits: QuerySet[Any] = _held(jurisdiction, c).annotate(visited=Exists(visits))
        return Counted(with_visits, STOCK_PATHS, "child", Q(visited=True), Q(), 100, c.census)
    if number == 9:
        sentences = Sentence.objects.filter(
            case__jurisdiction=jurisdiction, imposed_at__gte=c.start_at, imposed_at__lt=c.end_at
        )
        counted = "case__child" if c.sentence_unit == "child" else "pk"
        return Counted(
            sentences,
            Paths(child="case__child", case="case"),
            counted,
            Q(sentence_type__in=CUSTODIAL_SENTENCES),
            Q(),
            100,
            c.period_end,
        )
    if number == 10:
        entered = DiversionReferral.objects.filter(
            case=OuterRef("pk"), activated_at__gte=c.start_at, activated_at__lt=c.end_at
        )
        sentenced = Sentence.objects.filter(case=OuterRef("pk"), imposed_at__gte=c.start_at, imposed_at__lt=c.end_at)
        # Driven from the period's referrals and sentences (their case ids), not by probing every case of the
        # jurisdiction: at a million children the OR of two EXISTS scanned all 1.5 million cases (1.1 s).
        in_period = (
            DiversionReferral.objects.filter(activated_at__gte=c.start_at, activated_at__lt=c.end_at)
            .values("case_id")
            .union(Sentence.objects.filter(imposed_at__gte=c.start_at, imposed_at__lt=c.end_at).values("case_id"))
        )
        cases = Case.objects.filter(jurisdiction=jurisdiction, pk__in=in_period).annotate(
            diverted=Exists(entered), sentenced=Exists(sentenced)
        )
        counted = "child" if c.diversion_unit == "child" else "pk"
        return Counted(cases, Paths(child="child", case=""), counted, Q(diverted=True), Q(), 100, c.period_end)
    if number == 11:
        releases = Release.objects.filter(episode__case__jurisdiction=jurisdiction, at__gte=c.start_at, at__lt=c.end_at)
        with_aftercare = Q()
        for service in AFTERCARE_SERVICES:
            with_aftercare |= Q(**{f"aftercare__{service}": True})
        return Counted(
            releases,
            Paths(child="episode__child", case="episode__case"),
            "episode__child",
            with_aftercare,
            Q(),
            100,
            c.period_end,
        )
    raise ValueError(number)


# ---------------------------------------------------------------------------------------------------------------
# Durations (4, 5)


def _durations(number: int, jurisdiction: Jurisdiction, c: Conventions) -> tuple[QuerySet[Any], QuerySet[Any]]:
    """(completed periods of the cohort with a `duration`, periods of the cohort still running)."""
    sentenced_at = Subquery(
        LegalStatusChange.objects.filter(episode=OuterRef("pk"), status=LegalStatus.SENTENCED)
        .order_by("at", "id")
        .values("at")[:1]
    )
    episodes = _episodes(jurisdiction).annotate(sentenced_at=sentenced_at)
    if number == 4:
        # Pre-sentence: from the start of detention to sentencing, or to the end of the episode without one.
        # Episodes that began as sentenced (sentenced at or before the start) have no pre-sentence period.
        episodes = episodes.filter(Q(sentenced_at__isnull=True) | Q(sentenced_at__gt=F("started_at"))).annotate(
            period_start=F("started_at"), period_end=Coalesce("sentenced_at", "ended_at")
        )
    else:
        episodes = episodes.filter(sentenced_at__isnull=False).annotate(
            period_start=F("sentenced_at"), period_end=F("ended_at")
        )
    episodes = episodes.annotate(
        duration=ExpressionWrapper(F("period_end") - F("period_start"), output_field=DurationField())
    )
    if c.duration_cohort == "ended":
        done = episodes.filter(period_end__gte=c.start_at, period_end__lt=c.end_at)
        running = episodes.none()
    else:
        cohort = episodes.filter(period_start__gte=c.start_at, period_start__lt=c.end_at)
        done = cohort.filter(period_end__isnull=False)
        running = cohort.filter(period_end__isnull=True)
    return done, running


def _days(value: timedelta | None) -> float | None:
    return None if value is None else round(value.total_seconds() / 86_400, 2)


def _duration_result(
    definition: Definition, conventions: Conventions, jurisdiction: Jurisdiction, by: str | None
) -> dict[str, Any]:
    threshold = conventions.threshold
    done, running = _durations(definition.number, jurisdiction, conventions)
    aggregates: dict[str, Any] = {"n": Count("pk"), "mean": Avg("duration")}
    for band, low, high in DURATION_BANDS:
        condition = Q(duration__gte=timedelta(days=low))
        if high is not None:
            condition &= Q(duration__lt=timedelta(days=high))
        aggregates[band] = Count("pk", filter=condition)
    totals = done.aggregate(**aggregates)
    n = totals["n"]
    # The middle one or two periods (always one query, so the number of queries never depends on the data).
    middle = list(done.order_by("duration", "pk").values_list("duration", flat=True)[max(n - 1, 0) // 2 : n // 2 + 1])
    median = sum(middle, timedelta()) / len(middle) if middle else None
    bands = [totals[band] for band, _, _ in DURATION_BANDS]
    band_masks = suppress_table([[b] for b in bands], threshold=threshold, column_totals=[n], grand_total=n)
    hidden = is_small(n, threshold)
    extra = {
        "median_days": None if hidden else _days(median),
        "mean_days": None if hidden else _days(totals["mean"]),
        "bands": [
            {"band": band, "count": None if band_masks.cells[i][0] else bands[i], "suppressed": band_masks.cells[i][0]}
            for i, (band, _, _) in enumerate(DURATION_BANDS)
        ],
        "still_running": running.count() if conventions.duration_cohort == "started" else None,
    }
    groups_out = None
    if by is not None:
        paths = Paths(child="child", case="case")
        if by == "facility":
            raise UnsupportedDimension(by)
        reference = conventions.period_end
        rows = (
            group_queryset(done, paths, by, reference)
            .values("group")
            .annotate(n=Count("pk"), mean=Avg("duration"))
            .order_by("group")
        )
        rows_list = list(rows)
        masks = suppress_table([[row["n"]] for row in rows_list], threshold=threshold, column_totals=[n], grand_total=n)
        groups_out = [
            {
                "group": str(row["group"]),
                "numerator": None if masks.cells[i][0] else row["n"],
                "denominator": None,
                "value": None if masks.cells[i][0] else _days(row["mean"]),
                "suppressed": _flags(masks.cells[i][0], False, masks.cells[i][0]),
            }
            for i, row in enumerate(rows_list)
        ]
    return _result(
        definition,
        conventions,
        numerator=None if hidden else n,
        value=None if hidden else _days(median),
        suppressed=_flags(hidden, False, hidden),
        groups=groups_out,
        extra=extra,
        notes=[t("The value is the median; groups show the mean (days).")] if by else [],
    )


# ---------------------------------------------------------------------------------------------------------------
# Policy indicators (12-15): facts about places of detention and the jurisdiction, never suppressed


def _facility_result(
    definition: Definition, conventions: Conventions, jurisdiction: Jurisdiction, condition: Q
) -> dict[str, Any]:
    row = Facility.objects.filter(jurisdiction=jurisdiction).aggregate(
        num=Count("pk", filter=condition), den=Count("pk")
    )
    numerator, denominator = row["num"], row["den"]
    return _result(
        definition,
        conventions,
        numerator=numerator,
        denominator=denominator,
        value=_ratio(numerator, denominator, 100),
        extra={"exists": numerator > 0},
        notes=[t("Places of detention are not children: their counts are not suppressed.")],
    )


def _policy_result(
    number: int, definition: Definition, conventions: Conventions, jurisdiction: Jurisdiction
) -> dict[str, Any]:
    if number == 12:
        since = months_before(conventions.census, conventions.inspection_window_months)
        inspected = Exists(
            Inspection.objects.filter(facility=OuterRef("pk"), visited_on__gt=since, visited_on__lte=conventions.census)
        )
        return _facility_result(definition, conventions, jurisdiction, Q(inspected))
    if number == 13:
        return _facility_result(definition, conventions, jurisdiction, Q(has_complaints_mechanism=True))
    profile = JurisdictionProfile.objects.filter(jurisdiction=jurisdiction).first()
    answer = None
    reference = ""
    if profile is not None:
        answer = profile.specialised_system if number == 14 else profile.prevention_plan
        reference = profile.specialised_system_note if number == 14 else profile.prevention_plan_reference
    return _result(
        definition,
        conventions,
        value=answer,
        extra={"reference": reference},
        notes=[] if answer is not None else [t("Not recorded for this jurisdiction.")],
    )


# ---------------------------------------------------------------------------------------------------------------


def indicator_compute(
    *, number: int, jurisdiction: Jurisdiction, conventions: Conventions, by: str | None = None
) -> dict[str, Any]:
    """One indicator, optionally disaggregated `by` one of DIMENSIONS."""
    if by is not None and by not in DIMENSIONS:
        raise UnsupportedDimension(by)
    definition = DEFINITIONS[number]
    if definition.kind == "policy":
        if by is not None:
            raise UnsupportedDimension(by)
        return _policy_result(number, definition, conventions, jurisdiction)
    if definition.kind == "duration":
        return _duration_result(definition, conventions, jurisdiction, by)
    spec = _spec(number, jurisdiction, conventions)
    return _counted_result(definition, conventions, spec, jurisdiction, by)


def indicators_compute(
    *,
    jurisdiction: Jurisdiction,
    conventions: Conventions,
    by: str | None = None,
    numbers: Iterable[int] | None = None,
) -> list[dict[str, Any]]:
    """Every indicator (or the chosen ones). A dimension an indicator cannot be split by leaves its groups empty
    with a note, rather than failing the whole report."""
    out = []
    for number in numbers or DEFINITIONS:
        try:
            out.append(indicator_compute(number=number, jurisdiction=jurisdiction, conventions=conventions, by=by))
        except UnsupportedDimension:
            result = indicator_compute(number=number, jurisdiction=jurisdiction, conventions=conventions)
            result["notes"] = [*result["notes"], t("Not available by {dimension}.", dimension=by)]
            out.append(result)
    return out
