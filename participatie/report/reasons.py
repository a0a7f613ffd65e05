"""The "waarom?" pairs of a report: an open question that gives the reasons for a score.

A results page shows, under each shown figure of a likert or number question, what the people
behind it wrote in the open question paired with it (the redacted copy when a coordinator made
one). aggregate.py fetches the answers; this module pairs the questions and groups the texts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from participatie.models import Question
from participatie.report.distribution import Bin
from participatie.report.results import SCORE_APPEARANCES, QuestionResult, Reason, plain
from participatie.surveys.question_types import question_type

REASON_SUFFIXES = ("_waarom", "_why", "_reden")
REASON_WORDS = ("waarom", "why")


@dataclass
class ReasonAnswers:
    """Non-declined answers to one question, per response id (only for "waarom?" pairs)."""

    values: dict[int, Any] = field(default_factory=dict)
    answer_ids: dict[int, int] = field(default_factory=dict)


def reason_questions(questions: list[Question]) -> dict[int, Question]:
    """Score question id → its "waarom?" text question.

    A text question is the reason of a likert or number question when it is named after it
    (`<name>_waarom`, `_why`, `_reden`), or when it follows it directly and either asks why
    ("waarom"/"why" in its label) or is shown only depending on it (`${name}` in its relevance).
    A plain open question that merely comes next is not a reason.
    """
    by_name = {q.name: q for q in questions}
    pairs: dict[int, Question] = {}
    for index, question in enumerate(questions):
        shape = question_type(question.type).report_shape
        if not (question.appearance in SCORE_APPEARANCES or shape == "numbers"):
            continue
        named = next(
            (by_name[question.name + s] for s in REASON_SUFFIXES if question.name + s in by_name),
            None,
        )
        following = questions[index + 1] if index + 1 < len(questions) else None
        if named is not None and question_type(named.type).open_text:
            pairs[question.id] = named
        elif following is not None and question_type(following.type).open_text:
            labels = " ".join(following.label.values()).lower()
            if "${" + question.name + "}" in following.relevant or any(
                word in labels for word in REASON_WORDS
            ):
                pairs[question.id] = following
    return pairs


def with_reasons(
    result: QuestionResult,
    scores: dict[int, Any],
    reasons: ReasonAnswers,
    texts: dict[int, str],
) -> QuestionResult:
    grouped: dict[str, list[Reason]] = defaultdict(list)
    for response_id, text in reasons.values.items():
        score = scores.get(response_id)
        answer_id = reasons.answer_ids[response_id]
        shown_text = texts.get(answer_id) or (text if isinstance(text, str) else "")
        if score in (None, "", []) or not shown_text.strip():
            continue
        key = _bin_of(result.bins, float(score)) if result.is_number else str(score)
        grouped[key].append(Reason(key, shown_text.strip(), answer_id))
    by_option = {o.name: o for o in result.options}
    # Reasons show only under a figure that is shown: never beside a hidden small group.
    if result.options:
        order = [o.name for o in result.options if o.name in grouped and o.count is not None]
    else:
        order = [b.label for b in result.bins if b.label in grouped and b.count is not None]
    rows = [(by_option.get(name), name, grouped[name]) for name in order]
    return replace(result, reasons=rows)


def _bin_of(bins: list[Bin], value: float) -> str:
    inside = [b for b in bins if b.low <= value < b.high]
    return inside[0].label if inside else (bins[-1].label if bins else str(plain(value)))
