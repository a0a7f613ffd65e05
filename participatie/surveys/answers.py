"""Reading, checking and storing one page's answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from werkzeug.datastructures import MultiDict

from participatie.extensions import db
from participatie.models import (
    Answer,
    IdempotencyKey,
    Response,
    Statement,
    StatementSource,
)
from participatie.models.base import utcnow
from participatie.surveys.definition import QuestionDef, SurveyDef

SHORT_TEXT_MAX = 500
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
INTEGER = re.compile(r"-?[0-9]{1,12}")
# Finite decimals only: float() would also accept 'nan', 'inf' and '1e999'.
DECIMAL = re.compile(r"-?[0-9]{1,12}(\.[0-9]{1,6})?")
LONG_TEXT_MAX = 5000


@dataclass(frozen=True)
class Parsed:
    value: Any = None
    declined: bool = False
    error: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.declined and self.value in (None, "", [])


def _number(question: QuestionDef, raw: str) -> Parsed:
    # Arabic-Indic and Persian digits are digits too: phones in those languages type them.
    text = raw.strip().replace(" ", "").replace(",", ".").replace("٫", ".").translate(DIGITS)
    if question.type == "integer":
        # Plain digits with at most one minus sign: "--3" or "1e3" are not whole numbers here.
        if not INTEGER.fullmatch(text):
            return Parsed(error=_("Vul een getal in, zoals 3."))
        number: float = int(text)
    else:
        if not DECIMAL.fullmatch(text):
            return Parsed(error=_("Vul een getal in, zoals 2,5."))
        number = float(text)
    low, high = question.minimum, question.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        return Parsed(
            error=_(
                "Vul een getal in van %(low)s tot %(high)s.",
                low=_plain(low if low is not None else 0),
                high=_plain(high if high is not None else 999999),
            )
        )
    return Parsed(value=number)


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def parse_answer(question: QuestionDef, form: MultiDict[str, str]) -> Parsed:
    """The answer on the submitted page, or the message to show beside the field."""
    if form.get("decline") and not question.required:
        return Parsed(declined=True)
    if form.get("skip") and not question.required:
        # "Sla deze vraag over": no answer, whatever was half filled in on the page.
        return Parsed()
    if question.type == "select_multiple":
        chosen = form.getlist("answer")
        if any(name not in question.option_names for name in chosen):
            return Parsed(error=_("Kies een van de antwoorden."))
        ordered = [o.name for o in question.options if o.name in chosen]
        # On a select_multiple, `maximum` is how many answers one may choose ("kies er 3").
        most = int(question.maximum) if question.maximum is not None else None
        if most is not None and len(ordered) > most:
            return Parsed(
                value=ordered,
                error=ngettext(
                    "Kies hoogstens %(num)s antwoord.", "Kies hoogstens %(num)s antwoorden.", most
                ),
            )
        parsed = Parsed(value=ordered)
    elif question.type == "select_one":
        chosen_one = form.get("answer", "")
        if chosen_one and chosen_one not in question.option_names:
            return Parsed(error=_("Kies een van de antwoorden."))
        parsed = Parsed(value=chosen_one or None)
    elif question.type in {"integer", "decimal"}:
        raw = form.get("answer", "").strip()
        parsed = _number(question, raw) if raw else Parsed()
    elif question.type == "text":
        text = form.get("answer", "").strip()
        limit = LONG_TEXT_MAX if question.appearance == "multiline" else SHORT_TEXT_MAX
        if len(text) > limit:
            return Parsed(
                value=text,
                error=ngettext(
                    "Je tekst is te lang. Gebruik hoogstens %(num)s teken.",
                    "Je tekst is te lang. Gebruik hoogstens %(num)s tekens.",
                    limit,
                ),
            )
        parsed = Parsed(value=text or None)
    else:  # a note: nothing to answer
        return Parsed()
    if parsed.error is None and parsed.is_empty and question.required:
        return Parsed(error=_required_message(question))
    return parsed


def _required_message(question: QuestionDef) -> str:
    if question.type == "select_multiple":
        return _("Kies minstens één antwoord.")
    if question.type == "select_one":
        return _("Kies een antwoord.")
    if question.type in {"integer", "decimal"}:
        return _("Vul een getal in.")
    return _("Vul hier iets in.")


def stored_answers(response: Response, survey: SurveyDef) -> dict[str, Answer]:
    by_id = {q.id: q.name for q in survey.questions}
    rows = db.session.scalars(select(Answer).where(Answer.response_id == response.id))
    return {by_id[a.question_id]: a for a in rows if a.question_id in by_id}


def answer_values(answers: dict[str, Answer]) -> dict[str, Any]:
    """Values as the relevance expressions see them: declined counts as not answered."""
    return {name: a.value for name, a in answers.items() if not a.declined}


def claim_idempotency_key(key: str, response: Response) -> bool:
    """True the first time a key is seen; a double tap or resubmission gets False."""
    if not key or len(key) > 64:
        return True  # no key (an old page): store, but the unique answer row still prevents doubles
    # One round trip, race-free: of two taps that arrive together, exactly one inserts the row.
    dialect = db.session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    # RETURNING, not rowcount: through the ORM session psycopg reports rowcount -1 here.
    claimed = db.session.scalar(
        insert(IdempotencyKey)
        .values(key=key, scope="answer", object_id=response.public_id, created_at=utcnow())
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(IdempotencyKey.key)
    )
    return claimed is not None


def save_answer(
    response: Response,
    survey: SurveyDef,
    question: QuestionDef,
    parsed: Parsed,
    answers: dict[str, Answer] | None = None,
) -> None:
    """Stores one answer. `answers` (from stored_answers) saves a query when the caller has them;
    it is kept up to date: afterwards it holds the response's answers as they now are."""
    if answers is None:
        answers = stored_answers(response, survey)
    existing = answers.get(question.name)
    if parsed.is_empty:
        if existing is not None:
            db.session.delete(existing)
            answers.pop(question.name)
    else:
        if existing is None:
            existing = Answer(response=response, question_id=question.id)
            db.session.add(existing)
            answers[question.name] = existing
        existing.value = None if parsed.declined else parsed.value
        existing.declined = parsed.declined
        existing.updated_at = utcnow()
        _sync_statement(response, survey, question, existing)
    if question.is_group_question:
        response.participant_group = None if parsed.is_empty or parsed.declined else parsed.value
    response.updated_at = utcnow()
    prune_skipped(response, survey, answers)


def _sync_statement(
    response: Response, survey: SurveyDef, question: QuestionDef, answer: Answer
) -> None:
    """Open answers are statements to tag; a cleared or declined one leaves the queue."""
    if question.type != "text":
        return
    db.session.flush()
    statement = db.session.scalar(select(Statement).where(Statement.answer_id == answer.id))
    if answer.declined or not answer.value:
        if statement is not None:
            db.session.delete(statement)
        return
    if statement is None:
        db.session.add(
            Statement(
                project_id=survey.project_id,
                source=StatementSource.SURVEY,
                answer_id=answer.id,
                language=response.language,
            )
        )
    else:
        statement.language = response.language


def prune_skipped(response: Response, survey: SurveyDef, answers: dict[str, Answer]) -> None:
    """Questions that routing now skips keep no answer: skip logic never leaks into results."""
    values: dict[str, Any] = {}
    doomed: list[Answer] = []
    for question in survey.questions:
        answer = answers.get(question.name)
        if not question.is_relevant(values):
            if answer is not None:
                doomed.append(answers.pop(question.name))
            continue
        if answer is not None and not answer.declined:
            values[question.name] = answer.value
    if doomed:
        db.session.flush()  # a skipped answer saved in this request needs its id
        ids = [answer.id for answer in doomed]
        db.session.execute(delete(Statement).where(Statement.answer_id.in_(ids)))
        db.session.execute(delete(Answer).where(Answer.id.in_(ids)))
        db.session.expire(response)
