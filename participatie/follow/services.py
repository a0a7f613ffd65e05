"""Changes to werkgroepen, goals, actions, indicators and measurements, each with its audit event
in the same transaction (the request commits). Lookups stay inside the project named by the URL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort
from sqlalchemy import select

from participatie import audit
from participatie.extensions import db
from participatie.models import (
    Action,
    ActionStatus,
    Goal,
    GoalKind,
    Indicator,
    IndicatorKind,
    IndicatorUnit,
    Measurement,
    Project,
    Question,
    Theme,
    User,
    Workgroup,
    WorkgroupMember,
)

Thing = Workgroup | Goal | Action | Indicator | Measurement


# --- Looking up what a URL names, within the project --------------------------------------------


def workgroup_in(project: Project, public_id: str) -> Workgroup:
    found = db.session.scalar(
        select(Workgroup).where(
            Workgroup.project_id == project.id, Workgroup.public_id == public_id
        )
    )
    return found if found is not None else abort(404)


def goal_in(project: Project, public_id: str) -> Goal:
    found = db.session.scalar(
        select(Goal)
        .join(Workgroup, Workgroup.id == Goal.workgroup_id)
        .where(Workgroup.project_id == project.id, Goal.public_id == public_id)
    )
    return found if found is not None else abort(404)


def action_in(project: Project, public_id: str) -> Action:
    found = db.session.scalar(
        select(Action)
        .join(Goal, Goal.id == Action.goal_id)
        .join(Workgroup, Workgroup.id == Goal.workgroup_id)
        .where(Workgroup.project_id == project.id, Action.public_id == public_id)
    )
    return found if found is not None else abort(404)


def indicator_in(project: Project, public_id: str) -> Indicator:
    indicator = db.session.scalar(select(Indicator).where(Indicator.public_id == public_id))
    if indicator is None or workgroup_of(indicator).project_id != project.id:
        abort(404)
    return indicator


def measurement_in(indicator: Indicator, public_id: str) -> Measurement:
    found = next((m for m in indicator.measurements if m.public_id == public_id), None)
    return found if found is not None else abort(404)


def goal_of(indicator: Indicator) -> Goal:
    if indicator.goal is not None:
        return indicator.goal
    assert indicator.action is not None  # the goal_or_action constraint
    return indicator.action.goal


def workgroup_of(thing: Goal | Action | Indicator) -> Workgroup:
    if isinstance(thing, Indicator):
        return goal_of(thing).workgroup
    if isinstance(thing, Action):
        return thing.goal.workgroup
    return thing.workgroup


def project_workgroups(project: Project) -> list[Workgroup]:
    return list(
        db.session.scalars(
            select(Workgroup).where(Workgroup.project_id == project.id).order_by(Workgroup.id)
        )
    )


def project_themes(project: Project) -> list[Theme]:
    return list(
        db.session.scalars(select(Theme).where(Theme.project_id == project.id).order_by(Theme.id))
    )


def themes_by_public_id(project: Project, public_ids: list[str]) -> list[Theme]:
    if not public_ids:
        return []
    return list(
        db.session.scalars(
            select(Theme).where(Theme.project_id == project.id, Theme.public_id.in_(public_ids))
        )
    )


# --- Werkgroepen ----------------------------------------------------------------------------------


def save_workgroup(
    project: Project, workgroup: Workgroup | None, data: dict[str, Any]
) -> Workgroup:
    created = workgroup is None
    if workgroup is None:
        workgroup = Workgroup(project_id=project.id, name=data["name"])
        db.session.add(workgroup)
    workgroup.name = data["name"]
    workgroup.domain_id = data["domain_id"]
    workgroup.themes = themes_by_public_id(project, data["themes"])
    _set_members(workgroup, data["users"], data["pseudonyms"])
    db.session.flush()
    _audit(
        "workgroup.create" if created else "workgroup.update",
        project,
        workgroup,
        members=len(workgroup.members),
    )
    return workgroup


def _set_members(workgroup: Workgroup, users: list[User], pseudonyms: list[str]) -> None:
    keep_users = {u.id for u in users}
    keep_names = set(pseudonyms)
    for member in list(workgroup.members):
        if (member.user_id is not None and member.user_id not in keep_users) or (
            member.pseudonym is not None and member.pseudonym not in keep_names
        ):
            workgroup.members.remove(member)
    have_users = {m.user_id for m in workgroup.members}
    have_names = {m.pseudonym for m in workgroup.members}
    for user in users:
        if user.id not in have_users:
            workgroup.members.append(WorkgroupMember(user=user))
    for name in pseudonyms:
        if name not in have_names:
            workgroup.members.append(WorkgroupMember(pseudonym=name))


def delete_workgroup(project: Project, workgroup: Workgroup) -> None:
    _audit("workgroup.delete", project, workgroup, name=workgroup.name, goals=len(workgroup.goals))
    db.session.delete(workgroup)


# --- Goals ----------------------------------------------------------------------------------------


def save_goal(
    project: Project, workgroup: Workgroup, goal: Goal | None, data: dict[str, Any]
) -> Goal:
    created = goal is None
    if goal is None:
        goal = Goal(workgroup=workgroup, kind=GoalKind.STRATEGIC)
        db.session.add(goal)
    parent: Goal | None = data["parent"]
    goal.kind = GoalKind.OPERATIONAL if parent is not None else GoalKind.STRATEGIC
    goal.parent = parent
    goal.title = _texts(data["title"])
    goal.description = data["description"]
    goal.owner = data["owner"]
    goal.deadline = data["deadline"]
    goal.themes = themes_by_public_id(project, data["themes"])
    db.session.flush()
    _audit("goal.create" if created else "goal.update", project, goal, kind=goal.kind.value)
    return goal


def measurements_under(goal: Goal) -> int:
    """Measurements a delete of this goal would take with it (its operational goals included)."""
    count = 0
    for indicator in goal.indicators:
        count += len(indicator.measurements)
    for action in goal.actions:
        count += sum(len(i.measurements) for i in action.indicators)
    return count + sum(measurements_under(child) for child in goal.children)


def delete_goal(project: Project, goal: Goal) -> None:
    _audit(
        "goal.delete",
        project,
        goal,
        title=goal.title,
        actions=len(goal.actions),
        measurements=measurements_under(goal),
    )
    db.session.delete(goal)


# --- Actions --------------------------------------------------------------------------------------


def save_action(
    project: Project, goal: Goal, action: Action | None, data: dict[str, Any]
) -> Action:
    created = action is None
    if action is None:
        # An action made under a goal that came from a decision keeps that decision's link.
        action = Action(goal=goal, decision=goal.decision)
        db.session.add(action)
    action.title = _texts(data["title"])
    action.owner = data["owner"]
    action.partners = data["partners"]
    action.start_on = data["start_on"]
    action.due_on = data["due_on"]
    action.expected_result = data["expected_result"]
    action.status = ActionStatus(data["status"])
    action.progress = int(data["progress"])
    db.session.flush()
    _audit("action.create" if created else "action.update", project, action, goal=goal.public_id)
    return action


def delete_action(project: Project, action: Action) -> None:
    _audit("action.delete", project, action, goal=action.goal.public_id)
    db.session.delete(action)


# --- Indicators and measurements -----------------------------------------------------------------


def save_indicator(
    project: Project,
    owner: Goal | Action,
    indicator: Indicator | None,
    data: dict[str, Any],
) -> Indicator:
    created = indicator is None
    if indicator is None:
        indicator = (
            Indicator(goal=owner, kind=IndicatorKind.OUTPUT, unit=IndicatorUnit.NUMBER)
            if isinstance(owner, Goal)
            else Indicator(action=owner, kind=IndicatorKind.OUTPUT, unit=IndicatorUnit.NUMBER)
        )
        db.session.add(indicator)
    indicator.name = _texts(data["name"])
    indicator.kind = IndicatorKind(data["kind"])
    indicator.unit = IndicatorUnit(data["unit"])
    indicator.baseline_value = data["baseline_value"]
    indicator.baseline_on = data["baseline_on"]
    indicator.target_value = data["target_value"]
    indicator.target_on = data["target_on"]
    question: Question | None = data["source_question"]
    indicator.source_question = question
    indicator.source_options = list(data["source_options"]) if question is not None else []
    db.session.flush()
    _audit(
        "indicator.create" if created else "indicator.update",
        project,
        indicator,
        kind=indicator.kind.value,
        unit=indicator.unit.value,
    )
    return indicator


def delete_indicator(project: Project, indicator: Indicator) -> None:
    _audit("indicator.delete", project, indicator, measurements=len(indicator.measurements))
    db.session.delete(indicator)


def add_measurement(
    project: Project,
    indicator: Indicator,
    measured_on: date,
    value: float,
    source: str,
    note: str,
    user_id: int | None,
) -> Measurement:
    measurement = Measurement(
        indicator=indicator,
        measured_on=measured_on,
        value=value,
        source=source,
        note=note,
        recorded_by_id=user_id,
    )
    db.session.add(measurement)
    db.session.flush()
    _audit(
        "measurement.create",
        project,
        measurement,
        indicator=indicator.public_id,
        value=value,
        date=measured_on.isoformat(),
    )
    return measurement


def delete_measurement(project: Project, measurement: Measurement) -> None:
    _audit(
        "measurement.delete",
        project,
        measurement,
        indicator=measurement.indicator.public_id,
        value=measurement.value,
        date=measurement.measured_on.isoformat(),
    )
    measurement.indicator.measurements.remove(measurement)
    db.session.delete(measurement)


def _texts(texts: dict[str, str]) -> dict[str, str]:
    return {lang: text.strip() for lang, text in texts.items() if text and text.strip()}


def _audit(what: str, project: Project, thing: Thing, **details: Any) -> None:
    audit.record(
        what,
        project=project,
        object_type=type(thing).__name__.lower(),
        object_id=thing.public_id,
        **details,
    )
