"""What a survey's report holds: the figures of DESIGN.md §6's JSON contract, per question.

Filled by aggregate.py (counted from the answers) and by release_figures.py (thawed from a
release); read by the results pages, the exports and the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from participatie.content import Localised
from participatie.models import Appearance, QuestionType
from participatie.report.circle import Circle
from participatie.report.distribution import Bin
from participatie.surveys.question_types import question_type

# Scales whose lower and upper halves are also shown as "disagree" and "agree".
SCORE_APPEARANCES = (Appearance.LIKERT,)


@dataclass(frozen=True)
class Figure:
    count: int | None
    percent: Decimal | None

    @property
    def suppressed(self) -> bool:
        return self.count is None


@dataclass(frozen=True)
class OptionResult:
    name: str
    label: Localised
    count: int | None
    percent: Decimal | None

    @property
    def suppressed(self) -> bool:
        return self.count is None


@dataclass(frozen=True)
class Reason:
    """An open answer beside a score: the redacted copy when a coordinator made one."""

    score: str
    text: str
    answer_id: int | None = None  # a release keeps the id and shows the latest redacted copy


@dataclass(frozen=True)
class QuestionResult:
    name: str
    type: QuestionType
    appearance: Appearance
    label: Localised
    n: int | None
    declined: int | None
    options: list[OptionResult] = field(default_factory=list)
    suppressed: bool = False
    median: float | None = None
    bins: list[Bin] = field(default_factory=list)  # number questions; never a min or a max
    agree: Figure | None = None
    disagree: Figure | None = None
    reasons: list[tuple[OptionResult | None, str, list[Reason]]] = field(default_factory=list)
    reason_question: Localised | None = None

    @property
    def is_number(self) -> bool:
        return question_type(self.type).report_shape == "numbers"

    @property
    def counts_options(self) -> bool:
        """Counted per option, or per group of answers (a date per month)."""
        return question_type(self.type).report_shape in ("options", "groups")

    @property
    def is_scale(self) -> bool:
        return self.appearance in SCORE_APPEARANCES


@dataclass(frozen=True)
class SurveyResult:
    code: str
    title: Localised
    responses: int
    k: int
    questions: list[QuestionResult]
    circle: Circle | None = None  # the rechtencirkel's radar (circle.py)


def plain(number: float) -> float:
    """Whole numbers as int, so 3.0 is written 3."""
    return int(number) if float(number).is_integer() else number
