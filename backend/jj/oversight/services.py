"""Writes of the oversight app: child population figures (one at a time or a CSV import) and the jurisdiction's
profile. Each is audited in the same transaction."""

import csv
import io
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from jj.accounts.models import Jurisdiction, Role, User
from jj.audit.services import audit_append, changed_fields
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.core.services import versioned_update
from jj.oversight.models import AgeGroup, ChildPopulation, JurisdictionProfile
from jj.people.models import Sex

CSV_COLUMNS = ("year", "sex", "age_group", "count")
MAX_IMPORT_ROWS = 10_000


def _require_admin(actor: User) -> None:
    if actor.role != Role.ADMINISTRATOR:
        raise ActionNotAllowed("Only an administrator can change population figures or the jurisdiction's profile.")


def population_figure_set(
    *, actor: User, jurisdiction: Jurisdiction, year: int, sex: str, age_group: str, count: int, source: str = ""
) -> ChildPopulation:
    """Record (or correct) the number of children of one sex and age group living in the jurisdiction in a year."""
    _require_admin(actor)
    with transaction.atomic():
        row = (
            ChildPopulation.objects.select_for_update()
            .filter(jurisdiction=jurisdiction, year=year, sex=sex, age_group=age_group)
            .first()
        )
        before = row.count if row else None
        if row is None:
            row = ChildPopulation(jurisdiction=jurisdiction, year=year, sex=sex, age_group=age_group)
        row.count = count
        row.source = source
        row.recorded_by = actor
        row.full_clean()
        row.save()
        audit_append(
            actor=actor,
            action="population.set",
            object_type="child_population",
            object_id=row.pk,
            changes={
                "cell": f"{jurisdiction.code}/{year}/{sex}/{age_group}",
                "count": {"before": before, "after": count},
            },
        )
    return row


def _parse_csv(text: str) -> list[dict[str, Any]]:
    """Rows of `year,sex,age_group,count` (a header line, any column order). Every error is reported with its line,
    and nothing is written unless every line is valid."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(
            {"file": [f"Missing column(s): {', '.join(missing)}. Expected: {', '.join(CSV_COLUMNS)}."]}
        )
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    seen: set[tuple[int, str, str]] = set()
    for line, raw in enumerate(reader, start=2):
        if len(rows) >= MAX_IMPORT_ROWS:
            errors.append(f"More than {MAX_IMPORT_ROWS} rows: split the file.")
            break
        year_s, sex, group, count_s = (str(raw.get(c) or "").strip() for c in CSV_COLUMNS)
        problems = []
        if not (year_s.isdigit() and 1900 <= int(year_s) <= 2200):
            problems.append("year must be a year such as 2025")
        if sex not in Sex.values:
            problems.append(f"sex must be one of {', '.join(Sex.values)}")
        if group not in AgeGroup.values:
            problems.append(f"age_group must be one of {', '.join(AgeGroup.values)}")
        if not count_s.isdigit():
            problems.append("count must be a whole number")
        if problems:
            errors.append(f"Line {line}: " + "; ".join(problems) + ".")
            continue
        key = (int(year_s), sex, group)
        if key in seen:
            errors.append(f"Line {line}: {year_s}/{sex}/{group} appears twice.")
            continue
        seen.add(key)
        rows.append({"year": key[0], "sex": sex, "age_group": group, "count": int(count_s)})
    if errors:
        raise ValidationError({"file": errors})
    if not rows:
        raise ValidationError({"file": ["The file has no rows."]})
    return rows


def population_import(*, actor: User, jurisdiction: Jurisdiction, text: str, source: str = "") -> int:
    """Import population figures from CSV: all or nothing; existing cells are replaced. Returns the rows written."""
    _require_admin(actor)
    rows = _parse_csv(text)
    with transaction.atomic():
        for row in rows:
            ChildPopulation.objects.update_or_create(
                jurisdiction=jurisdiction,
                year=row["year"],
                sex=row["sex"],
                age_group=row["age_group"],
                defaults={"count": row["count"], "source": source, "recorded_by": actor},
            )
        audit_append(
            actor=actor,
            action="population.import",
            object_type="child_population",
            object_id=jurisdiction.code,
            changes={"rows": len(rows), "years": sorted({r["year"] for r in rows}), "source": source},
        )
    return len(rows)


PROFILE_FIELDS = (
    "specialised_system",
    "specialised_system_note",
    "prevention_plan",
    "prevention_plan_reference",
    "suppression_threshold",
)


def jurisdiction_profile_update(
    *, actor: User, jurisdiction: Jurisdiction, version: int, data: dict[str, Any]
) -> JurisdictionProfile:
    """Change the jurisdiction's policy facts (indicators 14, 15) or its suppression threshold."""
    _require_admin(actor)
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise ApplicationError(f"Unknown field(s): {', '.join(sorted(unknown))}.")
    with transaction.atomic():
        # A profile nobody saved yet reads as version 0 (see selectors.jurisdiction_profile_get).
        profile, _ = JurisdictionProfile.objects.get_or_create(jurisdiction=jurisdiction, defaults={"version": 0})
        profile, before, after = versioned_update(instance=profile, version=version, data={**data, "updated_by": actor})
        audit_append(
            actor=actor,
            action="jurisdiction_profile.update",
            object_type="jurisdiction_profile",
            object_id=jurisdiction.code,
            changes=changed_fields(
                {k: v for k, v in before.items() if k != "updated_by"},
                {k: v for k, v in after.items() if k != "updated_by"},
            ),
        )
    return profile
