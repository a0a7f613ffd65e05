"""Shared by the translator's tests: the demo's translator, a second one, another project."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from participatie.auth.passwords import hash_password
from participatie.extensions import db
from participatie.models import Decision, Membership, Organisation, Project, Role, Theme, User

TRANSLATOR = "vertaler@kempenaar.example"  # the demo's: Arabic
SECOND = "tweede-vertaler@kempenaar.example"  # another translator into Arabic
TURKISH = "turks@kempenaar.example"  # translates into Turkish only
COORDINATOR = "coordinator@kempenaar.example"
PASSWORD = "demo-wachtwoord"


def add_translators(app: Flask) -> str:
    """A second Arabic and a Turkish translator in the demo, and another project with its own
    decision; returns that project's slug."""
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        for email, language in ((SECOND, "ar"), (TURKISH, "tr")):
            user = User(
                email=email, name=email.split("@")[0], password_hash=hash_password(PASSWORD)
            )
            db.session.add(user)
            db.session.add(
                Membership(user=user, project=project, role=Role.VERTALER, language=language)
            )
        other = Project(
            organisation=Organisation(name="Elders"),
            name="Ander project",
            slug="elders",
            languages=["nl", "ar"],
        )
        db.session.add(other)
        db.session.flush()
        theme = Theme(project_id=other.id, title={"nl": "Geheim thema van elders"})
        db.session.add(theme)
        db.session.flush()
        db.session.add(
            Decision(theme=theme, outcome="opgenomen", motivation={"nl": "Geheime reden"})
        )
        db.session.commit()
        db.session.remove()
    return "elders"


def decision_without_arabic(app: Flask) -> tuple[str, str]:
    """(text id, Dutch) of a demo decision reason that has no Arabic yet."""
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        for theme in db.session.scalars(
            select(Theme).where(Theme.project_id == project.id).order_by(Theme.id)
        ):
            if theme.decisions:
                decision = theme.decisions[-1]
                if decision.motivation.get("nl") and not decision.motivation.get("ar"):
                    found = (f"decision:{decision.public_id}:reason", decision.motivation["nl"])
                    db.session.remove()
                    return found
    raise AssertionError("the demo has no decision without Arabic")
