"""A simulation's result as a printable PDF report (reportlab, as the court report): the proposal, how much of the
period could be decided again, what would have been different, a chart and the tables by sex, age group and agency,
the decisions by rule and the facts that were missing. Suppressed cells stay suppressed; aggregates only. Policy
parameters are named from the catalogue's translations.

Labels in English, French and Spanish; Arabic needs a shaping engine and an Arabic font that the PDF toolkit does
not bring, so an Arabic reader gets the English report (the web page itself is in Arabic and prints as it is)."""

from datetime import datetime
from io import BytesIO
from typing import Any

from django.utils import translation
from django.utils.translation import gettext
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from jj.reports.pdf import footer
from jj.rules.policy import PARAMETERS

LANGUAGES = ("en", "fr", "es")
MEASURES = (
    "cases_removed",
    "children_removed",
    "episodes_avoided",
    "child_days_avoided",
    "acts_refused",
    "deadlines_missed",
)

LABELS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Policy impact simulation",
        "jurisdiction": "Jurisdiction",
        "period": "Period",
        "asked": "Asked by %(who)s on %(at)s",
        "parameters": "Proposed parameters",
        "parameter": "Parameter",
        "current": "In force",
        "proposed": "Proposed",
        "coverage": "%(replayable)s of %(acts)s acts of the period could be decided again (%(share)s); the others "
        "were decided before their facts were recorded and are left out, never guessed.",
        "reproduced": "Simulating the policy in force reproduces every stored decision (0 mismatches).",
        "mismatches": "%(count)s acts were not reproduced exactly under the policy in force: a defect of fact "
        "recording.",
        "totals": "What would have been different",
        "threshold": "Counts from 1 to %(threshold)s are suppressed, as in every statistic.",
        "suppressed": "suppressed",
        "chart": "Cases and custody episodes that would not have happened, by %(dimension)s",
        "by": "By %(dimension)s",
        "dimensions": {"sex": "sex", "age_group": "age group", "agency": "agency"},
        "measures": {
            "cases_removed": "Cases that would not have entered the criminal process",
            "children_removed": "Children not prosecuted",
            "episodes_avoided": "Custody episodes that would not have happened",
            "child_days_avoided": "Child-days of deprivation of liberty avoided",
            "acts_refused": "Other acts that would have been refused",
            "deadlines_missed": "Deadlines that would have been missed",
        },
        "short": {
            "cases_removed": "Cases",
            "children_removed": "Children",
            "episodes_avoided": "Custody episodes",
            "child_days_avoided": "Child-days",
            "acts_refused": "Acts refused",
            "deadlines_missed": "Deadlines missed",
        },
        "groups": {
            "female": "Female",
            "male": "Male",
            "other": "Other",
            "unknown": "Unknown",
            "under_10": "Under 10",
            "10_13": "10 to 13",
            "14_15": "14 to 15",
            "16_17": "16 to 17",
            "18_plus": "18 and over",
            "not_recorded": "Not recorded",
        },
        "rules": "Decisions that would change, by rule",
        "rule": "Rule",
        "decided": "Decided",
        "would_be": "Would have been",
        "acts": "Acts",
        "missing": "Facts missing for a sound answer",
        "nothing_missing": "Nothing: every act of the period could be decided again.",
        "none": "None.",
        "generated": "Generated on %(at)s. Aggregates only, suppressed as every statistic. Confidential until "
        "published.",
    },
    "fr": {
        "title": "Simulation de l'impact d'une politique",
        "jurisdiction": "Juridiction",
        "period": "Période",
        "asked": "Demandée par %(who)s le %(at)s",
        "parameters": "Paramètres proposés",
        "parameter": "Paramètre",
        "current": "En vigueur",
        "proposed": "Proposé",
        "coverage": "%(replayable)s des %(acts)s actes de la période ont pu être décidés à nouveau (%(share)s) ; "
        "les autres ont été décidés avant l'enregistrement de leurs faits et sont écartés, jamais devinés.",
        "reproduced": "La simulation de la politique en vigueur reproduit chaque décision enregistrée (0 écart).",
        "mismatches": "%(count)s actes n'ont pas été reproduits à l'identique sous la politique en vigueur : un "
        "défaut d'enregistrement des faits.",
        "totals": "Ce qui aurait été différent",
        "threshold": "Les effectifs de 1 à %(threshold)s sont masqués, comme dans toute statistique.",
        "suppressed": "masqué",
        "chart": "Dossiers et privations de liberté qui n'auraient pas eu lieu, par %(dimension)s",
        "by": "Par %(dimension)s",
        "dimensions": {"sex": "sexe", "age_group": "tranche d'âge", "agency": "service"},
        "measures": {
            "cases_removed": "Dossiers qui ne seraient pas entrés dans le processus pénal",
            "children_removed": "Enfants non poursuivis",
            "episodes_avoided": "Privations de liberté qui n'auraient pas eu lieu",
            "child_days_avoided": "Jours-enfant de privation de liberté évités",
            "acts_refused": "Autres actes qui auraient été refusés",
            "deadlines_missed": "Délais qui auraient été dépassés",
        },
        "short": {
            "cases_removed": "Dossiers",
            "children_removed": "Enfants",
            "episodes_avoided": "Privations de liberté",
            "child_days_avoided": "Jours-enfant",
            "acts_refused": "Actes refusés",
            "deadlines_missed": "Délais dépassés",
        },
        "groups": {
            "female": "Féminin",
            "male": "Masculin",
            "other": "Autre",
            "unknown": "Inconnu",
            "under_10": "Moins de 10 ans",
            "10_13": "10 à 13 ans",
            "14_15": "14 à 15 ans",
            "16_17": "16 à 17 ans",
            "18_plus": "18 ans et plus",
            "not_recorded": "Non renseigné",
        },
        "rules": "Décisions qui changeraient, par règle",
        "rule": "Règle",
        "decided": "Décidé",
        "would_be": "Aurait été",
        "acts": "Actes",
        "missing": "Faits manquants pour une réponse fiable",
        "nothing_missing": "Aucun : chaque acte de la période a pu être décidé à nouveau.",
        "none": "Aucune.",
        "generated": "Produit le %(at)s. Agrégats uniquement, masqués comme toute statistique. Confidentiel "
        "jusqu'à publication.",
    },
    "es": {
        "title": "Simulación del impacto de una política",
        "jurisdiction": "Jurisdicción",
        "period": "Período",
        "asked": "Solicitada por %(who)s el %(at)s",
        "parameters": "Parámetros propuestos",
        "parameter": "Parámetro",
        "current": "Vigente",
        "proposed": "Propuesto",
        "coverage": "%(replayable)s de %(acts)s actos del período pudieron decidirse de nuevo (%(share)s); los demás "
        "se decidieron antes de que se registraran sus hechos y se dejan fuera, nunca se suponen.",
        "reproduced": "Simular la política vigente reproduce cada decisión registrada (0 discrepancias).",
        "mismatches": "%(count)s actos no se reprodujeron exactamente con la política vigente: un defecto en el "
        "registro de los hechos.",
        "totals": "Qué habría sido diferente",
        "threshold": "Los recuentos de 1 a %(threshold)s se ocultan, como en toda estadística.",
        "suppressed": "oculto",
        "chart": "Casos y privaciones de libertad que no habrían ocurrido, por %(dimension)s",
        "by": "Por %(dimension)s",
        "dimensions": {"sex": "sexo", "age_group": "grupo de edad", "agency": "organismo"},
        "measures": {
            "cases_removed": "Casos que no habrían entrado en el proceso penal",
            "children_removed": "Niños y niñas no procesados",
            "episodes_avoided": "Privaciones de libertad que no habrían ocurrido",
            "child_days_avoided": "Días-niño de privación de libertad evitados",
            "acts_refused": "Otros actos que habrían sido rechazados",
            "deadlines_missed": "Plazos que se habrían incumplido",
        },
        "short": {
            "cases_removed": "Casos",
            "children_removed": "Niños",
            "episodes_avoided": "Privaciones de libertad",
            "child_days_avoided": "Días-niño",
            "acts_refused": "Actos rechazados",
            "deadlines_missed": "Plazos incumplidos",
        },
        "groups": {
            "female": "Femenino",
            "male": "Masculino",
            "other": "Otro",
            "unknown": "Desconocido",
            "under_10": "Menos de 10",
            "10_13": "10 a 13",
            "14_15": "14 a 15",
            "16_17": "16 a 17",
            "18_plus": "18 y más",
            "not_recorded": "No registrado",
        },
        "rules": "Decisiones que cambiarían, por regla",
        "rule": "Regla",
        "decided": "Decidido",
        "would_be": "Habría sido",
        "acts": "Actos",
        "missing": "Hechos que faltan para una respuesta fiable",
        "nothing_missing": "Ninguno: cada acto del período pudo decidirse de nuevo.",
        "none": "Ninguna.",
        "generated": "Generado el %(at)s. Solo agregados, ocultos como toda estadística. Confidencial hasta su "
        "publicación.",
    },
}

_STYLES = getSampleStyleSheet()
_GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaf0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
    ]
)


def labels_for(language: str) -> dict[str, Any]:
    return LABELS.get(language, LABELS["en"])


def _p(text: Any) -> Paragraph:
    escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped, _STYLES["BodyText"])


def _value(value: Any, t: dict[str, Any]) -> str:
    if value is None:
        return str(t["suppressed"])
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "-"
    return str(value)


_PLAIN = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
    ]
)


def _label(parameter: dict[str, Any], language: str) -> str:
    """A policy parameter's label in the reader's language (the catalogue's msgids are in the .po files)."""
    known = PARAMETERS.get(str(parameter.get("name")))
    if known is None:
        return str(parameter.get("label", parameter.get("name", "")))
    with translation.override(language):
        return gettext(known.label)


def _table(rows: list[list[Any]], widths: list[float], *, header: bool = True) -> Table:
    table = Table([[_p(c) for c in row] for row in rows], colWidths=widths, repeatRows=1 if header else 0)
    table.setStyle(_GRID if header else _PLAIN)
    return table


def _chart(rows: list[dict[str, Any]], t: dict[str, Any]) -> Drawing:
    """Cases removed and custody episodes avoided per group; a suppressed cell is drawn as 0 (the table says it)."""
    drawing = Drawing(170 * mm, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 12 * mm, 110 * mm, 46 * mm
    chart.data = [
        [row.get("cases_removed") or 0 for row in rows] or [0],
        [row.get("episodes_avoided") or 0 for row in rows] or [0],
    ]
    chart.categoryAxis.categoryNames = [str(t["groups"].get(row["group"], row["group"])) for row in rows] or [""]
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.HexColor("#1565c0")
    chart.bars[1].fillColor = colors.HexColor("#c62828")
    legend = Legend()
    legend.x, legend.y = 128 * mm, 50 * mm
    legend.fontSize = 7
    legend.colorNamePairs = [
        (colors.HexColor("#1565c0"), str(t["short"]["cases_removed"])),
        (colors.HexColor("#c62828"), str(t["short"]["episodes_avoided"])),
    ]
    drawing.add(chart)
    drawing.add(legend)
    return drawing


def result_pdf(
    result: dict[str, Any],
    *,
    language: str,
    jurisdiction: str,
    period: str,
    requested_by: str,
    asked_at: datetime,
    now: datetime,
    mark: str = "",
) -> bytes:
    """`period`: the days asked for, as the reader gave them (the result's bounds are instants, the end excluded)."""
    t = labels_for(language)
    story: list[Flowable] = [Paragraph(t["title"], _STYLES["Title"])]
    summary = [[t["jurisdiction"], jurisdiction], [t["period"], period]]
    story.append(_table(summary, [45 * mm, 125 * mm], header=False))
    story.append(_p(t["asked"] % {"who": requested_by, "at": asked_at.strftime("%Y-%m-%d %H:%M")}))
    story.append(Spacer(1, 4 * mm))

    story.append(Paragraph(t["parameters"], _STYLES["Heading2"]))
    rows = [[t["parameter"], t["current"], t["proposed"]]]
    for p in result.get("parameters", []):
        rows.append([_label(p, language), _value(p["current"], t), _value(p["proposed"], t)])
    story.append(_table(rows, [90 * mm, 40 * mm, 40 * mm]))

    coverage = result.get("coverage", {})
    share = coverage.get("share")
    share_text = "-" if share is None else f"{round(share * 1000) / 10}%"
    story.append(Spacer(1, 3 * mm))
    counts = {"replayable": coverage.get("replayable", 0), "acts": coverage.get("acts", 0), "share": share_text}
    story.append(_p(t["coverage"] % counts))
    mismatches = result.get("reproduced", {}).get("mismatches", 0)
    story.append(_p(t["mismatches"] % {"count": mismatches} if mismatches else t["reproduced"]))

    story.append(Paragraph(t["totals"], _STYLES["Heading2"]))
    totals = result.get("totals", {})
    rows = [[t["measures"][m], _value(totals.get(m), t)] for m in MEASURES]
    story.append(_table(rows, [130 * mm, 40 * mm], header=False))
    story.append(_p(t["threshold"] % {"threshold": result.get("threshold", "")}))

    breakdown = result.get("breakdown", {})
    for dimension in ("sex", "age_group"):
        heading = Paragraph(t["chart"] % {"dimension": t["dimensions"][dimension]}, _STYLES["Heading3"])
        story.append(KeepTogether([heading, _chart(breakdown.get(dimension, []), t)]))
    for dimension in ("sex", "age_group", "agency"):
        story.append(Paragraph(t["by"] % {"dimension": t["dimensions"][dimension]}, _STYLES["Heading3"]))
        header = [t["dimensions"][dimension], *[t["short"][m] for m in MEASURES]]
        body = [
            [t["groups"].get(row["group"], row["group"]), *[_value(row.get(m), t) for m in MEASURES]]
            for row in breakdown.get(dimension, [])
        ]
        story.append(_table([header, *body], [32 * mm, *[23 * mm] * len(MEASURES)]))

    story.append(Paragraph(t["rules"], _STYLES["Heading2"]))
    changes = result.get("rules", [])
    if changes:
        rows = [[t["rule"], t["decided"], t["would_be"], t["acts"]]]
        rows += [[r["rule_id"], r["from"], r["to"], r["acts"]] for r in changes]
        story.append(_table(rows, [30 * mm, 50 * mm, 50 * mm, 40 * mm]))
    else:
        story.append(_p(t["none"]))

    story.append(Paragraph(t["missing"], _STYLES["Heading2"]))
    missing = result.get("missing", {})
    if missing:
        story.append(_table([[k, v] for k, v in missing.items()], [130 * mm, 40 * mm], header=False))
    else:
        story.append(_p(t["nothing_missing"]))

    story += [Spacer(1, 8 * mm), _p(t["generated"] % {"at": now.strftime("%Y-%m-%d %H:%M UTC")})]
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=str(t["title"]), author="", subject="", creator="jj")
    doc.build(story, onFirstPage=footer(mark), onLaterPages=footer(mark))
    return buffer.getvalue()
