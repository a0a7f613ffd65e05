"""The participant's browser session and their response: which response this session is filling
in for a survey, and starting one. The survey engine (where a question sits, what comes next) is
participatie/surveys/navigation.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import g, session
from sqlalchemy import bindparam, select

from participatie.extensions import db
from participatie.models import Answer, Response, ResponseMode, Survey
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


@dataclass(frozen=True)
class Journey:
    """A participant's survey, their response to it and the answers given so far (by name)."""

    survey: SurveyDef
    response: Response | None
    answers: dict[str, Answer] = field(default_factory=dict)


# Built once: composing a select costs more CPU per request than running it (issue 18).
_JOURNEY = (
    select(Survey.id, Survey.revision, Survey.status, Response, Answer)
    .outerjoin(
        Response,
        (Response.survey_id == Survey.id) & (Response.public_id == bindparam("public_id")),
    )
    .outerjoin(Answer, Answer.response_id == Response.id)
    .where(Survey.code == bindparam("code"))
)


def load_journey(code: str) -> Journey | None:
    """`load_with_response` and the response's answers, in one round trip: a row per answer."""
    public_id = session.get(_session_key(code))
    if not public_id:
        survey = load_definition(code)
        return None if survey is None else Journey(survey, None)
    rows = db.session.execute(_JOURNEY, {"code": code, "public_id": public_id}).all()
    if not rows:
        return None
    first = rows[0]
    survey = definition_at(code, first.id, first.revision, str(first.status))
    names = survey.question_names
    answers = {
        names[row.Answer.question_id]: row.Answer
        for row in rows
        if row.Answer is not None and row.Answer.question_id in names
    }
    return Journey(survey, first.Response, answers)


def read_only() -> None:
    """This request only reads: its statements run without BEGIN and COMMIT, two round trips
    fewer for a page (psycopg opens a transaction with a statement of its own), and the
    request's end has nothing to commit (database.py). Call it before the first statement."""
    db.session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    g.read_only = True


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
