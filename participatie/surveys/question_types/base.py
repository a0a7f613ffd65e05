"""What every question type owns (the registry in __init__.py lists them).

Modelled on the UK census runner's answer types: one class per type, and every place that
treats types differently asks the type instead of comparing its name. Areas keep their own
rendering and figures; a type gives them what differs (a partial's name, data, parsed values).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from werkzeug.datastructures import MultiDict

if TYPE_CHECKING:
    from participatie.surveys.definition import QuestionDef


# How the report counts a type's answers (report/aggregate.py matches on it, exhaustively):
# options: per option; numbers: median and bins; groups: per group the type names (a date per
# month); text: open answers, read and tagged; none: nothing to count.
ReportShape = Literal["options", "numbers", "groups", "text", "none"]
# How a routing condition compares an answer (surveys/conditions.py).
ConditionShape = Literal["selected", "number", "text"]
# What a question's minimum and maximum mean: how many options one may choose, the lowest and
# highest number, the earliest and latest date (as the number yyyymmdd), or nothing.
Limits = Literal["count", "number", "date", "none"]


@dataclass(frozen=True)
class Parsed:
    value: Any = None
    declined: bool = False
    error: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.declined and self.value in (None, "", [])


@dataclass(frozen=True)
class EntryWidget:
    """The paper-entry field: a text area, or a one-line input with this inputmode."""

    multiline: bool = False
    inputmode: str | None = None
    placeholder: str = ""


@dataclass(frozen=True)
class BuilderKind:
    """How the builder offers a type (with an appearance) in plain Dutch (surveys/kinds.py)."""

    name: str  # the builder's word: "scale"
    appearance: str
    label: Any  # a lazy string
    storage: str  # a change between kinds of one storage keeps the answers valid
    position: int  # the builder's list is sorted by it


class QuestionType(ABC):
    """A question type: its name is XLSForm's, stored in Question.type. A type that leaves out
    one of the abstract methods cannot be made: the registry fails at import, not on a page."""

    name: ClassVar[str]
    xlsform_spellings: ClassVar[frozenset[str]]
    answerable: ClassVar[bool] = True  # a note is read, not answered
    is_choice: ClassVar[bool] = False  # answered with the question's options
    several: ClassVar[bool] = False  # more than one option at once (a list of names)
    report_shape: ClassVar[ReportShape]
    condition_shape: ClassVar[ConditionShape] = "text"
    open_text: ClassVar[bool] = False  # the parent's own words: tagged, handed over, reasons
    limits: ClassVar[Limits] = "none"
    limits_in_builder: ClassVar[bool] = True  # False: the builder keeps them as they are
    whole_numbers: ClassVar[bool] = False  # numbers: the report's bins hold whole numbers
    builder_kinds: ClassVar[tuple[BuilderKind, ...]]

    @property
    def page_partial(self) -> str:
        """The participant page's answer field (participate/templates)."""
        return f"participate/answer/{self.name}.html"

    @property
    def paper_partial(self) -> str:
        """How the question prints on the paper form (assist/templates)."""
        return f"assist/paper/answer/{self.name}.html"

    def messages(self) -> dict[str, str]:
        """Its messages in the current language, by key: the server's parser and the offline
        journey (validate.js) show the same words."""
        return {}

    @abstractmethod
    def parse(self, question: QuestionDef, form: MultiDict[str, str]) -> Parsed:
        """The answer on a submitted page; declining and skipping are handled before."""

    @abstractmethod
    def required_message(self, question: QuestionDef) -> str:
        """The message for a required question left empty."""

    @abstractmethod
    def offline(self, question: QuestionDef) -> dict[str, Any]:
        """What validate.js and render.js need, as data: `check` (how to read the answer) and
        `widget` (what to show). Messages are keys into messages()."""

    def entry_widget(self, question: QuestionDef) -> EntryWidget:
        return EntryWidget()

    def entry_answer(self, question: QuestionDef, typed: str) -> list[str] | str:
        """What a typist keyed in from paper as the page's `answer` values, or a message."""
        return [typed]

    def entry_typed(self, question: QuestionDef, value: Any) -> str:
        """A stored answer as the typist would key it in again."""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def entry_data(self, question: QuestionDef) -> dict[str, Any]:
        """For assist-entry.js: how to split what was typed into the page's values."""
        return {}

    def csv_answer(self, question: QuestionDef, cell: str) -> list[str]:
        """A spreadsheet cell (responses_csv.py) as the page's `answer` values."""
        return [cell]

    def xlsform_constraint(self, minimum: float | None, maximum: float | None) -> str:
        """The XLSForm constraint for a question's limits ("" when none)."""
        return ""

    def xlsform_bounds(self, constraint: str) -> tuple[float | None, float | None] | None:
        """(minimum, maximum) read from an XLSForm constraint written by xlsform_constraint(),
        for a type whose limits are its own; None: a constraint it cannot carry over."""
        return None


class UnknownQuestionType(LookupError):
    """A type no module in question_types/ owns: never shown as a text box or dropped."""

    def __init__(self, name: object) -> None:
        super().__init__(f"unknown question type: {name!r}")
        self.name = name


class GroupedType(QuestionType):
    """A type reported as groups of answers (report_shape "groups": a date per month), never as
    one person's own value."""

    report_shape: ClassVar[ReportShape] = "groups"

    @abstractmethod
    def report_group(self, value: Any) -> str | None:
        """The group an answer counts in."""

    @abstractmethod
    def report_group_label(self, group: str, locale: str) -> str:
        """The group's name in the report, in `locale`."""
