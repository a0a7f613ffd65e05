"""The parts of XLSForm that become more than one row of ours: `or_other` (an "Iets anders"
option and its text question), `calculate` rows (the survey's calculations) and the choices
sheet's extra columns (read by a `choice_filter`)."""

from __future__ import annotations

from typing import Any

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from participatie.i18n import SUPPORTED_LOCALES
from participatie.surveys import xlsform_messages as m
from participatie.surveys import xlsform_rows as rows
from participatie.surveys.expressions import ExpressionError, columns, parse, references
from participatie.surveys.kinds import NAME_PATTERN, unique_name
from participatie.surveys.xlsform_questions import EXTERNAL

# The same words as the builder's own "Iets anders" option, so one translation serves both.
OTHER_LABEL = _l("Iets anders")
_FILL = "_other_texts"  # marks the rows whose texts come from our catalogue, once all are read


def other_texts(languages: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The "Iets anders" option's label and its question's label in each language: from our
    catalogues, or in English for a language we have no catalogue for (as XLSForm's "Other")."""
    option: dict[str, str] = {}
    question: dict[str, str] = {}
    for language in languages:
        with force_locale(language if language in SUPPORTED_LOCALES else "en"):
            option[language] = str(OTHER_LABEL)
            question[language] = str(m.OTHER_FOLLOW_UP)
    return option, question


def follow_up_relevant(name: str) -> str:
    return f"selected(${{{name}}}, '{rows.OTHER_OPTION}')"


def add_other(question: dict[str, Any], questions: list[dict[str, Any]], taken: set[str]) -> str:
    """Adds the option and the text question after `question`; returns the new question's name.
    Their texts follow in fill_other_texts, when every language of the form is known."""
    question["options"].append(
        {"name": rows.OTHER_OPTION, "label": {}, "pictogram": "", "filters": {}, _FILL: True}
    )
    name = unique_name(f"{question['name']}_other", taken)
    questions.append(
        {
            "name": name,
            "type": "text",
            "appearance": "",
            "label": {},
            "hint": {},
            "required": False,
            "relevant": follow_up_relevant(question["name"]),
            "pictogram": "",
            "minimum": None,
            "maximum": None,
            "is_group_question": False,
            "choice_filter": "",
            "pattern": "",
            "constraint_message": {},
            "options": [],
            _FILL: True,
        }
    )
    return name


def form_languages(questions: list[dict[str, Any]]) -> list[str]:
    found: dict[str, None] = {}
    for question in questions:
        found.update(dict.fromkeys(question["label"]))
        for option in question["options"]:
            found.update(dict.fromkeys(option["label"]))
    return list(found)


def fill_other_texts(questions: list[dict[str, Any]], languages: list[str]) -> None:
    option_label, question_label = other_texts(languages)
    for question in questions:
        if question.pop(_FILL, False):
            question["label"] = dict(question_label)
        for option in question["options"]:
            if option.pop(_FILL, False):
                option["label"] = dict(option_label)


def calculation(
    report: m.Report, row: dict[str, Any], line: int, earlier: set[str]
) -> dict[str, str] | None:
    """A `calculate` row as {"name", "calculation"}, or None when the engine cannot evaluate it
    (the report says why and what to change)."""
    name = str(row.get("name", "")).strip()
    expression = str(row.get("calculation", "")).strip()
    if not name:
        report.problem("survey", line, m.NO_NAME)
        return None
    if not NAME_PATTERN.match(name) or name in earlier:
        report.problem("survey", line, m.BAD_NAME, name=name)
        return None
    external = EXTERNAL.search(expression)
    if external:
        report.problem("survey", line, m.EXTERNAL, function=external.group(1) + "()")
        return None
    try:
        node = parse(expression)
    except ExpressionError as error:
        report.problem(
            "survey",
            line,
            m.CALCULATION,
            calculation=expression,
            detail=str(error),
            functions=m.FUNCTIONS,
        )
        return None
    if node is None:
        report.problem(
            "survey", line, m.CALCULATION, calculation=expression, detail="—", functions=m.FUNCTIONS
        )
        return None
    for missing in sorted(references(node) - earlier):
        report.problem("survey", line, m.CALCULATION_REFERENCE, name=missing)
        return None
    return {"name": name, "calculation": expression}


def unused_filter_columns(
    report: m.Report, lists: dict[str, list[dict[str, Any]]], questions: list[dict[str, Any]]
) -> None:
    """One notice per extra column of the choices sheet that no choice_filter reads."""
    used: set[str] = set()
    for question in questions:
        if question["choice_filter"]:
            used |= columns(parse(question["choice_filter"], True))
        else:
            for option in question["options"]:
                option["filters"] = {}
    present = {column for options in lists.values() for o in options for column in o["filters"]}
    for column in sorted(present - used):
        report.column_skipped("choices", column, m.REASON_FILTER)
