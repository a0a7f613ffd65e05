"""Organisations and their projects (trajecten)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, utcnow

if TYPE_CHECKING:
    from participatie.models.accounts import Membership
    from participatie.models.surveys import Survey

# Never publish a figure about fewer people than this, whatever a project sets.
MIN_SUPPRESSION_THRESHOLD = 3
DEFAULT_SUPPRESSION_THRESHOLD = 5


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    projects: Mapped[list[Project]] = relationship(back_populates="organisation")


class Project(Base):
    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint(f"k_threshold >= {MIN_SUPPRESSION_THRESHOLD}", name="k_threshold_min"),
        CheckConstraint("retention_days > 0", name="retention_days_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    municipality: Mapped[str] = mapped_column(String(120), default="")
    # Languages the project's content is offered in; the first is the source language.
    languages: Mapped[list[str]] = mapped_column(default=lambda: ["nl"])
    k_threshold: Mapped[int] = mapped_column(default=DEFAULT_SUPPRESSION_THRESHOLD)
    retention_days: Mapped[int] = mapped_column(default=3 * 365)
    public_intro: Mapped[dict[str, str]] = mapped_column(default=dict)
    contact: Mapped[str] = mapped_column(Text, default="")
    # The coordinator's notes of the omgevingsanalyse (who works with families here, what exists
    # already): the roadmap's first step, counted on the project's home.
    omgevingsanalyse: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Small per-project preferences (e.g. the jargon list of the plain-language checker).
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    organisation: Mapped[Organisation] = relationship(back_populates="projects")
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="project", cascade="all, delete-orphan"
    )
    surveys: Mapped[list[Survey]] = relationship(back_populates="project")
