"""The suggester's proposals as Tag rows, and the project's learned weights behind them.

Suggestions are made lazily: when the queue is opened, statements the suggester has not seen yet
get their rows (coder NULL, status suggested, score and evidence). `Project.settings` keeps the
highest statement id already seen, so a statement that matched nothing is not tagged again on every
page; statement ids only grow, so new answers are picked up on the next visit.

Learning: every accepted or rejected tag in the project is an example for
`participatie.tagging.learning`, which turns them into term weights for this project only. The
weights are cached per process and per project under a key of (number of decided tags, latest
change): one aggregate query per request tells whether anything changed, and only then are the
examples read again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import selectinload

from participatie.coordinate.codebook.snapshot import Codebook
from participatie.extensions import db
from participatie.models import Answer, Project, Quote, Statement, Tag, TagStatus
from participatie.models.base import utcnow
from participatie.tagging.codebook import ALL_CODES
from participatie.tagging.lexicons import UnsupportedLanguage
from participatie.tagging.suggester import Suggestion, suggest

log = logging.getLogger(__name__)

SEEN_SETTING = "suggested_through_statement"
# Statements the suggester handles per request; a large import is covered over a few visits.
BATCH = 500

Weights = Mapping[tuple[str, str], float]
_cache: dict[int, tuple[tuple[Any, ...], Weights]] = {}
_cache_lock = threading.Lock()


def _decided_tags(project: Project) -> Any:
    return (
        select(Tag)
        .join(Statement, Tag.statement_id == Statement.id)
        .where(
            Statement.project_id == project.id,
            Tag.is_blind_sample.is_(False),
            Tag.status.in_((TagStatus.ACCEPTED, TagStatus.REJECTED)),
        )
    )


def cache_key(project: Project) -> tuple[Any, ...]:
    subquery = _decided_tags(project).subquery()
    count, latest = db.session.execute(
        select(func.count(subquery.c.id), func.max(subquery.c.updated_at))
    ).one()
    return (count, latest.isoformat() if latest is not None else None)


def project_weights(project: Project, codebook: Codebook) -> Weights:
    """The project's learned weights, recomputed only when its decided tags changed."""
    key = cache_key(project)
    with _cache_lock:
        cached = _cache.get(project.id)
    if cached is not None and cached[0] == key:
        return cached[1]
    weights = learn_from_tags(project, codebook)
    with _cache_lock:
        _cache[project.id] = (key, weights)
    return weights


def learn_from_tags(project: Project, codebook: Codebook) -> Weights:
    from participatie.tagging.learning import learn_weights

    tags = db.session.scalars(
        _decided_tags(project).options(
            selectinload(Tag.statement).selectinload(Statement.answer),
            selectinload(Tag.statement).selectinload(Statement.quote),
        )
    )
    examples = []
    for tag in tags:
        key = codebook.default_key(codebook.by_id[tag.code_id])
        if key not in ALL_CODES:
            continue
        examples.append(
            (tag.statement.text, tag.statement.language, key, tag.status == TagStatus.ACCEPTED)
        )
    return learn_weights(examples)


def suggestion_keys(suggestion: Suggestion) -> list[str]:
    return [
        *suggestion.domains,
        *suggestion.barriers,
        *([suggestion.kind] if suggestion.kind else []),
    ]


def _suggest_for(statement: Statement, codebook: Codebook, weights: Weights) -> None:
    text = statement.text
    if not text.strip():
        return
    try:
        suggestion = suggest(text, statement.language, weights)
    except UnsupportedLanguage:
        return
    except FileNotFoundError:
        # A lexicon not built in this deployment: the queue still works, without suggestions.
        log.warning("no lexicon for %s", statement.language)
        return
    taken = {
        codebook.effective_id(tag.code_id) for tag in statement.tags if not tag.is_blind_sample
    }
    rows = []
    for key in suggestion_keys(suggestion):
        code = codebook.by_key.get(key)
        if code is None:
            continue
        target = codebook.effective(code)
        if target.id in taken or not codebook.is_pickable(target):
            continue
        taken.add(target.id)
        rows.append(
            {
                "statement_id": statement.id,
                "code_id": target.id,
                "coder_id": None,
                "status": TagStatus.SUGGESTED,
                "score": suggestion.scores.get(key),
                "evidence": list(suggestion.evidence.get(key, [])),
                "is_blind_sample": False,
                "created_at": utcnow(),
                "updated_at": utcnow(),
            }
        )
    if not rows:
        return
    # Two coordinators opening the queue at once both reach this point: the partial unique
    # index on the suggester's rows lets one insert each code and the other insert nothing.
    dialect = db.session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    db.session.execute(
        insert(Tag)
        .values(rows)
        .on_conflict_do_nothing(
            index_elements=["statement_id", "code_id"], index_where=Tag.coder_id.is_(None)
        )
    )
    db.session.expire(statement, ["tags"])


def _has_suggester_rows(statement: Statement) -> bool:
    return any(tag.score is not None for tag in statement.tags if not tag.is_blind_sample)


def suggest_new_statements(project: Project, codebook: Codebook) -> int:
    """Suggest codes for statements the suggester has not seen yet (at most BATCH per call)."""
    seen_through = int((project.settings or {}).get(SEEN_SETTING, 0))
    statements = list(
        db.session.scalars(
            select(Statement)
            .where(Statement.project_id == project.id, Statement.id > seen_through)
            .order_by(Statement.id)
            .limit(BATCH)
            .options(
                selectinload(Statement.tags),
                selectinload(Statement.answer).load_only(Answer.value),
                selectinload(Statement.quote).load_only(Quote.text),
            )
        )
    )
    if not statements:
        return 0
    weights = project_weights(project, codebook)
    for statement in statements:
        if not _has_suggester_rows(statement):
            _suggest_for(statement, codebook, weights)
    settings = dict(project.settings or {})
    settings[SEEN_SETTING] = statements[-1].id
    project.settings = settings
    db.session.flush()
    return len(statements)


def ensure_suggestions(
    project: Project, codebook: Codebook, statements: Iterable[Statement]
) -> None:
    """Suggestions for the statements on a page that the suggester never saw."""
    seen_through = int((project.settings or {}).get(SEEN_SETTING, 0))
    todo = [s for s in statements if s.id > seen_through and not _has_suggester_rows(s)]
    if not todo:
        return
    weights = project_weights(project, codebook)
    for statement in todo:
        _suggest_for(statement, codebook, weights)
    db.session.flush()


def learned_weights(project: Project) -> Weights:
    """The project's learned weights, for callers outside the queue (e.g. `themes suggest --project`)."""
    from participatie.coordinate.codebook.snapshot import load_codebook

    return project_weights(project, load_codebook(project))
