"""Several answers from the question's options (XLSForm select_multiple; `maximum` is how many
one may choose, "kies er 3")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict

from participatie.surveys.question_types import choices
from participatie.surveys.question_types.base import (
    BuilderKind,
    ConditionShape,
    EntryWidget,
    Limits,
    Parsed,
    QuestionType,
    ReportShape,
)

if TYPE_CHECKING:
    from participatie.surveys.definition import QuestionDef


class SelectMultiple(QuestionType):
    name = "select_multiple"
    xlsform_spellings: ClassVar[frozenset[str]] = frozenset(
        {"select_multiple", "select all that apply"}
    )
    is_choice = True
    several = True
    limits: ClassVar[Limits] = "count"
    report_shape: ClassVar[ReportShape] = "options"
    builder_kinds = (
        BuilderKind("multiple", "", _l("Meerdere antwoorden kiezen"), "many", 20),
        BuilderKind("domains", "domains", _l("Levensdomeinen kiezen, met prentjes"), "many", 40),
    )
    condition_shape: ClassVar[ConditionShape] = "selected"

    def messages(self) -> dict[str, str]:
        return {
            "choose_listed": choices.choose_listed(),
            "required_multiple": _("Kies minstens één antwoord."),
        }

    def parse(self, question: QuestionDef, form: MultiDict[str, str]) -> Parsed:
        chosen = form.getlist("answer")
        if any(name not in question.option_names for name in chosen):
            return Parsed(error=choices.choose_listed())
        ordered = [o.name for o in question.options if o.name in chosen]
        most = int(question.maximum) if question.maximum is not None else None
        if most is not None and len(ordered) > most:
            return Parsed(
                value=ordered,
                error=ngettext(
                    "Kies hoogstens %(num)s antwoord.", "Kies hoogstens %(num)s antwoorden.", most
                ),
            )
        return Parsed(value=ordered)

    def required_message(self, question: QuestionDef) -> str:
        return self.messages()["required_multiple"]

    def offline(self, question: QuestionDef) -> dict[str, Any]:
        return {
            "check": {"op": "choose", "multiple": True, "required": "required_multiple"},
            "widget": {"kind": "choices", "multiple": True},
        }

    def entry_widget(self, question: QuestionDef) -> EntryWidget:
        return EntryWidget(inputmode="numeric")

    def entry_answer(self, question: QuestionDef, typed: str) -> list[str] | str:
        return choices.option_numbers(question, typed, multiple=True)

    def entry_typed(self, question: QuestionDef, value: Any) -> str:
        return choices.typed_numbers(question, value)

    def entry_data(self, question: QuestionDef) -> dict[str, Any]:
        return {"options": True, "multiple": True}

    def csv_answer(self, question: QuestionDef, cell: str) -> list[str]:
        return cell.split()  # space-separated, as XLSForm tools write them

    def xlsform_constraint(self, minimum: float | None, maximum: float | None) -> str:
        if maximum is None:
            return ""
        return f"count-selected(.) <= {int(maximum)}"


TYPE = SelectMultiple()
