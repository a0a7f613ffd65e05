"""Login, roles and the account home."""

from __future__ import annotations

from flask import Flask
from flask_login import current_user
from sqlalchemy import select

from participatie import messages
from participatie.extensions import db, login_manager
from participatie.models import User


def init_auth(app: Flask) -> None:
    # `current_user` in templates is the lazy proxy, not Flask-Login's context processor, which
    # loads the user for every page rendered: a participant's page never asks who is logged in,
    # and loading them marks the session (`_fresh`), which must then be signed and sent again.
    login_manager.init_app(app, add_context_processor=False)
    app.jinja_env.globals["current_user"] = current_user
    init_role_labels(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = messages.LOGIN_NEEDED
    login_manager.login_message_category = "info"
    # Renews the session id on login so a fixed session cannot be taken over.
    login_manager.session_protection = "strong"

    @login_manager.user_loader  # type: ignore[untyped-decorator]  # Flask-Login ships no types
    def load_user(public_id: str) -> User | None:
        from participatie.auth.sessions import is_current

        user = db.session.scalar(select(User).where(User.public_id == public_id))
        # A session from before a logout elsewhere, a new password or a reset: not valid.
        return user if user is not None and is_current(user) else None


def init_role_labels(app: Flask) -> None:
    from flask_babel import lazy_gettext as _l

    app.jinja_env.globals["role_labels"] = {
        "coordinator": _l("coördinator"),
        "volunteer": _l("vrijwilliger"),
        "stuurgroep": _l("lid van de stuurgroep"),
        "werkgroep": _l("lid van een werkgroep"),
        "vertaler": _l("vertaler"),
    }
