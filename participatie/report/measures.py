"""Setting up a resultaatsmeting and moving it to its second round (the coordinator's side)."""

from __future__ import annotations

from sqlalchemy import select

from participatie import audit
from participatie.coordinate.surveys.services import create_survey
from participatie.extensions import db
from participatie.models import Action, Decision, Goal, Project, ResultMeasure, Theme, Workgroup
from participatie.models.base import utcnow

TEMPLATE_KEY = "resultaatsmeting"


def project_measures(project: Project) -> list[ResultMeasure]:
    return list(
        db.session.scalars(
            select(ResultMeasure)
            .where(ResultMeasure.project_id == project.id)
            .order_by(ResultMeasure.created_at.desc(), ResultMeasure.id.desc())
        )
    )


def measure_in(project: Project, public_id: str) -> ResultMeasure | None:
    return db.session.scalar(
        select(ResultMeasure).where(
            ResultMeasure.project_id == project.id, ResultMeasure.public_id == public_id
        )
    )


def project_decisions(project: Project) -> list[Decision]:
    return list(
        db.session.scalars(
            select(Decision)
            .join(Theme, Theme.id == Decision.theme_id)
            .where(Theme.project_id == project.id)
            .order_by(Decision.decided_at, Decision.id)
        )
    )


def project_goals(project: Project) -> list[Goal]:
    return list(
        db.session.scalars(
            select(Goal)
            .join(Workgroup, Workgroup.id == Goal.workgroup_id)
            .where(Workgroup.project_id == project.id)
            .order_by(Goal.id)
        )
    )


def create_measure(
    project: Project,
    subject: str,
    decision: Decision | None,
    goal: Goal | None = None,
    action: Action | None = None,
) -> ResultMeasure:
    """A new survey from the resultaatsmeting template, in its first ("voor") round."""
    survey = create_survey(project, "", TEMPLATE_KEY, subject)
    measure = ResultMeasure(
        project=project, survey=survey, decision=decision, goal=goal, action=action
    )
    db.session.add(measure)
    db.session.flush()
    audit.record(
        "measure.create",
        project=project,
        object_type="result_measure",
        object_id=measure.public_id,
        survey=survey.code,
        decision=decision.public_id if decision else "",
        goal=goal.public_id if goal else "",
        linked_action=action.public_id if action else "",
    )
    return measure


def start_after_round(measure: ResultMeasure) -> bool:
    """Answers from now on belong to the "na" round. False when it had started already."""
    if measure.after_started_at is not None:
        return False
    measure.after_started_at = utcnow()
    audit.record(
        "measure.after_round",
        project=measure.project,
        object_type="result_measure",
        object_id=measure.public_id,
    )
    return True
