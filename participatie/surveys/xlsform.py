"""XLSForm import: a workbook from KoboToolbox, ODK or our own export → a survey definition.

pyxform reads the workbook (cell values as strings; empty rows kept, so line numbers are right)
and has the last word on whether it is a valid XLSForm at all. We walk the rows ourselves, so
every problem names its sheet and line. Groups are flattened: their `relevant` joins that of each
question inside. `or_other` becomes an "Iets anders" option and its text question; `calculate`
rows become the survey's calculations (xlsform_extras.py). Whatever would change the meaning and
that we cannot carry over refuses the import, line by line; what we skip (device metadata,
settings, message columns, looks) is listed as a notice. Nothing goes without a word.
The result has the shape of participatie/demo/survey.json (see coordinate/definitions.py).
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from pyxform.builder import create_survey_element_from_dict
from pyxform.errors import PyXFormError
from pyxform.xls2json import workbook_to_json
from pyxform.xls2json_backends import DefinitionData, get_xlsform

from participatie.pictograms import PICTOGRAMS
from participatie.surveys import xlsform_extras as extras
from participatie.surveys import xlsform_messages as m
from participatie.surveys import xlsform_rows as rows
from participatie.surveys.kinds import OPTION_NAME_PATTERN
from participatie.surveys.xlsform_languages import language_code
from participatie.surveys.xlsform_questions import Options, QuestionRow

# pyxform reports what it understands as PyXFormError; a workbook it does not expect at all can
# also end in one of these. Either way the coordinator gets a sentence, not an error page.
_READ_ERRORS = (ValueError, KeyError, TypeError, IndexError, AttributeError)


@dataclass
class ImportResult:
    definition: dict[str, Any] | None
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    unknown_languages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.definition is not None


@contextmanager
def _quiet() -> Iterator[None]:
    """pyxform and openpyxl warn through `warnings` and `logging`; the coordinator reads our
    report, never a library's warning."""
    logger = logging.getLogger("pyxform")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def read_xlsform(
    data: bytes, fallback_title: str = "", languages: Mapping[str, str] | None = None
) -> ImportResult:
    """The definition, or the problems that refuse it; notices either way. `languages` gives a
    code for language names we cannot place (asked of the coordinator). Needs a locale (a
    request, or flask_babel.force_locale on the command line) for its messages."""
    with _quiet():
        try:
            book = get_xlsform(BytesIO(data), file_type=".xlsx")
        except (PyXFormError, *_READ_ERRORS):
            return ImportResult(None, [str(m.UNREADABLE)])
        if not book.survey:
            return ImportResult(None, [str(m.NO_SURVEY_SHEET)])
        report = m.Report()
        definition = _Workbook(book, report, languages or {}).definition(fallback_title)
        if not report.problems and not report.unknown_languages:
            report.problems.extend(_pyxform_problems(data))
    if report.problems or report.unknown_languages:
        return ImportResult(None, report.problems, report.notices, report.unknown_languages)
    return ImportResult(definition, [], report.notices)


def _pyxform_problems(data: bytes) -> list[str]:
    """pyxform's own verdict on the whole form (names, lists, references …), in its words."""
    try:
        book = get_xlsform(BytesIO(data), file_type=".xlsx")
        form = workbook_to_json(book, form_name="data", fallback_form_name="survey", warnings=[])
        create_survey_element_from_dict(form).to_xml(validate=False, warnings=[])
    except (PyXFormError, *_READ_ERRORS) as error:
        return [str(m.PYXFORM % {"error": str(error).strip() or type(error).__name__})]
    return []


class _Workbook:
    def __init__(self, book: DefinitionData, report: m.Report, chosen: Mapping[str, str]) -> None:
        self.book = book
        self.report = report
        self.chosen = chosen
        self.calculations: list[dict[str, str]] = []
        settings = rows.normalise_row(dict((book.settings or [{}])[0]))
        self.settings = {k: str(v).strip() for k, v in settings.items() if str(v).strip()}
        for setting in sorted(set(self.settings) - rows.USED_SETTINGS):
            self.report.notices.append(str(m.SETTING_SKIPPED % {"setting": setting}))
        language = self.settings.get("default_language", "")
        code = language_code(language, "nl", chosen) if language else "nl"
        if code is None:
            report.unknown_language(language)
        self.default_language = code or "nl"

    def texts(self, row: dict[str, Any], base: str, _sheet: str) -> dict[str, str]:
        """{"nl": …, "ar": …} from the label / label::Dutch (nl) / label::Arabic (ar) columns."""
        found: dict[str, str] = {}
        for header, value in row.items():
            column, language = rows.split_header(str(header))
            if column != base or not str(value).strip():
                continue
            code = language_code(language or "default", self.default_language, self.chosen)
            if code is None:
                self.report.unknown_language(str(language))
                continue
            # label::Dutch (nl) wins from a plain label column meaning the same language.
            if language or code not in found:
                found[code] = str(value).strip()
        return found

    def choice_lists(self) -> dict[str, Options]:
        lists: dict[str, Options] = {}
        for index, raw in enumerate(self.book.choices or []):
            line = index + 2
            if not raw:
                continue
            row = rows.normalise_row(raw)
            filters: dict[str, str] = {}
            for header, value in row.items():
                column, _language = rows.split_header(str(header))
                if column in rows.CHOICE_COLUMNS or column.startswith("$"):
                    continue
                if column in rows.CHOICE_MEDIA_COLUMNS:
                    self.report.column_skipped("choices", str(header), m.REASON_MEDIA)
                elif str(value).strip():
                    # Read by a choice_filter, or skipped with a notice when none does.
                    filters[str(header).strip()] = str(value).strip()
            list_name = str(row.get("list_name", "")).strip()
            name = str(row.get("name", "")).strip()
            if not list_name or not name:
                self.report.problem("choices", line, m.CHOICE_INCOMPLETE)
                continue
            if not OPTION_NAME_PATTERN.match(name):
                self.report.problem("choices", line, m.OPTION_NAME, name=name)
            options = lists.setdefault(list_name, [])
            if any(option["name"] == name for option in options):
                self.report.problem("choices", line, m.OPTION_TWICE, name=name, list=list_name)
                continue
            pictogram = str(row.get(rows.PICTOGRAM_COLUMN, "")).strip()
            if pictogram and pictogram not in PICTOGRAMS:
                self.report.problem("choices", line, m.PICTOGRAM, name=pictogram)
            label = self.texts(row, "label", "choices")
            options.append(
                {"name": name, "label": label, "pictogram": pictogram, "filters": filters}
            )
        return lists

    def questions(self) -> list[dict[str, Any]]:
        lists = self.choice_lists()
        questions: list[dict[str, Any]] = []
        groups: list[tuple[str, str]] = []  # (name, relevant) of the groups we are in
        taken: set[str] = set()
        for index, raw in enumerate(self.book.survey or []):
            line = index + 2
            if not raw:
                continue
            row = rows.normalise_row(raw)
            raw_type = re.sub(r"\s+", " ", str(row.get("type", "")).strip())
            kind = raw_type.lower()
            if not kind:
                self.report.problem("survey", line, m.NO_TYPE)
            elif kind in rows.GROUP_BEGIN:
                groups.append((str(row.get("name", "")), str(row.get("relevant", "")).strip()))
                self.report.notice("survey", line, m.GROUP_FLATTENED, name=row.get("name", ""))
            elif kind in rows.GROUP_END:
                if groups:
                    groups.pop()
                else:
                    self.report.problem("survey", line, m.GROUP_NOT_OPEN)
            elif kind.replace(" ", "_") in {"begin_repeat", "end_repeat"}:
                self.report.problem("survey", line, m.REPEAT, type=raw_type)
            elif kind in rows.METADATA_TYPES:
                self.report.notice("survey", line, m.METADATA, type=raw_type)
            elif kind == "calculate":
                calculation = extras.calculation(self.report, row, line, taken)
                if calculation is not None:
                    calculation["after"] = questions[-1]["name"] if questions else ""
                    taken.add(calculation["name"])
                    self.calculations.append(calculation)
            else:
                reader = QuestionRow(self.report, self.texts, lists, row, line)
                question = reader.read(groups, taken)
                if question is not None:
                    taken.add(question["name"])
                    questions.append(question)
                    if reader.or_other:
                        taken.add(extras.add_other(question, questions, taken))
        if groups:
            self.report.general(m.GROUP_NOT_CLOSED)
        extras.unused_filter_columns(self.report, lists, questions)
        extras.fill_other_texts(questions, extras.form_languages(questions))
        if not questions and not self.report.problems:
            self.report.general(m.NO_QUESTIONS)
        return questions

    def definition(self, fallback_title: str) -> dict[str, Any]:
        questions = self.questions()
        title = self.settings.get("form_title") or self.settings.get("form_id") or fallback_title
        return {
            "code": "",
            "form_id": self.settings.get("form_id", "")[:64],
            "title": {self.default_language: title or "Vragenlijst"},
            "default_language": self.default_language,
            "calculations": self.calculations,
            "questions": questions,
        }
