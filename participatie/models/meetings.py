"""Meetings parents can come to, the contacts who asked for a reminder, and the reminders.

A Contact belongs to a meeting *series* (the meetings of one oudergroep, say), not to one
meeting: a parent signs up once and hears before each meeting of the series. Its address is
stored only encrypted (participatie.meetings.crypto) and deleted 30 days after the series' last
meeting, or at once through the stop link.
"""

from __future__ import annotations

import enum
import secrets
from datetime import datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, new_public_id, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.decisions import Decision
    from participatie.models.focusgroups import FocusGroup
    from participatie.models.projects import Project
    from participatie.models.themes import Theme


class MeetingKind(enum.StrEnum):
    STUURGROEP = "stuurgroep"
    WERKGROEP = "werkgroep"
    OUDERGROEP = "oudergroep"
    FOCUSGROEP = "focusgroep"
    KLANKBORDGROEP = "klankbordgroep"
    GESPREKSTAFEL = "gesprekstafel"


class PaymentMethod(enum.StrEnum):
    """How the vergoeding is paid: a fixed list, so the invitation can say it in every language."""

    NONE = "geen"
    CASH = "cash"
    TRANSFER = "overschrijving"
    VOUCHER = "bon"


class Channel(enum.StrEnum):
    SMS = "sms"
    EMAIL = "email"


class MessageKind(enum.StrEnum):
    REMINDER = "reminder"
    CORRECTION = "correction"
    RELEASE = "release"


def new_invitation_token() -> str:
    """The secret part of an invitation's link and QR code (128 bits)."""
    return secrets.token_urlsafe(16)


def new_stop_token() -> str:
    """Short, because it travels in every SMS; 96 bits is still far beyond guessing."""
    return secrets.token_urlsafe(12)


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    kind: Mapped[MeetingKind] = mapped_column(enum_type(MeetingKind))
    title: Mapped[str] = mapped_column(String(200))
    # Meetings of one series share this id; a contact hears about every meeting of its series.
    series_id: Mapped[str] = mapped_column(String(32), default=new_public_id, index=True)
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime] = mapped_column()
    place: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    accessibility: Mapped[str] = mapped_column(Text, default="")
    childcare: Mapped[bool] = mapped_column(Boolean, default=False)
    # The vergoeding in euro cents per participant, and how it is paid.
    compensation_cents: Mapped[int] = mapped_column(Integer, default=0)
    payment_method: Mapped[PaymentMethod] = mapped_column(
        enum_type(PaymentMethod), default=PaymentMethod.NONE
    )
    # The vertrouwenspersoon: a first name and a number parents may call.
    contact_name: Mapped[str] = mapped_column(String(80), default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    minutes: Mapped[str] = mapped_column(Text, default="")
    invitation_token: Mapped[str] = mapped_column(
        String(32), unique=True, default=new_invitation_token
    )
    # When the reminder goes out: so many days before, at this Brussels time.
    reminder_days_before: Mapped[int] = mapped_column(Integer, default=1)
    reminder_time: Mapped[time] = mapped_column(default=lambda: time(10, 0))
    focus_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("focus_groups.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    project: Mapped[Project] = relationship()
    focus_group: Mapped[FocusGroup | None] = relationship()
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        back_populates="meeting", order_by="MeetingAttendee.id", cascade="all, delete-orphan"
    )
    decisions: Mapped[list[MeetingDecision]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class AgendaItem(Base):
    __tablename__ = "meeting_agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(String(300))
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")
    theme: Mapped[Theme | None] = relationship()
    decision: Mapped[Decision | None] = relationship()


class MeetingDecision(Base):
    """A decision the meeting took: the link from the minutes to the Decision record."""

    __tablename__ = "meeting_decisions"
    __table_args__ = (UniqueConstraint("meeting_id", "decision_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )

    meeting: Mapped[Meeting] = relationship(back_populates="decisions")
    decision: Mapped[Decision] = relationship()


class MeetingAttendee(Base):
    """Pseudonymous attendance, as in focus groups, with the vergoeding paid to that pseudonym."""

    __tablename__ = "meeting_attendees"
    __table_args__ = (UniqueConstraint("meeting_id", "pseudonym"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    pseudonym: Mapped[str] = mapped_column(String(12))
    participant_group: Mapped[str] = mapped_column(String(40), default="ouder")
    # An oudergroep names delegates who speak for it in the stuurgroep.
    delegate: Mapped[bool] = mapped_column(Boolean, default=False)
    compensation_cents: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="attendees")


class Contact(Base):
    __tablename__ = "meeting_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    series_id: Mapped[str] = mapped_column(String(32), index=True)
    channel: Mapped[Channel] = mapped_column(enum_type(Channel))
    # Fernet token of the phone number (E.164) or e-mail address, under CONTACT_KEY.
    address_encrypted: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10), default="nl")
    consented_at: Mapped[datetime] = mapped_column()
    purge_after: Mapped[datetime] = mapped_column(index=True)
    stop_token: Mapped[str] = mapped_column(String(24), unique=True, default=new_stop_token)
    wants_release_news: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Reminder(Base):
    """One message to one contact. `subject` names what it is about ("meeting:12:reminder",
    "release:3"); the unique pair (contact, subject) is what makes "at most once" hold even when
    two senders create the row at the same moment. `claim` marks a row a sender is working on."""

    __tablename__ = "meeting_reminders"
    __table_args__ = (UniqueConstraint("contact_id", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_contacts.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[MessageKind] = mapped_column(enum_type(MessageKind))
    subject: Mapped[str] = mapped_column(String(80))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel))
    due_at: Mapped[datetime] = mapped_column(index=True)
    claim: Mapped[str | None] = mapped_column(String(32))
    claimed_at: Mapped[datetime | None] = mapped_column()
    sent_at: Mapped[datetime | None] = mapped_column()
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(200), default="")

    contact: Mapped[Contact] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
