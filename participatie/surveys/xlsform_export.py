"""XLSForm export: the current version of a survey as an .xlsx that pyxform, KoboToolbox and ODK
read, and that our import reads back into the same survey.

Each choice question gets its own list (named after the question), so options stay per question
as in our model. Minimum and maximum become a `constraint`; pictograms and the "Wie ben je?"
question travel in two extra columns (`pictogram`, `participant_group`) other tools ignore.
XLSForm has no translated form title, intro or thanks: only the title in the default language
goes along, as `form_title`. What came from XLSForm goes back as XLSForm writes it: an "Iets
anders" option with its text question as `or_other`, calculations as `calculate` rows, a
`choice_filter` with the choices' columns it reads, a regex() `constraint` with its message.
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from typing import Any

from openpyxl import Workbook

from participatie.models import Survey
from participatie.spreadsheet_cells import append_xlsx_row
from participatie.surveys import xlsform_rows as rows
from participatie.surveys.expressions import parse, references
from participatie.surveys.question_types import question_type
from participatie.surveys.snapshot import survey_to_definition
from participatie.surveys.xlsform_extras import follow_up_relevant, other_texts
from participatie.surveys.xlsform_languages import xlsform_language

TEXT_COLUMNS = ("label", "hint", "constraint_message", *rows.SCALE_END_COLUMNS)


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


def _type(question: dict[str, Any], or_other: bool) -> str:
    if question_type(question["type"]).is_choice:
        return f"{question['type']} {question['name']}" + (" or_other" if or_other else "")
    return str(question["type"])


def _constraint(question: dict[str, Any]) -> str:
    pattern = question.get("pattern", "")
    if pattern:
        return f"regex(., '{pattern}')" if "'" not in pattern else f'regex(., "{pattern}")'
    return constraint_for(question["minimum"], question["maximum"], question["type"])


def _placed(calculations: list[dict[str, str]], names: list[str]) -> list[dict[str, str]]:
    """Each calculation after the question it followed; when that question is gone, after the
    last question it reads (a calculation must come after what it uses)."""
    placed: list[dict[str, str]] = []
    for calculation in calculations:
        after = calculation.get("after", "")
        if after and after not in names:
            used = references(parse(calculation["calculation"]))
            read = [name for name in names if name in used]
            after = read[-1] if read else ""
        placed.append({**calculation, "after": after})
    return placed


def _is_or_other(question: dict[str, Any], following: dict[str, Any] | None) -> bool:
    """Whether this question and the next are what our import makes of `… or_other`, texts
    included (an edited "Iets anders" stays two rows, so the edit is not lost)."""
    options = question["options"]
    if not options or options[-1]["name"] != rows.OTHER_OPTION or following is None:
        return False
    if question.get("choice_filter") or options[-1]["pictogram"]:
        return False
    option_label, question_label = other_texts(list(options[-1]["label"]))
    return (
        options[-1]["label"] == option_label
        and following["name"] == f"{question['name']}_other"
        and following["type"] == "text"
        and following["relevant"] == follow_up_relevant(question["name"])
        and following["label"] == other_texts(list(following["label"]))[1]
        and set(following["label"]) == set(option_label)
        and not (following["hint"] or following["required"] or following["pictogram"])
        and not (following["appearance"] or following.get("pattern"))
        and question_label == following["label"]
    )


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
            "choice_filter",
            "calculation",
            rows.PICTOGRAM_COLUMN,
            rows.GROUP_QUESTION_COLUMN,
            rows.DECLINE_COLUMN,
        ]
    )
    questions = definition["questions"]
    filters = sorted({k for q in questions for o in q["options"] for k in o.get("filters", {})})
    choices = book.create_sheet("choices")
    choices.append(
        [
            "list_name",
            "name",
            *[f"label::{headers[lang]}" for lang in languages],
            "pictogram",
            *filters,
        ]
    )
    calculations = _placed(definition.get("calculations", []), [q["name"] for q in questions])
    blank_texts = [""] * (len(TEXT_COLUMNS) * len(languages))

    def calculate_rows(after: str) -> None:
        for calculation in calculations:
            if calculation["after"] == after:
                row = ["calculate", calculation["name"], *blank_texts, "", "", "", "", ""]
                _append(sheet, [*row, calculation["calculation"], "", "", ""])

    calculate_rows("")
    skip = ""
    for index, question in enumerate(questions):
        if question["name"] == skip:
            calculate_rows(question["name"])
            continue
        following = questions[index + 1] if index + 1 < len(questions) else None
        or_other = _is_or_other(question, following)
        skip = following["name"] if or_other and following else ""
        options = question["options"][:-1] if or_other else question["options"]
        texts = [question[column].get(lang, "") for column in TEXT_COLUMNS for lang in languages]
        _append(
            sheet,
            [
                _type(question, or_other),
                question["name"],
                *texts,
                "yes" if question["required"] else "",
                question["relevant"],
                question["appearance"],
                _constraint(question),
                question.get("choice_filter", ""),
                "",
                question["pictogram"],
                "yes" if question["is_group_question"] else "",
                "yes" if question["offer_decline"] else "",
            ],
        )
        for option in options:
            labels = [option["label"].get(lang, "") for lang in languages]
            values = [option.get("filters", {}).get(column, "") for column in filters]
            _append(
                choices, [question["name"], option["name"], *labels, option["pictogram"], *values]
            )
        calculate_rows(question["name"])

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
