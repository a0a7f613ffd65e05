"""Indicators of a goal or an action, and their measurements over time (DESIGN §4).

An outcome indicator may be fed by a survey question: the share of respondents who chose one of
`source_options`. Such a value is recomputed at every release and stored as a measurement that
names the release (`release_number`), suppressed (no measurement) while fewer than k answered.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.decisions import Action
    from participatie.models.follow import Goal
    from participatie.models.surveys import Question


class IndicatorKind(enum.StrEnum):
    OUTPUT = "output"  # what was done (how many families were reached)
    OUTCOME = "outcome"  # what changed for families


class IndicatorUnit(enum.StrEnum):
    NUMBER = "number"
    PERCENTAGE = "percentage"
    YES_NO = "yes_no"


class Indicator(Base):
    __tablename__ = "indicators"
    __table_args__ = (
        CheckConstraint(
            "(goal_id IS NOT NULL AND action_id IS NULL) OR (goal_id IS NULL AND action_id IS NOT NULL)",
            name="goal_or_action",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[dict[str, str]] = mapped_column(default=dict)
    kind: Mapped[IndicatorKind] = mapped_column(enum_type(IndicatorKind))
    unit: Mapped[IndicatorUnit] = mapped_column(enum_type(IndicatorUnit))
    baseline_value: Mapped[float | None] = mapped_column()
    baseline_on: Mapped[date | None] = mapped_column()
    target_value: Mapped[float | None] = mapped_column()
    target_on: Mapped[date | None] = mapped_column()
    source_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL")
    )
    # Option names of the source question that count ("meer"): the value is their share.
    source_options: Mapped[list[str]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    goal: Mapped[Goal | None] = relationship(back_populates="indicators")
    action: Mapped[Action | None] = relationship(back_populates="indicators")
    source_question: Mapped[Question | None] = relationship()
    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="indicator",
        cascade="all, delete-orphan",
        order_by=lambda: [Measurement.measured_on, Measurement.id],
    )


class Measurement(Base):
    __tablename__ = "measurements"
    __table_args__ = (UniqueConstraint("indicator_id", "release_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), index=True
    )
    measured_on: Mapped[date] = mapped_column()
    value: Mapped[float] = mapped_column()
    source: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # Set when the value was computed from a release's figures (a survey-fed indicator).
    release_number: Mapped[int | None] = mapped_column()
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    indicator: Mapped[Indicator] = relationship(back_populates="measurements")
