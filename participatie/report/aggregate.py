"""Distributions of a survey's questions: the numbers of DESIGN.md §6's JSON contract.

Counted per consented response (`Response.consented_at` set). `n` is the responses that
answered a question; "Ik wil dit niet zeggen" is `declined`, outside n. A select_multiple
answer counts once per option it names, however often it names it. Small-number protection
(suppression.py): a question with n < k is hidden entirely; with n ≥ k every cell of 1 … k-1
people is hidden, with the complements that keep it from being worked out (distribution.py).

The database does the counting: one GROUP BY (question, declined, value) gives each distinct
answer once with how many gave it, so the work in Python grows with the number of distinct
answers, not with the number of responses (issue 11: report ≤ 3× a plain GROUP BY). Only the
"waarom?" pairs need answers per response, and only for those two questions (reasons.py
pairs them; results.py holds the result types).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, assert_never

from sqlalchemy import Text, cast, func, select

from participatie.content import Localised, localise
from participatie.extensions import db
from participatie.models import Answer, Question, Response, Survey
from participatie.models.themes import Statement
from participatie.report.circle import circle_result
from participatie.report.distribution import group_counts, number_bins, protected_options
from participatie.report.participants import survey_participants
from participatie.report.reasons import ReasonAnswers, reason_questions, with_reasons
from participatie.report.results import (
    SCORE_APPEARANCES,
    Figure,
    OptionResult,
    QuestionResult,
    Reason,
    SurveyResult,
    plain,
)
from participatie.report.suppression import percent
from participatie.surveys.question_types import question_type
from participatie.surveys.question_types.base import GroupedType

# The result types live in results.py and the "waarom?" pairs in reasons.py; they are named
# here too, so `from participatie.report.aggregate import SurveyResult` keeps working.
__all__ = [
    "Figure",
    "OptionResult",
    "QuestionResult",
    "Reason",
    "SurveyResult",
    "question_result",
    "reason_questions",
    "survey_result",
]


@dataclass
class _Counts:
    """Answers to one question as distinct values with how many responses gave each."""

    values: list[tuple[Any, int]] = field(default_factory=list)
    declined: int = 0


def survey_result(survey: Survey, locale: str) -> SurveyResult:
    k = survey.project.k_threshold
    counts = _count_answers(survey)
    questions = [q for q in survey.questions if question_type(q.type).answerable]
    reason_of = reason_questions(questions)
    paired = {q.id for q in reason_of.values()} | set(reason_of)
    answers = _answers_per_response(survey, paired) if paired else {}
    texts = _redacted_texts(answers, reason_of.values())
    results = []
    for question in questions:
        data = counts.get(question.id, _Counts())
        reason_question = reason_of.get(question.id)
        result = question_result(question, data.values, data.declined, k, locale, survey)
        reasons = answers.get(reason_question.id) if reason_question is not None else None
        # The reasons are shown only where their own question may be shown (n >= k).
        if (
            reason_question is not None
            and reasons is not None
            and len([v for v in reasons.values.values() if v not in (None, "")]) >= k
            and not result.suppressed
        ):
            scores = answers.get(question.id, ReasonAnswers()).values
            result = with_reasons(result, scores, reasons, texts)
            result = replace(result, reason_question=_label(reason_question.label, locale, survey))
        results.append(result)
    return SurveyResult(
        code=survey.code,
        title=_label(survey.title, locale, survey),
        responses=survey_participants(survey),
        k=k,
        questions=results,
        circle=circle_result(survey, questions, reason_of, k, locale),
    )


def question_result(
    question: Question,
    values: list[tuple[Any, int]],
    declined: int,
    k: int,
    locale: str,
    survey: Survey | None = None,
) -> QuestionResult:
    """One question's distribution; `values` holds the distinct non-declined answers, each with
    how many responses gave it."""
    answered = [(v, count) for v, count in values if v not in (None, "", [])]
    n = sum(count for _, count in answered)
    base = QuestionResult(
        name=question.name,
        type=question.type,
        appearance=question.appearance,
        label=_label(question.label, locale, survey),
        n=n,
        declined=declined,
    )
    answer_type = question_type(question.type)
    match shape := answer_type.report_shape:
        case "options":
            options = _options(question, answered, locale, survey)
        case "groups":  # a date per month: never one person's own date, nor a first or last
            if not isinstance(answer_type, GroupedType):
                raise TypeError(f"{answer_type.name} reports groups but is no GroupedType")
            options = [
                OptionResult(group, Localised(answer_type.report_group_label(group, locale)), c, p)
                for group, c, p in group_counts(answered, answer_type.report_group)
            ]
        case "numbers" | "text" | "none":
            options = []
        case _:
            assert_never(shape)
    if shape in ("options", "groups"):
        if n < k:
            return replace(
                base,
                n=None,
                declined=None,
                suppressed=True,
                options=[OptionResult(o.name, o.label, None, None) for o in options],
            )
        counts = [o.count or 0 for o in options]
        halves = len(options) // 2 if question.appearance in SCORE_APPEARANCES else 0
        hidden, disagree_hidden, agree_hidden = protected_options(
            counts, n, k, single=not answer_type.several, halves=halves
        )
        shown_options = [
            OptionResult(o.name, o.label, None, None) if index in hidden else o
            for index, o in enumerate(options)
        ]
        result = replace(base, options=shown_options, declined=_threshold(declined, k))
        if halves:
            low, high = sum(counts[:halves]), sum(counts[-halves:])
            result = replace(
                result,
                disagree=Figure(None, None) if disagree_hidden else Figure(low, percent(low, n)),
                agree=Figure(None, None) if agree_hidden else Figure(high, percent(high, n)),
            )
        return result
    if n < k:
        return replace(base, n=None, declined=None, suppressed=True)
    base = replace(base, declined=_threshold(declined, k))
    if shape == "numbers":
        numbers = sorted((float(v), count) for v, count in answered)
        return replace(
            base,
            median=plain(_median(numbers, n)),
            bins=number_bins(
                numbers,
                k,
                integer=answer_type.whole_numbers,
                lowest=question.minimum,
                highest=question.maximum,
            ),
        )
    return base


def _threshold(count: int, k: int) -> int | None:
    """A figure on its own (no total it adds up to): shown when 0 or at least k."""
    return count if count == 0 or count >= k else None


def _median(numbers: list[tuple[float, int]], n: int) -> float:
    """The median of sorted (value, how many) pairs holding n values in all."""

    def at(position: int) -> float:
        seen = 0
        for value, count in numbers:
            seen += count
            if position < seen:
                return value
        return numbers[-1][0]

    middle = n // 2
    return at(middle) if n % 2 else (at(middle - 1) + at(middle)) / 2


def _options(
    question: Question, answered: list[tuple[Any, int]], locale: str, survey: Survey | None
) -> list[OptionResult]:
    counts: Counter[str] = Counter()
    for value, how_many in answered:
        chosen = set(value) if isinstance(value, list) else {value}
        for name in chosen:  # once per person per option
            counts[str(name)] += how_many
    n = sum(how_many for _, how_many in answered)
    names = [(o.name, _label(o.label, locale, survey)) for o in question.options]
    known = {name for name, _ in names}
    # Answers naming an option that no longer exists keep their own row.
    names += [(name, Localised(name)) for name in sorted(counts) if name not in known]
    return [
        OptionResult(name, label, counts[name], percent(counts[name], n)) for name, label in names
    ]


def _consented(survey: Survey) -> Any:
    return (Response.survey_id == survey.id) & Response.consented_at.is_not(None)


def _count_answers(survey: Survey) -> dict[int, _Counts]:
    # JSON has no equality on PostgreSQL: group by its text. Texts that differ only in spacing
    # decode to the same value and simply add up below.
    value_text = cast(Answer.value, Text)
    rows = db.session.execute(
        select(Answer.question_id, Answer.declined, value_text, func.count())
        .join(Response, Response.id == Answer.response_id)
        .where(_consented(survey))
        .group_by(Answer.question_id, Answer.declined, value_text)
    ).all()
    counts: dict[int, _Counts] = defaultdict(_Counts)
    for question_id, declined, text, how_many in rows:
        data = counts[question_id]
        if declined:
            data.declined += how_many
        else:
            data.values.append((json.loads(text) if text is not None else None, how_many))
    return counts


def _answers_per_response(survey: Survey, question_ids: set[int]) -> dict[int, ReasonAnswers]:
    rows = db.session.execute(
        select(Answer.id, Answer.question_id, Answer.response_id, Answer.value)
        .join(Response, Response.id == Answer.response_id)
        .where(_consented(survey), Answer.question_id.in_(question_ids), Answer.declined.is_(False))
    ).all()
    answers: dict[int, ReasonAnswers] = defaultdict(ReasonAnswers)
    for answer_id, question_id, response_id, value in rows:
        data = answers[question_id]
        data.values[response_id] = value
        data.answer_ids[response_id] = answer_id
    return answers


def _redacted_texts(answers: dict[int, ReasonAnswers], questions: Any) -> dict[int, str]:
    answer_ids = [
        aid for q in questions for aid in answers.get(q.id, ReasonAnswers()).answer_ids.values()
    ]
    if not answer_ids:
        return {}
    rows = db.session.execute(
        select(Statement.answer_id, Statement.redacted_text).where(
            Statement.answer_id.in_(answer_ids), Statement.redacted_text.is_not(None)
        )
    ).all()
    return {answer_id: text for answer_id, text in rows if answer_id is not None and text}


def _label(texts: dict[str, str], locale: str, survey: Survey | None) -> Localised:
    source = survey.default_language if survey is not None else "nl"
    return localise(texts, locale, source=source)
