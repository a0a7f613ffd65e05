"""An outcome indicator fed by a survey question: recomputed at every release published with
`participatie releases publish`, from the answers that release counted, null below k."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import (
    AuditEvent,
    Goal,
    Indicator,
    IndicatorKind,
    IndicatorUnit,
    Project,
)
from tests.follow.world import PlanWorld
from tests.report import builders as b

QUESTIONS: list[dict[str, Any]] = [
    {
        "name": "hulp",
        "type": "select_one",
        "label": {"nl": "Weet je nu beter waar je hulp vindt?"},
        "options": [{"name": n, "label": {"nl": n}} for n in ("meer", "hetzelfde", "minder")],
    },
    {"name": "leeftijd", "type": "integer", "label": {"nl": "Hoe oud ben je?"}},
]


def _publish(app: Flask) -> int:
    result = app.test_cli_runner().invoke(args=["releases", "publish", "demo"])
    assert result.exit_code == 0, result.output
    return int(result.stdout.strip().split()[-1])


def _answer(app: Flask, answers: list[dict[str, object]]) -> None:
    with app.app_context():
        survey = db.session.scalar(select(Project).where(Project.slug == "demo")).surveys[-1]  # type: ignore[union-attr]
        for given in answers:
            b.respond(survey, given)
        db.session.commit()


def _values(app: Flask, public_id: str) -> dict[int, float]:
    with app.app_context():
        indicator = db.session.scalar(select(Indicator).where(Indicator.public_id == public_id))
        assert indicator is not None
        return {m.release_number: m.value for m in indicator.measurements if m.release_number}


def test_value_follows_the_releases(app: Flask, plan_world: PlanWorld) -> None:
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        goal = db.session.scalar(select(Goal).where(Goal.public_id == plan_world.goal))
        assert project is not None and goal is not None
        survey = b.survey(project, QUESTIONS, code="HULP")
        indicator = Indicator(
            goal=goal,
            name={"nl": "Ouders die beter weten waar ze hulp vinden"},
            kind=IndicatorKind.OUTCOME,
            unit=IndicatorUnit.PERCENTAGE,
            source_question=survey.questions[0],
            source_options=["meer"],
        )
        db.session.add(indicator)
        db.session.commit()
        public_id = indicator.public_id
    # Five new participants, only four answered the question: fewer than k = 5, no value.
    _answer(app, [{"hulp": "meer"}, {"hulp": "meer"}, {"hulp": "hetzelfde"}, {"hulp": "minder"}])
    _answer(app, [{"leeftijd": 30}])
    first = _publish(app)
    assert _values(app, public_id) == {}
    # Five more, all "meer": 7 of 9 → 77.8 %.
    _answer(app, [{"hulp": "meer"}] * 5)
    second = _publish(app)
    assert _values(app, public_id) == {second: 77.8}
    # Five more, all "minder": 7 of 14 → 50 %; the earlier release keeps its own value.
    _answer(app, [{"hulp": "minder"}] * 5)
    third = _publish(app)
    assert _values(app, public_id) == {second: 77.8, third: 50.0}
    assert first < second < third
    with app.app_context():
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "release.publish")
        ).all()
        assert [e.object_id for e in events][-3:] == [str(first), str(second), str(third)]
