"""The participant's browser session and their response: which response this session is filling
in for a survey, and starting one. The survey engine (where a question sits, what comes next) is
participatie/surveys/navigation.py."""

from __future__ import annotations

from flask import session
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Response, ResponseMode, Survey
from participatie.models.base import utcnow
from participatie.surveys.definition import SurveyDef, definition_at, load_definition


def _session_key(code: str) -> str:
    return "r:" + code


def current_response(survey: SurveyDef) -> Response | None:
    public_id = session.get(_session_key(survey.code))
    if not public_id:
        return None
    return db.session.scalar(
        select(Response).where(Response.public_id == public_id, Response.survey_id == survey.id)
    )


def load_with_response(code: str) -> tuple[SurveyDef, Response | None] | None:
    """The survey with this (normalised) code and this session's response to it.

    One query for both on the hot path: every question page needs them, and each round trip to
    the database costs a participant's page more than the rest of its work (issue 11)."""
    public_id = session.get(_session_key(code))
    if not public_id:
        survey = load_definition(code)
        return None if survey is None else (survey, None)
    row = db.session.execute(
        select(Survey.id, Survey.revision, Survey.status, Response)
        .outerjoin(Response, (Response.survey_id == Survey.id) & (Response.public_id == public_id))
        .where(Survey.code == code)
    ).first()
    if row is None:
        return None
    return definition_at(code, row.id, row.revision, str(row.status)), row.Response


def attach(survey: SurveyDef, response: Response) -> None:
    session[_session_key(survey.code)] = response.public_id
    session.permanent = True


def forget(survey: SurveyDef) -> None:
    session.pop(_session_key(survey.code), None)


def start_response(
    survey: SurveyDef, language: str, mode: ResponseMode = ResponseMode.SELF
) -> Response:
    now = utcnow()
    response = Response(
        survey_id=survey.id,
        survey_version=survey.version,
        language=language,
        mode=mode,
        consent_version=survey.consent_version,
        consented_at=now,
    )
    db.session.add(response)
    db.session.flush()
    attach(survey, response)
    return response
