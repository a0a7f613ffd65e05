"""Reading, checking and storing one page's answer."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any, Protocol, cast

from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import JSON, Table, bindparam, delete, inspect, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key
from werkzeug.datastructures import MultiDict

from participatie.extensions import db
from participatie.models import (
    Answer,
    IdempotencyKey,
    Response,
    Statement,
    StatementSource,
)
from participatie.models.base import utcnow
from participatie.surveys.definition import QuestionDef, SurveyDef
from participatie.surveys.patterns import PatternError, matches
from participatie.surveys.question_types.base import (
    Parsed as Parsed,  # re-exported: callers import it from here
)


def parse_answer(
    question: QuestionDef, form: MultiDict[str, str], values: dict[str, Any] | None = None
) -> Parsed:
    """The answer on the submitted page, or the message to show beside the field.

    With the earlier answers (`values`), a choice its choice_filter hides is refused too."""
    parsed = _parse_answer(question, form)
    if parsed.error is not None or parsed.declined or parsed.is_empty:
        return parsed
    if question.type == "text" and question.pattern and not _pattern_holds(question, parsed.value):
        locale = str(get_locale() or "")
        own = question.constraint_message.get(locale)
        return Parsed(
            value=parsed.value, error=own or _("Dit antwoord past niet. Kijk na wat je schreef.")
        )
    if question.choice_filter and values is not None and question.is_choice:
        shown = {option.name for option in question.visible_options(values)}
        chosen = parsed.value if isinstance(parsed.value, list) else [parsed.value]
        if any(name not in shown for name in chosen):
            return Parsed(error=_("Kies een van de antwoorden."))
    return parsed


def _pattern_holds(question: QuestionDef, text: str) -> bool:
    try:
        return matches(question.pattern, text)
    except PatternError:  # refused on import; a pattern we cannot run never blocks an answer
        return True


def _parse_answer(question: QuestionDef, form: MultiDict[str, str]) -> Parsed:
    answer_type = question.answer_type  # an unknown type raises here, never passes as a note
    if not answer_type.answerable:
        return Parsed()
    if form.get("decline") and question.declinable:
        # Only where the coordinator offers "Ik wil dit niet zeggen": elsewhere a posted refusal
        # (an old page, a crafted form) is read as the answer fields say.
        return Parsed(declined=True)
    if form.get("skip") and not question.required:
        # "Sla deze vraag over": no answer, whatever was half filled in on the page.
        return Parsed()
    parsed = answer_type.parse(question, form)
    if parsed.error is None and parsed.is_empty and question.required:
        return Parsed(error=answer_type.required_message(question))
    return parsed


def stored_answers(response: Response, survey: SurveyDef) -> dict[str, Answer]:
    by_id = survey.question_names
    rows = db.session.scalars(select(Answer).where(Answer.response_id == response.id))
    return {by_id[a.question_id]: a for a in rows if a.question_id in by_id}


class Given(Protocol):
    """An answer as the engine reads it: a stored Answer, or a copy of its columns (the
    participant pages' fast path reads them without the ORM)."""

    @property
    def value(self) -> Any: ...

    @property
    def declined(self) -> bool: ...


def answer_values(answers: Mapping[str, Given]) -> dict[str, Any]:
    """Values as the relevance expressions see them: declined counts as not answered."""
    return {name: a.value for name, a in answers.items() if not a.declined}


def form_content_hash(question_name: str, form: MultiDict[str, str]) -> str:
    """What a page sent, as a digest: the key's content, to tell a resubmission from a change."""
    content = {
        "question": question_name,
        "answer": form.getlist("answer"),
        "decline": bool(form.get("decline")),
    }
    return content_digest(content)


def content_digest(content: Any) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def claim_idempotency_key(key: str, response: Response, content_hash: str) -> bool:
    """True when the page must be applied: the first time a key is seen, or when it comes back
    with other content (the back button showed the browser's copy of the page, the parent chose
    again). False for the same content again: a double tap or a resubmission."""
    if not key or len(key) > 64:
        return True  # no key (an old page): store, but the unique answer row still prevents doubles
    claimed = db.session.scalar(
        _prebuilt("claim", _claim_statement),
        {
            "p_key": key,
            "p_object": response.public_id,
            "p_hash": content_hash,
            "p_created": utcnow(),
        },
    )
    return claimed is not None


def _claim_statement(insert: Any) -> Any:
    return claim_statement(
        insert,
        key=bindparam("p_key"),
        object_id=bindparam("p_object"),
        content_hash=bindparam("p_hash"),
        created_at=bindparam("p_created"),
    )


def claim_statement(
    insert: Any, *, key: Any, object_id: Any, content_hash: Any, created_at: Any
) -> Any:
    """INSERT … ON CONFLICT … RETURNING key for an answer's idempotency key, for either dialect's
    `insert` and the caller's bind parameters (the fast path names its own). One round trip,
    race-free: of two taps that arrive together, exactly one inserts the row; a changed answer
    updates the row's hash, so only the first of two identical changes applies."""
    keys = cast(Table, IdempotencyKey.__table__)
    statement = insert(keys).values(
        key=key,
        scope="answer",
        object_id=object_id,
        content_hash=content_hash,
        created_at=created_at,
    )
    # RETURNING, not rowcount: through the ORM session psycopg reports rowcount -1 here.
    return on_key_conflict(statement).returning(keys.c.key)


# The claim above and the ON CONFLICT clauses of the three writes of an answer, shared with the
# participant answers' fast path (participate/fast_answer_write.py), which runs them without
# the ORM.


def on_key_conflict(statement: Any) -> Any:
    """A key seen before is claimed again only by its own response with other content."""
    keys = cast(Table, IdempotencyKey.__table__)
    return statement.on_conflict_do_update(
        index_elements=["key"],
        set_={"content_hash": statement.excluded.content_hash},
        where=(
            (keys.c.scope == "answer")
            & (keys.c.object_id == statement.excluded.object_id)
            & keys.c.content_hash.is_distinct_from(statement.excluded.content_hash)
        ),
    )


def on_answer_conflict(statement: Any) -> Any:
    """One row per response and question: a second write updates it."""
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=["response_id", "question_id"],
        set_={
            "value": excluded.value,
            "declined": excluded.declined,
            "updated_at": excluded.updated_at,
        },
    )


def on_statement_conflict(statement: Any) -> Any:
    """One statement per open answer, given the response's language."""
    statements = cast(Table, Statement.__table__)
    return statement.on_conflict_do_update(
        index_elements=["answer_id"],
        set_={"language": statement.excluded.language},
        where=statements.c.language.is_distinct_from(statement.excluded.language),
    )


def save_answer(
    response: Response,
    survey: SurveyDef,
    question: QuestionDef,
    parsed: Parsed,
    answers: dict[str, Answer] | None = None,
) -> None:
    """Stores one answer. `answers` (from stored_answers) saves a query when the caller has them;
    it is kept up to date: afterwards it holds the response's answers as they now are."""
    if answers is None:
        answers = stored_answers(response, survey)
    existing = answers.get(question.name)
    if parsed.is_empty:
        if existing is not None:
            db.session.delete(existing)
            answers.pop(question.name)
    else:
        existing = _upsert_answer(response, question, parsed)
        answers[question.name] = existing
        _sync_statement(response, survey, question, existing)
    changes: dict[str, Any] = {"updated_at": utcnow()}
    if question.is_group_question:
        changes["participant_group"] = None if parsed.is_empty or parsed.declined else parsed.value
    _touch(response, changes)
    prune_skipped(response, survey, answers)


def _touch(response: Response, changes: dict[str, Any]) -> None:
    """The response's updated_at (and group) by a Core UPDATE, not the ORM's flush: the same
    statement for a fraction of the CPU (issue 18). A response new or changed in this request
    is left to the flush, which writes it anyway."""
    state = inspect(response)
    if not state.persistent or state.modified:
        for name, value in changes.items():
            setattr(response, name, value)
        return
    names = sorted(changes)
    db.session.execute(
        _prebuilt("touch:" + ",".join(names), lambda _insert: _touch_statement(names)),
        {"p_id": response.id, **{f"p_{name}": value for name, value in changes.items()}},
    )
    for name, value in changes.items():  # the object as the row now is, nothing left to flush
        set_committed_value(response, name, value)


def _touch_statement(names: list[str]) -> Any:
    table = cast(Table, Response.__table__)  # the table, not the ORM class: no session sync
    return (
        update(table)
        .where(table.c.id == bindparam("p_id"))
        .values({name: bindparam(f"p_{name}") for name in names})
    )


def _upsert_answer(response: Response, question: QuestionDef, parsed: Parsed) -> Answer:
    """Insert-or-update in one statement: two requests answering the same question of the same
    response at once (two tabs, a double tap with two pages) leave one row, never an error."""
    db.session.flush()  # the response's row (and id) first
    now = utcnow()
    row = db.session.execute(
        _prebuilt("upsert_answer", _upsert_statement),
        {
            "p_response": response.id,
            "p_question": question.id,
            "p_value": None if parsed.declined else parsed.value,
            "p_declined": parsed.declined,
            "p_created": now,
            "p_updated": now,
        },
    ).one()
    # The row as the database now holds it, as an ORM object without another query or the
    # ORM's bulk machinery (a third of an answer's CPU, issue 18): the one this session already
    # holds, brought up to date, or a new one made persistent as it is.
    fields = {name: getattr(row, name) for name in _ANSWER_FIELDS}
    held = db.session.identity_map.get(identity_key(Answer, row.id))
    if isinstance(held, Answer):
        for name, value in fields.items():
            set_committed_value(held, name, value)
        return held
    answer = Answer(id=row.id, **fields)
    make_transient_to_detached(answer)
    db.session.add(answer)
    return answer


_ANSWER_FIELDS = ("response_id", "question_id", "value", "declined", "created_at", "updated_at")


def _upsert_statement(insert: Any) -> Any:
    table = cast(Table, Answer.__table__)
    statement = insert(table).values(
        response_id=bindparam("p_response"),
        question_id=bindparam("p_question"),
        # none_as_null: a declined answer's value is SQL NULL, not JSON null.
        value=bindparam("p_value", type_=JSON(none_as_null=True)),
        declined=bindparam("p_declined"),
        created_at=bindparam("p_created"),
        updated_at=bindparam("p_updated"),
    )
    return on_answer_conflict(statement).returning(*table.c)


# Statements built once per dialect: composing an INSERT … ON CONFLICT costs more CPU than
# running it (issue 18's profile of an answer).
_statements: dict[tuple[str, str], Any] = {}


def _prebuilt(name: str, build: Callable[[Any], Any]) -> Any:
    dialect = db.session.get_bind().dialect.name
    found = _statements.get((name, dialect))
    if found is None:
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        found = _statements[(name, dialect)] = build(insert)
    return found


def _sync_statement(
    response: Response, survey: SurveyDef, question: QuestionDef, answer: Answer
) -> None:
    """Open answers are statements to tag; a cleared or declined one leaves the queue."""
    if not question.answer_type.open_text:
        return
    if answer.declined or not answer.value:
        db.session.flush()
        statement = db.session.scalar(select(Statement).where(Statement.answer_id == answer.id))
        if statement is not None:
            db.session.delete(statement)
        return
    # One statement whether the answer had one or not: made (or, when a parallel request has
    # just made it, left as it is) and given the response's language.
    db.session.execute(
        _prebuilt("statement", _statement_upsert),
        {
            "p_project": survey.project_id,
            "p_answer": answer.id,
            "p_language": response.language,
            "p_created": utcnow(),
        },
    )


def _statement_upsert(insert: Any) -> Any:
    statement = insert(Statement).values(
        project_id=bindparam("p_project"),
        source=StatementSource.SURVEY,
        answer_id=bindparam("p_answer"),
        language=bindparam("p_language"),
        created_at=bindparam("p_created"),
    )
    return on_statement_conflict(statement)


def skipped_answers(survey: SurveyDef, answers: Mapping[str, Given]) -> list[str]:
    """The answered questions that routing now skips, each judged on the answers before it
    (the participant pages' fast path asks this too: it leaves such an answer to Flask)."""
    values: dict[str, Any] = {}
    skipped: list[str] = []
    for question in survey.questions:
        answer = answers.get(question.name)
        if not question.is_relevant(values):
            if answer is not None:
                skipped.append(question.name)
            continue
        if answer is not None and not answer.declined:
            values[question.name] = answer.value
    return skipped


def prune_skipped(response: Response, survey: SurveyDef, answers: dict[str, Answer]) -> None:
    """Questions that routing now skips keep no answer: skip logic never leaks into results."""
    doomed = [answers.pop(name) for name in skipped_answers(survey, answers)]
    if doomed:
        db.session.flush()  # a skipped answer saved in this request needs its id
        ids = [answer.id for answer in doomed]
        db.session.execute(delete(Statement).where(Statement.answer_id.in_(ids)))
        db.session.execute(delete(Answer).where(Answer.id.in_(ids)))
        db.session.expire(response)
