"""Under TESTING: an answer the fast path takes (fast_answers.py) must be what Flask does with it.

Both cannot write the same answer, and Flask's view commits. So the fast path's writes run in a
transaction that reads the rows they touched and is then rolled back; Flask takes the same
request on the database as it was and commits; the rows are read again. The two must agree:
the reply (status, headers, body: the Location above all), the answer (value, declined, whether
it was written), the idempotency key's row, the response (group, completion, whether it was
touched) and the open answer's statement. Timestamps differ by nature; whether each changed
must not. Every test that answers a question through the participant pages checks this path.

Requests that run at the same time (tests/trust/test_concurrent_writes.py) change each other's
rows between the two paths' writes: for an answer that overlapped another answer request of
this process, only what is its own alone is compared: the reply and its idempotency key's row.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, func, select

from participatie.models import Answer, IdempotencyKey, Response, Statement
from participatie.participate.fast_answer_write import AnswerWriter, Prepared
from participatie.participate.fast_query import Link, pooled

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIEnvironment

    from participatie.participate.fast_answers import FastAnswers, Planned, Reply

_ANSWERS = cast(Table, Answer.__table__)
_RESPONSES = cast(Table, Response.__table__)
_KEYS = cast(Table, IdempotencyKey.__table__)
_STATEMENTS = cast(Table, Statement.__table__)

# What an answer's writes leave, one query per table (the check's own, not the fast path's).
_ROWS = {
    "answer": select(_ANSWERS.c.value, _ANSWERS.c.declined, _ANSWERS.c.updated_at).where(
        (_ANSWERS.c.response_id == bindparam("response_id"))
        & (_ANSWERS.c.question_id == bindparam("question_id"))
    ),
    "key": select(_KEYS.c.scope, _KEYS.c.object_id, _KEYS.c.content_hash).where(
        _KEYS.c.key == bindparam("key")
    ),
    "response": select(
        _RESPONSES.c.participant_group,
        _RESPONSES.c.completed_at.is_(None),
        _RESPONSES.c.updated_at,
    ).where(_RESPONSES.c.id == bindparam("response_id")),
    "statement": select(func.count(), func.min(_STATEMENTS.c.language))
    .select_from(_ANSWERS.join(_STATEMENTS, _STATEMENTS.c.answer_id == _ANSWERS.c.id))
    .where(
        (_ANSWERS.c.response_id == bindparam("response_id"))
        & (_ANSWERS.c.question_id == bindparam("question_id"))
    ),
}
_prepared: dict[str, dict[str, Prepared]] = {}


class FastAnswerMismatch(AssertionError):
    """The fast path would have answered or written something else than Flask did."""


class Overlaps:
    """Whether an answer request ran alone: none other running when it began, none begun since."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._begun = 0
        self._alone = threading.local()

    @contextmanager
    def request(self) -> Iterator[None]:
        with self._lock:
            self._running += 1
            self._begun += 1
            self._alone.since = self._begun if self._running == 1 else None
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1

    def alone(self) -> bool:
        with self._lock:
            since = getattr(self._alone, "since", None)
            return since is not None and since == self._begun


OVERLAPS = Overlaps()


class Ours(NamedTuple):
    applied: bool
    before: dict[str, Any]  # the rows before the writes
    after: dict[str, Any]  # the rows the writes left (then rolled back)


def our_writes(writer: AnswerWriter, link: Link, planned: Planned) -> Ours:
    """The fast path's writes in a transaction on its connection, read and rolled back."""
    params = planned.write.params()
    before = _rows(writer, link.cursor, params)
    applied = writer.apply(link.cursor, planned.write)
    after = _rows(writer, link.cursor, params)
    link.connection.rollback()
    return Ours(applied, before, after)


def same_as_flask(
    answers: FastAnswers, environ: WSGIEnvironment, body: bytes, planned: Planned, ours: Ours
) -> Reply:
    """Flask takes the request; its reply and the rows it leaves must be the fast path's."""
    reply = answers.redirect(planned.applied if ours.applied else planned.seen)
    flask = _flask_reply(answers, {**environ, "wsgi.input": BytesIO(body)})
    with pooled(answers.writer().engine, autocommit=False) as link:
        theirs = _rows(answers.writer(), link.cursor, planned.write.params())
        link.connection.rollback()
    where = environ.get("PATH_INFO", "")
    if (flask.status, sorted(flask.headers), flask.body) != (
        reply.status,
        sorted(reply.headers),
        reply.body,
    ):
        raise FastAnswerMismatch(f"{where}: Flask replies {flask}, the fast path {reply}")
    if not OVERLAPS.alone():  # another answer wrote between them: the key is this one's alone
        if theirs["key"] != ours.after["key"]:
            raise FastAnswerMismatch(f"{where}: Flask leaves {theirs['key']}, ours {ours.after}")
        return reply
    if _outcome(ours.before, ours.after) != _outcome(ours.before, theirs):
        raise FastAnswerMismatch(
            f"{where}: Flask leaves {_outcome(ours.before, theirs)}, "
            f"the fast path {_outcome(ours.before, ours.after)}"
        )
    return reply


def _outcome(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The rows without their timestamps, and whether each timestamp changed."""
    answer, response = after["answer"], after["response"]
    return {
        "answer": answer[:2] if answer else None,
        "answer written": answer != before["answer"],
        "key": after["key"],
        "response": response[:2],
        "response touched": response[2] != before["response"][2],
        "statement": after["statement"],
    }


def _flask_reply(answers: FastAnswers, environ: WSGIEnvironment) -> Reply:
    from participatie.participate.fast_answers import Reply

    reply: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], _exc: Any = None) -> Any:
        reply.update(status=status, headers=headers)
        return lambda _data: None

    chunks = answers.pages.wrapped(environ, start_response)
    try:
        body = b"".join(chunks)
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
    return Reply(reply["status"], list(reply["headers"]), body)


def _rows(writer: AnswerWriter, cursor: Any, params: dict[str, Any]) -> dict[str, Any]:
    dialect = writer.dialect
    prepared = _prepared.get(dialect.name)
    if prepared is None:
        prepared = _prepared[dialect.name] = {
            name: Prepared(statement, dialect) for name, statement in _ROWS.items()
        }
    found: dict[str, Any] = {}
    for name, statement in prepared.items():
        rows = statement.run(cursor, params)
        found[name] = tuple(rows[0]) if rows else None
    return found
