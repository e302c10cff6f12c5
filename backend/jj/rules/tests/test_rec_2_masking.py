"""REC-2: free text for oversight has the child's known names and date of birth masked."""

from datetime import date

import pytest

from jj.rules.masking import MASK, mask_identity

NAMES = ("Amara", "Okafor", "Ama-Lou Nkem")
DOB = date(2010, 5, 17)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Amara Okafor was moved", f"{MASK} {MASK} was moved"),
        ("AMARA's file; okafor family", f"{MASK}'s file; {MASK} family"),
        ("Called Ama-Lou about Nkem", f"Called {MASK} about {MASK}"),
        ("Bamara and Okaforo are other words", "Bamara and Okaforo are other words"),
        ("born 2010-05-17, or 17/05/2010", f"born {MASK}, or {MASK}"),
        ("born 05/17/2010 or 17.05.2010 or 17-05-2010", f"born {MASK} or {MASK} or {MASK}"),
        ("born 17 May 2010 (May 17, 2010)", f"born {MASK} ({MASK})"),
        ("on 2010-05-170 nothing", "on 2010-05-170 nothing"),
        ("", ""),
    ],
)
def test_known_names_and_the_date_of_birth_are_masked(text: str, expected: str) -> None:
    assert mask_identity(text, names=NAMES, dates=[DOB]) == expected


def test_an_initial_or_an_empty_name_masks_nothing() -> None:
    assert mask_identity("a visit at A block", names=("A", "", "  "), dates=[None]) == "a visit at A block"
