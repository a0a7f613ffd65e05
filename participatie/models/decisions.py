"""What the stuurgroep decided about a theme, and what is being done."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.follow import Goal
    from participatie.models.indicators import Indicator
    from participatie.models.themes import Theme


class DecisionOutcome(enum.StrEnum):
    TAKEN_UP = "opgenomen"
    WORKING_GROUP = "werkgroep"
    LATER = "later"
    NOT_POSSIBLE = "niet_mogelijk"


class ActionStatus(enum.StrEnum):
    PLANNED = "gepland"
    IN_PROGRESS = "bezig"
    DONE = "klaar"
    STOPPED = "gestopt"


class Decision(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[DecisionOutcome] = mapped_column(enum_type(DecisionOutcome))
    motivation: Mapped[dict[str, str]] = mapped_column(default=dict)
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Whether the decision follows what the oudergroep proposed; None when it proposed nothing.
    follows_oudergroep: Mapped[bool | None] = mapped_column()

    theme: Mapped[Theme] = relationship(back_populates="decisions")
    actions: Mapped[list[Action]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="Action.id"
    )


class Action(Base):
    """An action of the actieplan: under a goal, still linked to the decision it came from."""

    __tablename__ = "actions"
    __table_args__ = (CheckConstraint("progress BETWEEN 0 AND 100", name="progress_percent"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[dict[str, str]] = mapped_column(default=dict)
    owner: Mapped[str] = mapped_column(String(200), default="")
    partners: Mapped[str] = mapped_column(Text, default="")
    start_on: Mapped[date | None] = mapped_column()
    due_on: Mapped[date | None] = mapped_column()
    expected_result: Mapped[str] = mapped_column(Text, default="")
    output_indicator: Mapped[str] = mapped_column(Text, default="")
    outcome_indicator: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ActionStatus] = mapped_column(
        enum_type(ActionStatus), default=ActionStatus.PLANNED
    )
    progress: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    decision: Mapped[Decision | None] = relationship(back_populates="actions")
    goal: Mapped[Goal] = relationship(back_populates="actions")
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="Indicator.id"
    )
