"""The report function against a plain SQL GROUP BY over the same rows, in-process, two sizes.

`participatie.report.aggregate.survey_result(survey, "nl")` is what the results page, the exports
and `participatie report` call. The plain SQL is the least a database must do for the same
rows: one GROUP BY per question, answer value and declined flag, fetched into Python through
the same connection. Both are timed warm (one untimed call first), interleaved, best of N. The
SQL's counts are then turned into the report's numbers (n, declined, per-option counts) and
compared with the report's, so both certainly read the same rows.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from flask import Flask
from sqlalchemy import select, text

from bench.database import SECRETS, libpq_url
from bench.report_data import CODE, add_responses, definition
from participatie import create_app
from participatie.demo import DEMO_SLUG
from participatie.extensions import db
from participatie.models import Project, Survey, SurveyStatus
from participatie.report.aggregate import survey_result
from participatie.report.results import SurveyResult
from participatie.surveys.assemble import survey_from_definition

Log = Callable[[str], None]

PLAIN_SQL = text(
    """
    SELECT a.question_id, a.declined, a.value::text AS value, count(*) AS answers
    FROM answers a
    JOIN responses r ON r.id = a.response_id
    WHERE r.survey_id = :survey AND r.consented_at IS NOT NULL
    GROUP BY a.question_id, a.declined, a.value::text
    """
)


@dataclass(frozen=True)
class ReportTiming:
    responses: int
    answers: int
    report_seconds: float
    sql_seconds: float
    counts_agree: bool
    report_cpu_seconds: float  # this process's CPU time in the fastest report call

    @property
    def ratio(self) -> float:
        return self.report_seconds / self.sql_seconds if self.sql_seconds else 0.0


@dataclass(frozen=True)
class ReportBenchmark:
    timings: tuple[ReportTiming, ...]
    rounds: int

    def growth(self) -> tuple[float, float, float]:
        """Report growth, SQL growth and data growth (answer rows) from the first to the last size."""
        small, large = self.timings[0], self.timings[-1]
        return (
            large.report_seconds / small.report_seconds,
            large.sql_seconds / small.sql_seconds,
            large.answers / small.answers,
        )

    def cpu_growth(self) -> float:
        """The report's growth in this process's CPU time: barely moved by other processes."""
        return self.timings[-1].report_cpu_seconds / self.timings[0].report_cpu_seconds


def _app(database_url: str) -> Flask:
    return create_app({"SQLALCHEMY_DATABASE_URI": database_url, **SECRETS})


def _create_survey() -> tuple[int, dict[str, tuple[int, bool]]]:
    project = db.session.scalar(select(Project).where(Project.slug == DEMO_SLUG))
    if project is None:
        raise RuntimeError("the demo project is missing: run `participatie demo` first")
    survey = survey_from_definition(project, definition())
    survey.status = SurveyStatus.CLOSED
    db.session.add(survey)
    db.session.commit()  # a benchmark script, not a request: it commits its own setup
    questions = {q.name: (q.id, q.required) for q in survey.questions}
    return survey.id, questions


def _plain_sql(survey_id: int) -> list[Any]:
    return list(db.session.execute(PLAIN_SQL, {"survey": survey_id}).all())


def _report(survey_id: int) -> SurveyResult:
    survey = db.session.get(Survey, survey_id)
    assert survey is not None
    return survey_result(survey, "nl")


@dataclass(frozen=True)
class _Timed:
    seconds: float
    cpu_seconds: float
    result: Any


def _timed(func: Callable[[], Any]) -> _Timed:
    db.session.remove()  # a fresh session each time, as each request has
    started, cpu = time.perf_counter(), time.process_time()
    result = func()
    return _Timed(time.perf_counter() - started, time.process_time() - cpu, result)


def counts_agree(result: SurveyResult, rows: Sequence[Any], names: dict[int, str]) -> bool:
    """The report's n, declined and option counts, recomputed from the GROUP BY rows."""
    n: Counter[str] = Counter()
    declined: Counter[str] = Counter()
    options: Counter[tuple[str, str]] = Counter()
    for question_id, is_declined, value, count in rows:
        name = names[question_id]
        if is_declined:
            declined[name] += count
            continue
        decoded = json.loads(value) if value is not None else None
        if decoded in (None, "", []):
            continue
        n[name] += count
        for option in set(decoded) if isinstance(decoded, list) else {decoded}:
            options[(name, str(option))] += count
    for question in result.questions:
        if question.suppressed:
            continue
        if question.n != n[question.name] or question.declined != declined[question.name]:
            return False
        if any(o.count != options[(question.name, o.name)] for o in question.options):
            return False
    return True


def measure_report(
    database_url: str, sizes: Sequence[int], rounds: int, log: Log
) -> ReportBenchmark:
    app = _app(database_url)
    timings = []
    with app.app_context():
        survey_id, questions = _create_survey()
        names = {question_id: name for name, (question_id, _) in questions.items()}
        have = answers = 0
        with psycopg.connect(libpq_url(database_url)) as connection:
            for size in sizes:
                log(f"report: COPY {size - have:,} responses (total {size:,})")
                answers += add_responses(connection, survey_id, questions, size - have, seed=size)
                have = size
                if size == sizes[0]:  # warm once: imports, caches, buffers
                    _timed(lambda: _report(survey_id))
                    _timed(lambda: _plain_sql(survey_id))
                reports = [_timed(lambda: _report(survey_id))]
                queries = [_timed(lambda: _plain_sql(survey_id))]
                for _ in range(rounds - 1):  # interleaved: drift hits both alike
                    reports.append(_timed(lambda: _report(survey_id)))
                    queries.append(_timed(lambda: _plain_sql(survey_id)))
                best = min(reports, key=lambda timed: timed.seconds)
                sql_best = min(timed.seconds for timed in queries)
                result, rows = best.result, queries[-1].result
                agree = counts_agree(result, rows, names)
                log(
                    f"report at {size:,}: {best.seconds:.3f} s, plain SQL {sql_best:.3f} s"
                    + ("" if agree else " (COUNTS DIFFER)")
                )
                timings.append(
                    ReportTiming(size, answers, best.seconds, sql_best, agree, best.cpu_seconds)
                )
        db.session.remove()
        db.engine.dispose()
    return ReportBenchmark(timings=tuple(timings), rounds=rounds)


__all__ = ["CODE", "ReportBenchmark", "ReportTiming", "measure_report"]
