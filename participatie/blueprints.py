"""Registers every blueprint: one per user-facing area.

One way for every area: the area's blueprint object lives in one module, and each module listed in
ROUTE_MODULES adds its routes to that blueprint when imported. No route module imports another for
its side effect; this list is the only place that decides which routes exist.
"""

from __future__ import annotations

from importlib import import_module

from flask import Blueprint, Flask

# The blueprint of each area, as "module:attribute".
BLUEPRINTS = (
    "participatie.health:bp",
    "participatie.participate.routes:bp",
    "participatie.auth.routes:bp",
    "participatie.coordinate:bp",
    "participatie.report.routes:bp",
    "participatie.assist.blueprint:bp",
    "participatie.meetings.blueprint:bp",
    "participatie.follow.blueprint:bp",
    "participatie.translate.blueprint:bp",
)

# Modules that add routes to their area's blueprint when imported.
ROUTE_MODULES = (
    "participatie.participate.resume_routes",
    "participatie.participate.meetcode_routes",
    "participatie.participate.speech_routes",
    "participatie.coordinate.home.routes",
    "participatie.coordinate.admin.routes",
    "participatie.coordinate.admin.audit_routes",
    "participatie.coordinate.agreement.routes",
    "participatie.coordinate.codebook.routes",
    "participatie.coordinate.focusgroups.routes",
    "participatie.coordinate.focusgroups.capture_routes",
    "participatie.coordinate.focusgroups.transcript_routes",
    "participatie.coordinate.privacy.routes",
    "participatie.coordinate.privacy.dpo_export",
    "participatie.coordinate.review.routes",
    "participatie.coordinate.review.quality",
    "participatie.coordinate.surveys.routes",
    "participatie.coordinate.surveys.preview",
    "participatie.coordinate.surveys.question_routes",
    "participatie.coordinate.surveys.texts_routes",
    "participatie.coordinate.themes.routes",
    "participatie.report.privacy",
    "participatie.report.measure_routes",
    "participatie.report.verdict_routes",
    "participatie.report.progress_routes",
    "participatie.report.release_routes",
    "participatie.assist.routes",
    "participatie.assist.assisted_routes",
    "participatie.assist.offline_routes",
    "participatie.assist.paper_routes",
    "participatie.meetings.routes",
    "participatie.meetings.coordinator_routes",
    "participatie.follow.routes",
    "participatie.follow.goal_routes",
    "participatie.translate.routes",
    "participatie.coordinate.members.routes",
    "participatie.report.intro_routes",
    "participatie.follow.action_routes",
    "participatie.follow.indicator_routes",
    "participatie.follow.measurement_routes",
)


def init_blueprints(app: Flask) -> None:
    for name in ROUTE_MODULES:
        import_module(name)
    for spec in BLUEPRINTS:
        module, attribute = spec.split(":")
        blueprint = getattr(import_module(module), attribute)
        assert isinstance(blueprint, Blueprint)
        app.register_blueprint(blueprint)
