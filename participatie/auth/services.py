"""Accounts: creating users, checking passwords, locking after repeated failures."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from participatie.auth.passwords import hash_password, needs_rehash, verify_password
from participatie.auth.sessions import end_all_sessions
from participatie.extensions import db
from participatie.models import Membership, Project, Role, User
from participatie.models.base import utcnow

MAX_FAILED_LOGINS = 10
LOCKOUT = timedelta(minutes=15)


@dataclass
class LoginResult:
    user: User | None
    locked: bool = False


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def authenticate(email: str, password: str) -> LoginResult:
    user = find_user(email)
    if user is not None and user.locked_until and user.locked_until > utcnow():
        return LoginResult(None, locked=True)
    if user is None or not user.active or not verify_password(user.password_hash, password):
        if user is not None:
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.locked_until = utcnow() + LOCKOUT
                user.failed_logins = 0
        return LoginResult(None)
    user.failed_logins = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return LoginResult(user)


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def create_or_update_user(
    email: str,
    password: str,
    *,
    name: str = "",
    admin: bool = False,
    roles: tuple[tuple[Project, Role], ...] = (),
    language: str = "",
) -> User:
    """Creates the account (or updates its password) and grants the roles; idempotent.
    `language` is the language a vertaler role translates into."""
    user = find_user(email)
    if user is None:
        user = User(email=email.strip().lower(), name=name, password_hash=hash_password(password))
        db.session.add(user)
    elif not verify_password(user.password_hash, password):
        user.password_hash = hash_password(password)
        end_all_sessions(user)  # a new password signs the person out everywhere
    user.is_admin = user.is_admin or admin
    db.session.flush()
    for project, role in roles:
        if role == Role.VERTALER:
            if language not in user.translator_languages(project.id):
                user.memberships.append(Membership(project=project, role=role, language=language))
        elif role not in user.roles_in(project.id):
            user.memberships.append(Membership(project=project, role=role))
    return user


def projects_for(user: User) -> list[tuple[Project, set[Role]]]:
    by_project: dict[int, tuple[Project, set[Role]]] = {}
    for membership in user.memberships:
        entry = by_project.setdefault(membership.project_id, (membership.project, set()))
        entry[1].add(membership.role)
    return sorted(by_project.values(), key=lambda item: item[0].name)
