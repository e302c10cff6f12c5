"""Facts for the custody checks, built from rows (the checks never touch the database)."""

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.db.models import Q

from jj.accounts.models import User
from jj.compliance.facts import child_facts
from jj.custody.models import CustodyEpisode, Facility
from jj.rules.facts import (
    AppearanceFacts,
    ComplaintFacts,
    EducationReviewFacts,
    FacilityFacts,
    IncidentFacts,
    ReleaseFacts,
)

# The request fields of a placement (custody start or transfer) that HRD-1, DIS-1 and GIR-1 read.
PLACEMENT_VOICE_FIELDS = (
    "child_views",
    "views_not_heard_reason",
    "accommodation_provided",
    "mixed_facility_justification",
    "protective_transfer",
)


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
        separated_by_sex=facility.separated_by_sex,
    )


def placement_voice(data: Mapping[str, Any]) -> dict[str, Any]:
    """The PlacementFacts keyword arguments HRD-1, DIS-1 and GIR-1 need, from a custody start or transfer request
    (missing keys take the facts' defaults)."""
    return {name: data[name] for name in PLACEMENT_VOICE_FIELDS if name in data}


def aftercare_given(items: Mapping[str, Any] | None) -> bool:
    """An aftercare plan says something: a kind of support ticked, or notes written (REI-1)."""
    return any(bool(v.strip()) if isinstance(v, str) else bool(v) for v in (items or {}).values())


def release_facts(episode: CustodyEpisode, *, at: datetime, aftercare: Mapping[str, Any] | None) -> ReleaseFacts:
    """REI-1 at release: the aftercare deadline opens unless the release carries a plan."""
    return ReleaseFacts(at=at, zone=episode.case.jurisdiction.timezone, aftercare_plan_given=aftercare_given(aftercare))


def education_review_facts(episode: CustodyEpisode) -> EducationReviewFacts:
    """REI-1 periodic review of a child held: enrolled means an enrolment that has not ended."""
    return EducationReviewFacts(
        child=child_facts(episode.child),
        held_since=episode.started_at,
        zone=episode.case.jurisdiction.timezone,
        # The enrolments as loaded (the episode detail prefetches them): no query per read.
        enrolled=any(e.ended_on is None for e in episode.education_enrolments.all()),
    )


def appearance_facts(episode: CustodyEpisode, *, at: datetime, accommodation_provided: str = "") -> AppearanceFacts:
    """DIS-1 at a court appearance (a judicial review: never refused, INV-5)."""
    return AppearanceFacts(child=child_facts(episode.child), at=at, accommodation_provided=accommodation_provided)


def staff_ids(staff: Iterable[User]) -> tuple[str, ...]:
    return tuple(str(user.pk) for user in staff)


def incident_facts(
    episode: CustodyEpisode, data: Mapping[str, Any], *, implicated_staff: Iterable[User] = (), reported_at: datetime
) -> IncidentFacts:
    """Every check of an incident from its request: DET-7..9, HLT-1, DTH-1 as today, plus GIR-1 (the child's
    pregnancy or child in care) and ILL-1 (the allegation and who is implicated)."""
    details = data.get("details", {})
    return IncidentFacts(
        kind=data["kind"],
        purpose=details.get("purpose", ""),
        reason=details.get("reason", ""),
        started_at=data.get("occurred_at"),
        ended_at=data.get("ended_at"),
        supervising_staff=details.get("supervising_staff", ""),
        hours_without_meaningful_contact=float(details.get("hours_without_meaningful_contact", 0) or 0),
        measure=details.get("measure", ""),
        imminent_threat=bool(details.get("imminent_threat", False)),
        means_tried_first=details.get("means_tried_first", ""),
        professional_in_charge=details.get("professional_in_charge", ""),
        child=child_facts(episode.child),
        allegation_kind=data.get("allegation_kind", ""),
        implicated_staff=staff_ids(implicated_staff),
        reported_at=reported_at,
        child_held=episode.ended_at is None and data["kind"] != "death",
    )


def complaint_facts(
    episode: CustodyEpisode, *, lodged_at: datetime, allegation_kind: str = "", implicated_staff: Iterable[User] = ()
) -> ComplaintFacts:
    """DET-10 and ILL-1 at a complaint."""
    return ComplaintFacts(
        lodged_at=lodged_at,
        zone=episode.case.jurisdiction.timezone,
        allegation_kind=allegation_kind,
        implicated_staff=staff_ids(implicated_staff),
        child_held=episode.ended_at is None,
    )
