"""The codebook, participant statements, their tags and the themes (bevindingen) built from them."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.decisions import Decision
    from participatie.models.focusgroups import Quote
    from participatie.models.projects import Project
    from participatie.models.responses import Answer


class CodeKind(enum.StrEnum):
    DOMAIN = "domain"
    BARRIER = "barrier"
    KIND = "kind"


class Code(Base):
    """One code of a project's codebook; `key` is stable and never renamed."""

    __tablename__ = "codes"
    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[CodeKind] = mapped_column(enum_type(CodeKind))
    key: Mapped[str] = mapped_column(String(64))
    label: Mapped[dict[str, str]] = mapped_column(default=dict)
    scope_note: Mapped[str] = mapped_column(Text, default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id"))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id"))
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)


class StatementSource(enum.StrEnum):
    SURVEY = "survey"
    FOCUS_GROUP = "focus_group"


GLOSS_BY = ("volunteer", "translator", "coordinator")


class Statement(Base):
    """A piece of participant text to tag: an open answer or a focus-group quote."""

    __tablename__ = "statements"
    __table_args__ = (
        CheckConstraint(
            "(answer_id IS NOT NULL AND quote_id IS NULL) OR (answer_id IS NULL AND quote_id IS NOT NULL)",
            name="one_source",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[StatementSource] = mapped_column(enum_type(StatementSource))
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), unique=True
    )
    quote_id: Mapped[int | None] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), unique=True
    )
    language: Mapped[str] = mapped_column(String(10), default="nl")
    # Redacted copy for reports; the participant's own words stay untouched at the source.
    redacted_text: Mapped[str | None] = mapped_column(Text)
    # A Dutch translation of a statement in another language, so a Dutch-speaking coordinator can
    # tag it; typed by the volunteer who keyed it in, a translator or a coordinator (`gloss_by`:
    # one of GLOSS_BY). The participant's own words stay the statement's text.
    gloss_nl: Mapped[str | None] = mapped_column(Text)
    gloss_by: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    project: Mapped[Project] = relationship()
    answer: Mapped[Answer | None] = relationship()
    quote: Mapped[Quote | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(back_populates="statement", cascade="all, delete-orphan")

    def set_gloss(self, text: str, by: str) -> bool:
        """Store (or, when ``text`` is empty, remove) the Dutch translation; True if it changed."""
        gloss = " ".join(text.split()) or None
        if gloss == self.gloss_nl:
            return False
        self.gloss_nl = gloss
        self.gloss_by = by if gloss else None
        return True

    @property
    def text(self) -> str:
        if self.quote is not None:
            return self.quote.text
        if self.answer is not None and isinstance(self.answer.value, str):
            return self.answer.value
        return ""


class TagStatus(enum.StrEnum):
    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Tag(Base):
    __tablename__ = "tags"
    __table_args__ = (
        UniqueConstraint("statement_id", "code_id", "coder_id"),
        # The unique constraint above lets NULLs differ: the suggester's rows (coder NULL) need
        # their own index, or two coordinators opening the queue at once store a code twice.
        Index(
            "uq_tags_suggested_statement_id_code_id",
            "statement_id",
            "code_id",
            unique=True,
            postgresql_where=sql_text("coder_id IS NULL"),
            sqlite_where=sql_text("coder_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    # NULL coder = the suggester.
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[TagStatus] = mapped_column(enum_type(TagStatus), default=TagStatus.SUGGESTED)
    score: Mapped[float | None] = mapped_column()
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    # Blind second coding for inter-coder agreement.
    is_blind_sample: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    statement: Mapped[Statement] = relationship(back_populates="tags")
    code: Mapped[Code] = relationship()


class Theme(Base):
    """A bevinding: statements grouped under a title within a domain."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    domain_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="SET NULL"))
    title: Mapped[dict[str, str]] = mapped_column(default=dict)
    summary: Mapped[dict[str, str]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    domain: Mapped[Code | None] = relationship()
    links: Mapped[list[ThemeStatement]] = relationship(
        back_populates="theme", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="theme", cascade="all, delete-orphan", order_by="Decision.decided_at"
    )


class ThemeStatement(Base):
    __tablename__ = "theme_statements"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True
    )
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )
    # Chosen by a coordinator to illustrate the theme for the stuurgroep (redacted text only).
    chosen_quote: Mapped[bool] = mapped_column(default=False)

    theme: Mapped[Theme] = relationship(back_populates="links")
    statement: Mapped[Statement] = relationship()
