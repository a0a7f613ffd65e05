"""Password links an admin issues: for a new account or a forgotten password.

Only a hash of the token is stored; the link works once and expires.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select

from participatie.auth.passwords import hash_password
from participatie.auth.sessions import end_all_sessions
from participatie.extensions import db
from participatie.models import PasswordReset, User
from participatie.models.base import utcnow

LIFETIME = timedelta(hours=48)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(user: User, issued_by: User | None) -> str:
    """A fresh token for `user`; earlier unused links for the same account stop working."""
    for earlier in db.session.scalars(
        select(PasswordReset).where(
            PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None)
        )
    ):
        earlier.used_at = utcnow()
    token = secrets.token_urlsafe(32)
    db.session.add(
        PasswordReset(
            token_hash=_digest(token),
            user_id=user.id,
            created_by_id=issued_by.id if issued_by else None,
            expires_at=utcnow() + LIFETIME,
        )
    )
    return token


def valid(token: str) -> PasswordReset | None:
    if not token or len(token) > 100:
        return None
    reset = db.session.scalar(
        select(PasswordReset).where(PasswordReset.token_hash == _digest(token))
    )
    if reset is None or reset.used_at is not None or reset.expires_at < utcnow():
        return None
    return reset


def use(reset: PasswordReset, password: str) -> User:
    reset.used_at = utcnow()
    user = reset.user
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.failed_codes = 0
    user.locked_until = None
    end_all_sessions(user)
    return user
