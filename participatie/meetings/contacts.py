"""Contacts who asked for reminders: sign-up, the stop link, the purge, and release news.

An address is kept only for the meeting series it was left for, and only until 30 days after
that series' last meeting; the stop link deletes it at once (its reminder rows go with it).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from participatie.extensions import db
from participatie.meetings.crypto import encrypt_address
from participatie.models import Channel, Contact, Meeting, MessageKind, Project, Reminder
from participatie.models.base import utcnow

KEEP_AFTER_LAST_MEETING = timedelta(days=30)


def series_purge_date(project_id: int, series_id: str) -> datetime:
    last = db.session.scalar(
        select(func.max(Meeting.ends_at)).where(
            Meeting.project_id == project_id, Meeting.series_id == series_id
        )
    )
    if last is not None and last.tzinfo is None:  # SQLite's aggregate loses the type
        last = last.replace(tzinfo=utcnow().tzinfo)
    return (last or utcnow()) + KEEP_AFTER_LAST_MEETING


def sign_up(
    meeting: Meeting, *, phone: str, email: str, language: str, wants_release_news: bool
) -> list[Contact]:
    """One contact per channel the parent filled in (phone already normalised to E.164)."""
    now = utcnow()
    purge_after = series_purge_date(meeting.project_id, meeting.series_id)
    contacts = [
        Contact(
            project_id=meeting.project_id,
            series_id=meeting.series_id,
            channel=channel,
            address_encrypted=encrypt_address(address),
            language=language,
            consented_at=now,
            purge_after=purge_after,
            wants_release_news=wants_release_news,
        )
        for channel, address in ((Channel.SMS, phone), (Channel.EMAIL, email))
        if address
    ]
    db.session.add_all(contacts)
    db.session.flush()
    return contacts


def refresh_purge_dates(meeting: Meeting) -> None:
    """A meeting added to or moved within a series keeps its contacts until after it."""
    purge_after = series_purge_date(meeting.project_id, meeting.series_id)
    for contact in db.session.scalars(
        select(Contact).where(
            Contact.project_id == meeting.project_id, Contact.series_id == meeting.series_id
        )
    ):
        contact.purge_after = purge_after


def stop(token: str) -> bool:
    """The stop link: the contact and everything queued for it are gone at once."""
    contact = db.session.scalar(select(Contact).where(Contact.stop_token == token))
    if contact is None:
        return False
    db.session.execute(delete(Reminder).where(Reminder.contact_id == contact.id))
    db.session.delete(contact)
    return True


def purge_contacts(now: datetime) -> int:
    expired = select(Contact.id).where(Contact.purge_after < now)
    count = db.session.scalar(select(func.count()).select_from(expired.subquery())) or 0
    db.session.execute(delete(Reminder).where(Reminder.contact_id.in_(expired)))
    db.session.execute(delete(Contact).where(Contact.id.in_(expired)))
    return count


def notify_release_subscribers(project: Project, release_number: int | None = None) -> int:
    """Queue one short message with the public page's link for every contact who asked for
    release news; `participatie reminders send` delivers them. Returns how many were queued.

    Called by the releases' publish step (and `participatie reminders release-news`). One
    message per contact per release: the (contact, subject) pair is unique.
    """
    from participatie.meetings.reminders import insert_ignoring_duplicates

    subject = f"release:{release_number}" if release_number else f"release:{utcnow():%Y%m%d%H%M}"
    contacts = db.session.scalars(
        select(Contact).where(Contact.project_id == project.id, Contact.wants_release_news)
    ).all()
    insert_ignoring_duplicates(
        [
            {
                "contact_id": contact.id,
                "meeting_id": None,
                "kind": MessageKind.RELEASE,
                "subject": subject,
                "channel": contact.channel,
                "due_at": utcnow(),
                "attempts": 0,
                "last_error": "",
            }
            for contact in contacts
        ]
    )
    return len(contacts)
