"""`participatie purge`: raw answers and quotes are deleted once a project's retention period has
passed; only aggregates stay (a snapshot of the survey's report, small numbers already hidden).

Run nightly (deploy/systemd/participatie-purge.timer). Each project is purged in its own
transaction, so one failure does not stop the others or leave half a project purged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import click
from flask.cli import with_appcontext
from sqlalchemy import delete, func, select

from participatie import audit
from participatie.extensions import db
from participatie.meetings.contacts import purge_contacts
from participatie.models import (
    AggregateSnapshot,
    FocusGroup,
    IdempotencyKey,
    PasswordReset,
    Project,
    Quote,
    Response,
    Survey,
)
from participatie.models.base import utcnow

# Idempotency keys only need to outlive a retry; a month covers hours offline with room to spare.
IDEMPOTENCY_KEEP = timedelta(days=30)


@dataclass
class Purged:
    project: str
    responses: int
    quotes: int


def _snapshot(survey: Survey) -> None:
    from participatie.report.aggregate import survey_result
    from participatie.report.exports import as_json

    db.session.add(
        AggregateSnapshot(
            survey_id=survey.id, reason="purge", data=as_json(survey_result(survey, "nl"))
        )
    )


def purge_project(project: Project, now: datetime, dry_run: bool = False) -> Purged:
    cutoff = now - timedelta(days=project.retention_days)
    surveys = list(db.session.scalars(select(Survey).where(Survey.project_id == project.id)))
    old_responses = select(Response.id).where(
        Response.survey_id.in_([s.id for s in surveys]), Response.created_at < cutoff
    )
    old_quotes = select(Quote.id).where(
        Quote.focus_group_id.in_(select(FocusGroup.id).where(FocusGroup.project_id == project.id)),
        Quote.created_at < cutoff,
    )
    responses = db.session.scalar(select(func.count()).select_from(old_responses.subquery())) or 0
    quotes = db.session.scalar(select(func.count()).select_from(old_quotes.subquery())) or 0
    if dry_run or not (responses or quotes):
        return Purged(project.slug, responses, quotes)
    for survey in surveys:
        if db.session.scalar(
            select(func.count()).where(
                Response.survey_id == survey.id, Response.created_at < cutoff
            )
        ):
            _snapshot(survey)
    # Answers, statements, tags and theme links go with them (ON DELETE CASCADE).
    db.session.execute(delete(Response).where(Response.id.in_(old_responses)))
    db.session.execute(delete(Quote).where(Quote.id.in_(old_quotes)))
    audit.record(
        "retention.purge",
        project=project,
        object_type="project",
        object_id=project.slug,
        responses=responses,
        quotes=quotes,
        cutoff=cutoff.isoformat(),
    )
    return Purged(project.slug, responses, quotes)


def purge_housekeeping(now: datetime) -> None:
    db.session.execute(
        delete(IdempotencyKey).where(IdempotencyKey.created_at < now - IDEMPOTENCY_KEEP)
    )
    db.session.execute(
        delete(PasswordReset).where(
            (PasswordReset.expires_at < now) | PasswordReset.used_at.is_not(None)
        )
    )


@click.command("purge")
@click.option("--dry-run", is_flag=True, help="Only count what would be deleted.")
@with_appcontext
def purge_command(dry_run: bool) -> None:
    """Delete raw answers and quotes past each project's retention period; keep aggregates."""
    now = utcnow()
    for project in db.session.scalars(select(Project).order_by(Project.slug)).all():
        result = purge_project(project, now, dry_run=dry_run)
        if not dry_run:
            db.session.commit()
        verb = "would delete" if dry_run else "deleted"
        click.echo(f"{result.project}: {verb} {result.responses} responses, {result.quotes} quotes")
    if not dry_run:
        purge_housekeeping(now)
        contacts = purge_contacts(now)
        db.session.commit()
        click.echo(f"meeting contacts: deleted {contacts}")
