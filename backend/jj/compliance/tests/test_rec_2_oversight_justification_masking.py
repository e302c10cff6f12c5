"""REC-2: free text shown to the independent oversight body has the child's known names and date of birth masked.
Here the justifications of the rules engine's decisions, which a caseworker writes and a monitor reads."""

from typing import Any

from jj.compliance.models import DecisionRecord
from jj.custody import services as custody_services


def test_rec_2_a_justification_shown_to_oversight_has_the_childs_names_and_birth_date_masked(
    world: Any, make_case: Any, client_for: Any
) -> None:
    """REC-2: the caseworker's free text names the child; the monitor reads the justification, not the identity."""
    case = make_case(given_name="Zephyrine", family_name="Quackenbush", date_of_birth="2011-04-23")
    police = custody_services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Central police station",
            "kind": "police_station",
            "capacity": 10,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
        staff=[],
    )
    custody_services.custody_start(
        actor=world["caseworker"],
        case=case,
        facility=police,
        police_cell_justification="Zephyrine QUACKENBUSH, born 23/04/2011, found alone at night; no youth unit open",
        age_floor_justification="No alternative that night for zephyrine",
    )
    rows = client_for("oversight_monitor").get("/api/oversight/decisions/?page_size=200").json()["results"]
    justified = [r["justification"] for r in rows if r["justification"]]
    assert "*** ***, born ***, found alone at night; no youth unit open" in justified
    assert "No alternative that night for ***" in justified
    for text in justified:
        for secret in ["Zephyrine", "zephyrine", "QUACKENBUSH", "23/04/2011"]:
            assert secret not in text
    # Inside the case the caseworker still reads what they wrote.
    stored = DecisionRecord.objects.filter(case=case).exclude(justification="").values_list("justification", flat=True)
    assert any("Zephyrine QUACKENBUSH" in text for text in stored)
