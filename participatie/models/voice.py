"""The participants' own voice on what was done: the resultaatsmeting with its meetcodes, and the
verdict on each decision. Nothing here identifies anyone: no account, no IP address, no user agent.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.decisions import Action, Decision
    from participatie.models.follow import Goal
    from participatie.models.projects import Project
    from participatie.models.surveys import Survey


class MeasureRound(enum.StrEnum):
    BEFORE = "voor"
    AFTER = "na"


class ResultMeasure(Base):
    """A resultaatsmeting: one survey asked twice, before and after an action.

    A response belongs to the round that was open when it started: responses created before
    `after_started_at` are the "voor" round, later ones the "na" round.
    """

    __tablename__ = "result_measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), unique=True
    )
    # What the measurement is about; the link survives the decision being deleted.
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="SET NULL"), index=True
    )
    # Or, once the actieplan has it, the goal or action it measures.
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), index=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"), index=True
    )
    after_started_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    project: Mapped[Project] = relationship()
    survey: Mapped[Survey] = relationship()
    decision: Mapped[Decision | None] = relationship()
    goal: Mapped[Goal | None] = relationship()
    action: Mapped[Action | None] = relationship()

    @property
    def current_round(self) -> MeasureRound:
        return MeasureRound.BEFORE if self.after_started_at is None else MeasureRound.AFTER

    def round_of(self, started_at: datetime) -> MeasureRound:
        if self.after_started_at is None or started_at < self.after_started_at:
            return MeasureRound.BEFORE
        return MeasureRound.AFTER


class Meetcode(Base):
    """Pairs a "voor" answer with a "na" answer of the same person, without knowing who.

    Only an HMAC of the code is stored (as for resume codes), so it can be looked up but not read.
    """

    __tablename__ = "meetcodes"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("result_measures.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    before_response_id: Mapped[int] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), unique=True
    )
    after_response_id: Mapped[int | None] = mapped_column(
        ForeignKey("responses.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    paired_at: Mapped[datetime | None] = mapped_column()


class VerdictChoice(enum.StrEnum):
    YES = "ja"
    PARTLY = "een_beetje"
    NO = "nee"


class Verdict(Base):
    """ "Is dit wat jullie vroegen?" — one anonymous vote: the decision, the answer and the day."""

    __tablename__ = "verdicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    choice: Mapped[VerdictChoice] = mapped_column(enum_type(VerdictChoice))
    # Only the day: an exact time could be matched against a server log.
    day: Mapped[date] = mapped_column()


class InfluenceEstimate(Base):
    """The coordinator's own estimate of the participants' influence, once per release."""

    __tablename__ = "influence_estimates"
    __table_args__ = (
        UniqueConstraint("project_id", "release_number"),
        CheckConstraint("expected_yes_percent BETWEEN 0 AND 100", name="percent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    # 0 before anything was published.
    release_number: Mapped[int] = mapped_column(default=0)
    # The share (0-100) of participants the coordinator expects to answer "Ja" to "Is dit wat
    # jullie vroegen?": put beside the real answers, it shows how the two sides differ.
    expected_yes_percent: Mapped[int] = mapped_column()
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    project: Mapped[Project] = relationship()


class ProgressReport(Base):
    """A voortgangsrapport for the stuurgroep and the college, for one period.

    It keeps each indicator's latest value at the end of its period, so the next report can say
    how every indicator moved "since the last report" even after measurements are corrected.
    """

    __tablename__ = "progress_reports"
    __table_args__ = (UniqueConstraint("project_id", "period_end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    period_start: Mapped[date] = mapped_column()
    period_end: Mapped[date] = mapped_column()
    # indicator public id → {"date": ISO date, "value": number}
    indicator_values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    project: Mapped[Project] = relationship()
