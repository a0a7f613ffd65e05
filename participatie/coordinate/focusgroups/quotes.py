"""Quotes captured during a focus group. Each quote becomes a Statement in the same transaction,
so it joins the review queue of open survey answers; quick tags become accepted Tags by the
note-taker. A client's idempotency key makes a retried save return the quote it already made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import url_for
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from participatie import audit
from participatie.extensions import db
from participatie.models import (
    Attendee,
    Code,
    CodeKind,
    FocusGroup,
    IdempotencyKey,
    Project,
    Quote,
    Statement,
    StatementSource,
    Tag,
    TagStatus,
)
from participatie.models.base import new_public_id
from participatie.privacy import needs_review

IDEMPOTENCY_SCOPE = "quote"
RECENT_QUOTES = 8


@dataclass(frozen=True)
class QuoteInput:
    text: str
    speaker: str = ""  # a pseudonym of the group, or "" when nobody knows who said it
    question: str = ""  # the guide question's position, as the form sends it
    language: str = ""  # "" = the speaker's language
    tags: list[str] = field(default_factory=list)
    key: str = ""  # the client's idempotency key


def quick_tag_codes(project: Project) -> list[Code]:
    """The project's active codes, domains first; empty while the project has no codebook."""
    order = {CodeKind.DOMAIN: 0, CodeKind.BARRIER: 1, CodeKind.KIND: 2}
    codes = db.session.scalars(
        select(Code).where(
            Code.project_id == project.id,
            Code.active.is_(True),
            Code.merged_into_id.is_(None),
            Code.parent_id.is_(None),
        )
    )
    return sorted(codes, key=lambda c: (order[c.kind], c.position, c.key))


def _attendee(group: FocusGroup, pseudonym: str) -> Attendee | None:
    return next((a for a in group.attendees if a.pseudonym == pseudonym), None)


def _question_text(group: FocusGroup, position: str) -> str:
    if position.isdigit() and int(position) < len(group.guide):
        return group.guide[int(position)]
    return ""


def _language(group: FocusGroup, attendee: Attendee | None, chosen: str) -> str:
    if chosen:
        return chosen
    if attendee is not None:
        return attendee.language
    return (group.languages[:1] or ["nl"])[0]


def _existing_for_key(group: FocusGroup, key: str) -> Quote | None:
    known = db.session.get(IdempotencyKey, key)
    if known is None:
        return None
    quote = db.session.scalar(select(Quote).where(Quote.public_id == known.object_id))
    # A key from another group, or for a quote deleted since: never a new quote, but the
    # caller learns the quote is not there.
    return quote if quote is not None and quote.focus_group_id == group.id else None


def create_quote(
    group: FocusGroup, data: QuoteInput, coder_id: int | None, codes: list[Code]
) -> tuple[Quote | None, bool]:
    """(quote, created). A key seen before gives (earlier quote, False), or (None, False) when
    that quote was deleted since."""
    if data.key and db.session.get(IdempotencyKey, data.key) is not None:
        return _existing_for_key(group, data.key), False
    public_id = new_public_id()
    if data.key:
        # Claimed before anything is written: a concurrent request with the same key waits for
        # this one and then finds the key taken.
        try:
            with db.session.begin_nested():
                db.session.add(
                    IdempotencyKey(key=data.key, scope=IDEMPOTENCY_SCOPE, object_id=public_id)
                )
        except IntegrityError:
            return _existing_for_key(group, data.key), False
    quote = _new_quote(group, data, public_id)
    _add_statement_and_tags(group, quote, data.tags, coder_id, codes)
    audit.record(
        "quote.create",
        project=group.project,
        object_type="quote",
        object_id=quote.public_id,
        focus_group=group.public_id,
    )
    return quote, True


def _new_quote(group: FocusGroup, data: QuoteInput, public_id: str) -> Quote:
    attendee = _attendee(group, data.speaker)
    quote = Quote(
        public_id=public_id,
        focus_group=group,
        attendee=attendee,
        guide_question=_question_text(group, data.question),
        text=data.text,
        language=_language(group, attendee, data.language),
    )
    db.session.add(quote)
    db.session.flush()
    return quote


def _add_statement_and_tags(
    group: FocusGroup, quote: Quote, tag_keys: list[str], coder_id: int | None, codes: list[Code]
) -> None:
    statement = Statement(
        project_id=group.project_id,
        source=StatementSource.FOCUS_GROUP,
        quote=quote,
        language=quote.language,
    )
    db.session.add(statement)
    by_key = {code.key: code for code in codes}
    for key in dict.fromkeys(tag_keys):
        if key in by_key:
            statement.tags.append(
                Tag(code=by_key[key], coder_id=coder_id, status=TagStatus.ACCEPTED, score=1.0)
            )
    db.session.flush()


def add_imported_quote(group: FocusGroup, attendee: Attendee, text: str, language: str) -> Quote:
    """A quote from a transcript: the same Statement as a captured one, without quick tags."""
    quote = Quote(focus_group=group, attendee=attendee, text=text, language=language)
    db.session.add(quote)
    db.session.flush()
    _add_statement_and_tags(group, quote, [], None, [])
    return quote


def get_quote(group: FocusGroup, public_id: str) -> Quote | None:
    return db.session.scalar(
        select(Quote).where(Quote.public_id == public_id, Quote.focus_group_id == group.id)
    )


def statement_of(quote: Quote) -> Statement | None:
    return db.session.scalar(select(Statement).where(Statement.quote_id == quote.id))


def update_quote(group: FocusGroup, quote: Quote, data: QuoteInput) -> None:
    attendee = _attendee(group, data.speaker)
    text_changed = quote.text != data.text
    quote.attendee = attendee
    quote.text = data.text
    quote.guide_question = _question_text(group, data.question)
    quote.language = _language(group, attendee, data.language)
    statement = statement_of(quote)
    if statement is not None:
        statement.language = quote.language
        if text_changed:
            # The earlier privacy review was about other words.
            statement.redacted_text = None
    audit.record(
        "quote.update",
        project=group.project,
        object_type="quote",
        object_id=quote.public_id,
        focus_group=group.public_id,
    )


def delete_quote(group: FocusGroup, quote: Quote) -> None:
    statement = statement_of(quote)
    if statement is not None:
        db.session.delete(statement)
    db.session.delete(quote)
    audit.record(
        "quote.delete",
        project=group.project,
        object_type="quote",
        object_id=quote.public_id,
        focus_group=group.public_id,
    )


def recent_quotes(group: FocusGroup, limit: int = RECENT_QUOTES) -> list[Quote]:
    return list(
        db.session.scalars(
            select(Quote)
            .where(Quote.focus_group_id == group.id)
            .order_by(Quote.id.desc())
            .limit(limit)
        )
    )


def current_question(group: FocusGroup) -> str:
    """The question being discussed: the one of the last quote, as the note-taker left it."""
    last = recent_quotes(group, 1)
    if last and last[0].guide_question in group.guide:
        return str(group.guide.index(last[0].guide_question))
    return ""


def question_position(group: FocusGroup, quote: Quote) -> str:
    return (
        str(group.guide.index(quote.guide_question)) if quote.guide_question in group.guide else ""
    )


def quote_json(group: FocusGroup, quote: Quote) -> dict[str, Any]:
    statement = statement_of(quote)
    slug, group_id = group.project.slug, group.public_id
    return {
        "id": quote.public_id,
        "speaker": quote.attendee.pseudonym if quote.attendee else "",
        "text": quote.text,
        "question": question_position(group, quote),
        "language": quote.language,
        "tags": sorted(tag.code.key for tag in statement.tags) if statement else [],
        "needs_review": bool(statement and needs_review(statement)),
        "update_url": url_for(
            "coordinate.quote_update_json", slug=slug, group_id=group_id, quote_id=quote.public_id
        ),
        "delete_url": url_for(
            "coordinate.quote_delete_json", slug=slug, group_id=group_id, quote_id=quote.public_id
        ),
    }
