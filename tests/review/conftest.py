"""Fixtures for the review queue, themes, codebook and agreement tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyotp
import pytest
from flask import Flask
from sqlalchemy import select

from participatie.auth.services import create_or_update_user
from participatie.extensions import db
from participatie.models import (
    Attendee,
    FocusGroup,
    Organisation,
    Project,
    Quote,
    Role,
    Statement,
    StatementSource,
    Tag,
)
from tests.conftest import login

QUEUE = "/projecten/demo/uitspraken"
COORDINATOR = "coordinator@kempenaar.example"
COLLEAGUE = "tweede@kempenaar.example"
THIRD = "derde@kempenaar.example"
PASSWORD = "demo-wachtwoord"


class Staff:
    """A logged-in coordinator's client with a CSRF token fetched once."""

    def __init__(self, client: Any) -> None:
        self.client = client
        # Any page with a form carries the session's token; the logout button is on every page.
        self.token = client.csrf_token("/account")

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, **kwargs)

    def post(self, url: str, data: dict[str, Any] | None = None) -> Any:
        return self.client.post(url, data={"csrf_token": self.token, **(data or {})})

    def page(self, url: str) -> str:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return str(response.get_data(as_text=True))


@pytest.fixture
def staff(client: Any, demo: None) -> Staff:
    login(client, COORDINATOR)
    return Staff(client)


def make_coordinator(email: str, project: Project) -> None:
    """A coordinator account with a second factor, as every coordinator needs one to log in."""
    from participatie.auth import two_factor

    user = create_or_update_user(
        email, PASSWORD, name=email.split("@")[0], roles=((project, Role.COORDINATOR),)
    )
    if not two_factor.is_enrolled(user):
        two_factor.enrol(user, pyotp.random_base32())


def add_coordinator(app: Flask, email: str) -> None:
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        make_coordinator(email, project)
        db.session.commit()
        db.session.remove()


@pytest.fixture
def colleague(app: Flask, demo: None) -> str:
    add_coordinator(app, COLLEAGUE)
    return COLLEAGUE


def statements(app: Flask, project_slug: str = "demo") -> list[dict[str, Any]]:
    """The project's statements in queue order: public id, id, text and language."""
    with app.app_context():
        rows = db.session.scalars(
            select(Statement)
            .join(Project)
            .where(Project.slug == project_slug)
            .order_by(Statement.created_at, Statement.id)
        ).all()
        found = [
            {"public_id": s.public_id, "id": s.id, "text": s.text, "lang": s.language} for s in rows
        ]
        db.session.remove()
        return found


def tags(app: Flask, public_id: str, blind: bool | None = False) -> list[dict[str, Any]]:
    """The tags of one statement as plain dicts (blind=None: all of them)."""
    with app.app_context():
        statement = db.session.scalar(select(Statement).where(Statement.public_id == public_id))
        assert statement is not None
        rows = [
            {
                "key": tag.code.key,
                "status": tag.status.value,
                "coder": tag.coder_id,
                "score": tag.score,
                "evidence": list(tag.evidence),
                "blind": tag.is_blind_sample,
            }
            for tag in statement.tags
            if blind is None or tag.is_blind_sample == blind
        ]
        db.session.remove()
        return rows


def keys_with(app: Flask, public_id: str, status: str) -> set[str]:
    return {t["key"] for t in tags(app, public_id) if t["status"] == status}


def user_id(app: Flask, email: str) -> int:
    from participatie.auth.services import find_user

    with app.app_context():
        user = find_user(email)
        assert user is not None
        found = user.id
        db.session.remove()
        return found


def add_focus_group(
    app: Flask, title: str, quotes: list[tuple[str, str]], project_slug: str = "demo"
) -> tuple[str, list[str]]:
    """A focus group with one attendee per quote; returns its public id and the statements'."""
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == project_slug))
        assert project is not None
        group = FocusGroup(project=project, title=title)
        db.session.add(group)
        created = []
        for index, (language, text) in enumerate(quotes, start=1):
            attendee = Attendee(pseudonym=f"P{index}", language=language)
            group.attendees.append(attendee)
            quote = Quote(attendee=attendee, text=text, language=language)
            group.quotes.append(quote)
            statement = Statement(
                project=project, source=StatementSource.FOCUS_GROUP, quote=quote, language=language
            )
            db.session.add(statement)
            created.append(statement)
        db.session.commit()
        result = group.public_id, [s.public_id for s in created]
        db.session.remove()
        return result


@pytest.fixture
def other_project(app: Flask, demo: None) -> Iterator[str]:
    """A second project the demo coordinator is not a member of, with one statement."""
    with app.app_context():
        project = Project(organisation=Organisation(name="Elders"), name="Elders", slug="elders")
        db.session.add(project)
        db.session.commit()
        db.session.remove()
    _, (public_id,) = add_focus_group(app, "Elders", [("nl", "De huur is te hoog.")], "elders")
    yield public_id


def count_tags(app: Flask) -> int:
    with app.app_context():
        found = len(db.session.scalars(select(Tag.id)).all())
        db.session.remove()
        return found
