"""What each role sees on its own home in a project: the stuurgroep member, the werkgroep member
and the volunteer. (There is no translator role yet; the coordinator has the task list.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import selectinload

from participatie.coordinate.home.figures import MEASURE_EVERY
from participatie.extensions import db
from participatie.models import (
    Action,
    ActionStatus,
    Assistance,
    Decision,
    Goal,
    Indicator,
    Meeting,
    MeetingKind,
    Project,
    Release,
    Response,
    ResponseMode,
    Survey,
    SurveyStatus,
    Theme,
    User,
    Workgroup,
    WorkgroupMember,
)
from participatie.models.base import utcnow


@dataclass(frozen=True)
class StuurgroepHome:
    latest: Release | None
    themes_waiting: int  # themes the stuurgroep has not decided on yet
    next_meeting: Meeting | None


def stuurgroep_home(project: Project, now: datetime | None = None) -> StuurgroepHome:
    now = now or utcnow()
    latest = db.session.scalar(
        select(Release)
        .where(Release.project_id == project.id)
        .order_by(Release.number.desc())
        .limit(1)
    )
    waiting = db.session.scalar(
        select(func.count(Theme.id)).where(
            Theme.project_id == project.id, ~exists().where(Decision.theme_id == Theme.id)
        )
    )
    meeting = db.session.scalar(
        select(Meeting)
        .where(
            Meeting.project_id == project.id,
            Meeting.kind == MeetingKind.STUURGROEP,
            Meeting.starts_at >= now,
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )
    return StuurgroepHome(latest, waiting or 0, meeting)


@dataclass(frozen=True)
class IndicatorDue:
    indicator: Indicator
    last_measured: object  # date | None


@dataclass(frozen=True)
class WorkgroupHome:
    workgroup: Workgroup
    goals: list[Goal]
    open_actions: list[Action]
    overdue_actions: int
    indicators_due: list[Indicator]


def _due(indicator: Indicator, now: datetime) -> bool:
    if indicator.measurements:
        return indicator.measurements[-1].measured_on < (now - MEASURE_EVERY).date()
    created = indicator.created_at
    if created.tzinfo is None:
        created = created.replace(tzinfo=now.tzinfo)
    return created < now - MEASURE_EVERY


def workgroup_homes(
    project: Project, user: User, now: datetime | None = None
) -> list[WorkgroupHome]:
    """The werkgroepen the user is a member of, with their goals, actions and measurements due."""
    now = now or utcnow()
    workgroups = db.session.scalars(
        select(Workgroup)
        .where(
            Workgroup.project_id == project.id,
            Workgroup.id.in_(
                select(WorkgroupMember.workgroup_id).where(WorkgroupMember.user_id == user.id)
            ),
        )
        .options(
            selectinload(Workgroup.goals)
            .selectinload(Goal.actions)
            .selectinload(Action.indicators),
            selectinload(Workgroup.goals).selectinload(Goal.indicators),
        )
        .order_by(Workgroup.name)
    ).all()
    homes = []
    today = now.date()
    for workgroup in workgroups:
        goals = list(workgroup.goals)
        actions = [a for g in goals for a in g.actions]
        open_actions = [
            a for a in actions if a.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
        ]
        indicators = [i for g in goals for i in g.indicators] + [
            i for a in actions for i in a.indicators
        ]
        homes.append(
            WorkgroupHome(
                workgroup=workgroup,
                goals=goals,
                open_actions=open_actions,
                overdue_actions=sum(1 for a in open_actions if a.due_on and a.due_on < today),
                indicators_due=[i for i in indicators if _due(i, now)],
            )
        )
    return homes


@dataclass(frozen=True)
class VolunteerSurvey:
    survey: Survey
    paper_waiting: int  # printed paper forms whose answers are not typed in yet


@dataclass(frozen=True)
class VolunteerHome:
    surveys: list[VolunteerSurvey]
    synced_conversations: int  # this volunteer's conversations that reached the server offline


def volunteer_home(project: Project, user: User) -> VolunteerHome:
    surveys = db.session.scalars(
        select(Survey)
        .where(Survey.project_id == project.id, Survey.status == SurveyStatus.OPEN)
        .order_by(Survey.created_at)
    ).all()
    waiting = dict(
        db.session.execute(
            select(Response.survey_id, func.count(Response.id))
            .where(
                Response.survey_id.in_([s.id for s in surveys]),
                Response.mode == ResponseMode.PAPER,
                Response.paper_number.is_not(None),
                Response.completed_at.is_(None),
            )
            .group_by(Response.survey_id)
        ).all()
    )
    synced = db.session.scalar(
        select(func.count(Response.id))
        .join(Assistance, Assistance.response_id == Response.id)
        .join(Survey, Survey.id == Response.survey_id)
        .where(
            Survey.project_id == project.id,
            Response.mode == ResponseMode.OFFLINE,
            Assistance.volunteer_id == user.id,
        )
    )
    return VolunteerHome([VolunteerSurvey(s, waiting.get(s.id, 0)) for s in surveys], synced or 0)
