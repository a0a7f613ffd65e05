from __future__ import annotations

import pytest
from flask import Flask

from tests.follow.world import PlanWorld, build_plan


@pytest.fixture
def plan_world(app: Flask, demo: None) -> PlanWorld:
    return build_plan(app)
