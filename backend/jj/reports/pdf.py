"""The court report rendered as PDF with reportlab (pure Python): a title, the case and child, the decisions with
their citations, the custody timeline, the deadlines, and a footer saying for whom it was made."""

from collections.abc import Callable
from datetime import datetime
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from jj.reports.labels import labels_for
from jj.reports.selectors import ReportData

_STYLES = getSampleStyleSheet()
_GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaf0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
    ]
)


def _p(text: Any) -> Paragraph:
    escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped, _STYLES["BodyText"])


def _when(value: Any, zone: ZoneInfo) -> str:
    if isinstance(value, datetime):
        return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    return "" if value is None else str(value)


def _table(header: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table([[_p(h) for h in header], *[[_p(c) for c in row] for row in rows]], colWidths=widths, repeatRows=1)
    table.setStyle(_GRID)
    return table


def footer(mark: str) -> Callable[[Canvas, Any], None]:
    """A page callback writing the watermark (who produced the document, when, why) at the foot of every page."""

    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawString(15 * mm, 8 * mm, mark[:160])
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    return draw


def render_report(
    data: ReportData, *, language: str, zone_name: str, reader_role: str, now: datetime, mark: str = ""
) -> bytes:
    t = labels_for(language)
    zone = ZoneInfo(zone_name)
    story: list[Flowable] = [Paragraph(t["title"], _STYLES["Title"])]
    case = data.case
    facts = [
        [t["case"], case["reference"]],
        [t["status"], case["status"]],
        [t["opened"], _when(case["opened_at"], zone)],
        [t["agency"], case["agency"]],
        [t["child"], data.child["pseudonym"]],
    ]
    for key in ("name", "date_of_birth", "accommodation_needs"):
        if key in data.child:
            facts.append([t[key], data.child[key]])
    summary = Table([[_p(k), _p(v)] for k, v in facts], colWidths=[45 * mm, 125 * mm])
    summary.setStyle(_GRID)
    story += [summary, Spacer(1, 6 * mm)]

    story.append(Paragraph(t["decisions"], _STYLES["Heading2"]))
    if data.decisions:
        rows = [
            [d["rule_id"], d["outcome"], d["message"], d["citation"], _when(d["decided_at"], zone)]
            for d in data.decisions
        ]
        story.append(
            _table(
                [t["rule"], t["outcome"], "", t["citation"], t["when"]],
                rows,
                [16 * mm, 22 * mm, 70 * mm, 34 * mm, 28 * mm],
            )
        )
    else:
        story.append(_p(t["none"]))

    story.append(Paragraph(t["custody"], _STYLES["Heading2"]))
    if data.custody:
        rows = []
        for e in data.custody:
            rows.append(
                [e["kind"], e["facility"], _when(e["started_at"], zone), _when(e["ended_at"], zone) or t["open"]]
            )
            for a in e["appearances"]:
                rows.append([f"  {t['appearance']}: {a['kind']}", a["authority"], _when(a["at"], zone), a["outcome"]])
        story.append(
            _table([t["custody"], t["facility"], t["started"], t["ended"]], rows, [50 * mm, 50 * mm, 35 * mm, 35 * mm])
        )
    else:
        story.append(_p(t["none"]))

    story.append(Paragraph(t["deadlines"], _STYLES["Heading2"]))
    if data.deadlines:
        rows = [
            [
                d["rule_id"],
                d["description"],
                _when(d["due_at"], zone),
                f"{d['resolution']} {_when(d['met_at'], zone)}".strip() or t["open"],
            ]
            for d in data.deadlines
        ]
        story.append(_table([t["rule"], "", t["due"], t["closed"]], rows, [16 * mm, 84 * mm, 35 * mm, 35 * mm]))
    else:
        story.append(_p(t["none"]))

    story += [Spacer(1, 8 * mm), _p(t["generated"] % {"at": _when(now, zone), "role": reader_role})]
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=f"{t['title']} {case['reference']}", author="", subject="", creator="jj"
    )
    doc.build(story, onFirstPage=footer(mark), onLaterPages=footer(mark))
    return buffer.getvalue()
