"""People who log in: coordinators, volunteers, stuurgroep members, translators and site admins.

Participants never have an account.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participatie.models.base import Base, enum_type, public_id_column, utcnow

if TYPE_CHECKING:
    from participatie.models.projects import Project


class Role(enum.StrEnum):
    COORDINATOR = "coordinator"
    VOLUNTEER = "volunteer"
    STUURGROEP = "stuurgroep"
    # Edits only the goals, actions and measurements of the werkgroepen the user is a member of.
    WERKGROEP = "werkgroep"
    # Translates the project's texts into one language (Membership.language) and sees nothing else.
    VERTALER = "vertaler"


class User(UserMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = public_id_column()
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    locale: Mapped[str | None] = mapped_column(String(10))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    # Set once the user proved their authenticator works; until then 2FA is not active.
    totp_confirmed_at: Mapped[datetime | None] = mapped_column()
    # SHA-256 hashes of unused recovery codes (the codes have 80 bits of randomness each).
    recovery_codes: Mapped[list[str]] = mapped_column(default=list)
    failed_logins: Mapped[int] = mapped_column(default=0)
    # Wrong second-factor codes since the last good one; 5 lock the account like wrong passwords.
    failed_codes: Mapped[int] = mapped_column(default=0)
    # The TOTP time step of the last code accepted: a code works once, even within its 30 s.
    totp_last_step: Mapped[int | None] = mapped_column()
    # Kept in every session of this user too; raising it (logout, new password) ends the others.
    session_version: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def get_id(self) -> str:
        # The session holds the public id, never the sequential one.
        return self.public_id

    @property
    def is_active(self) -> bool:
        return self.active

    def roles_in(self, project_id: int) -> set[Role]:
        return {m.role for m in self.memberships if m.project_id == project_id}

    def has_role(self, project_id: int, *roles: Role) -> bool:
        return bool(self.roles_in(project_id) & set(roles))

    def translator_languages(self, project_id: int) -> set[str]:
        """The languages this user translates into in the project (one vertaler row each)."""
        return {
            m.language
            for m in self.memberships
            if m.project_id == project_id and m.role == Role.VERTALER and m.language
        }


class Membership(Base):
    """One role of one user in one project; several rows give several roles.

    A translator (vertaler) holds one row per language; every other role has language "".
    "" rather than NULL keeps the unique constraint whole: NULLs never collide in it.
    """

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "project_id", "role", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(enum_type(Role))
    language: Mapped[str] = mapped_column(String(10), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship(back_populates="memberships")
    project: Mapped[Project] = relationship(back_populates="memberships")


class PasswordReset(Base):
    """A one-time link an admin issues; only a hash of its token is stored, and it expires."""

    __tablename__ = "password_resets"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()

    user: Mapped[User] = relationship(foreign_keys=[user_id])
