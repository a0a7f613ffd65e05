"""Where a participant is in a survey: the place of a question among those they see, and the next
one to show. Pure logic over a SurveyDef and the answers so far; which response belongs to a
browser session is participate/journey_session.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from participatie.models import Response
from participatie.models.base import utcnow
from participatie.surveys import relevance
from participatie.surveys.definition import QuestionDef, SurveyDef

# Reserved page names under /s/<code>/: a question may not be called like this.
RESERVED_NAMES = frozenset(
    {"start", "klaar", "code", "verder", "verder-invullen", "wissen", "qr.svg", "meetcode"}
)


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
        if not question.answerable:
            continue
        depends = relevance.references(relevance.parse(question.relevant))
        if question.is_relevant(values) or depends & unsettled:
            count += 1
    return count


def first_unanswered(
    survey: SurveyDef, answered: set[str], values: dict[str, Any]
) -> QuestionDef | None:
    for question in survey.relevant_questions(values):
        if question.name not in answered and question.answerable:
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
