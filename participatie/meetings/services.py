"""The coordinator's work on meetings: create, edit (a move queues corrections), agenda,
attendance with the vergoeding, decisions taken. Each change adds an audit event; the request
commits (no commits here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal

from flask import abort
from sqlalchemy import select

from participatie import audit
from participatie.extensions import db
from participatie.meetings.contacts import refresh_purge_dates
from participatie.meetings.forms import AgendaItemForm, AttendeeForm, MeetingForm, choices
from participatie.meetings.reminders import BRUSSELS, queue_corrections
from participatie.models import (
    AgendaItem,
    Decision,
    FocusGroup,
    Meeting,
    MeetingAttendee,
    MeetingDecision,
    MeetingKind,
    PaymentMethod,
    Project,
    Theme,
)
from participatie.models.base import new_public_id

NEW_SERIES = ""


def meetings_of(project: Project) -> list[Meeting]:
    return list(
        db.session.scalars(
            select(Meeting).where(Meeting.project_id == project.id).order_by(Meeting.starts_at)
        )
    )


def get_meeting(project: Project, public_id: str) -> Meeting:
    meeting = db.session.scalar(
        select(Meeting).where(Meeting.project_id == project.id, Meeting.public_id == public_id)
    )
    return meeting if meeting is not None else abort(404)


def brussels_to_utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=BRUSSELS).astimezone(UTC)


def series_choices(project: Project) -> list[tuple[str, str]]:
    first: dict[str, str] = {}
    for meeting in meetings_of(project):
        first.setdefault(meeting.series_id, meeting.title)
    from flask_babel import gettext as _

    return [(NEW_SERIES, _("Een nieuwe reeks")), *first.items()]


def meeting_form(project: Project, meeting: Meeting | None = None) -> MeetingForm:
    form = MeetingForm(obj=None) if meeting is None else MeetingForm(data=_form_data(meeting))
    form.series.choices = choices(series_choices(project))
    if meeting is None and not form.is_submitted():
        form.reminder_time.data = time(10, 0)
    return form


def _form_data(meeting: Meeting) -> dict[str, object]:
    start = meeting.starts_at.astimezone(BRUSSELS)
    return {
        "kind": meeting.kind.value,
        "title": meeting.title,
        "day": start.date(),
        "start": start.time().replace(tzinfo=None),
        "end": meeting.ends_at.astimezone(BRUSSELS).time().replace(tzinfo=None),
        "place": meeting.place,
        "address": meeting.address,
        "accessibility": meeting.accessibility,
        "childcare": meeting.childcare,
        "compensation": Decimal(meeting.compensation_cents) / 100,
        "payment_method": meeting.payment_method.value,
        "contact_name": meeting.contact_name,
        "contact_phone": meeting.contact_phone,
        "series": meeting.series_id,
        "reminder_days_before": meeting.reminder_days_before,
        "reminder_time": meeting.reminder_time,
        "minutes": meeting.minutes,
    }


def _cents(value: Decimal | None) -> int:
    return int((value or Decimal(0)) * 100)


def _apply(meeting: Meeting, form: MeetingForm) -> None:
    meeting.kind = MeetingKind(form.kind.data)
    meeting.title = form.title.data or ""
    meeting.starts_at = brussels_to_utc(form.day.data, form.start.data)
    meeting.ends_at = brussels_to_utc(form.day.data, form.end.data)
    meeting.place = form.place.data or ""
    meeting.address = form.address.data or ""
    meeting.accessibility = form.accessibility.data or ""
    meeting.childcare = bool(form.childcare.data)
    meeting.compensation_cents = _cents(form.compensation.data)
    meeting.payment_method = PaymentMethod(form.payment_method.data)
    meeting.contact_name = form.contact_name.data or ""
    meeting.contact_phone = form.contact_phone.data or ""
    meeting.reminder_days_before = form.reminder_days_before.data or 0
    meeting.reminder_time = form.reminder_time.data or time(10, 0)
    meeting.minutes = form.minutes.data or ""
    if form.series.data:
        meeting.series_id = form.series.data


def create_meeting(project: Project, form: MeetingForm) -> Meeting:
    meeting = Meeting(project_id=project.id, series_id=form.series.data or new_public_id())
    _apply(meeting, form)
    db.session.add(meeting)
    db.session.flush()
    refresh_purge_dates(meeting)
    audit.record(
        "meeting.create", project=project, object_type="meeting", object_id=meeting.public_id
    )
    return meeting


def update_meeting(project: Project, meeting: Meeting, form: MeetingForm) -> int:
    """Saves the form; returns how many corrections it queued because the meeting moved."""
    before = (meeting.starts_at, meeting.place, meeting.address)
    _apply(meeting, form)
    db.session.flush()
    refresh_purge_dates(meeting)
    moved = before != (meeting.starts_at, meeting.place, meeting.address)
    corrections = queue_corrections(meeting) if moved else 0
    audit.record(
        "meeting.update",
        project=project,
        object_type="meeting",
        object_id=meeting.public_id,
        moved=moved,
        corrections=corrections,
    )
    return corrections


def link_focus_group(project: Project, meeting: Meeting, group_id: str) -> None:
    group = db.session.scalar(
        select(FocusGroup).where(
            FocusGroup.project_id == project.id, FocusGroup.public_id == group_id
        )
    )
    meeting.focus_group_id = group.id if group is not None else None
    audit.record(
        "meeting.focus_group",
        project=project,
        object_type="meeting",
        object_id=meeting.public_id,
        focus_group=group_id,
    )


def focus_group_choices(project: Project) -> list[tuple[str, str]]:
    groups = db.session.scalars(select(FocusGroup).where(FocusGroup.project_id == project.id))
    return [(group.public_id, group.title) for group in groups]


def theme_choices(project: Project) -> list[tuple[str, str]]:
    themes = db.session.scalars(
        select(Theme).where(Theme.project_id == project.id).order_by(Theme.id)
    )
    return [("", "—"), *((str(theme.id), _theme_title(theme)) for theme in themes)]


def _theme_title(theme: Theme) -> str:
    title = theme.title
    if isinstance(title, dict):
        return str(title.get("nl") or next(iter(title.values()), ""))
    return str(title)


def decision_choices(project: Project) -> list[tuple[str, str]]:
    from participatie.report.labels import OUTCOME_LABELS  # an area's labels, read only here

    decisions = db.session.scalars(
        select(Decision).join(Theme).where(Theme.project_id == project.id).order_by(Decision.id)
    )
    return [
        ("", "—"),
        *((str(d.id), f"{_theme_title(d.theme)}: {OUTCOME_LABELS[d.outcome]}") for d in decisions),
    ]


def agenda_form(project: Project) -> AgendaItemForm:
    form = AgendaItemForm()
    form.theme.choices = choices(theme_choices(project))
    form.decision.choices = choices(decision_choices(project))
    return form


def add_agenda_item(project: Project, meeting: Meeting, form: AgendaItemForm) -> None:
    item = AgendaItem(
        meeting_id=meeting.id,
        position=len(meeting.agenda) + 1,
        text=form.text.data or "",
        theme_id=int(form.theme.data) if form.theme.data else None,
        decision_id=int(form.decision.data) if form.decision.data else None,
    )
    meeting.agenda.append(item)
    audit.record(
        "meeting.agenda_add", project=project, object_type="meeting", object_id=meeting.public_id
    )


def remove_agenda_item(project: Project, meeting: Meeting, item_id: int) -> None:
    item = next((i for i in meeting.agenda if i.id == item_id), None)
    if item is None:
        abort(404)
    meeting.agenda.remove(item)
    audit.record(
        "meeting.agenda_remove", project=project, object_type="meeting", object_id=meeting.public_id
    )


def attendee_form(meeting: Meeting) -> AttendeeForm:
    from participatie.labels import PARTICIPANT_GROUP

    form = AttendeeForm()
    form.participant_group.choices = choices(PARTICIPANT_GROUP.items())
    if not form.is_submitted():
        form.pseudonym.data = f"P{len(meeting.attendees) + 1}"
        form.compensation.data = Decimal(meeting.compensation_cents) / 100
    return form


def add_attendee(project: Project, meeting: Meeting, form: AttendeeForm) -> MeetingAttendee | None:
    pseudonym = (form.pseudonym.data or "").upper()
    if any(a.pseudonym == pseudonym for a in meeting.attendees):
        return None
    attendee = MeetingAttendee(
        pseudonym=pseudonym,
        participant_group=form.participant_group.data or "ouder",
        delegate=bool(form.delegate.data) and meeting.kind == MeetingKind.OUDERGROEP,
        compensation_cents=_cents(form.compensation.data),
    )
    meeting.attendees.append(attendee)
    audit.record(
        "meeting.attendee_add",
        project=project,
        object_type="meeting",
        object_id=meeting.public_id,
        pseudonym=pseudonym,
    )
    return attendee


def remove_attendee(project: Project, meeting: Meeting, attendee_id: int) -> None:
    attendee = next((a for a in meeting.attendees if a.id == attendee_id), None)
    if attendee is None:
        abort(404)
    meeting.attendees.remove(attendee)
    audit.record(
        "meeting.attendee_remove",
        project=project,
        object_type="meeting",
        object_id=meeting.public_id,
        pseudonym=attendee.pseudonym,
    )


def add_taken_decision(project: Project, meeting: Meeting, decision_id: str) -> bool:
    decision = db.session.scalar(
        select(Decision)
        .join(Theme)
        .where(Theme.project_id == project.id, Decision.id == int(decision_id or 0))
    )
    if decision is None or any(link.decision_id == decision.id for link in meeting.decisions):
        return False
    meeting.decisions.append(MeetingDecision(decision_id=decision.id))
    audit.record(
        "meeting.decision_taken",
        project=project,
        object_type="meeting",
        object_id=meeting.public_id,
        decision=decision.public_id,
    )
    return True


@dataclass(frozen=True)
class SheetRow:
    meeting: Meeting
    attendees: list[MeetingAttendee]
    total_cents: int


def attendance_rows(project: Project, start: date | None, end: date | None) -> list[SheetRow]:
    rows = []
    for meeting in meetings_of(project):
        day = meeting.starts_at.astimezone(BRUSSELS).date()
        if (start and day < start) or (end and day > end):
            continue
        rows.append(
            SheetRow(
                meeting,
                list(meeting.attendees),
                sum(a.compensation_cents for a in meeting.attendees),
            )
        )
    return rows


def period_bounds(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    if start and end and end < start:
        return end, start
    return start, end
