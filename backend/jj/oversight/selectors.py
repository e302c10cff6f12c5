"""Reads of the oversight app that are not statistics: population figures and the jurisdiction's profile."""

from typing import Any

from django.db.models import QuerySet

from jj.accounts.models import Jurisdiction
from jj.oversight.models import ChildPopulation, JurisdictionProfile
from jj.oversight.suppression import DEFAULT_THRESHOLD


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
