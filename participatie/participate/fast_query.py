"""One participant's journey read straight from the DBAPI: the fast path's only query.

Through the ORM session, a page's one query costs about a third of the page's CPU (issue 18):
the session, its transaction bookkeeping, the compiled-statement cache and the result's ORM
rows. Here the statement is compiled once per database dialect, run in autocommit (no BEGIN and
COMMIT round trips: the page only reads) on a connection from the app's own pool (so the idle
ping of database.py and the pool's reset still apply), and its columns are converted by the
types' own result processors, so SQLite and PostgreSQL give the same Python values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.exc import DBAPIError

from participatie.models import Answer, Response, Survey


class DatabaseUnavailable(RuntimeError):
    """The query met a dropped or refused connection (now invalidated): Flask takes the request,
    with a connection of its own or its page saying the database is away (errors.py)."""


class StoredAnswer(NamedTuple):
    """An answer's columns, as the page keys and the relevance rules read them."""

    value: Any
    declined: bool


@dataclass(frozen=True)
class JourneyRow:
    survey_id: int
    revision: int
    status: str
    has_response: bool
    answers: dict[int, StoredAnswer]  # by question id
    # What an answer's write needs (fast_answers.py): the response's row, the language its
    # statements get and whether it is completed already (then an answer never completes it).
    response_id: int | None = None
    language: str = "nl"
    completed: bool = False


_JOURNEY = (
    select(
        Survey.id.label("survey_id"),
        Survey.revision,
        Survey.status,
        Response.id.label("response_id"),
        Answer.question_id,
        Answer.value,
        Answer.declined,
        Response.language,
        Response.completed_at,
    )
    .outerjoin(
        Response,
        (Response.survey_id == Survey.id) & (Response.public_id == bindparam("public_id")),
    )
    .outerjoin(Answer, Answer.response_id == Response.id)
    .where(Survey.code == bindparam("code"))
)

Processor = Callable[[Any], Any] | None


class Link(NamedTuple):
    connection: Any  # the pool's connection (commit, rollback)
    cursor: Any


@contextmanager
def pooled(engine: Engine, autocommit: bool) -> Iterator[Link]:
    """A cursor on a connection of the app's pool, in autocommit when asked (no BEGIN and
    COMMIT round trips for a single statement). A connection that met a database error is
    invalidated, so a broken link is never handed to the next request, and the error becomes
    DatabaseUnavailable: Flask takes the request."""
    dialect = engine.dialect
    try:
        connection = engine.raw_connection()
    except (DBAPIError, dialect.loaded_dbapi.Error) as error:
        # No connection to be had: the pool raises the driver's own error, unwrapped.
        raise DatabaseUnavailable from error
    try:
        dbapi_connection = connection.dbapi_connection
        assert dbapi_connection is not None
        if autocommit:
            dialect.set_isolation_level(dbapi_connection, "AUTOCOMMIT")
        try:
            cursor = connection.cursor()
            yield Link(connection, cursor)
            cursor.close()
        finally:
            if autocommit:
                dialect.reset_isolation_level(dbapi_connection)
    except dialect.loaded_dbapi.Error as error:
        connection.invalidate()
        raise DatabaseUnavailable from error
    except BaseException:
        connection.invalidate()
        raise
    finally:
        connection.close()


class JourneyQuery:
    """journey_session.load_journey's query, without the ORM."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        dialect = engine.dialect
        compiled = _JOURNEY.compile(dialect=dialect)
        self.sql = str(compiled)
        self.positions = tuple(compiled.positiontup or ()) if compiled.positional else None
        self.processors: tuple[Processor, ...] = tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, None)
            for column in _JOURNEY.selected_columns
        )

    def run(self, code: str, public_id: str) -> JourneyRow | None:
        """The survey with this code and this participant's response and answers, or None when
        no survey has the code."""
        with pooled(self.engine, autocommit=True) as link:
            return self.fetch(link.cursor, code, public_id)

    def fetch(self, cursor: Any, code: str, public_id: str) -> JourneyRow | None:
        """`run` on a cursor of a connection already taken (the answers' fast path reads and
        writes on one connection)."""
        params: dict[str, Any] = {"code": code, "public_id": public_id}
        arguments: Any = (
            params if self.positions is None else tuple(params[n] for n in self.positions)
        )
        cursor.execute(self.sql, arguments)
        rows = cursor.fetchall()
        if not rows:
            return None
        converted = [self._convert(row) for row in rows]
        first = converted[0]
        return JourneyRow(
            survey_id=first[0],
            revision=first[1],
            status=str(first[2]),
            has_response=first[3] is not None,
            response_id=first[3],
            language=str(first[7] or "nl"),
            completed=first[8] is not None,
            answers={
                row[4]: StoredAnswer(row[5], bool(row[6]))
                for row in converted
                if row[4] is not None
            },
        )

    def _convert(self, row: Any) -> list[Any]:
        return [
            value if process is None or value is None else process(value)
            for process, value in zip(self.processors, row, strict=True)
        ]
