"""The parent's own words (XLSForm text; `multiline` is a long answer). Open answers become
statements to tag, and are "sensitive": the volunteer hands the phone over."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict

from participatie.surveys.question_types.base import (
    BuilderKind,
    EntryWidget,
    Parsed,
    QuestionType,
    ReportShape,
)

if TYPE_CHECKING:
    from participatie.surveys.definition import QuestionDef

SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 5000


def limit(question: QuestionDef) -> int:
    return LONG_TEXT_MAX if question.appearance == "multiline" else SHORT_TEXT_MAX


class Text(QuestionType):
    name = "text"
    xlsform_spellings: ClassVar[frozenset[str]] = frozenset({"text", "string"})
    report_shape: ClassVar[ReportShape] = "text"
    open_text = True
    builder_kinds = (
        BuilderKind("text", "", _l("Een kort antwoord"), "text", 80),
        BuilderKind("long_text", "multiline", _l("Een lang antwoord in eigen woorden"), "text", 90),
    )

    def messages(self) -> dict[str, str]:
        return {
            "text_too_long": _("Je tekst is te lang. Gebruik hoogstens %(limit)s tekens."),
            "required_text": _("Vul hier iets in."),
        }

    def parse(self, question: QuestionDef, form: MultiDict[str, str]) -> Parsed:
        text = form.get("answer", "").strip()
        most = limit(question)
        if len(text) > most:
            return Parsed(
                value=text,
                error=ngettext(
                    "Je tekst is te lang. Gebruik hoogstens %(num)s teken.",
                    "Je tekst is te lang. Gebruik hoogstens %(num)s tekens.",
                    most,
                ),
            )
        return Parsed(value=text or None)

    def required_message(self, question: QuestionDef) -> str:
        return _("Vul hier iets in.")

    def offline(self, question: QuestionDef) -> dict[str, Any]:
        multiline = question.appearance == "multiline"
        return {
            "check": {"op": "text", "limit": limit(question), "required": "required_text"},
            "widget": {"kind": "textarea" if multiline else "input", "maxlength": limit(question)},
        }

    def entry_widget(self, question: QuestionDef) -> EntryWidget:
        return EntryWidget(multiline=question.appearance == "multiline")


TYPE = Text()
