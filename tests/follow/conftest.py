from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from sqlalchemy import delete, select, update

from tests.follow.world import PlanWorld, build_plan


def _without_the_demo_year(app: Flask) -> None:
    """These tests build their own actieplan: start from the demo before its year of follow-through
    (participatie/demo/year.py adds priorities, the onderwijs werkgroep, indicators)."""
    from participatie.demo.year import ONDERWIJS
    from participatie.extensions import db
    from participatie.models import (
        Action,
        Goal,
        Indicator,
        Priority,
        ProgressReport,
        ResultMeasure,
        Workgroup,
        WorkgroupMember,
    )

    with app.app_context():
        group = select(Workgroup.id).where(Workgroup.name == ONDERWIJS)
        goals = select(Goal.id).where(Goal.workgroup_id.in_(group))
        db.session.execute(update(ResultMeasure).values(goal_id=None, action_id=None))
        db.session.execute(delete(Indicator))
        db.session.execute(delete(Action).where(Action.goal_id.in_(goals)))
        db.session.execute(update(Goal).where(Goal.workgroup_id.in_(group)).values(parent_id=None))
        db.session.execute(delete(Goal).where(Goal.workgroup_id.in_(group)))
        db.session.execute(delete(WorkgroupMember).where(WorkgroupMember.workgroup_id.in_(group)))
        db.session.execute(delete(Workgroup).where(Workgroup.name == ONDERWIJS))
        db.session.execute(delete(Priority))
        db.session.execute(delete(ProgressReport))
        db.session.commit()


@pytest.fixture(autouse=True)
def _plan_from_scratch(request: pytest.FixtureRequest) -> Iterator[None]:
    if "demo" in request.fixturenames or "plan_world" in request.fixturenames:
        request.getfixturevalue("demo")
        _without_the_demo_year(request.getfixturevalue("app"))
    yield


@pytest.fixture
def plan_world(app: Flask, demo: None) -> PlanWorld:
    return build_plan(app)
