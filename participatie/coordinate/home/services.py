"""Project overviews for coordinators and the site admin."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import FocusGroup, Membership, Project, Quote, Role, Survey, User
from participatie.report.participants import participant_count


@dataclass(frozen=True)
class SurveyRow:
    survey: Survey
    responses: int


def survey_rows(project: Project) -> list[SurveyRow]:
    # The same participants as every results page and export count (report/participants.py),
    # in the same query as the surveys.
    rows = db.session.execute(
        select(Survey, participant_count())
        .where(Survey.project_id == project.id)
        .order_by(Survey.created_at)
    ).all()
    return [SurveyRow(survey, count) for survey, count in rows]


def focus_group_rows(project: Project) -> list[tuple[FocusGroup, int]]:
    rows = db.session.execute(
        select(FocusGroup, func.count(Quote.id))
        .outerjoin(Quote)
        .where(FocusGroup.project_id == project.id)
        .group_by(FocusGroup.id)
        .order_by(FocusGroup.held_on)
    ).all()
    return [(group, count) for group, count in rows]


def all_projects() -> list[Project]:
    return list(db.session.scalars(select(Project).order_by(Project.name)))


def all_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.email)))


def stuurgroep_members(project: Project) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.project_id == project.id, Membership.role == Role.STUURGROEP)
            .order_by(User.name, User.email)
        )
    )
