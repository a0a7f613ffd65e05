"""Assisted responses: a volunteer fills in a survey together with a parent.

The response itself looks like any other (mode `assisted`); who helped, and the consent they
confirmed, live only in `Assistance`, which no result or export reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import abort
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from participatie.extensions import db
from participatie.models import (
    Assistance,
    Project,
    Response,
    ResponseMode,
    Survey,
    SurveyStatus,
    User,
)
from participatie.models.base import utcnow
from participatie.surveys.answers import (
    Parsed,
    answer_values,
    claim_idempotency_key,
    form_content_hash,
    parse_answer,
    save_answer,
    stored_answers,
)
from participatie.surveys.codes import find_survey_code
from participatie.surveys.definition import QuestionDef, SurveyDef, load_definition
from participatie.surveys.navigation import first_unanswered

# Without a project setting, these questions are "sensitive": the volunteer is told to hand the
# phone over, so the parent answers unseen. Open answers (a type's open_text) and the "what is
# hard" domain picker.
SENSITIVE_APPEARANCES = frozenset({"domains"})


def open_surveys(project: Project) -> list[SurveyDef]:
    """The project's open surveys, as volunteers may use them; no counts, no results."""
    codes = db.session.scalars(
        select(Survey.code)
        .where(Survey.project_id == project.id, Survey.status == SurveyStatus.OPEN)
        .order_by(Survey.created_at)
    )
    return [d for d in (load_definition(code) for code in codes) if d is not None]


def survey_in_project(
    project: Project, code: str, statuses: tuple[str, ...] = ("open",)
) -> SurveyDef:
    """The survey with this code in this project and one of these statuses; anything else
    answers 404, so codes of other projects cannot be probed."""
    survey = load_definition(find_survey_code(code) or "")
    if survey is None or survey.project_id != project.id or survey.status not in statuses:
        abort(404)
    return survey


def parent_language(survey: SurveyDef, wanted: str | None) -> str | None:
    """The language if the survey is offered in it, else None."""
    return wanted if wanted in survey.languages else None


def start_assisted(survey: SurveyDef, volunteer: User, language: str) -> Response:
    """A new response, with the consent the volunteer confirmed recorded apart."""
    now = utcnow()
    response = Response(
        survey_id=survey.id,
        survey_version=survey.version,
        language=language,
        mode=ResponseMode.ASSISTED,
        consent_version=survey.consent_version,
        consented_at=now,
    )
    response.assistance = Assistance(
        volunteer_id=volunteer.id,
        consent_confirmed_at=now,
        consent_version=survey.consent_version,
        consent_language=language,
    )
    db.session.add(response)
    db.session.flush()
    return response


def assisted_response(project: Project, volunteer: User, public_id: str) -> Response:
    """One of this volunteer's own assisted responses in this project, else 404."""
    response = db.session.scalar(
        select(Response)
        .join(Assistance)
        .join(Survey, Survey.id == Response.survey_id)
        .where(
            Response.public_id == public_id,
            Response.mode == ResponseMode.ASSISTED,
            Assistance.volunteer_id == volunteer.id,
            Survey.project_id == project.id,
        )
    )
    if response is None:
        abort(404)
    return response


def definition_of(response: Response) -> SurveyDef:
    code = db.session.scalar(select(Survey.code).where(Survey.id == response.survey_id))
    survey = load_definition(code or "")
    if survey is None:
        abort(404)
    return survey


@dataclass(frozen=True)
class Unfinished:
    public_id: str
    language: str
    started_at: datetime


def unfinished_responses(survey: SurveyDef, volunteer: User) -> list[Unfinished]:
    """This volunteer's paused conversations: when and in which language, never the answers."""
    rows = db.session.execute(
        select(Response.public_id, Response.language, Response.created_at)
        .join(Assistance)
        .where(
            Response.survey_id == survey.id,
            Response.mode == ResponseMode.ASSISTED,
            Response.completed_at.is_(None),
            Assistance.volunteer_id == volunteer.id,
        )
        .order_by(Response.created_at.desc())
        .limit(20)
    ).all()
    return [Unfinished(*row) for row in rows]


def where_to_continue(response: Response, survey: SurveyDef) -> QuestionDef | None:
    answers = stored_answers(response, survey)
    return first_unanswered(survey, set(answers), answer_values(answers))


def switch_language(response: Response, survey: SurveyDef, language: str | None) -> None:
    """Another language for this participant only; the volunteer's own pages stay as they are."""
    chosen = parent_language(survey, language)
    if chosen is not None:
        response.language = chosen
        response.updated_at = utcnow()


def is_sensitive(project: Project, question: QuestionDef) -> bool:
    configured: Any = (project.settings or {}).get("sensitive_questions")
    if isinstance(configured, list):
        return question.name in configured
    return question.answer_type.open_text or question.appearance in SENSITIVE_APPEARANCES


def record_answer(
    response: Response, survey: SurveyDef, question: QuestionDef, form: MultiDict[str, str]
) -> Parsed:
    """The participant's own answer services: parse, store once per idempotency key."""
    parsed = parse_answer(question, form, answer_values(stored_answers(response, survey)))
    content = form_content_hash(question.name, form)
    if parsed.error is None and claim_idempotency_key(form.get("idem", ""), response, content):
        save_answer(response, survey, question, parsed)
    return parsed
