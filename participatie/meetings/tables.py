"""Gesprekstafels: the post-its of each table and round, typed in after the evening.

Who wrote a post-it is not known, so each becomes a Quote without an attendee, in a focus group
linked to the meeting (made on first use), and a Statement: the same review queue and codebook
tag them as any other quote. The table and round go into the quote's guide question, so the
quotes can be read back per table and round.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select

from participatie import audit
from participatie.extensions import db
from participatie.meetings.reminders import BRUSSELS
from participatie.models import FocusGroup, Meeting, Project, Quote, Statement, StatementSource

MAX_POSTITS = 200
POSTIT_MAX = 1000


def table_label(table: int, round_number: int) -> str:
    # Stored data, read by coordinators in Dutch like the rest of a group's guide.
    return f"Tafel {table} · ronde {round_number}"


def _focus_group(project: Project, meeting: Meeting) -> FocusGroup:
    if meeting.focus_group is not None:
        return meeting.focus_group
    held_on: date = meeting.starts_at.astimezone(BRUSSELS).date()
    group = FocusGroup(
        project_id=project.id,
        title=meeting.title,
        held_on=held_on,
        place=meeting.place,
        languages=list(project.languages or ["nl"]),
    )
    db.session.add(group)
    db.session.flush()
    meeting.focus_group_id = group.id
    meeting.focus_group = group
    return group


def postit_lines(text: str) -> list[str]:
    return [line.strip()[:POSTIT_MAX] for line in text.splitlines() if line.strip()][:MAX_POSTITS]


def add_postits(
    project: Project, meeting: Meeting, table: int, round_number: int, language: str, text: str
) -> int:
    group = _focus_group(project, meeting)
    lines = postit_lines(text)
    for line in lines:
        quote = Quote(
            focus_group_id=group.id,
            attendee_id=None,
            guide_question=table_label(table, round_number),
            text=line,
            language=language,
        )
        db.session.add(quote)
        db.session.flush()
        db.session.add(
            Statement(
                project_id=project.id,
                source=StatementSource.FOCUS_GROUP,
                quote_id=quote.id,
                language=language,
            )
        )
    audit.record(
        "meeting.postits_add",
        project=project,
        object_type="meeting",
        object_id=meeting.public_id,
        table=table,
        round=round_number,
        count=len(lines),
    )
    return len(lines)


def postits_by_table(meeting: Meeting) -> dict[str, list[Quote]]:
    if meeting.focus_group_id is None:
        return {}
    grouped: dict[str, list[Quote]] = defaultdict(list)
    quotes = db.session.scalars(
        select(Quote)
        .where(Quote.focus_group_id == meeting.focus_group_id, Quote.attendee_id.is_(None))
        .order_by(Quote.guide_question, Quote.id)
    )
    for quote in quotes:
        grouped[quote.guide_question].append(quote)
    return dict(grouped)
