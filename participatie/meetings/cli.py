"""`participatie reminders send|release-news` and `participatie meetings list` (DESIGN §6)."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import click
from flask.cli import AppGroup
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Meeting, Project
from participatie.models.base import utcnow

reminders_cli = AppGroup("reminders", help="Reminders of meetings by SMS and e-mail.")
meetings_cli = AppGroup("meetings", help="Meetings parents can come to.")


def _moment(value: str | None) -> datetime:
    if not value:
        return utcnow()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter("expected an ISO date and time", param_hint="--at") from error
    # A time without an offset is read as Brussels time: that is how people say it.
    if moment.tzinfo is None:
        from participatie.meetings.reminders import BRUSSELS

        moment = moment.replace(tzinfo=BRUSSELS)
    return moment.astimezone(UTC)


def _project(slug: str) -> Project:
    project = db.session.scalar(select(Project).where(Project.slug == slug))
    if project is None:
        click.echo(f"No project with slug {slug!r}.", err=True)
        sys.exit(1)
    return project


@reminders_cli.command("send")
@click.option("--at", "at_text", help="Send what is due at this moment (ISO 8601; default now).")
def send_command(at_text: str | None) -> None:
    """Send every due reminder by SMS and e-mail, each at most once; exit 1 if any failed."""
    from participatie.meetings.reminders import send_due

    result = send_due(_moment(at_text))
    for channel in ("sms", "email"):
        click.echo(f"{channel}: {result.sent[channel]} sent, {result.failed[channel]} failed")
    for error in result.errors:
        click.echo(error, err=True)
    if result.errors:
        click.echo("Failed reminders stay due; the next run tries them again.", err=True)
        sys.exit(1)


@reminders_cli.command("release-news")
@click.argument("slug")
@click.option("--release", "release_number", type=int, help="The release's number.")
def release_news_command(slug: str, release_number: int | None) -> None:
    """Queue one message with the public page's link for contacts who asked for news."""
    from participatie.meetings.contacts import notify_release_subscribers

    count = notify_release_subscribers(_project(slug), release_number)
    db.session.commit()
    click.echo(f"{count} queued")


@meetings_cli.command("list")
@click.option("--project", "slug", required=True, help="The project's slug.")
@click.option("--format", "output_format", type=click.Choice(["json"]), default="json")
def list_command(slug: str, output_format: str) -> None:  # noqa: ARG001  (json is the only format, DESIGN §6)
    """The project's meetings as JSON: id, kind, title, start, place, invitation_url."""
    from participatie.meetings.messages import invitation_url
    from participatie.meetings.reminders import BRUSSELS

    project = _project(slug)
    meetings = db.session.scalars(
        select(Meeting).where(Meeting.project_id == project.id).order_by(Meeting.starts_at)
    ).all()
    rows = [
        {
            "id": meeting.public_id,
            "kind": str(meeting.kind),
            "title": meeting.title,
            "start": meeting.starts_at.astimezone(BRUSSELS).isoformat(),
            "place": meeting.place,
            "invitation_url": invitation_url(meeting),
        }
        for meeting in meetings
    ]
    click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
