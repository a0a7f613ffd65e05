"""participatie: hear parents, tag what they say per levensdomein, feed it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask


def create_app(config_overrides: dict[str, Any] | None = None) -> Flask:
    from participatie.assets import init_assets
    from participatie.audit import init_audit
    from participatie.auth import init_auth
    from participatie.blueprints import init_blueprints
    from participatie.cli import init_cli
    from participatie.config import load_config
    from participatie.content import init_content
    from participatie.database import init_database
    from participatie.errors import init_errors
    from participatie.follow.plan import init_follow
    from participatie.i18n import init_i18n
    from participatie.navigation import init_navigation
    from participatie.participate.fast_path import init_fast_path
    from participatie.security import init_security

    # No unfingerprinted /static: assets are served by participatie.assets.
    app = Flask(__name__, instance_relative_config=True, static_folder=None)
    _template_whitespace(app)
    app.config.from_mapping(load_config(Path(app.instance_path), config_overrides))
    init_database(app)
    init_audit(app)
    init_follow(app)
    init_i18n(app)
    init_content(app)
    init_security(app)
    init_auth(app)
    init_assets(app)
    init_errors(app)
    init_blueprints(app)
    init_navigation(app)
    init_cli(app)
    init_fast_path(app)  # last: it wraps the whole WSGI app, ProxyFix included
    return app


def _template_whitespace(app: Flask) -> None:
    """Templates may be written over several readable lines: a block tag (``{% if %}``) takes the
    indentation before it and the line break after it along, and every ``{% trans %}`` block is
    trimmed, its line breaks and indentation one space (babel.cfg extracts it the same way).
    Before the Jinja environment exists: its options are fixed when it is made."""
    app.jinja_options = {**app.jinja_options, "trim_blocks": True, "lstrip_blocks": True}
    app.jinja_env.policies["ext.i18n.trimmed"] = True
