"""What the site admin does: projects, accounts and their roles. Every change is audit-logged."""

from __future__ import annotations

import secrets

from flask_login import current_user
from sqlalchemy import select

from participatie import audit
from participatie.auth import resets
from participatie.auth.passwords import hash_password
from participatie.extensions import db
from participatie.models import Membership, Organisation, Project, Role, User
from participatie.surveys.versions import record_change


def _organisation(name: str) -> Organisation:
    found = db.session.scalar(select(Organisation).where(Organisation.name == name))
    return found or Organisation(name=name)


def save_project(project: Project | None, data: dict[str, object]) -> Project:
    creating = project is None
    organisation = _organisation(str(data["organisation"]))  # looked up before anything is added
    if project is None:
        project = Project(slug=str(data["slug"]).lower(), organisation=organisation)
        db.session.add(project)
    project.name = str(data["name"])
    project.slug = str(data["slug"]).lower()
    project.organisation = organisation
    project.municipality = str(data.get("municipality") or "")
    languages = [str(code) for code in data.get("languages") or []]  # type: ignore[attr-defined]
    project.languages = ["nl", *[code for code in languages if code != "nl"]]
    project.k_threshold = int(data["k_threshold"])  # type: ignore[call-overload]
    project.retention_days = int(data["retention_days"])  # type: ignore[call-overload]
    project.contact = str(data.get("contact") or "")
    db.session.flush()
    if creating:
        seed_new_project(project)
    else:
        # Participant pages cache a survey per revision, project name and languages included:
        # a new revision makes every server (and worker) load it again on its next request.
        for survey in project.surveys:
            record_change(survey, structural=False)
    audit.record(
        "project.create" if creating else "project.update",
        project=project,
        object_type="project",
        object_id=project.slug,
        k_threshold=project.k_threshold,
        retention_days=project.retention_days,
        languages=project.languages,
    )
    return project


def seed_new_project(project: Project) -> None:
    """A new project starts with the default codebook (DESIGN.md §3)."""
    from participatie.tagging.seeding import seed_codebook

    seed_codebook(project)


def create_account(email: str, name: str) -> tuple[User, str]:
    """A new account without a usable password, and the link with which its owner chooses one."""
    user = User(
        email=email.strip().lower(),
        name=name,
        password_hash=hash_password(secrets.token_urlsafe(32)),
    )
    db.session.add(user)
    db.session.flush()
    token = resets.issue(user, current_user)
    audit.record("account.create", object_type="user", object_id=user.public_id)
    return user, token


def grant(user: User, project: Project, role: Role) -> None:
    if role not in user.roles_in(project.id):
        user.memberships.append(Membership(project=project, role=role))
        audit.record(
            "role.grant",
            project=project,
            object_type="user",
            object_id=user.public_id,
            role=role.value,
        )


def revoke(user: User, project: Project, role: Role, language: str = "") -> None:
    # A translator holds one row per language: only the one named goes.
    for membership in list(user.memberships):
        if (
            membership.project_id == project.id
            and membership.role == role
            and membership.language == language
        ):
            user.memberships.remove(membership)
            audit.record(
                "role.revoke",
                project=project,
                object_type="user",
                object_id=user.public_id,
                role=role.value,
            )


def set_active(user: User, active: bool) -> None:
    user.active = active
    audit.record(
        "account.activate" if active else "account.deactivate",
        object_type="user",
        object_id=user.public_id,
    )


def reset_two_factor(user: User) -> None:
    """The owner lost their phone and their recovery codes: they set up the app again."""
    user.totp_secret = None
    user.totp_confirmed_at = None
    user.recovery_codes = []
    audit.record("account.2fa_reset", object_type="user", object_id=user.public_id)


def password_link(user: User) -> str:
    token = resets.issue(user, current_user)
    audit.record("account.password_link", object_type="user", object_id=user.public_id)
    return token
