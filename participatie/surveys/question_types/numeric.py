"""What the two number types share: the rules of surveys/numbers.py, limits, messages."""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from participatie.surveys.numbers import number_rules, read_number
from participatie.surveys.question_types.base import (
    ConditionShape,
    EntryWidget,
    Limits,
    Parsed,
    QuestionType,
    ReportShape,
)

if TYPE_CHECKING:
    from participatie.surveys.definition import QuestionDef


def plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


class NumberType(QuestionType):
    report_shape: ClassVar[ReportShape] = "numbers"
    condition_shape: ClassVar[ConditionShape] = "number"
    limits: ClassVar[Limits] = "number"
    inputmode: ClassVar[str]

    @abstractmethod
    def example(self) -> str:
        """The message for a number that cannot be read, with an example in this type's form."""

    def messages(self) -> dict[str, str]:
        return {
            f"{self.name}_example": self.example(),
            "number_range": _("Vul een getal in van %(low)s tot %(high)s."),
            "required_number": _("Vul een getal in."),
        }

    def parse(self, question: QuestionDef, form: MultiDict[str, str]) -> Parsed:
        # The rules are data shared with the offline journey (surveys/numbers.py): no float(),
        # which would take '1_000', '1e5', 'inf', 'nan' and fullwidth digits.
        read = read_number(form.get("answer", ""), self.name)
        if read.empty:
            return Parsed()
        if read.value is None:
            return Parsed(error=self.example())
        number = read.value
        low, high = question.minimum, question.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            return Parsed(
                error=_(
                    "Vul een getal in van %(low)s tot %(high)s.",
                    low=plain(low if low is not None else 0),
                    high=plain(high if high is not None else 999999),
                )
            )
        return Parsed(value=number)

    def required_message(self, question: QuestionDef) -> str:
        return _("Vul een getal in.")

    def offline(self, question: QuestionDef) -> dict[str, Any]:
        return {
            "check": {
                "op": "number",
                "kind": self.name,
                "rules": number_rules(),
                "example": f"{self.name}_example",
                "required": "required_number",
            },
            "widget": {"kind": "input", "class": "number", "inputmode": self.inputmode},
        }

    def entry_widget(self, question: QuestionDef) -> EntryWidget:
        return EntryWidget(inputmode=self.inputmode)

    def xlsform_constraint(self, minimum: float | None, maximum: float | None) -> str:
        parts = []
        if minimum is not None:
            parts.append(f". >= {plain(minimum)}")
        if maximum is not None:
            parts.append(f". <= {plain(maximum)}")
        return " and ".join(parts)
