"""A survey as plain data, in the shape of participatie/demo/survey.json.

The inverse of coordinate.definitions.survey_from_definition for the current version: exports
and duplicates start from it, and tests compare surveys with it (an import → export → import
round trip must give the same snapshot).
"""

from __future__ import annotations

from typing import Any

from participatie.models import Option, Question, Survey


def texts(values: dict[str, str] | None) -> dict[str, str]:
    """Translations without empty entries, sorted by language for stable comparisons."""
    return {lang: text for lang, text in sorted((values or {}).items()) if text}


def option_to_definition(option: Option) -> dict[str, Any]:
    return {
        "name": option.name,
        "label": texts(option.label),
        "pictogram": option.pictogram,
        "filters": dict(sorted((option.filters or {}).items())),
    }


def question_to_definition(question: Question) -> dict[str, Any]:
    return {
        "name": question.name,
        "type": str(question.type),
        "appearance": str(question.appearance),
        "label": texts(question.label),
        "hint": texts(question.hint),
        "required": question.required,
        "relevant": question.relevant,
        "pictogram": question.pictogram,
        "minimum": question.minimum,
        "maximum": question.maximum,
        "is_group_question": question.is_group_question,
        "choice_filter": question.choice_filter,
        "pattern": question.pattern,
        "constraint_message": texts(question.constraint_message),
        "offer_decline": question.offer_decline,
        "low_label": texts(question.low_label or {}),
        "high_label": texts(question.high_label or {}),
        "options": [option_to_definition(option) for option in question.options],
    }


def current_questions(survey: Survey) -> list[Question]:
    """The questions of the survey's current version, in order (removed ones keep their answers
    but are no longer shown)."""
    return [q for q in survey.questions if q.until_version is None]


def survey_to_definition(survey: Survey) -> dict[str, Any]:
    return {
        "code": survey.code,
        "form_id": survey.form_id,
        "title": texts(survey.title),
        "intro": texts(survey.intro),
        "thanks": texts(survey.thanks),
        "default_language": survey.default_language,
        "estimated_minutes": survey.estimated_minutes,
        "calculations": [dict(calculation) for calculation in survey.calculations or []],
        "questions": [question_to_definition(q) for q in current_questions(survey)],
    }
