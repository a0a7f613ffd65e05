"""Demo meetings: an oudergroep series (one past meeting with its delegates, two coming), a
stuurgroep meeting in the coming weeks and the past focus group, each with an invitation."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from participatie.extensions import db
from participatie.models import (
    FocusGroup,
    Meeting,
    MeetingAttendee,
    MeetingKind,
    PaymentMethod,
    Project,
)
from participatie.models.base import new_public_id

BRUSSELS = ZoneInfo("Europe/Brussels")
PLACE = {"place": "Buurthuis De Kempen", "address": "Kerkstraat 12, 2400 Kempenaar"}


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    day = datetime.now(BRUSSELS).date() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=BRUSSELS).astimezone(UTC)


def _meeting(
    project: Project, title: str, days: int, hours: tuple[int, int], **fields: object
) -> Meeting:
    meeting = Meeting(
        project_id=project.id,
        title=title,
        starts_at=_at(days, hours[0]),
        ends_at=_at(days, hours[1]),
        contact_name="Sara",
        contact_phone="0470 12 34 56",
        **fields,
    )
    db.session.add(meeting)
    return meeting


def add_demo_meetings(project: Project) -> None:
    if db.session.scalar(select(Meeting.id).where(Meeting.project_id == project.id).limit(1)):
        return
    series = new_public_id()
    oudergroep = {
        "kind": MeetingKind.OUDERGROEP,
        "series_id": series,
        "childcare": True,
        "compensation_cents": 1500,
        "payment_method": PaymentMethod.CASH,
        "accessibility": "Gelijkvloers. De deur is breed genoeg voor een rolstoel.",
        **PLACE,
    }
    past = _meeting(
        project, "Oudergroep: wat vinden wij het belangrijkst?", -14, (19, 21), **oudergroep
    )
    past.minutes = "We kozen samen drie onderwerpen. P1 en P2 gaan naar de stuurgroep."
    past.attendees = [
        MeetingAttendee(pseudonym="P1", delegate=True, compensation_cents=1500),
        MeetingAttendee(pseudonym="P2", delegate=True, compensation_cents=1500),
        MeetingAttendee(pseudonym="P3", compensation_cents=1500),
    ]
    _meeting(project, "Oudergroep", 10, (19, 21), **oudergroep)
    _meeting(project, "Oudergroep", 38, (19, 21), **oudergroep)
    _meeting(
        project,
        "Stuurgroep Veilige kindertijd",
        21,
        (14, 16),
        kind=MeetingKind.STUURGROEP,
        childcare=True,
        compensation_cents=2500,
        payment_method=PaymentMethod.TRANSFER,
        place="Sociaal huis Kempenaar",
        address="Markt 1, 2400 Kempenaar",
    )
    group = db.session.scalar(
        select(FocusGroup).where(FocusGroup.project_id == project.id).limit(1)
    )
    focus = _meeting(
        project,
        "Praatcafé De Brug",
        -30,
        (9, 11),
        kind=MeetingKind.FOCUSGROEP,
        childcare=True,
        compensation_cents=1000,
        payment_method=PaymentMethod.VOUCHER,
        **PLACE,
    )
    focus.focus_group_id = group.id if group is not None else None
    db.session.flush()
