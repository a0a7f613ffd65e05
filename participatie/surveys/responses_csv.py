"""`participatie responses import CODE FILE.csv`: answers collected elsewhere (KoboToolbox, ODK,
a spreadsheet typed from paper) checked against the survey, then stored all at once or not at all.

DESIGN.md §6: the header row holds question names (a `group/` path in front is dropped), values
are choice names (space-separated for select_multiple), the delimiter is sniffed, an empty cell
is "not answered". Meta columns (`_id`, `start`, `end`, `today`, …) are ignored, except `_uuid`
(or ODK's `instanceID`): it is the idempotency key, so importing a file twice stores each row once.

Every row is checked like the participant journey checks a page (the same parse_answer), plus
routing: an answer to a question that routing skips for that row is an error. On any error
nothing is stored and every bad row and column is listed.

Mode: a `mode` column (self, assisted, paper; or zelf, samen, papier) says how each row was
collected; without it the `--mode` option (default `self`) holds for all rows. `offline` is kept
for our own offline app. A `language` column gives each row's language, else the survey's.
Answers stored here go through participate.answers.save_answer, so open answers become
statements to tag exactly as in the journey.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from participatie.extensions import db
from participatie.i18n import normalise_locale
from participatie.models import IdempotencyKey, Response, ResponseMode, Survey
from participatie.models.base import utcnow
from participatie.surveys.answers import Parsed, parse_answer, save_answer
from participatie.surveys.definition import QuestionDef, SurveyDef
from participatie.surveys.responses_csv_bounds import (
    MAX_CSV_BYTES,
    CsvRefused,
    bounded_lines,
    too_big_message,
)

# KoboToolbox, ODK Central and ODK Briefcase meta columns (compared in lower case).
META_COLUMNS = frozenset(
    {
        "_id",
        "_uuid",
        "_index",
        "_submission_time",
        "_submitted_by",
        "_validation_status",
        "_notes",
        "_status",
        "_tags",
        "_version_",
        "__version__",
        "_xform_id_string",
        "_attachments",
        "_geolocation",
        "_duration",
        "_media_count",
        "_total_media",
        "_media_all_received",
        "_date_modified",
        "_edited",
        "_last_edited",
        "_parent_index",
        "_parent_table_name",
        "start",
        "end",
        "today",
        "deviceid",
        "imei",
        "simserial",
        "subscriberid",
        "phonenumber",
        "username",
        "email",
        "audit",
        "audit_url",
        "instanceid",
        "instancename",
        "uuid",
        "submissiondate",
        "submitterid",
        "submittername",
        "attachmentspresent",
        "attachmentsexpected",
        "status",
        "reviewstate",
        "edits",
        "formversion",
        "key",
    }
)
KEY_COLUMNS = ("_uuid", "instanceid")
MODES = {
    "self": ResponseMode.SELF,
    "zelf": ResponseMode.SELF,
    "assisted": ResponseMode.ASSISTED,
    "samen": ResponseMode.ASSISTED,
    "paper": ResponseMode.PAPER,
    "papier": ResponseMode.PAPER,
}


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _(
                "Rij %(row)s, kolom %(column)s: %(message)s",
                row=self.row,
                column=self.column,
                message=self.message,
            )
        return _("Rij %(row)s: %(message)s", row=self.row, message=self.message)


@dataclass
class ParsedRow:
    row: int
    key: str | None
    mode: ResponseMode
    language: str
    submitted_at: datetime | None
    answers: list[tuple[QuestionDef, Parsed]]


@dataclass
class CsvImport:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    already_imported: int = 0


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as older Excel saves CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def idempotency_key(value: str) -> str:
    raw = "csv:" + value
    return raw if len(raw) <= 64 else "csv:" + hashlib.sha256(value.encode()).hexdigest()[:60]


def _submitted_at(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


class _Columns:
    """Which column holds what, from the header row."""

    def __init__(self, header: list[str], survey: SurveyDef, result: CsvImport) -> None:
        # The last part of every header once: checking each "moeilijk/wonen" column against the
        # whole header made a wide file cost columns² steps.
        self.own_columns = {h.strip().rsplit("/", 1)[-1] for h in header}
        self.questions: dict[str, int] = {}
        self.key: int | None = None
        self.mode: int | None = None
        self.language: int | None = None
        self.submitted: int | None = None
        by_name = {q.name: q for q in survey.questions}
        for index, raw in enumerate(header):
            full = raw.strip()
            name = full.rsplit("/", 1)[-1]
            lowered = name.lower()
            if name in by_name:
                if name in self.questions:
                    result.errors.append(
                        RowError(1, full, _("Deze vraag staat twee keer in de kopregel."))
                    )
                self.questions[name] = index
            elif lowered in KEY_COLUMNS and self.key is None:
                self.key = index
            elif lowered in META_COLUMNS or not full:
                if lowered in {"_submission_time", "submissiondate"}:
                    self.submitted = index
            elif lowered == "mode":
                self.mode = index
            elif lowered == "language":
                self.language = index
            elif self._split_choice(full, by_name, self.own_columns):
                continue
            else:
                result.errors.append(
                    RowError(1, full, _("Deze kolom is geen vraag van deze vragenlijst."))
                )
        if self.key is None:
            result.notices.append(
                _(
                    "Het bestand heeft geen kolom _uuid. Importeer het maar één keer: anders komen de antwoorden er twee keer in."
                )
            )

    @staticmethod
    def _split_choice(full: str, by_name: dict[str, QuestionDef], own_columns: set[str]) -> bool:
        """KoboToolbox can add one 0/1 column per option ("moeilijk/wonen") next to the
        question's own column: those repeat what the question's column says."""
        parts = full.split("/")
        if len(parts) < 2:
            return False
        question = by_name.get(parts[-2])
        has_own_column = parts[-2] in own_columns
        return (
            question is not None
            and question.answer_type.several
            and parts[-1] in question.option_names
            and has_own_column
        )


def _cell(values: list[str], index: int | None) -> str:
    if index is None or index >= len(values):
        return ""
    return values[index].strip()


def _check_answer(question: QuestionDef, cell: str) -> tuple[Parsed | None, str | None]:
    chosen = question.answer_type.csv_answer(question, cell)
    if question.is_choice:
        unknown = [value for value in chosen if value not in question.option_names]
        if unknown:
            return None, _("%(value)s is geen antwoord van deze vraag.", value=unknown[0])
    parsed = parse_answer(question, MultiDict([("answer", value) for value in chosen]))
    return (None, parsed.error) if parsed.error else (parsed, None)


def _read_row(
    values: list[str],
    number: int,
    columns: _Columns,
    survey: SurveyDef,
    default_mode: ResponseMode,
    result: CsvImport,
) -> ParsedRow | None:
    errors_before = len(result.errors)
    mode_text = _cell(values, columns.mode).lower()
    mode = MODES.get(mode_text, default_mode) if mode_text else default_mode
    if mode_text and mode_text not in MODES:
        result.errors.append(RowError(number, "mode", _("Kies self, assisted of paper.")))
    language_text = _cell(values, columns.language)
    language = normalise_locale(language_text) if language_text else survey.default_language
    if language is None:
        result.errors.append(RowError(number, "language", _("Deze taal kennen we niet.")))
    answered: dict[str, Any] = {}
    answers: list[tuple[QuestionDef, Parsed]] = []
    for question in survey.questions:
        cell = _cell(values, columns.questions.get(question.name))
        if not question.is_relevant(answered):
            if cell:
                result.errors.append(
                    RowError(
                        number,
                        question.name,
                        _("Hier mag geen antwoord staan: de routering slaat deze vraag over."),
                    )
                )
            continue
        if not question.answerable:
            if cell:
                result.errors.append(
                    RowError(
                        number,
                        question.name,
                        _("Dit is uitleg zonder vraag: hier hoort geen antwoord."),
                    )
                )
            continue
        if not cell:
            if question.required:
                result.errors.append(
                    RowError(
                        number,
                        question.name,
                        _("Deze vraag is verplicht, maar heeft geen antwoord."),
                    )
                )
            continue
        parsed, error = _check_answer(question, cell)
        if parsed is None:
            result.errors.append(RowError(number, question.name, error or ""))
            continue
        answered[question.name] = parsed.value
        answers.append((question, parsed))
    if len(result.errors) > errors_before:
        return None
    key = _cell(values, columns.key) or None
    return ParsedRow(
        number,
        key,
        mode,
        language or survey.default_language,
        _submitted_at(_cell(values, columns.submitted)),
        answers,
    )


def read_responses(data: bytes, survey: SurveyDef, default_mode: ResponseMode) -> CsvImport:
    """Every row checked, or the errors. A file past a cap (bytes, columns, rows) is refused
    before any row is checked (responses_csv_bounds.py)."""
    result = CsvImport()
    if len(data) > MAX_CSV_BYTES:
        result.errors.append(RowError(1, "", too_big_message()))
        return result
    text = decode(data)
    try:
        lines = bounded_lines(text, _dialect(text))
    except CsvRefused as refused:
        result.errors.append(RowError(refused.row, "", refused.message))
        return result
    if not lines or not any(cell.strip() for cell in lines[0]):
        result.errors.append(RowError(1, "", _("Het bestand is leeg of heeft geen kopregel.")))
        return result
    columns = _Columns(lines[0], survey, result)
    seen_keys: set[str] = set()
    for index, values in enumerate(lines[1:]):
        number = index + 2
        if not any(value.strip() for value in values):
            continue
        parsed = _read_row(values, number, columns, survey, default_mode, result)
        if parsed is None:
            continue
        if parsed.key is not None:
            if parsed.key in seen_keys:
                result.errors.append(
                    RowError(number, "_uuid", _("Deze rij staat twee keer in het bestand."))
                )
                continue
            seen_keys.add(parsed.key)
            if db.session.get(IdempotencyKey, idempotency_key(parsed.key)) is not None:
                result.already_imported += 1
                continue
        if not parsed.answers:
            result.notices.append(
                _("Rij %(row)s heeft geen antwoorden; die slaan we over.", row=number)
            )
            continue
        result.rows.append(parsed)
    return result


def store_responses(survey: Survey, definition: SurveyDef, rows: list[ParsedRow]) -> int:
    """Stores checked rows; the caller commits. Returns how many responses were added."""
    now = utcnow()
    for row in rows:
        response = Response(
            survey_id=survey.id,
            survey_version=survey.version,
            mode=row.mode,
            language=row.language,
            consent_version=survey.consent_version,
            # Consent was asked where the answers were collected; the import records it.
            consented_at=row.submitted_at or now,
            created_at=row.submitted_at or now,
            completed_at=row.submitted_at or now,
        )
        db.session.add(response)
        db.session.flush()
        for question, parsed in row.answers:
            save_answer(response, definition, question, parsed)
        if row.key is not None:
            db.session.add(
                IdempotencyKey(
                    key=idempotency_key(row.key), scope="import", object_id=response.public_id
                )
            )
    if rows and survey.frozen_at is None:
        survey.frozen_at = now
    db.session.flush()
    return len(rows)
