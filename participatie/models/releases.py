"""Releases: the frozen figures the stuurgroep and the public page show (DESIGN.md §2, §4).

Live counts let anyone learn one parent's answers by comparing the public page before and after
that parent took part. So what the stuurgroep and the public see is a release: a snapshot of the
figures, published only when at least k new distinct participants took part since the last one.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, utcnow

if TYPE_CHECKING:
    from participatie.models.accounts import User
    from participatie.models.projects import Project


class Release(Base):
    __tablename__ = "releases"
    __table_args__ = (
        UniqueConstraint("project_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("participants >= 0", name="participants_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    # 1, 2, … per project, in the order they were published.
    number: Mapped[int]
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    # None when published from the command line.
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Distinct participants (report/participants.py) counted when it was published.
    participants: Mapped[int]
    # The cut-off: who was counted, as {"r": [response ids], "a": [attendee ids]}, so the next
    # release can tell who is new (a response that got its first answer later is new then).
    counted: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The frozen figures (report/release_figures.py): surveys in the report JSON shape of
    # DESIGN.md §6, domains heard, per-theme participants, per-group counts.
    figures: Mapped[dict[str, Any]] = mapped_column(default=dict)

    project: Mapped[Project] = relationship()
    published_by: Mapped[User | None] = relationship()
