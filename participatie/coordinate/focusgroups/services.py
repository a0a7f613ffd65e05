"""Focus groups and their pseudonymous attendees. No names are ever stored: an attendee is a
pseudonym (P1, P2, …) with a group, a language, a consent record and a compensation note."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from sqlalchemy import func, select

from participatie import audit
from participatie.coordinate.focusgroups.forms import AttendeeForm, FocusGroupForm, guide_lines
from participatie.coordinate.focusgroups.guides import template_questions
from participatie.coordinate.focusgroups.transcripts import pseudonym_number
from participatie.extensions import db
from participatie.models import Attendee, FocusGroup, Project, Quote, Statement
from participatie.models.base import utcnow
from participatie.privacy import needs_review


@dataclass(frozen=True)
class FocusGroupRow:
    group: FocusGroup
    attendees: int
    quotes: int


def focus_group_rows(project: Project) -> list[FocusGroupRow]:
    attendees = dict(
        db.session.execute(
            select(Attendee.focus_group_id, func.count(Attendee.id))
            .join(FocusGroup)
            .where(FocusGroup.project_id == project.id)
            .group_by(Attendee.focus_group_id)
        ).all()
    )
    quotes = dict(
        db.session.execute(
            select(Quote.focus_group_id, func.count(Quote.id))
            .join(FocusGroup)
            .where(FocusGroup.project_id == project.id)
            .group_by(Quote.focus_group_id)
        ).all()
    )
    groups = db.session.scalars(
        select(FocusGroup)
        .where(FocusGroup.project_id == project.id)
        .order_by(FocusGroup.held_on.desc(), FocusGroup.created_at.desc())
    )
    return [FocusGroupRow(g, attendees.get(g.id, 0), quotes.get(g.id, 0)) for g in groups]


def get_focus_group(project: Project, public_id: str) -> FocusGroup:
    """The group, or 404: also for a group of another project."""
    group = db.session.scalar(
        select(FocusGroup).where(
            FocusGroup.public_id == public_id, FocusGroup.project_id == project.id
        )
    )
    if group is None:
        abort(404)
    return group


def new_focus_group_form(project: Project) -> FocusGroupForm:
    form = FocusGroupForm(languages=project.languages[:1] or ["nl"])
    if form.is_submitted() and form.template.data and not guide_lines(form.guide.data or ""):
        # "Neem de vragen over" or saving with an empty guide: start from the template.
        form.guide.data = "\n".join(template_questions(form.template.data))
    return form


def edit_focus_group_form(group: FocusGroup) -> FocusGroupForm:
    form = FocusGroupForm(obj=group)
    if not form.is_submitted():
        form.guide.data = "\n".join(group.guide)
    return form


def _apply(group: FocusGroup, form: FocusGroupForm) -> None:
    group.title = form.title.data or ""
    group.held_on = form.held_on.data
    group.place = form.place.data or ""
    group.facilitator = form.facilitator.data or ""
    group.languages = list(form.languages.data or ["nl"])
    group.guide = guide_lines(form.guide.data or "")


def create_focus_group(project: Project, form: FocusGroupForm) -> FocusGroup:
    group = FocusGroup(project=project)
    _apply(group, form)
    db.session.add(group)
    db.session.flush()
    audit.record(
        "focus_group.create", project=project, object_type="focus_group", object_id=group.public_id
    )
    return group


def find_or_create_focus_group(
    project: Project, title: str, language: str | None, user_id: int | None = None
) -> tuple[FocusGroup, bool]:
    group = db.session.scalar(
        select(FocusGroup)
        .where(FocusGroup.project_id == project.id, FocusGroup.title == title)
        .order_by(FocusGroup.id)
        .limit(1)
    )
    if group is not None:
        return group, False
    # The date is not in the transcript: the coordinator fills it in on the group's page.
    group = FocusGroup(
        project=project, title=title, languages=[language or (project.languages[:1] or ["nl"])[0]]
    )
    db.session.add(group)
    db.session.flush()
    audit.record(
        "focus_group.create",
        project=project,
        object_type="focus_group",
        object_id=group.public_id,
        user_id=user_id,
    )
    return group, True


def update_focus_group(group: FocusGroup, form: FocusGroupForm) -> None:
    _apply(group, form)
    audit.record(
        "focus_group.update",
        project=group.project,
        object_type="focus_group",
        object_id=group.public_id,
    )


# --- Attendees -------------------------------------------------------------------------------


def next_pseudonym(group: FocusGroup) -> str:
    taken = [pseudonym_number(a.pseudonym) for a in group.attendees]
    return f"P{max(taken, default=0) + 1}"


def get_attendee(group: FocusGroup, pseudonym: str) -> Attendee:
    attendee = next((a for a in group.attendees if a.pseudonym == pseudonym), None)
    if attendee is None:
        abort(404)
    return attendee


def new_attendee_form(group: FocusGroup) -> AttendeeForm:
    return AttendeeForm(prefix="new", language=(group.languages[:1] or ["nl"])[0])


def _apply_attendee(attendee: Attendee, form: AttendeeForm) -> None:
    attendee.participant_group = form.participant_group.data or "andere"
    attendee.language = form.language.data or "nl"
    attendee.compensation = form.compensation.data or ""
    if not form.consent.data:
        attendee.consent_version = None
        attendee.consented_at = None
    elif attendee.consented_at is None or attendee.consent_version != form.consent_version.data:
        # The record: which version of the consent text, and when it was given.
        attendee.consent_version = form.consent_version.data
        attendee.consented_at = utcnow()


def add_attendee(group: FocusGroup, form: AttendeeForm) -> Attendee:
    attendee = Attendee(pseudonym=next_pseudonym(group))
    _apply_attendee(attendee, form)
    group.attendees.append(attendee)
    db.session.flush()
    _record_attendee("attendee.add", group, attendee)
    return attendee


def add_attendee_for_speaker(group: FocusGroup, pseudonym: str, language: str) -> Attendee:
    """A speaker met in a transcript: no consent recorded yet, the coordinator adds it."""
    attendee = Attendee(pseudonym=pseudonym, participant_group="andere", language=language)
    group.attendees.append(attendee)
    db.session.flush()
    return attendee


def attendee_form(attendee: Attendee) -> AttendeeForm:
    form = AttendeeForm(obj=attendee)
    if not form.is_submitted():
        form.consent.data = attendee.consented_at is not None
        form.consent_version.data = attendee.consent_version or 1
    return form


def update_attendee(group: FocusGroup, attendee: Attendee, form: AttendeeForm) -> None:
    _apply_attendee(attendee, form)
    _record_attendee("attendee.update", group, attendee)


def quote_count(attendee: Attendee) -> int:
    return (
        db.session.scalar(select(func.count(Quote.id)).where(Quote.attendee_id == attendee.id)) or 0
    )


def remove_attendee(group: FocusGroup, attendee: Attendee) -> bool:
    """Only an attendee without quotes: their words must keep their speaker."""
    if quote_count(attendee):
        return False
    group.attendees.remove(attendee)
    _record_attendee("attendee.remove", group, attendee)
    return True


def _record_attendee(action: str, group: FocusGroup, attendee: Attendee) -> None:
    audit.record(
        action,
        project=group.project,
        object_type="focus_group",
        object_id=group.public_id,
        pseudonym=attendee.pseudonym,
    )


# --- What the group's page shows -------------------------------------------------------------


@dataclass(frozen=True)
class QuoteRow:
    quote: Quote
    statement: Statement | None
    needs_review: bool


def group_quotes(group: FocusGroup) -> list[QuoteRow]:
    rows = db.session.execute(
        select(Quote, Statement)
        .outerjoin(Statement, Statement.quote_id == Quote.id)
        .where(Quote.focus_group_id == group.id)
        .order_by(Quote.id)
    ).all()
    return [
        QuoteRow(quote, statement, statement is not None and needs_review(statement))
        for quote, statement in rows
    ]


def quotes_per_attendee(group: FocusGroup) -> dict[int, int]:
    rows = db.session.execute(
        select(Quote.attendee_id, func.count(Quote.id))
        .where(Quote.focus_group_id == group.id, Quote.attendee_id.is_not(None))
        .group_by(Quote.attendee_id)
    ).all()
    return {attendee_id: count for attendee_id, count in rows if attendee_id is not None}
