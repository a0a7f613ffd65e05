"""Surveys of a project: find, create (blank, from a template or from XLSForm), settings, status.

Versioning (revision and version on every edit) is participatie/surveys/versions.py.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import abort
from sqlalchemy import func, select

from participatie.audit import record
from participatie.coordinate.surveys import messages as msg
from participatie.extensions import db
from participatie.models import Project, Question, Response, Survey, SurveyStatus
from participatie.models.base import utcnow
from participatie.surveys.assemble import survey_from_definition
from participatie.surveys.catalogue import template_definition
from participatie.surveys.codes import find_survey_code
from participatie.surveys.conditions import expression_problem
from participatie.surveys.kinds import CHOICE_KINDS, question_kind
from participatie.surveys.snapshot import current_questions
from participatie.surveys.versions import freeze_if_answered, record_change

# No 0/O or 1/I: codes are read from flyers and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def survey_for(project: Project, public_id: str) -> Survey:
    """The survey with this public id in this project; any other answers 404."""
    survey = db.session.scalar(
        select(Survey).where(Survey.public_id == public_id, Survey.project_id == project.id)
    )
    if survey is None:
        abort(404)
    return survey


def question_for(survey: Survey, name: str) -> Question:
    for question in current_questions(survey):
        if question.name == name:
            return question
    abort(404)


def code_taken(code: str, survey: Survey | None = None) -> bool:
    query = select(Survey.id).where(Survey.code == code)
    if survey is not None:
        query = query.where(Survey.id != survey.id)
    return db.session.scalar(query) is not None


def new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if not code_taken(code):
            return code


def create_from_definition(project: Project, definition: dict[str, Any], code: str) -> Survey:
    survey = survey_from_definition(project, {**definition, "code": code})
    db.session.add(survey)
    db.session.flush()
    return survey


@dataclass
class ImportOutcome:
    survey: Survey | None
    errors: list[tuple[str, str]]  # (field, message): "code" or "file"
    notices: list[str]
    unknown_languages: list[str] = field(default_factory=list)  # names to ask a code for


def import_xlsform(
    project: Project,
    data: bytes,
    filename: str,
    wanted_code: str,
    via: str,
    languages: Mapping[str, str] | None = None,
) -> ImportOutcome:
    """An uploaded XLSForm as a new draft survey, or every reason why not."""
    code = find_survey_code(wanted_code) if wanted_code else None
    if code and code_taken(code):
        return ImportOutcome(None, [("code", str(msg.CODE_TAKEN))], [])
    # Sizes first, from the zip directory and a read-only pass that stops at the first cap:
    # an oversized form is refused in a moment, before pyxform would load all of it.
    from participatie.surveys.xlsform_bounds import xlsform_problem

    problem = xlsform_problem(data)
    if problem is not None:
        return ImportOutcome(None, [("file", problem)], [])
    # pyxform is heavy (~16 MB): loaded by the worker that imports a form, not by every worker.
    from participatie.surveys.xlsform import read_xlsform

    result = read_xlsform(data, fallback_title=Path(filename).stem, languages=languages)
    if result.definition is None:
        return ImportOutcome(
            None,
            [("file", problem) for problem in result.problems],
            result.notices,
            result.unknown_languages,
        )
    survey = create_from_definition(project, result.definition, code or new_code())
    record(
        "survey.import",
        project=project,
        object_type="survey",
        object_id=survey.public_id,
        code=survey.code,
        file=filename,
        via=via,
    )
    return ImportOutcome(survey, [], result.notices)


def create_survey(project: Project, title: str, template_key: str, subject: str) -> Survey:
    if template_key:
        definition = template_definition(template_key, subject)
    else:
        definition = {"title": {}, "questions": []}
    if title:
        # The template's translations are of its own title, not of this one: the other languages
        # wait for a translator (and the survey is not offered in them until then).
        definition["title"] = {"nl": title}
    return create_from_definition(project, definition, new_code())


def response_count(survey: Survey) -> int:
    return (
        db.session.scalar(select(func.count(Response.id)).where(Response.survey_id == survey.id))
        or 0
    )


@dataclass(frozen=True)
class SurveySettings:
    title: str
    intro: str
    thanks: str
    estimated_minutes: int
    code: str


def code_editable(survey: Survey) -> bool:
    return survey.status == SurveyStatus.DRAFT and not freeze_if_answered(survey)


def current_settings(survey: Survey) -> dict[str, Any]:
    return {
        "title": survey.title.get("nl", ""),
        "intro": survey.intro.get("nl", ""),
        "thanks": survey.thanks.get("nl", ""),
        "estimated_minutes": survey.estimated_minutes,
        "code": survey.code,
    }


def update_settings(survey: Survey, settings: SurveySettings) -> list[tuple[str, str]]:
    """Saves the Dutch texts and the code; the code changes only before flyers exist."""
    code = find_survey_code(settings.code) or survey.code
    if code != survey.code and not code_editable(survey):
        return [("code", str(msg.CODE_FIXED))]
    if code_taken(code, survey):
        return [("code", str(msg.CODE_TAKEN))]
    record_change(survey, structural=False)
    survey.title = {**survey.title, "nl": settings.title}
    survey.intro = {**survey.intro, "nl": settings.intro}
    survey.thanks = {**survey.thanks, "nl": settings.thanks}
    survey.estimated_minutes = settings.estimated_minutes
    survey.code = code
    return []


def publish_problems(survey: Survey) -> list[str]:
    questions = current_questions(survey)
    problems = []
    if not survey.title.get("nl"):
        problems.append(str(msg.PUBLISH_NO_TITLE))
    if not questions:
        problems.append(str(msg.PUBLISH_NO_QUESTIONS))
    # Calculations (from XLSForm) may be used by any question's routing.
    earlier: list[str] = [calculation["name"] for calculation in survey.calculations or []]
    for question in questions:
        label = question.label.get("nl", "")
        if not label:
            problems.append(str(msg.PUBLISH_NO_LABEL % {"name": question.name}))
        if question_kind(question) in CHOICE_KINDS and not question.options:
            problems.append(str(msg.PUBLISH_NO_OPTIONS % {"question": label or question.name}))
        problem = expression_problem(question.relevant, earlier) if question.relevant else None
        if problem:
            problems.append(
                str(msg.PUBLISH_ROUTING % {"question": label or question.name, "problem": problem})
            )
        earlier.append(question.name)
    return problems


def change_status(survey: Survey, action: str) -> list[str]:
    """publish / close / reopen; returns why not, or nothing when done."""
    if action in {"publish", "reopen"}:
        problems = publish_problems(survey)
        if problems:
            return problems
        record_change(survey, structural=False)
        survey.status = SurveyStatus.OPEN
        survey.opened_at = utcnow()
        survey.closed_at = None
    elif action == "close":
        record_change(survey, structural=False)
        survey.status = SurveyStatus.CLOSED
        survey.closed_at = utcnow()
    return []


def delete_survey(survey: Survey) -> bool:
    """Only a survey nobody answered may go: answers are never thrown away."""
    if response_count(survey):
        return False
    db.session.delete(survey)
    return True
