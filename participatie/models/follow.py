"""Follow-through after the decisions (DESIGN §1 step 6, §4): priorities, werkgroepen, goals.

Priority → Workgroup → Goal (strategic, operational under a strategic one) → Action (models/
decisions.py, now under a goal) → Indicator → Measurement (models/indicators.py).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.accounts import User
    from participatie.models.decisions import Action, Decision
    from participatie.models.indicators import Indicator
    from participatie.models.themes import Code, Theme


class ProposedBy(enum.StrEnum):
    OUDERGROEP = "oudergroep"
    STUURGROEP = "stuurgroep"
    WERKGROEP = "werkgroep"


class GoalKind(enum.StrEnum):
    STRATEGIC = "strategic"
    OPERATIONAL = "operational"


class Priority(Base):
    """A levensdomein put forward as prioritair; `chosen` once the stuurgroep picked it.

    `evidence` freezes the figures the stuurgroep saw when it chose (participants, per group).
    """

    __tablename__ = "priorities"
    __table_args__ = (UniqueConstraint("project_id", "domain_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    domain_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))
    proposed_by: Mapped[ProposedBy] = mapped_column(enum_type(ProposedBy))
    chosen: Mapped[bool] = mapped_column(default=False)
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    chosen_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    domain: Mapped[Code] = relationship()


class ParentGroupProposal(Base):
    """What the parallel oudergroep proposed (domain keys) and whom it sends (pseudonyms only)."""

    __tablename__ = "parent_group_proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    proposed_on: Mapped[date] = mapped_column()
    domains: Mapped[list[str]] = mapped_column(default=list)
    delegates: Mapped[list[str]] = mapped_column(default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Workgroup(Base):
    __tablename__ = "workgroups"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    domain_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    domain: Mapped[Code | None] = relationship()
    members: Mapped[list[WorkgroupMember]] = relationship(
        back_populates="workgroup", cascade="all, delete-orphan", order_by="WorkgroupMember.id"
    )
    themes: Mapped[list[Theme]] = relationship(secondary="workgroup_themes")
    goals: Mapped[list[Goal]] = relationship(
        back_populates="workgroup", cascade="all, delete-orphan", order_by="Goal.id"
    )


class WorkgroupMember(Base):
    """A staff account, or a parent known only by a pseudonym (never a name)."""

    __tablename__ = "workgroup_members"
    __table_args__ = (
        CheckConstraint(
            "(user_id IS NOT NULL AND pseudonym IS NULL) OR (user_id IS NULL AND pseudonym IS NOT NULL)",
            name="user_or_pseudonym",
        ),
        UniqueConstraint("workgroup_id", "user_id"),
        UniqueConstraint("workgroup_id", "pseudonym"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workgroup_id: Mapped[int] = mapped_column(
        ForeignKey("workgroups.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    pseudonym: Mapped[str | None] = mapped_column(String(20))

    workgroup: Mapped[Workgroup] = relationship(back_populates="members")
    user: Mapped[User | None] = relationship()


class WorkgroupTheme(Base):
    __tablename__ = "workgroup_themes"

    workgroup_id: Mapped[int] = mapped_column(
        ForeignKey("workgroups.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True
    )


class Goal(Base):
    """A strategic goal of a werkgroep, or an operational one under a strategic goal.

    Never refused for being incomplete: a goal without owner, deadline or indicator is a draft,
    shown as "nog niet SMART" with what is missing (see follow/plan.py).
    """

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    workgroup_id: Mapped[int] = mapped_column(
        ForeignKey("workgroups.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[GoalKind] = mapped_column(enum_type(GoalKind))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), index=True
    )
    # The decision a goal was made from (actions that existed before goals did).
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[dict[str, str]] = mapped_column(default=dict)
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[date | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    workgroup: Mapped[Workgroup] = relationship(back_populates="goals")
    parent: Mapped[Goal | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Goal]] = relationship(
        back_populates="parent", cascade="all, delete-orphan", order_by="Goal.id"
    )
    decision: Mapped[Decision | None] = relationship()
    themes: Mapped[list[Theme]] = relationship(secondary="goal_themes")
    actions: Mapped[list[Action]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="Action.id"
    )
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="Indicator.id"
    )


class GoalTheme(Base):
    __tablename__ = "goal_themes"

    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True
    )
