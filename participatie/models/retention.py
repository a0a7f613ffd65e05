"""What remains of a survey after its raw answers passed the retention period: the aggregates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from participatie.models.base import Base, utcnow


class AggregateSnapshot(Base):
    __tablename__ = "aggregate_snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(String(20), default="purge")
    # The report JSON of DESIGN.md §6, with small numbers already suppressed.
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
