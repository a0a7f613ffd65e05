"""The stuurgroep's texts of a project as units for a translator, in the order of the public page:
the intro, then per theme its title, the reason of its latest decision and that decision's
actions, then the werkgroepen's goals and their indicators.

Ids name the owner by its public id (`decision:<id>:reason`), so a file that comes back weeks
later still points at the same text, and a text id never says anything about another project.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from participatie.extensions import db
from participatie.i18n import SOURCE_LOCALE
from participatie.models import Action, Decision, Goal, Indicator, Project, Theme, Workgroup
from participatie.surveys.texts import TextUnit, same_text
from participatie.translating import messages as msg

FILE_NAME = "stuurgroep"


def _unit(
    units: list[TextUnit], text_id: str, owner: object, attribute: str, note: str, language: str
) -> None:
    texts: dict[str, str] = getattr(owner, attribute) or {}
    source = same_text(texts.get(SOURCE_LOCALE, ""))
    if source:
        units.append(
            TextUnit(text_id, source, same_text(texts.get(language, "")), note, owner, attribute)
        )


def _dutch(texts: dict[str, str] | None) -> str:
    return same_text((texts or {}).get(SOURCE_LOCALE, ""))


def stuurgroep_units(project: Project, language: str) -> list[TextUnit]:
    units: list[TextUnit] = []
    _unit(units, "project:intro", project, "public_intro", str(msg.NOTE_PUBLIC_INTRO), language)
    themes = db.session.scalars(
        select(Theme)
        .where(Theme.project_id == project.id)
        .options(selectinload(Theme.decisions).selectinload(Decision.actions))
        .order_by(Theme.created_at, Theme.id)
    ).all()
    for theme in themes:
        title = _dutch(theme.title)
        _unit(
            units, f"theme:{theme.public_id}:title", theme, "title", str(msg.NOTE_THEME), language
        )
        if not theme.decisions:
            continue
        decision = theme.decisions[-1]  # the one the public page shows
        note = str(msg.NOTE_REASON % {"theme": title})
        _unit(
            units, f"decision:{decision.public_id}:reason", decision, "motivation", note, language
        )
        for action in decision.actions:
            note = str(msg.NOTE_ACTION % {"theme": title})
            _unit(units, f"action:{action.public_id}:title", action, "title", note, language)
    goals = db.session.scalars(
        select(Goal)
        .join(Workgroup, Workgroup.id == Goal.workgroup_id)
        .where(Workgroup.project_id == project.id)
        .options(selectinload(Goal.workgroup))
        .order_by(Workgroup.id, Goal.id)
    ).all()
    indicators = db.session.scalars(
        select(Indicator)
        .where(
            or_(
                Indicator.goal_id.in_([g.id for g in goals]),
                Indicator.action_id.in_(
                    select(Action.id).where(Action.goal_id.in_([g.id for g in goals]))
                ),
            )
        )
        .order_by(Indicator.id)
    ).all()
    for goal in goals:
        note = str(msg.NOTE_GOAL % {"workgroup": goal.workgroup.name})
        _unit(units, f"goal:{goal.public_id}:title", goal, "title", note, language)
        for indicator in indicators:
            if indicator.goal_id == goal.id or (
                indicator.action is not None and indicator.action.goal_id == goal.id
            ):
                note = str(msg.NOTE_INDICATOR % {"goal": _dutch(goal.title)})
                text_id = f"indicator:{indicator.public_id}:name"
                _unit(units, text_id, indicator, "name", note, language)
    return units


def text_id_for(owner: object) -> str | None:
    """The id of the stuurgroep text a coordinator's form just saved on `owner`."""
    if isinstance(owner, Project):
        return "project:intro"
    if isinstance(owner, Theme):
        return f"theme:{owner.public_id}:title"
    if isinstance(owner, Decision):
        return f"decision:{owner.public_id}:reason"
    if isinstance(owner, Action):
        return f"action:{owner.public_id}:title"
    if isinstance(owner, Goal):
        return f"goal:{owner.public_id}:title"
    if isinstance(owner, Indicator):
        return f"indicator:{owner.public_id}:name"
    return None
