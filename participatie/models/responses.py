"""What participants answer. No IP address, user agent or account is ever stored."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.surveys import Question, Survey


class ResponseMode(enum.StrEnum):
    SELF = "self"
    ASSISTED = "assisted"
    PAPER = "paper"
    OFFLINE = "offline"


class Response(Base):
    __tablename__ = "responses"
    # The project's home counts consented responses per survey, and those consented since the
    # latest release, from this index alone (issue 22: < 150 ms with 100,000 responses).
    __table_args__ = (Index("ix_responses_survey_id_consented_at", "survey_id", "consented_at"),)

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

    survey: Mapped[Survey] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )
    assistance: Mapped[Assistance | None] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


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
