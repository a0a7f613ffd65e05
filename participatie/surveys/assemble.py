"""Build a survey from a plain definition (templates, the demo, XLSForm import share this)."""

from __future__ import annotations

from typing import Any

from participatie.models import Appearance, Option, Project, Question, QuestionType, Survey


def question_from_definition(data: dict[str, Any], position: int) -> Question:
    question = Question(
        position=position,
        name=data["name"],
        type=QuestionType(data["type"]),
        appearance=Appearance(data.get("appearance", "")),
        label=dict(data.get("label", {})),
        hint=dict(data.get("hint", {})),
        required=bool(data.get("required", False)),
        relevant=data.get("relevant", ""),
        pictogram=data.get("pictogram", ""),
        minimum=data.get("minimum"),
        maximum=data.get("maximum"),
        is_group_question=bool(data.get("is_group_question", False)),
        choice_filter=data.get("choice_filter", ""),
        pattern=data.get("pattern", ""),
        constraint_message=dict(data.get("constraint_message", {})),
        offer_decline=bool(data.get("offer_decline", False)),
        low_label=dict(data.get("low_label", {})),
        high_label=dict(data.get("high_label", {})),
    )
    for index, option in enumerate(data.get("options", [])):
        question.options.append(
            Option(
                position=index,
                name=option["name"],
                label=dict(option.get("label", {})),
                pictogram=option.get("pictogram", ""),
                filters=dict(option.get("filters", {})),
            )
        )
    return question


def survey_from_definition(project: Project, data: dict[str, Any]) -> Survey:
    survey = Survey(
        project=project,
        code=data["code"],
        form_id=data.get("form_id", ""),
        title=dict(data.get("title", {})),
        intro=dict(data.get("intro", {})),
        thanks=dict(data.get("thanks", {})),
        default_language=data.get("default_language", "nl"),
        estimated_minutes=int(data.get("estimated_minutes", 5)),
        calculations=[dict(calculation) for calculation in data.get("calculations", [])],
    )
    for index, question in enumerate(data.get("questions", [])):
        survey.questions.append(question_from_definition(question, index))
    return survey
