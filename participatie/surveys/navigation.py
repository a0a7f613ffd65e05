"""Where a participant is: the response tied to their session and the next question to show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import session
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Response, ResponseMode, Survey
from participatie.models.base import utcnow
from participatie.surveys import relevance
from participatie.surveys.definition import (
    QuestionDef,
    SurveyDef,
    definition_at,
    load_definition,
)

# Reserved page names under /s/<code>/: a question may not be called like this.
RESERVED_NAMES = frozenset(
    {"start", "klaar", "code", "verder", "verder-invullen", "wissen", "qr.svg", "meetcode"}
)


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


@dataclass(frozen=True)
class Place:
    """A question's place among the questions this participant sees."""

    question: QuestionDef
    number: int
    total: int
    previous: QuestionDef | None
    next: QuestionDef | None
    # Questions after this one on the longest path still open: routing can only shorten it, so
    # the progress a participant sees never jumps back ("1 van 4 → 3 van 6", issue 19).
    remaining_at_most: int = 0


def place_of(survey: SurveyDef, name: str, values: dict[str, Any]) -> Place | None:
    visible = survey.relevant_questions(values)
    for index, question in enumerate(visible):
        if question.name == name:
            return Place(
                question=question,
                number=index + 1,
                total=len(visible),
                previous=visible[index - 1] if index > 0 else None,
                next=visible[index + 1] if index + 1 < len(visible) else None,
                remaining_at_most=_remaining_at_most(survey, name, values),
            )
    return None


def _remaining_at_most(survey: SurveyDef, name: str, values: dict[str, Any]) -> int:
    """Later questions that are shown now or may still be: those whose relevance depends on
    this question or a later one (not yet settled). Notes are not questions to answer."""
    names = [q.name for q in survey.questions]
    unsettled = set(names[names.index(name) :])
    count = 0
    for question in survey.questions[names.index(name) + 1 :]:
        if question.type == "note":
            continue
        depends = relevance.references(relevance.parse(question.relevant))
        if question.is_relevant(values) or depends & unsettled:
            count += 1
    return count


def first_unanswered(
    survey: SurveyDef, answered: set[str], values: dict[str, Any]
) -> QuestionDef | None:
    for question in survey.relevant_questions(values):
        if question.name not in answered and question.type != "note":
            return question
    return None


def next_after(survey: SurveyDef, name: str, values: dict[str, Any]) -> QuestionDef | None:
    """The next visible question after `name`, judged on the answers as they are now."""
    seen = False
    for question in survey.questions:
        if seen and question.is_relevant(values):
            return question
        seen = seen or question.name == name
    return None


def complete(response: Response) -> None:
    if response.completed_at is None:
        response.completed_at = utcnow()
