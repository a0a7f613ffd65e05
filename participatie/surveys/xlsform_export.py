"""XLSForm export: the current version of a survey as an .xlsx that pyxform, KoboToolbox and ODK
read, and that our import reads back into the same survey.

Each choice question gets its own list (named after the question), so options stay per question
as in our model. Minimum and maximum become a `constraint`; pictograms and the "Wie ben je?"
question travel in two extra columns (`pictogram`, `participant_group`) other tools ignore.
XLSForm has no translated form title, intro or thanks: only the title in the default language
goes along, as `form_title`.
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from typing import Any

from openpyxl import Workbook

from participatie.models import Survey
from participatie.spreadsheet_cells import append_xlsx_row
from participatie.surveys import xlsform_rows as rows
from participatie.surveys.question_types import question_type
from participatie.surveys.snapshot import survey_to_definition
from participatie.surveys.xlsform_languages import xlsform_language

TEXT_COLUMNS = ("label", "hint")


def constraint_for(minimum: float | None, maximum: float | None, type_name: str = "integer") -> str:
    """The question type says what its limits mean (a count, numbers, dates)."""
    return question_type(type_name).xlsform_constraint(minimum, maximum)


def survey_languages(definition: dict[str, Any], preferred: Iterable[str]) -> list[str]:
    """Languages with any text in the survey: the default first, then the project's order."""
    found: set[str] = set(definition["title"])
    for question in definition["questions"]:
        found |= set(question["label"]) | set(question["hint"])
        for option in question["options"]:
            found |= set(option["label"])
    order = [definition["default_language"], *preferred]
    ordered = [lang for lang in dict.fromkeys(order) if lang in found]
    return ordered + sorted(found - set(ordered))


def _append(sheet: Any, values: list[Any]) -> None:
    append_xlsx_row(sheet, values)  # our texts stay plain text, never a formula


def _type(question: dict[str, Any]) -> str:
    if question_type(question["type"]).is_choice:
        return f"{question['type']} {question['name']}"
    return str(question["type"])


def export_xlsform(survey: Survey, only_language: str | None = None) -> bytes:
    definition = survey_to_definition(survey)
    languages = survey_languages(definition, survey.project.languages)
    if only_language:
        languages = [only_language]
    headers = {lang: xlsform_language(lang) for lang in languages}

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "survey"
    text_headers = [f"{column}::{headers[lang]}" for column in TEXT_COLUMNS for lang in languages]
    sheet.append(
        [
            "type",
            "name",
            *text_headers,
            "required",
            "relevant",
            "appearance",
            "constraint",
            rows.PICTOGRAM_COLUMN,
            rows.GROUP_QUESTION_COLUMN,
        ]
    )
    choices = book.create_sheet("choices")
    choices.append(
        ["list_name", "name", *[f"label::{headers[lang]}" for lang in languages], "pictogram"]
    )
    for question in definition["questions"]:
        texts = [question[column].get(lang, "") for column in TEXT_COLUMNS for lang in languages]
        _append(
            sheet,
            [
                _type(question),
                question["name"],
                *texts,
                "yes" if question["required"] else "",
                question["relevant"],
                question["appearance"],
                constraint_for(question["minimum"], question["maximum"], question["type"]),
                question["pictogram"],
                "yes" if question["is_group_question"] else "",
            ],
        )
        for option in question["options"]:
            labels = [option["label"].get(lang, "") for lang in languages]
            _append(choices, [question["name"], option["name"], *labels, option["pictogram"]])

    settings = book.create_sheet("settings")
    default = definition["default_language"]
    settings.append(["form_title", "form_id", "default_language"])
    settings.append(
        [
            definition["title"].get(default) or next(iter(definition["title"].values()), ""),
            survey.form_id,
            headers.get(default, xlsform_language(default)),
        ]
    )
    out = BytesIO()
    book.save(out)
    return out.getvalue()
