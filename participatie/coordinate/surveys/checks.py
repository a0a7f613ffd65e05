"""What the builder shows next to each question: plain-language findings and missing languages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Option, Project, Question, Survey, SurveyStatus
from participatie.surveys.jargon import JargonEntry, project_jargon
from participatie.surveys.readability import TextCheck, check_parts, check_text
from participatie.surveys.snapshot import current_questions


def question_parts(question: Question, language: str) -> list[str]:
    """The texts a participant reads on the question's page, in one language."""
    parts = [question.label.get(language, ""), question.hint.get(language, "")]
    parts.extend(option.label.get(language, "") for option in question.options)
    return [part for part in parts if part]


def missing_languages(question: Question, languages: Sequence[str]) -> list[str]:
    """Project languages in which some text of this question is not translated yet."""
    return _missing(
        question.label, question.hint, [option.label for option in question.options], languages
    )


def _missing(
    label: dict[str, str],
    hint: dict[str, str],
    options: Sequence[dict[str, str]],
    languages: Sequence[str],
) -> list[str]:
    texts = [label, *([hint] if hint.get("nl") else []), *options]
    return [lang for lang in languages if any(not text.get(lang) for text in texts)]


def surveys_missing_language(project: Project) -> list[str]:
    """Public ids of the project's surveys still in use (not closed), oldest first, with a
    question text missing in a project language. For the project's home: the texts alone, as
    plain rows (the question and option objects cost ~10 ms of CPU a request there)."""
    if len(project.languages) < 2:
        return []
    in_use = (Survey.project_id == project.id, Survey.status != SurveyStatus.CLOSED)
    options: dict[int, list[dict[str, str]]] = defaultdict(list)
    for question_id, label in db.session.execute(
        select(Option.question_id, Option.label)
        .join(Question, Question.id == Option.question_id)
        .join(Survey, Survey.id == Question.survey_id)
        .where(*in_use)
    ):
        options[question_id].append(label)
    questions = db.session.execute(
        select(Survey.public_id, Question.id, Question.label, Question.hint)
        .join(Survey, Survey.id == Question.survey_id)
        .where(*in_use)
        .order_by(Survey.created_at, Survey.id)
    )
    found: dict[str, None] = {}  # ordered, once each
    for public_id, question_id, label, hint in questions:
        if public_id not in found and _missing(
            label, hint, options[question_id], project.languages
        ):
            found[public_id] = None
    return list(found)


def question_checks(
    question: Question, languages: Sequence[str], jargon: Sequence[JargonEntry]
) -> list[TextCheck]:
    checks = []
    for language in languages:
        check = check_parts(question_parts(question, language), language, jargon)
        if check is not None:
            checks.append(check)
    return checks


@dataclass(frozen=True)
class QuestionReport:
    question: Question
    number: int
    missing: list[str]
    checks: list[TextCheck]

    @property
    def warnings(self) -> int:
        return sum(len(check.findings) for check in self.checks)


def survey_report(survey: Survey, project: Project) -> list[QuestionReport]:
    jargon = project_jargon(project)
    return [
        QuestionReport(
            question=question,
            number=index + 1,
            missing=missing_languages(question, project.languages),
            checks=question_checks(question, project.languages, jargon),
        )
        for index, question in enumerate(current_questions(survey))
    ]


def survey_text_checks(survey: Survey, project: Project) -> list[tuple[str, TextCheck]]:
    """The survey's own texts (title, first and last page) in Dutch."""
    jargon = project_jargon(project)
    found = []
    for part, texts in (
        ("title", survey.title),
        ("intro", survey.intro),
        ("thanks", survey.thanks),
    ):
        text = texts.get("nl", "")
        if text:
            found.append((part, check_text(text, "nl", jargon)))
    return found
