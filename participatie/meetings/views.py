"""What an invitation says, as sentences in the reader's language: the page, the PDFs and the
calendar file all show the same words."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import format_currency, format_datetime, format_time, ngettext
from flask_babel import gettext as _

from participatie.meetings.labels import KIND_LABELS, PAYMENT_LABELS
from participatie.models import Meeting, PaymentMethod


@dataclass(frozen=True)
class Invitation:
    meeting: Meeting
    kind: str
    when: str
    duration: str
    childcare: str
    compensation: str
    payment: str
    call: str


def euro(cents: int) -> str:
    return format_currency(Decimal(cents) / 100, "EUR")


def duration_sentence(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("Het duurt %(num)d uur.", "Het duurt %(num)d uur.", hours)
    return ngettext("Het duurt %(num)d minuut.", "Het duurt %(num)d minuten.", minutes)


def invitation(meeting: Meeting) -> Invitation:
    when = _(
        "%(day)s, van %(start)s tot %(end)s.",
        day=format_datetime(meeting.starts_at, "EEEE d MMMM y"),
        start=format_time(meeting.starts_at, "HH:mm"),
        end=format_time(meeting.ends_at, "HH:mm"),
    )
    childcare = (
        _("Er is opvang voor je kinderen.")
        if meeting.childcare
        else _("Er is geen opvang voor je kinderen.")
    )
    paid = meeting.compensation_cents > 0 and meeting.payment_method != PaymentMethod.NONE
    compensation = (
        _("Je krijgt %(amount)s om te bedanken.", amount=euro(meeting.compensation_cents))
        if paid
        else _("Er is geen vergoeding.")
    )
    call = (
        _(
            "Heb je een vraag? Bel %(name)s: %(phone)s.",
            name=meeting.contact_name,
            phone=meeting.contact_phone,
        )
        if meeting.contact_name and meeting.contact_phone
        else ""
    )
    return Invitation(
        meeting=meeting,
        kind=str(KIND_LABELS.get(meeting.kind, meeting.kind)),
        when=when,
        duration=duration_sentence(meeting.duration_minutes),
        childcare=childcare,
        compensation=compensation,
        payment=str(PAYMENT_LABELS[meeting.payment_method]) if paid else "",
        call=call,
    )
