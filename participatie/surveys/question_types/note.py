"""Text to read, without a question (XLSForm note): never answered, numbered or counted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from participatie.surveys.question_types.base import (
    BuilderKind,
    Parsed,
    QuestionType,
    ReportShape,
)

if TYPE_CHECKING:
    from participatie.surveys.definition import QuestionDef


class Note(QuestionType):
    name = "note"
    xlsform_spellings: ClassVar[frozenset[str]] = frozenset({"note"})
    answerable = False
    report_shape: ClassVar[ReportShape] = "none"
    builder_kinds = (BuilderKind("note", "", _l("Uitleg, zonder vraag"), "none", 100),)

    def parse(self, question: QuestionDef, form: MultiDict[str, str]) -> Parsed:
        return Parsed()

    def required_message(self, question: QuestionDef) -> str:
        return ""

    def offline(self, question: QuestionDef) -> dict[str, Any]:
        return {"check": {"op": "none"}, "widget": {"kind": "none"}}


TYPE = Note()
