"""What the stuurgroep decided per theme, the actions that follow, and the project's influence.

Influence (shown to the stuurgroep and, in plain words, on the public page):
- share of themes with a decision, and share of all themes taken up (latest decision
  "opgenomen");
- median days from input to decision: per decided theme, from the day its first linked input came
  in (the day of the survey response, or the day the focus group met) to its first decision, in
  Brussels days: how long the first person who raised it waited for an answer. A theme without
  linked input counts from the day it was made.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from flask import abort
from sqlalchemy import select

from participatie import audit
from participatie.extensions import db
from participatie.follow.plan import goal_for_decision
from participatie.models import (
    Action,
    ActionStatus,
    Decision,
    DecisionOutcome,
    Project,
    Statement,
    Theme,
)
from participatie.models.base import utcnow
from participatie.report.suppression import percent

BRUSSELS = ZoneInfo("Europe/Brussels")
NEEDS_MOTIVATION = frozenset(o for o in DecisionOutcome if o != DecisionOutcome.TAKEN_UP)


@dataclass(frozen=True)
class Influence:
    themes: int
    decided: int
    taken_up: int
    median_days: float | None

    @property
    def decided_percent(self) -> Decimal | None:
        return percent(self.decided, self.themes)

    @property
    def taken_up_percent(self) -> Decimal | None:
        return percent(self.taken_up, self.themes)


def local_day(moment: datetime) -> date:
    return moment.astimezone(BRUSSELS).date()


def input_day(statement: Statement) -> date | None:
    if statement.answer is not None:
        response = statement.answer.response
        return local_day(response.completed_at or response.created_at)
    if statement.quote is not None:
        held = statement.quote.focus_group.held_on
        return held or local_day(statement.quote.created_at)
    return None


def influence(themes: list[Theme]) -> Influence:
    decided = [t for t in themes if t.decisions]
    taken_up = [t for t in decided if t.decisions[-1].outcome == DecisionOutcome.TAKEN_UP]
    waits = []
    for theme in decided:
        days = [d for d in (input_day(link.statement) for link in theme.links) if d is not None]
        start = min(days) if days else local_day(theme.created_at)
        first = min(d.decided_at for d in theme.decisions)
        waits.append(max(0, (local_day(first) - start).days))
    median = statistics.median(waits) if waits else None
    return Influence(len(themes), len(decided), len(taken_up), median)


# --- Looking up what a URL names, within the project --------------------------------------------


def theme_in(project: Project, public_id: str) -> Theme:
    theme = db.session.scalar(
        select(Theme).where(Theme.project_id == project.id, Theme.public_id == public_id)
    )
    return theme if theme is not None else abort(404)


def decision_in(project: Project, public_id: str) -> Decision:
    decision = db.session.scalar(
        select(Decision)
        .join(Theme, Theme.id == Decision.theme_id)
        .where(Theme.project_id == project.id, Decision.public_id == public_id)
    )
    return decision if decision is not None else abort(404)


def action_in(project: Project, public_id: str) -> Action:
    action = db.session.scalar(
        select(Action)
        .join(Decision, Decision.id == Action.decision_id)
        .join(Theme, Theme.id == Decision.theme_id)
        .where(Theme.project_id == project.id, Action.public_id == public_id)
    )
    return action if action is not None else abort(404)


def decision_of(action: Action) -> Decision:
    """The decision of an action found by `action_in` (which finds only actions of a decision)."""
    if action.decision is None:
        abort(404)
    return action.decision


# --- Changes, each with its audit event in the same transaction -------------------------------


def record_decision(
    theme: Theme,
    outcome: DecisionOutcome,
    motivation: dict[str, str],
    user_id: int | None,
    follows_oudergroep: bool | None = None,
) -> Decision:
    decision = Decision(
        theme=theme,
        outcome=outcome,
        motivation=_texts(motivation),
        recorded_by_id=user_id,
        decided_at=utcnow(),
        follows_oudergroep=follows_oudergroep,
    )
    db.session.add(decision)
    db.session.flush()
    _audit(
        "decision.create",
        theme,
        decision,
        outcome=outcome.value,
        follows_oudergroep=follows_oudergroep,
    )
    return decision


def update_decision(
    decision: Decision,
    outcome: DecisionOutcome,
    motivation: dict[str, str],
    follows_oudergroep: bool | None = None,
) -> None:
    decision.outcome = outcome
    decision.motivation = _texts(motivation)
    decision.follows_oudergroep = follows_oudergroep
    _audit(
        "decision.update",
        decision.theme,
        decision,
        outcome=outcome.value,
        follows_oudergroep=follows_oudergroep,
    )


def delete_decision(decision: Decision) -> None:
    _audit("decision.delete", decision.theme, decision, outcome=decision.outcome.value)
    db.session.delete(decision)


def save_action(decision: Decision, action: Action | None, data: dict[str, Any]) -> Action:
    created = action is None
    if action is None:
        # An action recorded on a decision belongs to the actieplan too, under its decision's goal.
        action = Action(decision=decision, goal=goal_for_decision(decision))
        db.session.add(action)
    action.title = _texts(data["title"])
    action.owner = data["owner"]
    action.due_on = data["due_on"]
    action.output_indicator = data["output_indicator"]
    action.outcome_indicator = data["outcome_indicator"]
    action.status = ActionStatus(data["status"])
    action.progress = int(data["progress"])
    db.session.flush()
    _audit("action.create" if created else "action.update", decision.theme, action)
    return action


def delete_action(action: Action) -> None:
    _audit("action.delete", decision_of(action).theme, action)
    db.session.delete(action)


def _texts(texts: dict[str, str]) -> dict[str, str]:
    return {lang: text.strip() for lang, text in texts.items() if text and text.strip()}


def _audit(what: str, theme: Theme, thing: Decision | Action, **details: Any) -> None:
    audit.record(
        what,
        project=db.session.get(Project, theme.project_id),
        object_type=type(thing).__name__.lower(),
        object_id=thing.public_id,
        theme=theme.public_id,
        **details,
    )
