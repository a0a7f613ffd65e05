"""What the capture screen needs: the form with the speaker, question and language remembered,
the quick tags, the last quotes, and the messages its script shows (plural forms included)."""

from __future__ import annotations

import secrets
from typing import Any

from babel import Locale
from flask import render_template, request
from flask_babel import get_locale, ngettext
from wtforms.fields.choices import SelectChoice

from participatie.content import localise
from participatie.coordinate.focusgroups.forms import QuoteEditForm, QuoteForm
from participatie.coordinate.focusgroups.quotes import (
    QuoteInput,
    current_question,
    question_position,
    recent_quotes,
)
from participatie.i18n import LANGUAGE_NAMES
from participatie.models import Code, CodeKind, FocusGroup, Project, Quote

# Enough numbers to meet every CLDR plural category of our languages (Arabic needs 0-102).
PLURAL_SAMPLES = range(0, 111)


def quote_input(form: QuoteForm) -> QuoteInput:
    tags = form._fields.get("tags")
    idem = form._fields.get("idem")
    return QuoteInput(
        text=form.text.data or "",
        speaker=form.speaker.data or "",
        question=form.question.data or "",
        language=form.language.data or "",
        tags=list(tags.data or []) if tags is not None else [],
        key=(idem.data or "") if idem is not None else "",
    )


def _remember(form: QuoteForm, group: FocusGroup) -> None:
    """A fresh screen picks up where the note-taker was: speaker, question, language."""
    speakers = {choice.value for choice in form.speaker.choices or []}
    languages = {choice.value for choice in form.language.choices or []}
    spoken = request.args.get("spreker", "")
    form.speaker.data = spoken if spoken in speakers else ""
    asked = request.args.get("vraag", "")
    form.question.data = asked if asked.isdigit() and int(asked) < len(group.guide) else None
    if form.question.data is None:
        form.question.data = current_question(group)
    language = request.args.get("taal", "")
    form.language.data = language if language in languages else ""


def waiting_messages() -> dict[str, str]:
    """ "{n} uitspraken wachten op verbinding." per CLDR plural category of the page's language,
    so the script can say it right for any count with Intl.PluralRules."""
    locale = get_locale() or Locale.parse("nl")
    messages: dict[str, str] = {}
    for number in PLURAL_SAMPLES:
        category = locale.plural_form(number)
        if category not in messages:
            messages[category] = ngettext(
                "%(n)s uitspraak wacht op verbinding.",
                "%(n)s uitspraken wachten op verbinding.",
                number,
                n="{n}",
            )
    return messages


def _codes_by_kind(codes: list[Code]) -> list[tuple[CodeKind, list[tuple[Code, str]]]]:
    grouped: dict[CodeKind, list[tuple[Code, str]]] = {}
    for code in codes:
        grouped.setdefault(code.kind, []).append((code, str(localise(code.label)) or code.key))
    return [(kind, grouped[kind]) for kind in CodeKind if kind in grouped]


def capture_page(project: Project, group: FocusGroup, form: QuoteForm, codes: list[Code]) -> str:
    if not form.is_submitted():
        _remember(form, group)
    if not form.idem.data or form.errors.get("idem"):
        form.idem.data = secrets.token_urlsafe(16)
    recent = recent_quotes(group)
    return render_template(
        "coordinate/focusgroups/capture.html",
        project=project,
        group=group,
        form=form,
        code_groups=_codes_by_kind(codes),
        recent=[(quote, question_position(group, quote)) for quote in recent],
        waiting=waiting_messages(),
    )


def edit_form(group: FocusGroup, quote: Quote) -> QuoteEditForm:
    data: dict[str, Any] = {}
    if request.method != "POST":
        data = {
            "speaker": quote.attendee.pseudonym if quote.attendee else "",
            "question": question_position(group, quote),
            "language": quote.language,
            "text": quote.text,
        }
    form = QuoteEditForm.for_group(group, [], data=data)
    if quote.language not in group.languages:
        # Imported in a language the group's settings do not list: keep it choosable.
        form.language.choices = [
            *(form.language.choices or []),
            SelectChoice(quote.language, LANGUAGE_NAMES.get(quote.language, quote.language)),
        ]
    return form
