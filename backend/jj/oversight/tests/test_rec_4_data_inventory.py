"""REC-4: collect only what a rule, an indicator or the casework needs. Every table and every field of the
child's record has a purpose in jj/oversight/inventory.py, citing only rules and indicators that exist, and
docs/data-inventory.md is generated from it."""

from pathlib import Path

from django.conf import settings

from jj.oversight.inventory import CHILD_FIELDS, INVENTORY, jj_models, known_needs, render
from jj.people.models import Child


def test_every_table_has_a_purpose_and_nothing_else_is_listed() -> None:
    assert sorted(INVENTORY) == jj_models(), "add the table to jj/oversight/inventory.py with why it is kept"


def test_every_field_of_the_childs_record_has_a_purpose() -> None:
    fields = [f.name for f in Child._meta.concrete_fields]
    assert sorted(CHILD_FIELDS) == sorted(fields), "a field of the child's record without a purpose is not collected"


def test_every_need_cited_exists() -> None:
    known = known_needs()
    cited = {need for h in INVENTORY.values() for need in h.needed_by}
    cited |= {need for _, needs in CHILD_FIELDS.values() for need in needs}
    assert cited - known == set()
    assert all(h.purpose and h.seen_by and h.retention and h.needed_by for h in INVENTORY.values())
    assert all(purpose and needs for purpose, needs in CHILD_FIELDS.values())


def test_the_committed_inventory_is_current() -> None:
    committed = Path(settings.BASE_DIR).parent / "docs" / "data-inventory.md"
    assert committed.read_text() == render(), "docs/data-inventory.md is stale: run `make docs` and commit it"
