"""An answer's writes for the participant pages' fast path (fast_answers.py), in one round trip.

Through Flask an answer costs the idempotency claim, the answer's upsert, the statement of an
open answer and the response's touch, each a statement of its own inside a transaction (BEGIN,
four statements, COMMIT: six round trips). On PostgreSQL they are here ONE statement, run in
autocommit: data-modifying CTEs, where each part after the claim selects from the claim's
RETURNING, so nothing is written when the claim says "seen already" (the same statements and
decisions as claim_idempotency_key, _upsert_answer, _sync_statement and _touch in
surveys/answers.py; a statement is atomic, so a failure leaves nothing half written). SQLite
cannot modify data in a CTE: there the same statements run one by one in one transaction.

The statements are compiled once per dialect and run on a connection from the app's pool, as
fast_query.py does, with the bind values converted by the types' own bind processors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    Engine,
    Integer,
    String,
    Table,
    bindparam,
    exists,
    func,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from participatie.models import Answer, Response, Statement, StatementSource
from participatie.surveys.answers import (
    claim_statement,
    on_answer_conflict,
    on_statement_conflict,
)

_ANSWERS = cast(Table, Answer.__table__)
_RESPONSES = cast(Table, Response.__table__)
_STATEMENTS = cast(Table, Statement.__table__)
_ANSWER_COLUMNS = ["response_id", "question_id", "value", "declined", "created_at", "updated_at"]
_STATEMENT_COLUMNS = ["public_id", "project_id", "source", "answer_id", "language", "created_at"]

# Typed once: the same parameter in several parts of a statement must carry the same type.
_NOW = bindparam("now", type_=DateTime)
_RESPONSE = bindparam("response_id", type_=Integer)
_QUESTION = bindparam("question_id", type_=Integer)
# none_as_null: a declined answer's value is SQL NULL, not JSON null (as _upsert_statement).
_VALUE = bindparam("value", type_=JSON(none_as_null=True))
_DECLINED = bindparam("declined", type_=Boolean)
_SOURCE = bindparam("source", StatementSource.SURVEY, type_=_STATEMENTS.c.source.type)


@dataclass(frozen=True)
class AnswerWrite:
    """One answer as Flask's path would store it."""

    key: str  # the page's idempotency key
    public_id: str  # the response's: the key's object
    content_hash: str
    response_id: int
    question_id: int
    value: Any
    declined: bool
    now: datetime
    statement: tuple[int, str, str] | None  # an open answer's (project, language, public id)
    group: tuple[str | None] | None  # the group question's participant_group, else None

    def params(self) -> dict[str, Any]:
        params = {
            "key": self.key,
            "object_id": self.public_id,
            "content_hash": self.content_hash,
            "response_id": self.response_id,
            "question_id": self.question_id,
            "value": None if self.declined else self.value,
            "declined": self.declined,
            "now": self.now,
        }
        if self.statement is not None:
            project, language, public_id = self.statement
            params.update(project_id=project, language=language, statement_public_id=public_id)
        if self.group is not None:
            params["group"] = self.group[0]
        return params


class Shape(NamedTuple):
    """Which statements an answer needs: each shape is compiled once per dialect."""

    open_text: bool
    group: bool


Processor = Callable[[Any], Any] | None


class Prepared:
    """A Core statement compiled for one dialect, run on a DBAPI cursor."""

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        self.compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
        self.sql = str(self.compiled)
        self.positions = (
            tuple(self.compiled.positiontup or ()) if self.compiled.positional else None
        )
        processors: dict[str, Processor] = {}
        for bind, name in self.compiled.bind_names.items():
            processors[name] = bind.type.dialect_impl(dialect).bind_processor(dialect)
        self.processors = {name: p for name, p in processors.items() if p is not None}

    def run(self, cursor: Any, params: dict[str, Any]) -> list[Any]:
        values = self.compiled.construct_params(params)
        assert values is not None
        for name, process in self.processors.items():
            if values.get(name) is not None:
                values[name] = process(values[name])
        arguments: Any = values if self.positions is None else [values[n] for n in self.positions]
        cursor.execute(self.sql, arguments)
        return list(cursor.fetchall()) if cursor.description else []


def _claim(insert: Any) -> Any:
    return claim_statement(
        insert,
        key=bindparam("key"),
        object_id=bindparam("object_id"),
        content_hash=bindparam("content_hash"),
        created_at=_NOW,
    )


def _answer_upsert(statement: Any) -> Any:
    return on_answer_conflict(statement).returning(_ANSWERS.c.id)


def _statement_upsert(statement: Any) -> Any:
    return on_statement_conflict(statement)


def _statement_values(answer_id: Any) -> list[Any]:
    return [
        bindparam("statement_public_id", type_=String),
        bindparam("project_id", type_=Integer),
        _SOURCE,
        answer_id,
        bindparam("language", type_=String),
        _NOW,
    ]


def _touch(shape: Shape) -> Any:
    changes: dict[str, Any] = {"updated_at": _NOW}
    if shape.group:
        changes["participant_group"] = bindparam("group", type_=String)
    return update(_RESPONSES).where(_RESPONSES.c.id == _RESPONSE).values(changes)


def one_statement(shape: Shape) -> Any:
    """PostgreSQL: claim, upsert, statement and touch as one statement; it returns 1 when the
    claim applied the answer, 0 when the key had come with this content before."""
    claim = _claim(postgresql_insert).cte("claim")
    answer_row = select(_RESPONSE, _QUESTION, _VALUE, _DECLINED, _NOW, _NOW).select_from(claim)
    saved = _answer_upsert(
        postgresql_insert(_ANSWERS).from_select(_ANSWER_COLUMNS, answer_row)
    ).cte("saved")
    parts = [saved]
    if shape.open_text:
        statement_row = select(*_statement_values(saved.c.id)).select_from(saved)
        parts.append(
            _statement_upsert(
                postgresql_insert(_STATEMENTS).from_select(_STATEMENT_COLUMNS, statement_row)
            ).cte("stated")
        )
    # The touch waits for the answer's row (it reads `saved`): the rows are locked in the order
    # Flask's path locks them, answer before response. With the touch reading only the claim,
    # PostgreSQL could lock the response first, and two answers to one question posted together
    # (two tabs, or one through Flask) deadlocked under load: CI saw two 503s of eight.
    parts.append(_touch(shape).where(exists(select(saved.c.id))).cte("touched"))
    return select(func.count()).select_from(claim).add_cte(*parts)


class Steps(NamedTuple):
    """SQLite: the same statements one by one."""

    claim: Any
    upsert: Any
    statement: Any | None
    touch: Any


def steps(shape: Shape) -> Steps:
    answer = sqlite_insert(_ANSWERS).values(
        dict(
            zip(_ANSWER_COLUMNS, [_RESPONSE, _QUESTION, _VALUE, _DECLINED, _NOW, _NOW], strict=True)
        )
    )
    statement = None
    if shape.open_text:
        values = _statement_values(bindparam("answer_id", type_=Integer))
        statement = _statement_upsert(
            sqlite_insert(_STATEMENTS).values(dict(zip(_STATEMENT_COLUMNS, values, strict=True)))
        )
    return Steps(_claim(sqlite_insert), _answer_upsert(answer), statement, _touch(shape))


class AnswerWriter:
    """An answer's statements for the engine's dialect, run on a cursor of its pool
    (fast_query.pooled): in autocommit on PostgreSQL, in a transaction the caller commits (or,
    under the TESTING check, rolls back) on SQLite."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect
        self.single = self.dialect.name == "postgresql"  # one statement: autocommit will do
        self._prepared: dict[Shape, Prepared | Steps] = {}

    def apply(self, cursor: Any, answer: AnswerWrite) -> bool:
        """True when the answer was applied, False when its key had come with this content
        before (then nothing was written)."""
        shape = Shape(answer.statement is not None, answer.group is not None)
        prepared = self._prepared.get(shape)
        if prepared is None:
            prepared = self._prepared[shape] = self._prepare(shape)
        params = answer.params()
        if isinstance(prepared, Prepared):
            return bool(prepared.run(cursor, params)[0][0])
        if not prepared.claim.run(cursor, params):
            return False
        answer_id = prepared.upsert.run(cursor, params)[0][0]
        if prepared.statement is not None:
            prepared.statement.run(cursor, {**params, "answer_id": answer_id})
        prepared.touch.run(cursor, params)
        return True

    def _prepare(self, shape: Shape) -> Prepared | Steps:
        if self.single:
            return Prepared(one_statement(shape), self.dialect)
        found = steps(shape)
        return Steps(
            Prepared(found.claim, self.dialect),
            Prepared(found.upsert, self.dialect),
            None if found.statement is None else Prepared(found.statement, self.dialect),
            Prepared(found.touch, self.dialect),
        )
