"""The counting conventions the UNODC/UNICEF Manual leaves open, as explicit parameters with documented defaults
(RULES.md section 8). Every result carries the conventions it was computed under."""

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from jj.oversight.suppression import DEFAULT_THRESHOLD

Unit = Literal["child", "event"]
DeathsDenominator = Literal["detained_in_period", "census_stock"]
DurationCohort = Literal["ended", "started"]

DEFAULTS: dict[str, Any] = {
    "census_date": "last day of the period",
    "arrest_unit": "child",
    "sentence_unit": "child",
    "diversion_unit": "child",
    "deaths_denominator": "detained_in_period",
    "duration_cohort": "ended",
    "population_year": "year of the census date",
    "contact_window_months": 3,
    "inspection_window_months": 12,
    "threshold": DEFAULT_THRESHOLD,
}

# The last four only where the child or guardian consented to their use (A/RES/79/172 para 17).
DIMENSIONS = (
    "sex",
    "age_group",
    "jurisdiction",
    "agency",
    "facility",
    "minority_status",
    "nationality",
    "migration_status",
    "disability",
)
CONSENTED_DIMENSIONS = ("minority_status", "nationality", "migration_status", "disability")


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the last day of a shorter month when it has no such day)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 exists in every month


def years_before(day: date, years: int) -> date:
    """The date `years` years earlier; 29 February falls back to 28 February (a birthday is reached then)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class Conventions:
    period_start: date
    period_end: date  # inclusive
    timezone: str = "UTC"
    census_date: date | None = None
    arrest_unit: Unit = "child"
    sentence_unit: Unit = "child"
    diversion_unit: Unit = "child"
    deaths_denominator: DeathsDenominator = "detained_in_period"
    duration_cohort: DurationCohort = "ended"
    population_year: int | None = None
    contact_window_months: int = 3
    inspection_window_months: int = 12
    threshold: int = DEFAULT_THRESHOLD

    @property
    def census(self) -> date:
        return self.census_date or self.period_end

    @property
    def year(self) -> int:
        return self.population_year or self.census.year

    def _midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=ZoneInfo(self.timezone)).astimezone(UTC)

    @property
    def start_at(self) -> datetime:
        """The first moment of the period (midnight in the jurisdiction's zone)."""
        return self._midnight(self.period_start)

    @property
    def end_at(self) -> datetime:
        """The first moment after the period (exclusive)."""
        return self._midnight(self.period_end + timedelta(days=1))

    @property
    def census_at(self) -> datetime:
        """The end of the census day: held means started before this moment and not ended before it."""
        return self._midnight(self.census + timedelta(days=1))

    def as_dict(self, *names: str) -> dict[str, Any]:
        """The conventions an indicator used, each with its value and its documented default."""
        values = asdict(self)
        out: dict[str, Any] = {
            "period_start": {"value": self.period_start.isoformat()},
            "period_end": {"value": self.period_end.isoformat()},
        }
        for name in names:
            if name == "census_date":
                out[name] = {"value": self.census.isoformat(), "default": DEFAULTS[name]}
            elif name == "population_year":
                out[name] = {"value": self.year, "default": DEFAULTS[name]}
            else:
                out[name] = {"value": values[name], "default": DEFAULTS[name]}
        return out
