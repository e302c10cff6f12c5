"""Facts for the custody checks, built from rows (the checks never touch the database)."""

from django.db.models import Q

from jj.custody.models import CustodyEpisode, Facility
from jj.rules.facts import FacilityFacts


def facility_occupancy(facility: Facility, *, excluding_episode: int | None = None) -> int:
    held = CustodyEpisode.objects.filter(current_facility=facility, ended_at__isnull=True)
    if excluding_episode is not None:
        held = held.filter(~Q(pk=excluding_episode))
    return held.count()


def facility_facts(facility: Facility, *, excluding_episode: int | None = None) -> FacilityFacts:
    return FacilityFacts(
        kind=facility.kind,
        capacity=facility.capacity,
        occupancy=facility_occupancy(facility, excluding_episode=excluding_episode),
        children_wholly_separated=facility.children_wholly_separated,
    )
