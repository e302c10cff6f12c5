"""Reads of the oversight app that are not statistics: population figures, the jurisdiction's profile, the
conventions a query asks for, and the caller's export jobs."""

from datetime import date
from typing import Any

from django.db.models import QuerySet

from jj.accounts.models import Jurisdiction, User
from jj.oversight.conventions import Conventions
from jj.oversight.models import ChildPopulation, ExportJob, JurisdictionProfile
from jj.oversight.suppression import DEFAULT_THRESHOLD

CONVENTION_FIELDS = (
    "census_date",
    "arrest_unit",
    "sentence_unit",
    "diversion_unit",
    "deaths_denominator",
    "duration_cohort",
    "population_year",
    "contact_window_months",
    "inspection_window_months",
)
DATE_FIELDS = ("period_start", "period_end", "census_date")


def jurisdiction_list_for_platform() -> QuerySet[Jurisdiction]:
    """Every jurisdiction of the installation with its policy facts (the platform operator's list: names and
    policy facts, no person's record)."""
    return Jurisdiction.objects.select_related("oversight_profile").order_by("name", "code")


def population_list(*, jurisdiction: Jurisdiction) -> QuerySet[ChildPopulation]:
    return ChildPopulation.objects.filter(jurisdiction=jurisdiction).order_by("-year", "sex", "age_group")


def jurisdiction_profile_get(*, jurisdiction: Jurisdiction) -> dict[str, Any]:
    """The profile as stored, or the unsaved default (version 0, everything unknown)."""
    profile = JurisdictionProfile.objects.filter(jurisdiction=jurisdiction).first()
    return {
        "jurisdiction": jurisdiction.code,
        "name": jurisdiction.name,
        "version": profile.version if profile else 0,
        "specialised_system": profile.specialised_system if profile else None,
        "specialised_system_note": profile.specialised_system_note if profile else "",
        "prevention_plan": profile.prevention_plan if profile else None,
        "prevention_plan_reference": profile.prevention_plan_reference if profile else "",
        "suppression_threshold": profile.suppression_threshold if profile else DEFAULT_THRESHOLD,
    }


def suppression_threshold_for(*, jurisdiction: Jurisdiction) -> int:
    value = JurisdictionProfile.objects.filter(jurisdiction=jurisdiction).values_list(
        "suppression_threshold", flat=True
    )
    return next(iter(value), DEFAULT_THRESHOLD)


def conventions_for(*, jurisdiction: Jurisdiction, params: dict[str, Any]) -> Conventions:
    """The caller's conventions; the threshold is the jurisdiction's, or higher if the caller asks."""
    floor = suppression_threshold_for(jurisdiction=jurisdiction)
    return Conventions(
        period_start=params["period_start"],
        period_end=params["period_end"],
        timezone=jurisdiction.timezone,
        threshold=max(floor, params.get("threshold") or floor),
        **{name: params[name] for name in CONVENTION_FIELDS if params.get(name) is not None},
    )


def query_encode(params: dict[str, Any]) -> dict[str, Any]:
    """A validated query as JSON values (dates as ISO text), to be stored with an export job."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items() if v not in (None, "")}


def query_decode(stored: dict[str, Any]) -> dict[str, Any]:
    return {k: (date.fromisoformat(v) if k in DATE_FIELDS and isinstance(v, str) else v) for k, v in stored.items()}


def export_jobs_for(*, user: User) -> QuerySet[ExportJob]:
    """The caller's own export jobs (nobody else's, an administrator's included), without their files."""
    return ExportJob.objects.filter(requested_by=user).defer("content").select_related("jurisdiction")


def export_job_get(*, user: User, pk: int, with_content: bool = False) -> ExportJob | None:
    qs = ExportJob.objects.filter(requested_by=user, pk=pk).select_related("jurisdiction")
    return (qs if with_content else qs.defer("content")).first()
