"""Who may open a route. Every view is marked by one of these decorators, and a test walks the
URL map to check that none is left unmarked (Notify's test_routes_have_permissions_decorators).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort, g
from flask_login import current_user
from sqlalchemy import select

from participatie.extensions import db, login_manager
from participatie.models import Project, Role

View = TypeVar("View", bound=Callable[..., Any])
ACCESS_ATTRIBUTE = "access_rule"


def _mark(view: Callable[..., Any], rule: str) -> None:
    setattr(view, ACCESS_ATTRIBUTE, rule)


def public(view: View) -> View:
    """Open to anyone, participants included."""
    _mark(view, "public")
    return view


def login_required(view: View) -> View:
    """Any logged-in account; the view itself shows only what the account may see."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        return view(*args, **kwargs)

    _mark(wrapped, "login")
    return wrapped  # type: ignore[return-value]


def admin_required(view: View) -> View:
    """Site admins: users and projects, never a project's data unless also a member."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)

    _mark(wrapped, "admin")
    return wrapped  # type: ignore[return-value]


def project_role(*roles: Role) -> Callable[[View], View]:
    """The logged-in user holds one of `roles` in the project named by the URL's `slug`.

    The view receives the project as `project=`; an unknown slug and a project the user is not
    a member of answer the same 404, so slugs of other projects cannot be probed.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(*args: Any, slug: str, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            project = db.session.scalar(select(Project).where(Project.slug == slug))
            if project is None or not current_user.roles_in(project.id):
                abort(404)
            if not current_user.has_role(project.id, *roles):
                abort(403)
            g.project = project
            return view(*args, project=project, **kwargs)

        _mark(wrapped, "project:" + ",".join(sorted(r.value for r in roles)))
        return wrapped  # type: ignore[return-value]

    return decorator


def access_rule(view: Callable[..., Any]) -> str | None:
    return getattr(view, ACCESS_ATTRIBUTE, None)
