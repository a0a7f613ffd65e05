"""Project overviews for coordinators and the site admin."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import FocusGroup, Project, Quote, Survey, User
from participatie.report.participants import participants_per_survey


@dataclass(frozen=True)
class SurveyRow:
    survey: Survey
    responses: int


def survey_rows(project: Project) -> list[SurveyRow]:
    # The same participants as every results page and export count (report/participants.py).
    counts = participants_per_survey(project)
    surveys = db.session.scalars(
        select(Survey).where(Survey.project_id == project.id).order_by(Survey.created_at)
    )
    return [SurveyRow(survey, counts.get(survey.id, 0)) for survey in surveys]


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
