"""The actieplan for the college and partners: per domain → werkgroep → goal → action →
indicator, as JSON (DESIGN §6, exactly), PDF, ODS and XLSX.

Spreadsheet text is always written as text: a goal titled "=SUM(…)" stays words, never a formula.
"""

from __future__ import annotations

import io
from typing import Any

from flask import render_template
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from participatie.content import localise
from participatie.extensions import db
from participatie.follow.evidence import domain_figures
from participatie.follow.labels import ACTION_STATUS, INDICATOR_KIND, INDICATOR_UNIT, PROPOSED_BY
from participatie.i18n import html_lang, text_direction
from participatie.models import Goal, Indicator, Priority, Project, Workgroup

PLAN_FORMATS = ("json", "pdf", "ods", "xlsx")
MIMETYPES = {
    "json": "application/json",
    "pdf": "application/pdf",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _text(texts: dict[str, str], locale: str) -> str:
    return localise(texts, locale).text


def ordered_goals(workgroup: Workgroup) -> list[Goal]:
    """Strategic goals, each followed by its operational goals (the actieplan's reading order)."""
    ordered = []
    for goal in workgroup.goals:
        if goal.parent_id is None:
            ordered.append(goal)
            ordered += [child for child in workgroup.goals if child.parent_id == goal.id]
    ordered += [g for g in workgroup.goals if g not in ordered]
    return ordered


def plan_data(project: Project, locale: str) -> dict[str, Any]:
    """The actieplan in the shape of DESIGN §6 (`participatie plan export --format json`)."""
    _release, domains = domain_figures(project, locale)
    figures = {row.key: row.count for row in domains.ranking}
    priorities = db.session.scalars(
        select(Priority).where(Priority.project_id == project.id).order_by(Priority.id)
    ).all()
    workgroups = db.session.scalars(
        select(Workgroup)
        .where(Workgroup.project_id == project.id)
        .options(selectinload(Workgroup.goals))
        .order_by(Workgroup.id)
    ).all()
    return {
        "project": {"slug": project.slug, "name": project.name},
        "priorities": [
            {
                "domain": p.domain.key,
                "proposed_by": p.proposed_by.value,
                "chosen": p.chosen,
                "participants": figures.get(p.domain.key),
            }
            for p in priorities
        ],
        "workgroups": [
            {
                "name": workgroup.name,
                "domain": workgroup.domain.key if workgroup.domain is not None else None,
                "goals": [_goal(goal, locale) for goal in ordered_goals(workgroup)],
            }
            for workgroup in workgroups
        ],
    }


def _goal(goal: Goal, locale: str) -> dict[str, Any]:
    indicators = list(goal.indicators)
    for action in goal.actions:
        indicators += action.indicators
    return {
        "title": _text(goal.title, locale),
        "kind": goal.kind.value,
        "parent": _text(goal.parent.title, locale) if goal.parent is not None else None,
        "owner": goal.owner,
        "deadline": goal.deadline.isoformat() if goal.deadline else None,
        "themes": [_text(theme.title, locale) for theme in goal.themes],
        "actions": [
            {
                "title": _text(action.title, locale),
                "owner": action.owner,
                "due": action.due_on.isoformat() if action.due_on else None,
                "status": action.status.value,
                "progress": action.progress,
            }
            for action in goal.actions
        ],
        "indicators": [_indicator(indicator, locale) for indicator in indicators],
    }


def _indicator(indicator: Indicator, locale: str) -> dict[str, Any]:
    return {
        "name": _text(indicator.name, locale),
        "kind": indicator.kind.value,
        "unit": indicator.unit.value,
        "baseline": {
            "value": indicator.baseline_value,
            "date": indicator.baseline_on.isoformat() if indicator.baseline_on else None,
        },
        "target": {
            "value": indicator.target_value,
            "date": indicator.target_on.isoformat() if indicator.target_on else None,
        },
        "measurements": [
            {
                "date": m.measured_on.isoformat(),
                "value": m.value,
                "source": m.source or (f"release {m.release_number}" if m.release_number else ""),
            }
            for m in indicator.measurements
        ],
    }


# --- Tables for the spreadsheets and the PDF ------------------------------------------------------


def plan_rows(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """One row per indicator, action or goal without either: everything the paper plan shows."""
    header = [
        _("Werkgroep"),
        _("Levensdomein"),
        _("Doelstelling"),
        _("Soort doelstelling"),
        _("Hoort bij"),
        _("Verantwoordelijke"),
        _("Uiterste datum"),
        _("Actie"),
        _("Wie doet het?"),
        _("Tegen wanneer?"),
        _("Stand van zaken"),
        _("Voortgang in procent"),
        _("Naam van de indicator"),
        _("Soort indicator"),
        _("Eenheid"),
        _("Beginwaarde"),
        _("Streefwaarde"),
        _("Laatste meting"),
    ]
    rows: list[list[Any]] = []
    for workgroup in data["workgroups"]:
        for goal in workgroup["goals"]:
            kind = _("strategisch") if goal["kind"] == "strategic" else _("operationeel")
            base = [
                workgroup["name"],
                workgroup["domain"] or "",
                goal["title"],
                kind,
                goal["parent"] or "",
                goal["owner"],
                goal["deadline"] or "",
            ]
            actions = [
                [
                    a["title"],
                    a["owner"],
                    a["due"] or "",
                    str(ACTION_STATUS.get(a["status"], a["status"])),
                    a["progress"],
                ]
                for a in goal["actions"]
            ]
            indicators = [
                [
                    i["name"],
                    str(INDICATOR_KIND[i["kind"]]),
                    str(INDICATOR_UNIT[i["unit"]]),
                    i["baseline"]["value"],
                    i["target"]["value"],
                    i["measurements"][-1]["value"] if i["measurements"] else None,
                ]
                for i in goal["indicators"]
            ]
            for index in range(max(len(actions), len(indicators), 1)):
                action = actions[index] if index < len(actions) else ["", "", "", "", None]
                indicator = (
                    indicators[index] if index < len(indicators) else ["", "", "", None, None, None]
                )
                rows.append(base + action + indicator)
    return header, rows


def priority_rows(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    header = [_("Levensdomein"), _("Voorgesteld door"), _("Gekozen"), _("Deelnemers")]
    rows = [
        [
            p["domain"],
            str(PROPOSED_BY[p["proposed_by"]]),
            _("ja") if p["chosen"] else _("nee"),
            p["participants"],
        ]
        for p in data["priorities"]
    ]
    return header, rows


def as_xlsx(data: dict[str, Any]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheets = [
        (book.active, _("Actieplan"), *plan_rows(data)),
        (book.create_sheet(), _("Prioriteiten"), *priority_rows(data)),
    ]
    for sheet, title, header, rows in sheets:
        sheet.title = title[:31]
        for row in [header, *rows]:
            sheet.append([None if v == "" else v for v in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text: "=…" is never a formula
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_ods(data: dict[str, Any]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for title, (header, rows) in (
        (_("Actieplan"), plan_rows(data)),
        (_("Prioriteiten"), priority_rows(data)),
    ):
        table = Table(name=title)
        for row in [header, *rows]:
            table_row = TableRow()
            for value in row:
                if isinstance(value, int | float) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value)
                    plain = int(value) if float(value).is_integer() else value
                    cell.addElement(P(text=str(plain)))
                elif value in (None, ""):
                    cell = TableCell()
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                table_row.addElement(cell)
            table.addElement(table_row)
        doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def as_pdf(project: Project, data: dict[str, Any], locale: str) -> bytes:
    from participatie.report.pdf import write_pdf

    html = render_template(
        "follow/pdf/plan.html",
        project=project,
        data=data,
        html_lang=html_lang(locale),
        text_direction=text_direction(locale),
        labels={"kind": INDICATOR_KIND, "unit": INDICATOR_UNIT, "status": ACTION_STATUS},
    )
    return write_pdf(html)


def export_plan(project: Project, fmt: str, locale: str) -> bytes | str:
    import json

    data = plan_data(project, locale)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "xlsx":
        return as_xlsx(data)
    if fmt == "ods":
        return as_ods(data)
    return as_pdf(project, data, locale)
