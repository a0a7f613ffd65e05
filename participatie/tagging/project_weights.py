"""A project's learned weights for the suggester, from the tags its coordinators decided.

Every accepted or rejected tag in the project is an example for `participatie.tagging.learning`,
which turns them into term weights for this project only. The weights are cached per process and
per project under a key of (number of decided tags, latest change): one aggregate query per
request tells whether anything changed, and only then are the examples read again.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from participatie.extensions import db
from participatie.models import Project, Statement, Tag, TagStatus
from participatie.tagging.codebook import ALL_CODES
from participatie.tagging.project_codebook import Codebook, load_codebook

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


def learned_weights(project: Project) -> Weights:
    """The project's learned weights, for callers outside the queue (e.g. `themes suggest --project`)."""
    return project_weights(project, load_codebook(project))
