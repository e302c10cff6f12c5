"""The pseudonymised dataset of an oversight export: one row per case opened in the period in the jurisdiction,
for an oversight body's own analysis. Keyed pseudonyms instead of the child and the case (HMAC with the
installation's key: stable across exports, not reversible without the key); an age group instead of a date of
birth; dates of acts as days in the jurisdiction's zone; no name, address, free text or staff member. Computed by
the database (one annotated query, read in chunks so the export reports its progress); written as CSV or XLSX with
formula-like text neutralised."""

import csv
import hashlib
import hmac
import io
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, Min, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Least
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from jj.accounts.models import Jurisdiction
from jj.cases.models import Assignment, AssignmentRole, Case, CaseEvent, Sentence
from jj.core.pseudonym import child_pseudonym
from jj.custody.models import CustodyEpisode
from jj.diversion.models import DiversionReferral
from jj.oversight.conventions import Conventions
from jj.oversight.export import guard
from jj.oversight.indicators import CUSTODIAL_SENTENCES, _age_group

COLUMNS = (
    "case",
    "child",
    "sex",
    "age_group_at_period_end",
    "agency",
    "case_kind",
    "status",
    "opened_on",
    "closed_on",
    "charged",
    "diverted",
    "custodial_sentence",
    "custody_episodes",
    "days_deprived_of_liberty",
    "hours_to_first_counsel",
)
CHUNK = 500


def case_pseudonym(case_id: int) -> str:
    """A stable keyed reference for a case (the scheme of jj.core.pseudonym, which gives the child's)."""
    digest = hmac.new(settings.PSEUDONYM_KEY.encode(), f"case:{case_id}".encode(), hashlib.sha256).hexdigest()
    return f"K-{digest[:12].upper()}"


def dataset_queryset(*, jurisdiction: Jurisdiction, conventions: Conventions) -> Any:
    """Every case opened in the period, with what oversight asks of it, as one annotated query."""
    c = conventions
    end = c.end_at
    held = ExpressionWrapper(
        Least(Coalesce(F("ended_at"), Value(end)), Value(end)) - F("started_at"), output_field=DurationField()
    )
    custody = CustodyEpisode.objects.filter(case=OuterRef("pk"), started_at__lt=end).order_by().values("case")
    first_counsel = (
        Assignment.objects.filter(case=OuterRef("pk"), role=AssignmentRole.LEGAL_COUNSEL)
        .order_by()
        .values("case")
        .annotate(first=Min("assigned_at"))
        .values("first")
    )
    return (
        Case.objects.filter(jurisdiction=jurisdiction, opened_at__gte=c.start_at, opened_at__lt=end)
        .annotate(
            child_sex=F("child__sex"),
            age_group=_age_group("child__date_of_birth", c.period_end),
            agency_name=F("agency__name"),
            charged=Exists(CaseEvent.objects.filter(case=OuterRef("pk"), kind="case.charged")),
            diverted=Exists(DiversionReferral.objects.filter(case=OuterRef("pk"), activated_at__isnull=False)),
            custodial=Exists(Sentence.objects.filter(case=OuterRef("pk"), sentence_type__in=CUSTODIAL_SENTENCES)),
            episodes=Coalesce(Subquery(custody.annotate(n=Count("pk")).values("n")), Value(0)),
            held=Subquery(custody.annotate(total=Sum(held)).values("total"), output_field=DurationField()),
            first_counsel=Subquery(first_counsel),
        )
        .order_by("opened_at", "pk")
        .values_list(
            "pk",
            "child_id",
            "child_sex",
            "age_group",
            "agency_name",
            "kind",
            "status",
            "opened_at",
            "closed_at",
            "charged",
            "diverted",
            "custodial",
            "episodes",
            "held",
            "first_counsel",
        )
    )


def _row(values: Sequence[Any], zone: ZoneInfo) -> list[Any]:
    pk, child_id, sex, age, agency, kind, status, opened, closed, charged, diverted, custodial, n, held, counsel = (
        values
    )

    def day(moment: datetime | None) -> str:
        return moment.astimezone(zone).date().isoformat() if moment else ""

    waited = "" if counsel is None else round(max((counsel - opened).total_seconds(), 0) / 3600, 1)
    days = round(held.total_seconds() / 86400, 2) if isinstance(held, timedelta) else 0
    return [
        case_pseudonym(pk),
        child_pseudonym(child_id),
        sex,
        age,
        agency,
        kind,
        status,
        day(opened),
        day(closed),
        charged,
        diverted,
        custodial,
        n,
        days,
        waited,
    ]


def dataset_rows(
    *, jurisdiction: Jurisdiction, conventions: Conventions, progress: Callable[[int], None]
) -> Iterator[list[Any]]:
    """The rows, a chunk of cases at a time (in a stable order), reporting the percent done after each."""
    qs = dataset_queryset(jurisdiction=jurisdiction, conventions=conventions)
    total = qs.count()
    zone = ZoneInfo(conventions.timezone)
    done = 0
    while done < total:
        chunk = list(qs[done : done + CHUNK])
        if not chunk:
            break
        for values in chunk:
            yield _row(values, zone)
        done += len(chunk)
        progress(95 * done // max(total, 1))


def to_file(rows: Iterator[list[Any]], *, file_format: str, title: str, mark: str = "") -> bytes:
    """The dataset as CSV or XLSX: the watermark (who, when, why) first when given, then the title, the columns and
    the rows."""
    if file_format == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        if mark:
            writer.writerow([guard("# " + mark)])
        writer.writerow([guard(title)])
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([guard(v) for v in row])
        return out.getvalue().encode("utf-8-sig")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Dataset")
    if mark:
        sheet.append([guard(ILLEGAL_CHARACTERS_RE.sub("", "# " + mark))])
    sheet.append([guard(ILLEGAL_CHARACTERS_RE.sub("", title))])
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([guard(ILLEGAL_CHARACTERS_RE.sub("", v)) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
