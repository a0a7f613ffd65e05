"""Registers every blueprint: one per user-facing area.

Some areas split their routes over several modules that add routes to their area's blueprint when
imported; importing them here is what registers those routes.
"""

from __future__ import annotations

from flask import Flask


def init_blueprints(app: Flask) -> None:
    from participatie.assist.routes import bp as assist_bp
    from participatie.auth.routes import bp as auth_bp
    from participatie.coordinate import (  # noqa: F401  (modules that add routes to the blueprint)
        admin_routes,
        agreement_routes,
        audit_routes,
        codebook_routes,
        dpo_export,
        focusgroups_routes,
        review_routes,
        surveys_routes,
        surveys_texts_routes,
        themes_routes,
    )
    from participatie.coordinate.routes import bp as coordinate_bp
    from participatie.follow import goal_routes  # noqa: F401  (adds routes to the blueprint)
    from participatie.follow.routes import bp as follow_bp
    from participatie.health import bp as health_bp
    from participatie.participate import resume_routes  # noqa: F401  (adds routes)
    from participatie.participate.routes import bp as participate_bp
    from participatie.report import privacy  # noqa: F401  (adds a route)
    from participatie.report.routes import bp as report_bp

    for blueprint in (
        health_bp,
        participate_bp,
        auth_bp,
        coordinate_bp,
        report_bp,
        assist_bp,
        follow_bp,
    ):
        app.register_blueprint(blueprint)
