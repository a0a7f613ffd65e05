"""Change per person: each paired "voor" and "na" answer compared, counted as better, the same or
worse, per verb (kan / doe / durf / wil / weet) and for tevredenheid.

A row counts the pairs that answered that question in both rounds. A row of fewer than k pairs is
hidden whole, as a question with n < k is in every other result (report/suppression.py, rule 1).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Answer, Meetcode, Question, Response, ResultMeasure

VERBS = ("kan", "doe", "durf", "wil", "weet")
SATISFACTION = "tevreden"
# "anders" (different) has no direction: it is counted apart, never as better or worse.
VERB_RANK = {"minder": 0, "hetzelfde": 1, "meer": 2}
SATISFACTION_RANK = {"niet": 0, "gaat": 1, "tevreden": 2, "heel": 3}
RANKS = {**{verb: VERB_RANK for verb in VERBS}, SATISFACTION: SATISFACTION_RANK}


@dataclass(frozen=True)
class ChangeRow:
    item: str
    pairs: int
    better: int | None
    same: int | None
    worse: int | None
    other: int | None

    @property
    def suppressed(self) -> bool:
        return self.better is None


@dataclass(frozen=True)
class MeasureResult:
    before: int  # consented responses in the "voor" round
    after: int
    pairs: int
    k: int
    rows: list[ChangeRow]


def _round_counts(measure: ResultMeasure) -> tuple[int, int]:
    consented = (Response.survey_id == measure.survey_id) & Response.consented_at.is_not(None)
    total = db.session.scalar(select(func.count(Response.id)).where(consented)) or 0
    if measure.after_started_at is None:
        return total, 0
    after = (
        db.session.scalar(
            select(func.count(Response.id)).where(
                consented, Response.created_at >= measure.after_started_at
            )
        )
        or 0
    )
    return total - after, after


def _answers(response_ids: set[int], survey_id: int) -> dict[tuple[int, str], str]:
    if not response_ids:
        return {}
    rows = db.session.execute(
        select(Answer.response_id, Question.name, Answer.value)
        .join(Question, Question.id == Answer.question_id)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Answer.response_id.in_(response_ids),
            Question.survey_id == survey_id,
            Question.name.in_(tuple(RANKS)),
            Answer.declined.is_(False),
            Response.consented_at.is_not(None),
        )
    ).all()
    return {(row.response_id, row.name): row.value for row in rows if isinstance(row.value, str)}


def _row(
    item: str, pairs: list[tuple[int, int]], answers: dict[tuple[int, str], str], k: int
) -> ChangeRow:
    rank = RANKS[item]
    better = same = worse = other = answered = 0
    for before_id, after_id in pairs:
        before, after = answers.get((before_id, item)), answers.get((after_id, item))
        if before is None or after is None:
            continue
        answered += 1
        if before not in rank or after not in rank:
            other += 1
        elif rank[after] > rank[before]:
            better += 1
        elif rank[after] < rank[before]:
            worse += 1
        else:
            same += 1
    if answered < k:
        return ChangeRow(item, answered, None, None, None, None)
    return ChangeRow(item, answered, better, same, worse, other)


def measure_result(measure: ResultMeasure) -> MeasureResult:
    pairs = [
        (row.before_response_id, row.after_response_id)
        for row in db.session.execute(
            select(Meetcode.before_response_id, Meetcode.after_response_id).where(
                Meetcode.measure_id == measure.id, Meetcode.after_response_id.is_not(None)
            )
        )
    ]
    answers = _answers({i for pair in pairs for i in pair}, measure.survey_id)
    k = measure.project.k_threshold
    before, after = _round_counts(measure)
    rows = [_row(item, pairs, answers, k) for item in (*VERBS, SATISFACTION)]
    return MeasureResult(before, after, len(pairs), k, rows)
