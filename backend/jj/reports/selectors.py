"""What a court report holds, for one reader: the case, the child's fields the reader's role may see (need to know,
people.access), the decisions with their citations, the custody timeline with its appearances, and the deadlines."""

from dataclasses import dataclass, field
from typing import Any

from jj.accounts.models import User
from jj.cases.models import Case
from jj.compliance.selectors import decisions_for_case
from jj.core.pseudonym import child_pseudonym
from jj.custody.models import CustodyEpisode, JudicialAppearance
from jj.deadlines.models import Deadline
from jj.people.access import child_fields_for


@dataclass
class ReportData:
    case: dict[str, Any]
    child: dict[str, Any]
    decisions: list[dict[str, Any]] = field(default_factory=list)
    custody: list[dict[str, Any]] = field(default_factory=list)
    deadlines: list[dict[str, Any]] = field(default_factory=list)


def report_data(*, user: User, case: Case) -> ReportData:
    """`case` comes from `case_get_for_user` (in the reader's scope). Child fields outside the role's set are absent."""
    fields = child_fields_for(user)
    child = case.child
    child_out: dict[str, Any] = {"pseudonym": child_pseudonym(child.pk)}
    if "given_name" in fields:
        child_out["name"] = f"{child.given_name} {child.family_name}".strip()
    if "date_of_birth" in fields and child.date_of_birth:
        child_out["date_of_birth"] = child.date_of_birth.isoformat()
    if "accommodation_needs" in fields and child.accommodation_needs:
        child_out["accommodation_needs"] = child.accommodation_needs
    decisions = [
        {
            "rule_id": d.rule_id,
            "outcome": d.outcome,
            "message": d.message,
            "citation": " ".join(
                str(d.citation.get(k, "")) for k in ("instrument", "provision") if isinstance(d.citation, dict)
            ).strip(),
            "decided_at": d.decided_at,
        }
        for d in decisions_for_case(case.pk).order_by("decided_at", "id")
    ]
    episodes = CustodyEpisode.objects.filter(case=case).select_related("current_facility").order_by("started_at", "id")
    appearances: dict[int, list[JudicialAppearance]] = {}
    for a in JudicialAppearance.objects.filter(episode__case=case).order_by("at", "id"):
        appearances.setdefault(a.episode_id, []).append(a)
    custody = [
        {
            "kind": e.kind,
            "legal_status": e.legal_status,
            "started_at": e.started_at,
            "ended_at": e.ended_at,
            "facility": e.current_facility.name if e.current_facility else "",
            "appearances": [
                {"at": a.at, "kind": a.kind, "authority": a.authority, "outcome": a.outcome}
                for a in appearances.get(e.pk, [])
            ],
        }
        for e in episodes
    ]
    deadlines = [
        {
            "rule_id": d.rule_id,
            "description": d.description,
            "due_at": d.due_at,
            "met_at": d.met_at,
            "resolution": d.resolution,
        }
        for d in Deadline.objects.filter(case=case).order_by("due_at", "id")
    ]
    return ReportData(
        case={
            "reference": case.reference,
            "status": case.status,
            "opened_at": case.opened_at,
            "agency": case.agency.name,
        },
        child=child_out,
        decisions=decisions,
        custody=custody,
        deadlines=deadlines,
    )
