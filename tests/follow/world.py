"""A small actieplan on top of the demo: two werkgroepen, each with a werkgroep member, a
strategic and an operational goal, an action, an indicator with measurements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import Flask
from sqlalchemy import select

from participatie.auth.passwords import hash_password
from participatie.extensions import db
from participatie.models import (
    Action,
    Code,
    Goal,
    GoalKind,
    Indicator,
    IndicatorKind,
    IndicatorUnit,
    Measurement,
    Membership,
    Project,
    Role,
    Theme,
    User,
    Workgroup,
    WorkgroupMember,
)

MEMBER = "werkgroep@kempenaar.example"
OTHER_MEMBER = "andere-werkgroep@kempenaar.example"
PASSWORD = "demo-wachtwoord"


@dataclass(frozen=True)
class PlanWorld:
    workgroup: str
    other_workgroup: str
    goal: str
    operational: str
    action: str
    indicator: str
    measurement: str
    other_goal: str
    other_indicator: str


def _member(project: Project, email: str) -> User:
    user = User(email=email, name=email.split("@")[0], password_hash=hash_password(PASSWORD))
    db.session.add(user)
    db.session.add(Membership(user=user, project=project, role=Role.WERKGROEP))
    return user


def build_plan(app: Flask) -> PlanWorld:
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        onderwijs = db.session.scalar(
            select(Code).where(Code.project_id == project.id, Code.key == "onderwijs")
        )
        theme = db.session.scalar(select(Theme).where(Theme.project_id == project.id))
        member, other = _member(project, MEMBER), _member(project, OTHER_MEMBER)
        workgroup = Workgroup(
            project_id=project.id,
            name="Werkgroep school",
            domain=onderwijs,
            members=[WorkgroupMember(user=member), WorkgroupMember(pseudonym="P3")],
        )
        other_group = Workgroup(
            project_id=project.id,
            name="Werkgroep vrije tijd",
            members=[WorkgroupMember(user=other)],
        )
        goal = Goal(
            workgroup=workgroup,
            kind=GoalKind.STRATEGIC,
            title={"nl": "Elk kind kan mee op schooluitstap"},
            owner="Schepen van onderwijs",
            deadline=date(2027, 6, 30),
            themes=[theme] if theme else [],
        )
        operational = Goal(
            workgroup=workgroup,
            kind=GoalKind.OPERATIONAL,
            parent=goal,
            title={"nl": "Een uitstapfonds in elke school"},
        )
        action = Action(
            goal=goal,
            title={"nl": "Fonds opstarten met de scholen"},
            owner="OCMW",
            partners="LOP, scholen",
            due_on=date(2027, 1, 31),
        )
        indicator = Indicator(
            goal=goal,
            name={"nl": "Kinderen die meegingen"},
            kind=IndicatorKind.OUTCOME,
            unit=IndicatorUnit.PERCENTAGE,
            baseline_value=60,
            baseline_on=date(2026, 9, 1),
            target_value=95,
            target_on=date(2027, 6, 30),
            measurements=[Measurement(measured_on=date(2026, 12, 1), value=72, source="scholen")],
        )
        other_goal = Goal(
            workgroup=other_group, kind=GoalKind.STRATEGIC, title={"nl": "Iedereen een UiTPAS"}
        )
        other_indicator = Indicator(
            goal=other_goal,
            name={"nl": "UiTPASsen"},
            kind=IndicatorKind.OUTPUT,
            unit=IndicatorUnit.NUMBER,
        )
        db.session.add_all([workgroup, other_group, goal, operational, action, indicator])
        db.session.add_all([other_goal, other_indicator])
        db.session.commit()
        world = PlanWorld(
            workgroup=workgroup.public_id,
            other_workgroup=other_group.public_id,
            goal=goal.public_id,
            operational=operational.public_id,
            action=action.public_id,
            indicator=indicator.public_id,
            measurement=indicator.measurements[0].public_id,
            other_goal=other_goal.public_id,
            other_indicator=other_indicator.public_id,
        )
        db.session.remove()
    return world
