"""The demo year: loaded by `participatie demo`, dated relative to today, and loading it again
changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import (
    Goal,
    GoalKind,
    Indicator,
    Meetcode,
    Priority,
    ProgressReport,
    Release,
    ResultMeasure,
    Verdict,
    Workgroup,
)
from tests.conftest import PageCheckingClient

TABLES = (Priority, Workgroup, Goal, Indicator, Meetcode, Verdict, ProgressReport, Release)


def _counts() -> dict[str, int]:
    return {
        table.__tablename__: db.session.execute(
            select(func.count()).select_from(table)
        ).scalar_one()
        or 0
        for table in TABLES
    }


def test_the_demo_holds_a_year_of_follow_through(app: Flask, demo: None) -> None:
    with app.app_context():
        chosen = db.session.scalars(select(Priority).where(Priority.chosen)).all()
        assert sorted(p.domain.key for p in chosen) == ["onderwijs", "vrije_tijd"]
        assert db.session.execute(select(func.count(Workgroup.id))).scalar_one() >= 2
        kinds = {goal.kind for goal in db.session.scalars(select(Goal))}
        assert kinds == {GoalKind.STRATEGIC, GoalKind.OPERATIONAL}
        measured = [i for i in db.session.scalars(select(Indicator)) if len(i.measurements) >= 3]
        assert len(measured) >= 3
        today = date.today()
        days = [m.measured_on for i in measured for m in i.measurements]
        assert min(days) >= today - timedelta(days=366) and max(days) <= today
        measure = db.session.scalar(select(ResultMeasure))
        assert measure is not None and measure.after_started_at is not None
        assert measure.goal is not None
        pairs = db.session.scalar(
            select(func.count(Meetcode.id)).where(Meetcode.after_response_id.is_not(None))
        )
        assert pairs is not None and pairs >= measure.project.k_threshold
        assert db.session.execute(select(func.count(ProgressReport.id))).scalar_one() == 1
        assert db.session.execute(select(func.count(Release.id))).scalar_one() == 1


def test_loading_the_demo_again_changes_nothing(app: Flask, demo: None) -> None:
    with app.app_context():
        before = _counts()
    result = app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert _counts() == before


def test_the_demo_measure_shows_change_per_parent(client: PageCheckingClient, demo: None) -> None:
    from tests.conftest import login

    login(client, "stuurgroep@kempenaar.example")
    page = client.get("/projecten/demo/resultaatsmetingen").get_data(as_text=True)
    link = page.split('href="/projecten/demo/resultaatsmetingen/', 1)[1].split('"', 1)[0]
    detail = client.get(f"/projecten/demo/resultaatsmetingen/{link}").get_data(as_text=True)
    assert "6 ouders gaven twee keer antwoord met een meetcode" in detail
    assert "niet getoond" not in detail  # 6 pairs, k = 5: every row shows
