"""What the builder shows next to each question: plain-language findings and missing languages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from participatie.models import Project, Question, Survey
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
    missing = []
    for language in languages:
        texts = [question.label]
        if question.hint.get("nl"):
            texts.append(question.hint)
        texts.extend(option.label for option in question.options)
        if any(not text.get(language) for text in texts):
            missing.append(language)
    return missing


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
