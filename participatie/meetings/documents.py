"""The invitation as files: a calendar entry (.ics, times in UTC) and A4/A5 PDFs with a QR code."""

from __future__ import annotations

from datetime import UTC

from flask import render_template
from flask_babel import get_locale

from participatie.i18n import SOURCE_LOCALE, html_lang, text_direction
from participatie.meetings.messages import invitation_url
from participatie.meetings.views import invitation
from participatie.models import Meeting
from participatie.models.base import utcnow
from participatie.report.pdf import qr_svg, write_pdf

PAPER_SIZES = ("a4", "a5")


def _locale() -> str:
    return str(get_locale() or SOURCE_LOCALE)


def ics(meeting: Meeting) -> bytes:
    # Imported here: icalendar is some 7 MB of modules a web worker needs only for this file.
    from icalendar import Calendar, Event

    view = invitation(meeting)
    url = invitation_url(meeting, _locale())
    calendar = Calendar()
    calendar.add("prodid", "-//participatie//meetings//NL")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{meeting.public_id}@participatie")
    event.add("dtstamp", utcnow().astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("summary", meeting.title)
    event.add("location", ", ".join(p for p in (meeting.place, meeting.address) if p))
    description = [view.when, view.childcare, view.compensation, view.call, url]
    event.add("description", "\n".join(line for line in description if line))
    event.add("url", url)
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def invitation_pdf(meeting: Meeting, size: str) -> bytes:
    locale = _locale()
    url = invitation_url(meeting, locale)
    html = render_template(
        "meetings/pdf/invitation.html",
        view=invitation(meeting),
        size=size,
        url=url,
        qr=qr_svg(url),
        html_lang=html_lang(locale),
        text_direction=text_direction(locale),
    )
    return write_pdf(html)
