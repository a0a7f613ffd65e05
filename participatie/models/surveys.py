"""Surveys, their questions and options. Texts are stored per language: {"nl": ..., "ar": ...}."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.projects import Project


class SurveyStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class QuestionType(enum.StrEnum):
    """XLSForm type names, so imports, exports and reports speak the same words."""

    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    INTEGER = "integer"
    DECIMAL = "decimal"
    TEXT = "text"
    NOTE = "note"
    DATE = "date"


class Appearance(enum.StrEnum):
    """How a question is shown; XLSForm's `appearance` column."""

    DEFAULT = ""
    LIKERT = "likert"  # agreement scale with faces and words
    MULTILINE = "multiline"  # long text: "vertel het in je eigen woorden"
    DOMAINS = "domains"  # levensdomein picker with pictograms


class Survey(Base):
    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # short, upper case, on flyers
    form_id: Mapped[str] = mapped_column(String(64), default="")  # XLSForm settings.form_id
    title: Mapped[dict[str, str]] = mapped_column(default=dict)
    intro: Mapped[dict[str, str]] = mapped_column(default=dict)
    thanks: Mapped[dict[str, str]] = mapped_column(default=dict)
    default_language: Mapped[str] = mapped_column(String(10), default="nl")
    status: Mapped[SurveyStatus] = mapped_column(
        enum_type(SurveyStatus), default=SurveyStatus.DRAFT
    )
    # Bumped by a structural edit after the first response; answers keep the version they saw.
    version: Mapped[int] = mapped_column(default=1)
    # Bumped by every edit: the participant pages cache the survey per revision.
    revision: Mapped[int] = mapped_column(default=1)
    frozen_at: Mapped[datetime | None] = mapped_column()
    consent_version: Mapped[int] = mapped_column(default=1)
    estimated_minutes: Mapped[int] = mapped_column(default=5)
    # XLSForm `calculate` rows, in order: [{"name", "calculation", "after": question name or ""}].
    # Never asked; their results show in labels (${name}) and feed relevance (surveys/relevance.py).
    calculations: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()

    project: Mapped[Project] = relationship(back_populates="surveys")
    questions: Mapped[list[Question]] = relationship(
        back_populates="survey",
        order_by="Question.position",
        cascade="all, delete-orphan",
    )


class Question(Base):
    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("survey_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(64))  # XLSForm `name`, stable across versions
    type: Mapped[QuestionType] = mapped_column(enum_type(QuestionType))
    appearance: Mapped[Appearance] = mapped_column(
        enum_type(Appearance), default=Appearance.DEFAULT
    )
    label: Mapped[dict[str, str]] = mapped_column(default=dict)
    hint: Mapped[dict[str, str]] = mapped_column(default=dict)
    required: Mapped[bool] = mapped_column(default=False)
    relevant: Mapped[str] = mapped_column(Text, default="")  # XLSForm relevance expression
    pictogram: Mapped[str] = mapped_column(String(40), default="")
    minimum: Mapped[float | None] = mapped_column()
    maximum: Mapped[float | None] = mapped_column()
    # The "Wie ben je?" question: its answer becomes the response's participant group.
    is_group_question: Mapped[bool] = mapped_column(default=False)
    # From XLSForm: which options to show given earlier answers (`prov = ${provincie}`), and a
    # regex() constraint on a text answer with the form's own message for it.
    choice_filter: Mapped[str] = mapped_column(Text, default="")
    pattern: Mapped[str] = mapped_column(Text, default="")
    constraint_message: Mapped[dict[str, str]] = mapped_column(default=dict)
    # The coordinator offers "Ik wil dit niet zeggen" here (a refusal, reported apart from
    # a skip); off unless chosen, because a skip button is always there.
    offer_decline: Mapped[bool] = mapped_column(default=False)
    # The words at both ends of a short number scale ("0 = heel slecht", "10 = heel goed").
    low_label: Mapped[dict[str, str]] = mapped_column(default=dict)
    high_label: Mapped[dict[str, str]] = mapped_column(default=dict)
    # Versions in which this question exists; a removed question keeps its old answers.
    since_version: Mapped[int] = mapped_column(default=1)
    until_version: Mapped[int | None] = mapped_column()

    survey: Mapped[Survey] = relationship(back_populates="questions")
    options: Mapped[list[Option]] = relationship(
        back_populates="question", order_by="Option.position", cascade="all, delete-orphan"
    )
    audio: Mapped[list[QuestionAudio]] = relationship(cascade="all, delete-orphan")


class Option(Base):
    __tablename__ = "options"
    __table_args__ = (UniqueConstraint("question_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(64))
    label: Mapped[dict[str, str]] = mapped_column(default=dict)
    pictogram: Mapped[str] = mapped_column(String(40), default="")
    # The choices sheet's other columns (`prov`: "antwerpen"), read by the question's choice_filter.
    filters: Mapped[dict[str, str]] = mapped_column(default=dict)

    question: Mapped[Question] = relationship(back_populates="options")


class QuestionAudio(Base):
    """A read-aloud recording a coordinator uploaded for one question in one language."""

    __tablename__ = "question_audio"
    __table_args__ = (UniqueConstraint("question_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(10))
    mimetype: Mapped[str] = mapped_column(String(40))
    data: Mapped[bytes] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
