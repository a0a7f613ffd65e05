"""Who is in a project, and granting or taking back the translator role for one language.
Every change is audit-logged, like the site admin's role changes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from participatie import audit
from participatie.extensions import db
from participatie.models import Membership, Project, Role, User


@dataclass(frozen=True)
class Member:
    user: User
    roles: list[Role]
    languages: list[str]  # the languages this member translates into


def members(project: Project) -> list[Member]:
    users = db.session.scalars(
        select(User)
        .where(User.id.in_(select(Membership.user_id).where(Membership.project_id == project.id)))
        .options(selectinload(User.memberships))
        .order_by(User.name, User.email)
    ).all()
    rows = []
    for user in users:
        mine = [m for m in user.memberships if m.project_id == project.id]
        roles = sorted({m.role for m in mine}, key=list(Role).index)
        languages = [
            code for code in project.languages if code in user.translator_languages(project.id)
        ]
        rows.append(Member(user, roles, languages))
    return rows


def find_account(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def find_account_by_id(public_id: str) -> User | None:
    return db.session.scalar(select(User).where(User.public_id == public_id))


def find_member(project: Project, public_id: str) -> User | None:
    return db.session.scalar(
        select(User).where(
            User.public_id == public_id,
            User.id.in_(select(Membership.user_id).where(Membership.project_id == project.id)),
        )
    )


def grant_translator(project: Project, user: User, language: str) -> bool:
    """False when the person already translates into this language here."""
    if language in user.translator_languages(project.id):
        return False
    user.memberships.append(Membership(project=project, role=Role.VERTALER, language=language))
    audit.record(
        "role.grant",
        project=project,
        object_type="user",
        object_id=user.public_id,
        role=Role.VERTALER.value,
        language=language,
    )
    return True


def revoke_translator(project: Project, user: User, language: str) -> bool:
    for membership in list(user.memberships):
        if (
            membership.project_id == project.id
            and membership.role == Role.VERTALER
            and membership.language == language
        ):
            user.memberships.remove(membership)
            audit.record(
                "role.revoke",
                project=project,
                object_type="user",
                object_id=user.public_id,
                role=Role.VERTALER.value,
                language=language,
            )
            return True
    return False
