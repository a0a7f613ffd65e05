"""Where a translation stands (DESIGN §4: missing / draft / reviewed) per text and language.

The texts themselves stay where they are (`{"nl": …, "ar": …}` on the survey, question, option,
theme, decision, action, goal, indicator or project). A row here remembers, for one text id and
one language, from which Dutch source the translation was made (a hash of it) and whether a
second person checked it. "Changed since translated" is then: the Dutch text's hash today is not
the one the translation was made from. No row and no translation is "missing".
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from participatie.models.base import Base, enum_type, utcnow


class TranslationStatus(enum.StrEnum):
    DRAFT = "draft"
    REVIEWED = "reviewed"


class TranslationState(Base):
    __tablename__ = "translation_states"
    __table_args__ = (UniqueConstraint("project_id", "text_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    # Where the text lives, e.g. "decision:<public id>:reason" or "survey:<public id>:title".
    text_id: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(10))
    status: Mapped[TranslationStatus] = mapped_column(
        enum_type(TranslationStatus), default=TranslationStatus.DRAFT
    )
    # SHA-256 of the Dutch source the translation was made from, and of the translation itself
    # (a translation edited elsewhere, on a coordinator's form, is noticed by the second).
    source_hash: Mapped[str] = mapped_column(String(64))
    target_hash: Mapped[str] = mapped_column(String(64))
    translated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
