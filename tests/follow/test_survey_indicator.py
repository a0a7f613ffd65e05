"""An outcome indicator fed by a survey question: recomputed at every release, from the answers
given by then, and null while fewer than k answered."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.follow.indicators import indicator_value_from_release, refresh_survey_indicators
from participatie.models import Goal, Indicator, IndicatorKind, IndicatorUnit, Project
from participatie.models.base import utcnow
from tests.follow.world import PlanWorld
from tests.report import builders as b

QUESTION = {
    "name": "hulp",
    "type": "select_one",
    "label": {"nl": "Weet je nu beter waar je hulp vindt?"},
    "options": [{"name": n, "label": {"nl": n}} for n in ("meer", "hetzelfde", "minder")],
}


def test_value_follows_the_releases(app: Flask, plan_world: PlanWorld) -> None:
    start = utcnow() - timedelta(days=30)
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        goal = db.session.scalar(select(Goal).where(Goal.public_id == plan_world.goal))
        assert project is not None and goal is not None
        survey = b.survey(project, [QUESTION], code="HULP")
        indicator = Indicator(
            goal=goal,
            name={"nl": "Ouders die beter weten waar ze hulp vinden"},
            kind=IndicatorKind.OUTCOME,
            unit=IndicatorUnit.PERCENTAGE,
            source_question=survey.questions[0],
            source_options=["meer"],
        )
        db.session.add(indicator)

        def answer(value: str, day: int) -> None:
            response = b.respond(survey, {"hulp": value})
            response.created_at = start + timedelta(days=day)

        for value in ("meer", "meer", "hetzelfde", "minder"):
            answer(value, 1)
        first = start + timedelta(days=2)
        # Four answers: fewer than k = 5, so no value and no measurement.
        assert indicator_value_from_release(indicator, first) is None
        assert refresh_survey_indicators(project, 1, first) == 0
        assert [m for m in indicator.measurements if m.release_number] == []
        answer("meer", 3)
        b.respond(survey, {"hulp": "meer"}, consented=False).created_at = start + timedelta(days=3)
        second = start + timedelta(days=4)
        assert indicator_value_from_release(indicator, first) is None  # the old release stays
        assert indicator_value_from_release(indicator, second) == 60.0  # 3 of 5 consented
        assert refresh_survey_indicators(project, 2, second) == 1
        for value in ("minder", "minder", "hetzelfde"):
            answer(value, 5)
        third = start + timedelta(days=6)
        assert refresh_survey_indicators(project, 3, third) == 1
        db.session.commit()
        by_release = {m.release_number: (m.value, m.measured_on) for m in indicator.measurements}
        assert by_release[2][0] == 60.0 and by_release[3][0] == 37.5  # 3 of 8
        # Computing a release again replaces its value, never adds a second one.
        assert refresh_survey_indicators(project, 3, third) == 1
        db.session.commit()
        assert [m.release_number for m in indicator.measurements].count(3) == 1
