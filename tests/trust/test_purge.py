"""Retention: `participatie purge` deletes raw answers and quotes past the project's period and
keeps the aggregates."""

from __future__ import annotations

import re

from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import (
    AggregateSnapshot,
    Answer,
    AuditEvent,
    Project,
    Quote,
    Response,
    Statement,
    Survey,
)
from participatie.models.base import utcnow


def _counts() -> tuple[int, int, int, int]:
    return (
        db.session.scalar(select(func.count(Response.id))) or 0,
        db.session.scalar(select(func.count(Answer.id))) or 0,
        db.session.scalar(select(func.count(Quote.id))) or 0,
        db.session.scalar(select(func.count(Statement.id))) or 0,
    )


def test_purge_deletes_what_is_past_retention_and_keeps_aggregates(app: Flask, demo: None) -> None:
    runner = app.test_cli_runner()
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        project.retention_days = 30
        db.session.commit()
        before = _counts()
        old = db.session.scalar(
            select(func.count(Response.id)).where(
                Response.created_at
                < utcnow().replace(microsecond=0) - __import__("datetime").timedelta(days=30)
            )
        )
        assert old and old < before[0]
        # The demo has other surveys too (a resultaatsmeting…): the snapshot is the DEMO survey's.
        demo_responses = db.session.scalar(
            select(func.count(Response.id)).join(Survey).where(Survey.code == "DEMO")
        )
        db.session.remove()

    dry = runner.invoke(args=["purge", "--dry-run"])
    assert dry.exit_code == 0 and f"demo: would delete {old} responses, 0 quotes" in dry.output
    with app.app_context():
        assert _counts() == before
        db.session.remove()

    result = runner.invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    deleted = int(re.search(r"demo: deleted (\d+) responses", result.output).group(1))  # type: ignore[union-attr]
    assert deleted == old
    with app.app_context():
        responses, answers, quotes, statements = _counts()
        assert responses == before[0] - old
        assert answers < before[1] and statements < before[3]
        assert quotes == before[2]  # the focus group is recent
        # No answer or statement is left pointing at a deleted response.
        assert (
            db.session.scalar(
                select(func.count(Answer.id)).where(Answer.response_id.not_in(select(Response.id)))
            )
            == 0
        )
        snapshot = db.session.scalar(select(AggregateSnapshot))
        assert snapshot is not None and snapshot.data["survey"]["code"] == "DEMO"
        assert snapshot.data["survey"]["responses"] == demo_responses
        assert db.session.scalar(
            select(AuditEvent.id).where(AuditEvent.action == "retention.purge")
        )
        db.session.remove()
    again = runner.invoke(args=["purge"])
    assert "demo: deleted 0 responses, 0 quotes" in again.output
