"""The actieplan's structure: where an action of a decision goes, and when a goal is SMART.

No Flask routes here: report/ (actions recorded on the decisions page), the demo and the follow
pages all use these functions. Nothing commits; the caller's request does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Flask
from sqlalchemy import event, select
from sqlalchemy.orm import Session, scoped_session

from participatie.extensions import db
from participatie.models import Action, Code, Decision, Goal, GoalKind, Workgroup

# The request's scoped session, or the plain session a flush hook is handed.
AnySession = Session | scoped_session[Any]


@dataclass(frozen=True)
class Smartness:
    """What a goal still lacks before it counts as SMART; empty = SMART."""

    missing: tuple[str, ...]  # of "owner", "deadline", "indicator", "title"

    @property
    def is_smart(self) -> bool:
        return not self.missing


def smartness(goal: Goal) -> Smartness:
    missing = []
    if not any(text.strip() for text in goal.title.values()):
        missing.append("title")
    if not goal.owner.strip():
        missing.append("owner")
    if goal.deadline is None:
        missing.append("deadline")
    if not goal.indicators:
        missing.append("indicator")
    return Smartness(tuple(missing))


def workgroup_for_domain(
    project_id: int, domain_id: int | None, name: str, session: AnySession | None = None
) -> Workgroup:
    """The project's first werkgroep of a domain, made (named `name`) when there is none."""
    session = session if session is not None else db.session
    for pending in session.new:
        if (
            isinstance(pending, Workgroup)
            and pending.project_id == project_id
            and _domain_id(pending.domain, pending.domain_id) == domain_id
        ):
            return pending
    with session.no_autoflush:
        found = session.scalar(
            select(Workgroup)
            .where(
                Workgroup.project_id == project_id,
                Workgroup.domain_id.is_(None)
                if domain_id is None
                else Workgroup.domain_id == domain_id,
            )
            .order_by(Workgroup.id)
        )
    if found is not None:
        return found
    workgroup = Workgroup(project_id=project_id, domain_id=domain_id, name=name[:200])
    session.add(workgroup)
    return workgroup


def goal_for_decision(decision: Decision, session: AnySession | None = None) -> Goal:
    """The goal an action recorded on a decision hangs under (as the 0005 migration made them):
    one strategic goal per decision, titled after its theme, in its domain's werkgroep.

    Never flushes, so it also serves the before-flush hook below.
    """
    session = session if session is not None else db.session
    for pending in session.new:
        if isinstance(pending, Goal) and pending.decision is decision:
            return pending
    if decision.id is not None:
        with session.no_autoflush:
            goal = session.scalar(select(Goal).where(Goal.decision_id == decision.id).limit(1))
        if goal is not None:
            return goal
    theme = decision.theme
    domain = theme.domain
    label = (domain.label.get("nl") or domain.key) if domain is not None else ""
    workgroup = workgroup_for_domain(
        theme.project_id,
        _domain_id(domain, theme.domain_id),
        f"Werkgroep {label}" if label else "Werkgroep",
        session,
    )
    goal = Goal(
        workgroup=workgroup,
        kind=GoalKind.STRATEGIC,
        decision=decision,
        title=dict(theme.title),
        themes=[theme],
    )
    session.add(goal)
    return goal


def _domain_id(domain: Code | None, domain_id: int | None) -> int | None:
    # A pending row may name its domain by relationship only, before the flush sets the column.
    return domain.id if domain is not None else domain_id


def _actions_under_goals(session: Session, _context: object, _instances: object) -> None:
    """An action made for a decision without a goal goes under its decision's goal, whichever
    code made it (the decisions page, the demo, another area's import)."""
    with session.no_autoflush:
        for action in [o for o in session.new if isinstance(o, Action)]:
            if action.goal is None and action.goal_id is None and action.decision is not None:
                action.goal = goal_for_decision(action.decision, session)


def init_follow(app: Flask) -> None:  # noqa: ARG001  (every init_* takes the app)
    if not event.contains(Session, "before_flush", _actions_under_goals):
        event.listen(Session, "before_flush", _actions_under_goals)
