"""What participants answer. No IP address, user agent or account is ever stored."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ColumnElement, ForeignKey, Index, String, UniqueConstraint, and_, false
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.surveys import Question, Survey


# A participant (report/participants.py): consented, with at least one answer.
PARTICIPANT = "answered AND consented_at IS NOT NULL"


class ResponseMode(enum.StrEnum):
    SELF = "self"
    ASSISTED = "assisted"
    PAPER = "paper"
    OFFLINE = "offline"


class Response(Base):
    __tablename__ = "responses"
    __table_args__ = (
        Index("ix_responses_survey_id_consented_at", "survey_id", "consented_at"),
        # Exactly the participants (report/participants.py: consented, with an answer), per
        # survey and by consent time: the home page's counts per survey and "since the latest
        # release" read this index alone (issue 22: < 150 ms with 100,000 responses).
        Index(
            "ix_responses_participants",
            "survey_id",
            "consented_at",
            postgresql_where=sql_text(PARTICIPANT),
            sqlite_where=sql_text(PARTICIPANT),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"), index=True)
    survey_version: Mapped[int] = mapped_column(default=1)
    # HMAC of the resume code under RESUME_CODE_KEY: lookup without storing the code.
    resume_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Short number printed on a paper form, to key it in later.
    paper_number: Mapped[str | None] = mapped_column(String(16), unique=True)
    mode: Mapped[ResponseMode] = mapped_column(enum_type(ResponseMode), default=ResponseMode.SELF)
    language: Mapped[str] = mapped_column(String(10), default="nl")
    consent_version: Mapped[int | None] = mapped_column()
    consented_at: Mapped[datetime | None] = mapped_column()
    participant_group: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column()
    # Whether the response has at least one answer row. Kept by the database itself: triggers
    # on `answers` (migration 0016_answered_flag) set it on every insert and recompute it on
    # every delete, whatever the path (journey, paper entry, offline sync, import, routing
    # prune, retention purge, a bulk DELETE). Never set it from Python: the ORM's copy is not
    # refreshed by the triggers until the object is expired, so read it in SQL only.
    answered: Mapped[bool] = mapped_column(default=False, server_default=false())

    survey: Mapped[Survey] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )
    assistance: Mapped[Assistance | None] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


def participant_response() -> ColumnElement[bool]:
    """PARTICIPANT as a condition, written as the index's predicate (`answered AND …`, not
    `answered IS true`) so that the planner can prove ix_responses_participants applies."""
    return and_(Response.answered, Response.consented_at.is_not(None))


class Answer(Base):
    """One answer to one question; `declined` is "Ik wil dit niet zeggen"."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"), index=True)
    # A string, a number or a list of option names, as the question type says.
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    declined: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    response: Mapped[Response] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()


class Assistance(Base):
    """Who helped with a response, kept apart so it never reaches results or exports."""

    __tablename__ = "assistance"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), unique=True
    )
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    consent_confirmed_at: Mapped[datetime] = mapped_column(default=utcnow)
    consent_version: Mapped[int] = mapped_column(default=1)
    consent_language: Mapped[str] = mapped_column(String(10), default="nl")

    response: Mapped[Response] = relationship(back_populates="assistance")


class IdempotencyKey(Base):
    """A client write already applied: the same key again is acknowledged, not applied twice."""

    __tablename__ = "idempotency_keys"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[str | None] = mapped_column(String(64))
    # SHA-256 of what was sent with the key: the same key with other content is a change (the
    # back button re-posting a page) or a conflict (offline sync), never silently dropped.
    content_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
