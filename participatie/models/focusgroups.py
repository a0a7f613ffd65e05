"""Focus groups: pseudonymous attendees and what they said."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.projects import Project


class FocusGroup(Base):
    __tablename__ = "focus_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date | None] = mapped_column()
    place: Mapped[str] = mapped_column(String(200), default="")
    facilitator: Mapped[str] = mapped_column(String(120), default="")
    languages: Mapped[list[str]] = mapped_column(default=lambda: ["nl"])
    # The guide: a list of questions in the order they are asked.
    guide: Mapped[list[str]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    project: Mapped[Project] = relationship()
    attendees: Mapped[list[Attendee]] = relationship(
        back_populates="focus_group", order_by="Attendee.id", cascade="all, delete-orphan"
    )
    quotes: Mapped[list[Quote]] = relationship(
        back_populates="focus_group", order_by="Quote.id", cascade="all, delete-orphan"
    )


class Attendee(Base):
    __tablename__ = "attendees"
    __table_args__ = (UniqueConstraint("focus_group_id", "pseudonym"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    focus_group_id: Mapped[int] = mapped_column(
        ForeignKey("focus_groups.id", ondelete="CASCADE"), index=True
    )
    pseudonym: Mapped[str] = mapped_column(String(12))  # P1, P2, ...
    participant_group: Mapped[str] = mapped_column(String(40), default="ouder")
    language: Mapped[str] = mapped_column(String(10), default="nl")
    consent_version: Mapped[int | None] = mapped_column()
    consented_at: Mapped[datetime | None] = mapped_column()
    compensation: Mapped[str] = mapped_column(String(200), default="")

    focus_group: Mapped[FocusGroup] = relationship(back_populates="attendees")


class Quote(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    focus_group_id: Mapped[int] = mapped_column(
        ForeignKey("focus_groups.id", ondelete="CASCADE"), index=True
    )
    attendee_id: Mapped[int | None] = mapped_column(
        ForeignKey("attendees.id", ondelete="SET NULL"), index=True
    )
    guide_question: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10), default="nl")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    focus_group: Mapped[FocusGroup] = relationship(back_populates="quotes")
    attendee: Mapped[Attendee | None] = relationship()
