"""A hand-built year (2025) of records in Northland (Europe/Paris: the period runs from 2024-12-31 23:00 UTC to
2025-12-31 23:00 UTC), written straight through the models so it can hold states the lifecycle services do not
write yet (a sentenced legal status, an end by death). The expected value of every indicator is worked out by hand
in test_indicators.py from the definitions, next to the assertions.

Children (sex, date of birth; age group on 2025-12-31):
  A female 2010-03-10 (14_15)  two arrests in 2025; held at F1 since Feb, pre-sentence, no status history; visited by
                               her mother in November.
  B male   2008-06-01 (16_17)  arrested 2024-12-31 23:30 UTC (00:30 on 1 January in Paris: inside the period);
                               police station F2 then adult prison F3 from 2 January; sentenced (custody) 1 April;
                               a lawyer visited in December, his father 1 minute before the three-month window.
  C female 2012-01-01 (10_13)  arrested and detained at 2025-12-31 23:00 UTC (midnight in Paris: outside the period
                               and not held at the end of the census date).
  D male   2009-01-01 (16_17)  arrested 1 March, held 4 days at F1, released with education aftercare; diverted 10 Mar.
  E male   2011-05-05 (14_15)  arrested 1 May, died in custody at F1 on 1 August (92 days, pre-sentence).
  F female 2009-09-09 (16_17)  arrested 2024-11-01, held at F4; sentenced (custody) 1 February 2025; released at
                               2025-12-31 23:00 UTC exactly (held at the end of the census date; the release belongs to
                               2026); visited by her grandmother one minute before.
  G male   2010-10-10 (14_15)  referral; a community service and a warning in 2025 (two sentences, one child).
  H female 2009-02-02 (16_17)  referral; entered diversion 1 February, then sentenced to probation 1 September.
  I male   2008-03-03 (16_17)  arrested 2024-06-01, sentenced 2024-09-01, released 2025-06-01 with vocational aftercare.
  J female 2010-01-01 (14_15)  arrested 1 October, held 20 hours at F2, acquitted without aftercare; offered a diversion
                               she never entered.
  K male   (Southport)         arrested and held in 2025 in another jurisdiction: never counted in Northland.

Facilities of Northland: F1 juvenile centre (separated, complaints, inspected 2025-06-01), F2 police station (not
separated, complaints, inspected 2024-12-31: one day too early for the 12 months to 2025-12-31), F3 adult prison (not
separated, complaints, inspected 2025-01-01), F4 residential (separated, no complaints mechanism, never inspected).
Population of Northland in 2025: 100,000 girls and 100,000 boys (under 10: 50,000; 10-13: 20,000; 14-15: 15,000;
16-17: 15,000 each)."""

import itertools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from jj.accounts.models import Agency, Jurisdiction
from jj.cases.models import Case, Sentence
from jj.custody.models import (
    ContactLog,
    CustodyEpisode,
    Facility,
    Inspection,
    LegalStatusChange,
    Placement,
    Release,
)
from jj.diversion.models import DiversionReferral, Programme
from jj.oversight.models import ChildPopulation, JurisdictionProfile
from jj.people.models import Child

_refs = itertools.count(1)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@dataclass
class Dataset:
    north: Jurisdiction
    agency: Agency
    facilities: dict[str, Facility] = field(default_factory=dict)
    children: dict[str, Child] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    episodes: dict[str, CustodyEpisode] = field(default_factory=dict)


def child(ds: Dataset, key: str, sex: str, dob: date, *, agency: Agency | None = None, **extra: Any) -> Child:
    agency = agency or ds.agency
    kid = Child.objects.create(
        jurisdiction=agency.jurisdiction,
        agency=agency,
        given_name=f"Name{key}",
        family_name=f"Family{key}",
        date_of_birth=dob,
        dob_certainty="documented",
        sex=sex,
        address=f"{key} Secret Street",
        **extra,
    )
    ds.children[key] = kid
    return kid


def case(kid: Child, kind: str, opened: datetime, *, agency: Agency | None = None) -> Case:
    agency = agency or kid.agency
    return Case.objects.create(
        reference=f"T-{next(_refs)}",
        child=kid,
        jurisdiction=agency.jurisdiction,
        agency=agency,
        kind=kind,
        opened_at=opened,
    )


def episode(
    the_case: Case,
    placements: list[tuple[Facility, datetime, datetime | None]],
    *,
    ended: datetime | None = None,
    end_reason: str = "",
    legal_status: str = "pre_sentence",
    statuses: list[tuple[str, datetime]] | None = None,
    release: tuple[str, dict[str, bool]] | None = None,
) -> CustodyEpisode:
    """An episode through its placements; `release` (reason, aftercare) records its release at `ended`."""
    ep = CustodyEpisode.objects.create(
        case=the_case,
        child=the_case.child,
        kind="police_custody",
        legal_status=legal_status,
        started_at=placements[0][1],
        ended_at=ended,
        end_reason=end_reason,
        current_facility=None if ended else placements[-1][0],
    )
    for facility, start, end in placements:
        Placement.objects.create(episode=ep, facility=facility, started_at=start, ended_at=end)
    for status, when in statuses or []:
        LegalStatusChange.objects.create(episode=ep, status=status, at=when)
    if release:
        assert ended is not None
        Release.objects.create(episode=ep, at=ended, reason=release[0], aftercare=release[1])
    return ep


def build(north: Jurisdiction, agency: Agency, south_agency: Agency) -> Dataset:
    ds = Dataset(north=north, agency=agency)
    f = ds.facilities
    # key: name, kind, capacity, children wholly separated from adults, complaints mechanism
    for key, (name, kind, capacity, separated, complaints) in {
        "F1": ("Juvenile Centre", "juvenile_detention", 20, True, True),
        "F2": ("Police Station", "police_station", 4, False, True),
        "F3": ("Adult Prison", "adult_prison", 300, False, True),
        "F4": ("Residential Home", "juvenile_residential", 10, True, False),
        "south": ("South Centre", "juvenile_detention", 10, True, True),
    }.items():
        operator = south_agency if key == "south" else agency
        f[key] = Facility.objects.create(
            jurisdiction=operator.jurisdiction,
            operator=operator,
            name=name,
            kind=kind,
            capacity=capacity,
            children_wholly_separated=separated,
            has_complaints_mechanism=complaints,
        )
    south_facility = f.pop("south")
    for facility, day in ((f["F1"], date(2025, 6, 1)), (f["F2"], date(2024, 12, 31)), (f["F3"], date(2025, 1, 1))):
        Inspection.objects.create(facility=facility, visited_on=day, body="Ombudsperson", unannounced=True)

    programme = Programme.objects.create(
        jurisdiction=north, agency=agency, name="Mediation", kind="mediation", provider="NGO"
    )

    def divert(the_case: Case, offered: datetime, activated: datetime | None) -> DiversionReferral:
        return DiversionReferral.objects.create(
            case=the_case,
            programme=programme,
            status="active" if activated else "offered",
            stage_offered="intake",
            offered_at=offered,
            case_status_before="open",
            activated_at=activated,
        )

    # A
    a = child(ds, "A", "female", date(2010, 3, 10))
    ds.cases["A1"] = case(a, "arrest", at(2025, 2, 1, 10))
    ds.cases["A2"] = case(a, "arrest", at(2025, 7, 1, 9))
    ds.episodes["A"] = episode(ds.cases["A1"], [(f["F1"], at(2025, 2, 1, 10), None)])
    ContactLog.objects.create(
        episode=ds.episodes["A"], kind="visit", at=at(2025, 11, 15, 14), relationship="Mother", visitor_name="X"
    )
    # B
    b = child(ds, "B", "male", date(2008, 6, 1))
    ds.cases["B"] = case(b, "arrest", at(2024, 12, 31, 23, 30))
    ds.episodes["B"] = episode(
        ds.cases["B"],
        [(f["F2"], at(2024, 12, 31, 23, 30), at(2025, 1, 2)), (f["F3"], at(2025, 1, 2), None)],
        legal_status="sentenced",
        statuses=[("pre_sentence", at(2024, 12, 31, 23, 30)), ("sentenced", at(2025, 4, 1))],
    )
    Sentence.objects.create(case=ds.cases["B"], sentence_type="custody", imposed_at=at(2025, 4, 1), length_months=12)
    ContactLog.objects.create(episode=ds.episodes["B"], kind="visit", at=at(2025, 12, 1), relationship="lawyer")
    ContactLog.objects.create(episode=ds.episodes["B"], kind="visit", at=at(2025, 9, 30, 21, 59), relationship="father")
    # C
    c = child(ds, "C", "female", date(2012, 1, 1))
    ds.cases["C"] = case(c, "arrest", at(2025, 12, 31, 23))
    ds.episodes["C"] = episode(ds.cases["C"], [(f["F1"], at(2025, 12, 31, 23), None)])
    # D
    d = child(ds, "D", "male", date(2009, 1, 1))
    ds.cases["D"] = case(d, "arrest", at(2025, 3, 1, 8))
    ds.episodes["D"] = episode(
        ds.cases["D"],
        [(f["F1"], at(2025, 3, 1, 8), at(2025, 3, 5, 8))],
        ended=at(2025, 3, 5, 8),
        end_reason="released",
        release=("charges_dropped", {"education": True}),
    )
    divert(ds.cases["D"], at(2025, 3, 6), at(2025, 3, 10))
    # E
    e = child(ds, "E", "male", date(2011, 5, 5))
    ds.cases["E"] = case(e, "arrest", at(2025, 5, 1))
    ds.episodes["E"] = episode(
        ds.cases["E"], [(f["F1"], at(2025, 5, 1), at(2025, 8, 1))], ended=at(2025, 8, 1), end_reason="death"
    )
    # F
    f_child = child(ds, "F", "female", date(2009, 9, 9))
    ds.cases["F"] = case(f_child, "arrest", at(2024, 11, 1))
    ds.episodes["F"] = episode(
        ds.cases["F"],
        [(f["F4"], at(2024, 11, 1), at(2025, 12, 31, 23))],
        ended=at(2025, 12, 31, 23),
        end_reason="released",
        legal_status="sentenced",
        statuses=[("pre_sentence", at(2024, 11, 1)), ("sentenced", at(2025, 2, 1))],
        release=("sentence_served", {}),
    )
    Sentence.objects.create(case=ds.cases["F"], sentence_type="custody", imposed_at=at(2025, 2, 1), length_months=11)
    ContactLog.objects.create(
        episode=ds.episodes["F"], kind="visit", at=at(2025, 12, 31, 22, 59), relationship="Grandmother"
    )
    # G
    g = child(ds, "G", "male", date(2010, 10, 10))
    ds.cases["G"] = case(g, "referral", at(2025, 4, 1))
    Sentence.objects.create(case=ds.cases["G"], sentence_type="community_service", imposed_at=at(2025, 6, 1))
    Sentence.objects.create(case=ds.cases["G"], sentence_type="warning", imposed_at=at(2025, 7, 1))
    # H
    h = child(ds, "H", "female", date(2009, 2, 2))
    ds.cases["H"] = case(h, "referral", at(2025, 1, 15))
    divert(ds.cases["H"], at(2025, 1, 20), at(2025, 2, 1))
    Sentence.objects.create(case=ds.cases["H"], sentence_type="probation", imposed_at=at(2025, 9, 1))
    # I
    i = child(ds, "I", "male", date(2008, 3, 3))
    ds.cases["I"] = case(i, "arrest", at(2024, 6, 1))
    ds.episodes["I"] = episode(
        ds.cases["I"],
        [(f["F3"], at(2024, 6, 1), at(2025, 6, 1))],
        ended=at(2025, 6, 1),
        end_reason="released",
        legal_status="sentenced",
        statuses=[("pre_sentence", at(2024, 6, 1)), ("sentenced", at(2024, 9, 1))],
        release=("sentence_served", {"vocational_training": True, "family_support": False}),
    )
    Sentence.objects.create(case=ds.cases["I"], sentence_type="custody", imposed_at=at(2024, 9, 1), length_months=9)
    # J
    j = child(ds, "J", "female", date(2010, 1, 1))
    ds.cases["J"] = case(j, "arrest", at(2025, 10, 1))
    ds.episodes["J"] = episode(
        ds.cases["J"],
        [(f["F2"], at(2025, 10, 1), at(2025, 10, 1, 20))],
        ended=at(2025, 10, 1, 20),
        end_reason="released",
        release=("acquitted", {}),
    )
    divert(ds.cases["J"], at(2025, 10, 2), None)
    # K, in Southport
    k = child(ds, "K", "male", date(2010, 1, 1), agency=south_agency)
    ds.cases["K"] = case(k, "arrest", at(2025, 5, 5))
    ds.episodes["K"] = episode(ds.cases["K"], [(south_facility, at(2025, 5, 5), None)])

    for sex in ("female", "male"):
        for group, count in (("under_10", 50_000), ("10_13", 20_000), ("14_15", 15_000), ("16_17", 15_000)):
            ChildPopulation.objects.create(jurisdiction=north, year=2025, sex=sex, age_group=group, count=count)
            ChildPopulation.objects.create(jurisdiction=north, year=2024, sex=sex, age_group=group, count=1_000)
            ChildPopulation.objects.create(
                jurisdiction=south_agency.jurisdiction, year=2025, sex=sex, age_group=group, count=7
            )
    JurisdictionProfile.objects.create(jurisdiction=north, specialised_system=True, specialised_system_note="Act 12")
    return ds
