"""Sessions tied to a per-user version: raising the version ends every session of that user.

The version is copied into the session at login and compared by the login loader on each request,
so logging out on one device, a new password or a reset sign the person out everywhere else too
(a stolen session cookie stops working with them)."""

from __future__ import annotations

from flask import session
from flask_login import login_user

from participatie.models import User

SESSION_VERSION_KEY = "sv"


def start_session(user: User) -> None:
    login_user(user)
    session[SESSION_VERSION_KEY] = user.session_version


def is_current(user: User) -> bool:
    return session.get(SESSION_VERSION_KEY) == user.session_version


def end_all_sessions(user: User) -> None:
    """Every session of this user, on any device, stops working at its next request."""
    user.session_version = (user.session_version or 0) + 1
