"""One answer from the question's options (XLSForm select_one; a scale is its likert look)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from participatie.surveys.question_types import choices
from participatie.surveys.question_types.base import (
    BuilderKind,
    EntryWidget,
    Parsed,
    QuestionType,
    ReportShape,
)

if TYPE_CHECKING:
    from participatie.surveys.definition import QuestionDef


class SelectOne(QuestionType):
    name = "select_one"
    xlsform_spellings: ClassVar[frozenset[str]] = frozenset({"select_one", "select one", "select1"})
    is_choice = True
    report_shape: ClassVar[ReportShape] = "options"
    builder_kinds = (
        BuilderKind("choice", "", _l("Eén antwoord kiezen"), "one", 10),
        BuilderKind("scale", "likert", _l("Akkoord-schaal met gezichtjes"), "one", 30),
    )

    def messages(self) -> dict[str, str]:
        return {"choose_listed": choices.choose_listed(), "required_one": _("Kies een antwoord.")}

    def parse(self, question: QuestionDef, form: MultiDict[str, str]) -> Parsed:
        chosen = form.get("answer", "")
        if chosen and chosen not in question.option_names:
            return Parsed(error=choices.choose_listed())
        return Parsed(value=chosen or None)

    def required_message(self, question: QuestionDef) -> str:
        return self.messages()["required_one"]

    def offline(self, question: QuestionDef) -> dict[str, Any]:
        return {
            "check": {"op": "choose", "multiple": False, "required": "required_one"},
            "widget": {"kind": "choices", "multiple": False},
        }

    def entry_widget(self, question: QuestionDef) -> EntryWidget:
        return EntryWidget(inputmode="numeric")

    def entry_answer(self, question: QuestionDef, typed: str) -> list[str] | str:
        return choices.option_numbers(question, typed, multiple=False)

    def entry_typed(self, question: QuestionDef, value: Any) -> str:
        return choices.typed_numbers(question, value)

    def entry_data(self, question: QuestionDef) -> dict[str, Any]:
        return {"options": True, "multiple": False}


TYPE = SelectOne()
