"""Keying in paper forms: one screen per form, one field per question, option numbers as input.

Built for speed with a keyboard only: the typist types the number of the ticked option ("2"),
several for a multiple choice ("1 3", or "13" when a question has at most nine options), a
number or the written text. Every answer then goes through the participant journey's own parser
and storage (parse_answer, save_answer), so a paper answer is checked and stored like any other.
An empty field is a question left blank on paper: that is allowed, also for required questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import session
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, Field, StringField, TextAreaField
from wtforms.validators import Length

from participatie import audit
from participatie.assist import messages
from participatie.assist.offline import relevance_tree
from participatie.content import localise
from participatie.extensions import db
from participatie.forms import StripWhitespaceForm
from participatie.i18n import SOURCE_LOCALE
from participatie.models import Answer, Project, Response, Role, Statement
from participatie.models.base import utcnow
from participatie.surveys.answers import (
    Parsed,
    parse_answer,
    save_answer,
)
from participatie.surveys.definition import QuestionDef, SurveyDef

ENTERED_KEY = "assist:entered"  # forms this person keyed in during this session: theirs to fix
ENTERED_REMEMBERED = 50
GLOSS_MAX = 2000
_SEPARATORS = re.compile(r"[\s,;+/]+")


@dataclass(frozen=True)
class EntryField:
    name: str  # the form field: q<position>
    number: int  # the question's number on paper
    question: QuestionDef


def entry_fields(survey: SurveyDef) -> list[EntryField]:
    fields: list[EntryField] = []
    for position, question in enumerate(survey.questions):
        if question.answerable:
            fields.append(EntryField(f"q{position}", len(fields) + 1, question))
    return fields


def option_hint(question: QuestionDef) -> str:
    """ "1 Mama of papa · 2 Ervaringsdeskundige · …" in the typist's language."""
    return " · ".join(
        f"{index} {localise(option.label).text}" for index, option in enumerate(question.options, 1)
    )


def _field(entry: EntryField, first: bool) -> Field:
    question = entry.question
    label = f"{entry.number}. {localise(question.label).text}"
    render_kw: dict[str, Any] = {"autocomplete": "off", "data-question": question.name}
    if first:
        render_kw["autofocus"] = True
    # No length validators here: parse_answer() below says what is wrong, in its own words.
    widget = question.answer_type.entry_widget(question)
    if widget.multiline:
        render_kw["rows"] = 4
        return TextAreaField(label, render_kw=render_kw)
    if widget.inputmode:
        render_kw["inputmode"] = widget.inputmode
    if widget.placeholder:
        render_kw["placeholder"] = widget.placeholder
    return StringField(label, render_kw=render_kw)


def gloss_name(entry: EntryField) -> str:
    """The field for the Dutch translation of an open answer in another language."""
    return f"{entry.name}_nl"


def declined_name(entry: EntryField) -> str:
    """The box "Ik wil dit niet zeggen" as ticked on paper, for a question that offers it."""
    return f"{entry.name}_declined"


def offers_decline(entry: EntryField) -> bool:
    return entry.question.declinable


def _declined_field(entry: EntryField) -> Field:
    return BooleanField(
        _("%(number)s. „Ik wil dit niet zeggen” is aangekruist", number=entry.number),
        render_kw={"data-declines": entry.name},
    )


def has_gloss(entry: EntryField, response: Response) -> bool:
    # A volunteer who reads the parent's language can say in Dutch what they wrote, so a
    # coordinator who does not can tag it (the review queue shows it beside the answer).
    return entry.question.type == "text" and response.language != SOURCE_LOCALE


def _gloss_field(entry: EntryField) -> Field:
    return TextAreaField(
        _("Nederlandse vertaling van antwoord %(number)s, als je die kent", number=entry.number),
        validators=[Length(max=GLOSS_MAX, message=messages.GLOSS_TOO_LONG)],
        render_kw={"rows": 2, "lang": SOURCE_LOCALE, "dir": "ltr", "autocomplete": "off"},
    )


def entry_form(survey: SurveyDef, response: Response, **kwargs: Any) -> StripWhitespaceForm:
    """A form with one field per question, filled with what was keyed in before."""
    fields = entry_fields(survey)
    attributes = {entry.name: _field(entry, index == 0) for index, entry in enumerate(fields)}
    attributes |= {gloss_name(e): _gloss_field(e) for e in fields if has_gloss(e, response)}
    attributes |= {declined_name(e): _declined_field(e) for e in fields if offers_decline(e)}
    form_class = type("PaperEntryForm", (StripWhitespaceForm,), attributes)
    form: StripWhitespaceForm = form_class(data=_typed_before(survey, response), **kwargs)
    return form


def _glosses(response: Response) -> dict[int, Statement]:
    """The statements of the response's open answers, by question id."""
    rows = db.session.execute(
        select(Answer.question_id, Statement)
        .join(Statement, Statement.answer_id == Answer.id)
        .where(Answer.response_id == response.id)
    ).all()
    return {question_id: statement for question_id, statement in rows}


def _typed_before(survey: SurveyDef, response: Response) -> dict[str, str]:
    by_id = {answer.question_id: answer for answer in response.answers}
    statements = _glosses(response) if response.id is not None else {}
    typed: dict[str, str] = {}
    for entry in entry_fields(survey):
        answer = by_id.get(entry.question.id)
        if answer is not None and answer.declined and offers_decline(entry):
            typed[declined_name(entry)] = "y"
            continue
        if answer is None or answer.declined or answer.value in (None, "", []):
            continue
        statement = statements.get(entry.question.id)
        if statement is not None and statement.gloss_nl:
            typed[gloss_name(entry)] = statement.gloss_nl
        question = entry.question
        typed[entry.name] = question.answer_type.entry_typed(question, answer.value)
    return typed


def read_entries(form: StripWhitespaceForm, survey: SurveyDef) -> dict[str, Parsed] | None:
    """Every question's answer, parsed like an online answer; None (and field errors) if wrong."""
    results: dict[str, Parsed] = {}
    for entry in entry_fields(survey):
        field: Field = form[entry.name]
        typed = (field.data or "").strip()
        declined = declined_name(entry) in form and bool(form[declined_name(entry)].data)
        if declined and typed:
            field.errors = [*field.errors, str(messages.PAPER_ANSWER_AND_DECLINED)]
            continue
        if declined:
            results[entry.question.name] = parse_answer(entry.question, MultiDict({"decline": "1"}))
            continue
        if not typed:
            results[entry.question.name] = Parsed()
            continue
        # The type reads what was typed from its paper form (option numbers, a date …).
        values = entry.question.answer_type.entry_answer(entry.question, typed)
        if isinstance(values, str):
            field.errors = [*field.errors, values]
            continue
        submitted = MultiDict([("answer", value) for value in values])
        parsed = parse_answer(entry.question, submitted)
        if parsed.error:
            field.errors = [*field.errors, parsed.error]
        results[entry.question.name] = parsed
    if any(form[entry.name].errors for entry in entry_fields(survey)):
        return None
    return results


def typed_glosses(form: StripWhitespaceForm, survey: SurveyDef) -> dict[str, str]:
    """The Dutch translations typed in the form, by field name (empty: none, or removed)."""
    names = (gloss_name(entry) for entry in entry_fields(survey))
    return {name: str(form[name].data or "") for name in names if name in form}


def save_entries(
    project: Project,
    survey: SurveyDef,
    response: Response,
    entries: dict[str, Parsed],
    glosses: dict[str, str],
) -> None:
    """Stores a keyed-in form with the journey's own save_answer, in question order, and the
    Dutch translations typed for its open answers (``glosses``: gloss field name -> text)."""
    corrected = response.consented_at is not None
    for question in survey.questions:
        if question.name in entries:
            save_answer(response, survey, question, entries[question.name])
    db.session.flush()
    statements = _glosses(response)
    for entry in entry_fields(survey):
        statement = statements.get(entry.question.id)
        if statement is not None and gloss_name(entry) in glosses:
            statement.set_gloss(glosses[gloss_name(entry)], "volunteer")
    now = utcnow()
    # Handing in the form is the consent printed on it.
    response.consent_version = survey.consent_version
    response.consented_at = response.consented_at or now
    response.completed_at = now
    entered = [p for p in _entered_here() if p != response.public_id]
    session[ENTERED_KEY] = {
        "user": current_user.public_id,
        "forms": [*entered, response.public_id][-ENTERED_REMEMBERED:],
    }
    if current_user.has_role(project.id, Role.COORDINATOR):
        audit.record(
            "paper_response.corrected" if corrected else "paper_response.entered",
            project=project,
            object_type="response",
            object_id=response.public_id,
        )


def note_opened(project: Project, response: Response) -> None:
    """A coordinator reading a keyed-in form reads a parent's answers: that goes in the log."""
    if response.consented_at is not None and current_user.has_role(project.id, Role.COORDINATOR):
        audit.record(
            "paper_response.viewed",
            project=project,
            object_type="response",
            object_id=response.public_id,
        )


def may_open(project: Project, response: Response) -> bool:
    """A form not keyed in yet; or, once keyed in, only its typist (this session) or a
    coordinator: volunteers never read other people's answers."""
    if response.consented_at is None:
        return True
    if current_user.has_role(project.id, Role.COORDINATOR):
        return True
    return response.public_id in _entered_here()


def _entered_here() -> list[str]:
    """Forms this user keyed in since logging in (logging out forgets them: see routes.py)."""
    entered = session.get(ENTERED_KEY)
    if not isinstance(entered, dict) or entered.get("user") != current_user.public_id:
        return []
    forms = entered.get("forms", [])
    return [str(form) for form in forms] if isinstance(forms, list) else []


def entry_specs(survey: SurveyDef) -> list[dict[str, Any]]:
    """What the data-entry script needs to skip fields that routing skips (relevance.js)."""
    return [
        {
            "field": entry.name,
            "name": entry.question.name,
            "type": entry.question.type,
            "appearance": entry.question.appearance,
            "relevant": entry.question.relevant,
            "relevance": relevance_tree(entry.question.relevant),
            "minimum": entry.question.minimum,
            "maximum": entry.question.maximum,
            # How validate.js reads it, and how assist-entry.js splits what was typed.
            **entry.question.answer_type.offline(entry.question),
            "entry": entry.question.answer_type.entry_data(entry.question),
            "options": [{"name": option.name} for option in entry.question.options],
            # The survey's calculations (name → expression), which routing may use.
            "calculations": dict(entry.question.calculations),
        }
        for entry in entry_fields(survey)
    ]
