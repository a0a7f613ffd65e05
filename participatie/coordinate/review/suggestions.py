"""The suggester's proposals as Tag rows, and the project's learned weights behind them.

Suggestions are made lazily: when the queue is opened, statements the suggester has not seen yet
get their rows (coder NULL, status suggested, score and evidence). `Project.settings` keeps the
highest statement id already seen, so a statement that matched nothing is not tagged again on every
page; statement ids only grow, so new answers are picked up on the next visit.

Learning: the project's learned weights come from participatie/tagging/project_weights.py.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import selectinload

from participatie.extensions import db
from participatie.models import Answer, Project, Quote, Statement, Tag, TagStatus
from participatie.models.base import utcnow
from participatie.tagging.lexicons import UnsupportedLanguage
from participatie.tagging.project_codebook import Codebook
from participatie.tagging.project_weights import Weights, project_weights
from participatie.tagging.suggester import Suggestion, suggest

log = logging.getLogger(__name__)

SEEN_SETTING = "suggested_through_statement"
# Statements the suggester handles per request; a large import is covered over a few visits.
BATCH = 500


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
                "evidence": list(suggestion.reasons.get(key, [])),
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
