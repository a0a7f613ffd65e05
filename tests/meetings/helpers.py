"""Shared steps of the meeting tests: find a demo meeting, sign up through the real page."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from sqlalchemy import select
from werkzeug.test import TestResponse

from participatie.extensions import db
from participatie.models import Meeting, MeetingKind
from tests.conftest import PageCheckingClient


def coming_oudergroep(app: Flask) -> tuple[str, datetime, datetime, str]:
    """(invitation token, start, reminder due, place) of the next demo oudergroep meeting."""
    from participatie.meetings.reminders import reminder_due_at

    with app.app_context():
        meeting = db.session.scalars(
            select(Meeting)
            .where(Meeting.kind == MeetingKind.OUDERGROEP, Meeting.minutes == "")
            .order_by(Meeting.starts_at)
        ).first()
        assert meeting is not None
        result = (
            meeting.invitation_token,
            meeting.starts_at,
            reminder_due_at(meeting),
            meeting.place,
        )
        db.session.remove()
    return result


def sign_up(client: PageCheckingClient, token: str, lang: str, **fields: str) -> TestResponse:
    path = f"/m/{token}?lang={lang}"
    data = {"language": lang, "consent": "y", **fields}
    return client.post_form(f"/m/{token}", data, token_from=path)
