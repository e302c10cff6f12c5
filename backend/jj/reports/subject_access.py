"""Subject access (issue 14, controlled disclosure): everything the system holds about one child, as a readable PDF
a supervisor produces for the child or their counsel. Every table that leads to the child is walked, so a table
added later is included without anyone remembering to; what is left out is listed, with why (SKIPPED)."""

from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db.models import Model, Q
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import Flowable

from jj.audit.models import AuditEvent
from jj.audit.services import audit_seal_before_reading
from jj.core.pseudonym import child_pseudonym
from jj.people.models import Child
from jj.reports.pdf import _GRID, _STYLES, _p, _table, _when, footer

# Tables that lead to the child but are not the child's file; each says why.
SKIPPED: dict[str, str] = {
    "compliance.DecisionInputs": "the facts each decision was taken on: already shown with the records and decisions",
    "deadlines.Notification": "staff alerts about the case: their content is in the deadlines and decisions",
    "cases.CaseUserObjectPermission": "listed under 'shared with', below",
}
HOUSEKEEPING = frozenset({"version", "updated_at"})
MAX_DEPTH = 3

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Everything held about this child",
        "intro": "Produced at the request of the child or their counsel (subject access). Records of the child's file, "
        "table by table, then who has read the file and with whom it was shared.",
        "reads": "Who has read or changed the file",
        "shared": "Shared with people of another agency",
        "none": "Nothing recorded.",
        "generated": "Made on %(at)s by a %(role)s for the child or their counsel. Confidential.",
        "left_out": "Not included",
    },
    "fr": {
        "title": "Tout ce qui est conservé au sujet de cet enfant",
        "intro": "Établi à la demande de l'enfant ou de son avocat (droit d'accès). Les pièces du dossier de l'enfant, "
        "table par table, puis qui a consulté le dossier et avec qui il a été partagé.",
        "reads": "Qui a consulté ou modifié le dossier",
        "shared": "Partagé avec des personnes d'un autre organisme",
        "none": "Rien d'enregistré.",
        "generated": "Établi le %(at)s par un·e %(role)s pour l'enfant ou son avocat. Confidentiel.",
        "left_out": "Non inclus",
    },
    "es": {
        "title": "Todo lo que se conserva sobre este niño o niña",
        "intro": "Elaborado a petición del niño o niña o de su abogado (derecho de acceso). Los registros de su "
        "expediente, tabla por tabla, y después quién ha leído el expediente y con quién se compartió.",
        "reads": "Quién ha leído o modificado el expediente",
        "shared": "Compartido con personas de otro organismo",
        "none": "Nada registrado.",
        "generated": "Elaborado el %(at)s por un/a %(role)s para el niño o niña o su abogado. Confidencial.",
        "left_out": "No incluido",
    },
}


@dataclass
class Section:
    title: str
    records: list[list[tuple[str, Any]]]


def child_paths() -> list[tuple[type[Model], list[str]]]:
    """(model, lookups to the child's id) for every table that leads to a child through foreign keys, by the
    shortest paths (at most MAX_DEPTH hops; every path of that length, so a row reached by either is included):
    `child`, `case__child`, `episode__child`, `referral__case__child`..."""
    found: dict[type[Model], list[str]] = {}
    level: dict[type[Model], list[str]] = {Child: [""]}
    models = [m for m in apps.get_models() if m.__module__.startswith("jj.") and m is not Child]
    for _ in range(MAX_DEPTH):
        reached: dict[type[Model], list[str]] = {}
        for model in models:
            if model in found:
                continue
            for field in model._meta.concrete_fields:
                target = field.related_model if field.is_relation else None
                if isinstance(target, type) and target in level:
                    for via in level[target]:
                        reached.setdefault(model, []).append(f"{field.name}__{via}" if via else field.name)
        found.update(reached)
        level = reached
    return sorted(found.items(), key=lambda item: (item[1][0].count("__"), item[0]._meta.label))


def _value(value: Any, zone: ZoneInfo) -> Any:
    if isinstance(value, datetime):
        return _when(value, zone)
    if isinstance(value, dict | list):
        return (
            ", ".join(f"{k}: {v}" for k, v in value.items()) if isinstance(value, dict) else ", ".join(map(str, value))
        )
    return "" if value is None else value


def _record(obj: Model, zone: ZoneInfo) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for field in obj._meta.concrete_fields:
        if field.name in HOUSEKEEPING:
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            value: Any = "" if related is None else str(related)
        elif field.choices:
            value = getattr(obj, f"get_{field.name}_display")()
        else:
            value = _value(getattr(obj, field.name), zone)
        if value not in ("", None):
            rows.append((str(field.verbose_name), value))
    return rows


def subject_access_sections(*, child: Child, zone: ZoneInfo) -> tuple[list[Section], list[tuple[str, str]]]:
    sections = [Section(str(Child._meta.verbose_name).capitalize(), [_record(child, zone)])]
    left_out: list[tuple[str, str]] = []
    for model, lookups in child_paths():
        label = model._meta.label
        if label in SKIPPED:
            left_out.append((str(model._meta.verbose_name_plural), SKIPPED[label]))
            continue
        reaches = Q()
        for lookup in lookups:
            reaches |= Q(**{lookup: child.pk})
        related = [f.name for f in model._meta.concrete_fields if f.is_relation]  # one query per table, no N+1
        rows = model._default_manager.filter(reaches).select_related(*related).distinct().order_by("pk")
        sections.append(
            Section(str(model._meta.verbose_name_plural).capitalize(), [_record(obj, zone) for obj in rows])
        )
    return sections, left_out


def subject_access_reads(*, child: Child, zone: ZoneInfo) -> list[list[Any]]:
    """Every audited read and write of the child's file: when, who (role and account), what, and the outcome."""
    audit_seal_before_reading()
    events = AuditEvent.objects.filter(child_ref=child_pseudonym(child.pk)).order_by("seq")
    return [
        [_when(e.occurred_at, zone), f"{e.actor_username} ({e.actor_role})", e.action, e.outcome]
        for e in events.only("occurred_at", "actor_username", "actor_role", "action", "outcome")
    ]


def render_subject_access(
    *, child: Child, language: str, zone_name: str, reader_role: str, now: datetime, mark: str = ""
) -> bytes:
    t = LABELS.get(language, LABELS["en"])
    zone = ZoneInfo(zone_name)
    sections, left_out = subject_access_sections(child=child, zone=zone)
    story: list[Flowable] = [
        Paragraph(t["title"], _STYLES["Title"]),
        _p(f"{child_pseudonym(child.pk)}"),
        _p(t["intro"]),
        Spacer(1, 4 * mm),
    ]
    for section in sections:
        story.append(Paragraph(section.title, _STYLES["Heading2"]))
        if not section.records:
            story.append(_p(t["none"]))
        for record in section.records:
            table = Table(
                [[_p(k), _p(v)] for k, v in record] or [[_p(t["none"]), _p("")]], colWidths=[50 * mm, 120 * mm]
            )
            table.setStyle(_GRID)
            story += [table, Spacer(1, 2 * mm)]
    from jj.cases.models import CaseUserObjectPermission  # the shares of the child's cases

    shares = CaseUserObjectPermission.objects.filter(content_object__child_id=child.pk).select_related("user")
    story.append(Paragraph(t["shared"], _STYLES["Heading2"]))
    rows = [[str(s.user), _when(getattr(s, "expires_at", None), zone)] for s in shares]
    story.append(_table(["", ""], rows, [85 * mm, 85 * mm]) if rows else _p(t["none"]))
    story.append(Paragraph(t["reads"], _STYLES["Heading2"]))
    reads = subject_access_reads(child=child, zone=zone)
    story.append(_table(["", "", "", ""], reads, [35 * mm, 55 * mm, 55 * mm, 25 * mm]) if reads else _p(t["none"]))
    if left_out:
        story.append(Paragraph(t["left_out"], _STYLES["Heading2"]))
        story += [_p(f"{name}: {why}") for name, why in left_out]
    story += [Spacer(1, 8 * mm), _p(t["generated"] % {"at": _when(now, zone), "role": reader_role})]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=t["title"], author="", subject="", creator="jj").build(
        story, onFirstPage=footer(mark), onLaterPages=footer(mark)
    )
    return buffer.getvalue()
