"""`participatie reminders send`: every due reminder goes out once, and only once.

How "at most once" holds, even with two senders at the same moment (two timers, two servers):
1. Due reminders are written as rows first; (contact, subject) is unique and the insert skips
   rows that exist, so two senders cannot make two rows for one message.
2. A sender claims a row with one UPDATE … WHERE sent_at IS NULL AND claim IS NULL … RETURNING,
   committed before anything is sent. On PostgreSQL the second UPDATE waits for the first's row
   lock and then finds the claim taken; SQLite runs one writer at a time.
3. Only after the gateway or mail server accepted the message is the row marked sent. A failure
   releases the claim, so the reminder stays due for the next run.
A claim older than STALE_CLAIM belongs to a sender that died; it is released. Every step
commits on its own: that is the protocol, so this module commits where a helper normally won't.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from participatie.extensions import db
from participatie.meetings.crypto import decrypt_address
from participatie.meetings.messages import Message, correction_message, reminder_message
from participatie.meetings.senders import SendFailed, send_mail, send_sms
from participatie.models import Channel, Contact, Meeting, MessageKind, Project, Reminder
from participatie.models.base import utcnow

BRUSSELS = ZoneInfo("Europe/Brussels")
STALE_CLAIM = timedelta(hours=1)
# Reminders are looked for among meetings starting within this window.
HORIZON = timedelta(days=60)


def reminder_due_at(meeting: Meeting) -> datetime:
    """The day(s) before the meeting, at the meeting's reminder time, in Brussels."""
    local_day = meeting.starts_at.astimezone(BRUSSELS).date()
    day = local_day - timedelta(days=meeting.reminder_days_before)
    return datetime.combine(day, meeting.reminder_time, tzinfo=BRUSSELS).astimezone(
        meeting.starts_at.tzinfo
    )


def reminder_subject(meeting: Meeting) -> str:
    return f"meeting:{meeting.id}:reminder"


def insert_ignoring_duplicates(rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(Reminder).values(rows)
    db.session.execute(statement.on_conflict_do_nothing(index_elements=["contact_id", "subject"]))


def queue_due_reminders(at: datetime) -> None:
    """Write a row for each reminder due at `at` for a meeting that has not started yet."""
    meetings = db.session.scalars(
        select(Meeting).where(Meeting.starts_at > at, Meeting.starts_at <= at + HORIZON)
    ).all()
    rows: list[dict[str, object]] = []
    for meeting in meetings:
        if reminder_due_at(meeting) > at:
            continue
        contacts = db.session.scalars(
            select(Contact).where(
                Contact.project_id == meeting.project_id, Contact.series_id == meeting.series_id
            )
        )
        rows += [
            {
                "contact_id": contact.id,
                "meeting_id": meeting.id,
                "kind": MessageKind.REMINDER,
                "subject": reminder_subject(meeting),
                "channel": contact.channel,
                "due_at": reminder_due_at(meeting),
                "attempts": 0,
                "last_error": "",
            }
            for contact in contacts
        ]
    insert_ignoring_duplicates(rows)


def queue_corrections(meeting: Meeting) -> int:
    """The meeting moved: one short correction to every contact whose reminder already went out."""
    reminded = db.session.scalars(
        select(Reminder).where(
            Reminder.meeting_id == meeting.id,
            Reminder.kind == MessageKind.REMINDER,
            Reminder.sent_at.is_not(None),
        )
    ).all()
    stamp = meeting.starts_at.strftime("%Y%m%dT%H%M") + ":" + meeting.place[:20]
    rows: list[dict[str, object]] = [
        {
            "contact_id": reminder.contact_id,
            "meeting_id": meeting.id,
            "kind": MessageKind.CORRECTION,
            "subject": f"meeting:{meeting.id}:moved:{stamp}"[:80],
            "channel": reminder.channel,
            "due_at": utcnow(),
            "attempts": 0,
            "last_error": "",
        }
        for reminder in reminded
    ]
    insert_ignoring_duplicates(rows)
    return len(rows)


def _claim(at: datetime, token: str) -> list[int]:
    now = utcnow()
    db.session.execute(
        update(Reminder)
        .where(Reminder.sent_at.is_(None), Reminder.claimed_at < now - STALE_CLAIM)
        .values(claim=None, claimed_at=None)
    )
    claimed = db.session.scalars(
        update(Reminder)
        .where(
            Reminder.sent_at.is_(None),
            Reminder.claim.is_(None),
            Reminder.due_at <= at,
            or_(Reminder.meeting_id.is_(None), Reminder.meeting_id.in_(_not_started(at))),
        )
        .values(claim=token, claimed_at=now)
        .returning(Reminder.id)
    ).all()
    db.session.commit()
    return list(claimed)


def _not_started(at: datetime) -> Select[int]:
    return select(Meeting.id).where(Meeting.starts_at > at)


def compose(reminder: Reminder) -> Message:
    from participatie.meetings.messages import release_message

    contact = reminder.contact
    if reminder.kind == MessageKind.RELEASE:
        return release_message(_project_of(contact), contact)
    assert reminder.meeting is not None
    if reminder.kind == MessageKind.CORRECTION:
        return correction_message(reminder.meeting, contact)
    return reminder_message(reminder.meeting, contact)


def _project_of(contact: Contact) -> Project:
    project = db.session.get(Project, contact.project_id)
    assert project is not None  # contacts are deleted with their project
    return project


def _deliver(reminder: Reminder) -> None:
    message = compose(reminder)
    address = decrypt_address(reminder.contact.address_encrypted)
    if reminder.channel == Channel.SMS:
        send_sms(address, message.text)
    else:
        send_mail(address, message.subject, message.text)


@dataclass
class SendResult:
    sent: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


def send_due(at: datetime) -> SendResult:
    queue_due_reminders(at)
    db.session.commit()
    token = secrets.token_hex(16)
    result = SendResult()
    for reminder_id in _claim(at, token):
        reminder = db.session.get(Reminder, reminder_id)
        if reminder is None:  # the contact stopped between the claim and now
            continue
        channel = str(reminder.channel)
        try:
            _deliver(reminder)
        except SendFailed as error:
            db.session.rollback()
            db.session.execute(
                update(Reminder)
                .where(Reminder.id == reminder_id, Reminder.claim == token)
                .values(
                    claim=None,
                    claimed_at=None,
                    attempts=Reminder.attempts + 1,
                    last_error=str(error)[:200],
                )
            )
            db.session.commit()
            result.failed[channel] += 1
            result.errors.append(f"{channel} reminder {reminder_id}: {error}")
            continue
        db.session.execute(
            update(Reminder)
            .where(Reminder.id == reminder_id, Reminder.claim == token)
            .values(sent_at=utcnow(), claim=None, attempts=Reminder.attempts + 1, last_error="")
        )
        db.session.commit()
        result.sent[channel] += 1
    return result
