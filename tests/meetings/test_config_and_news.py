"""CONTACT_KEY is required in production while reminders are on; release news by message."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from participatie import create_app
from participatie.config import ConfigError
from participatie.extensions import db
from participatie.models import Project
from tests.conftest import PageCheckingClient
from tests.meetings.conftest import FakeGateway
from tests.meetings.helpers import coming_oudergroep, sign_up

KEY = "Y29udGFjdC1rZXktZm9yLXRlc3RzLW9ubHktMzJieXQ="


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PARTICIPATIE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("RESUME_CODE_KEY", "y" * 32)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'p.db'}")
    monkeypatch.delenv("CONTACT_KEY", raising=False)
    monkeypatch.delenv("REMINDERS_ENABLED", raising=False)


def test_production_refuses_to_start_without_contact_key(
    production: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigError, match="CONTACT_KEY"):
        create_app()
    monkeypatch.setenv("CONTACT_KEY", "not-a-key")
    with pytest.raises(ConfigError, match="CONTACT_KEY is not a Fernet key"):
        create_app()
    monkeypatch.setenv("CONTACT_KEY", KEY)
    app = create_app()
    assert (
        app.config["CONTACT_KEY"] == KEY and app.config["CONTACT_KEY"] != app.config["SECRET_KEY"]
    )


def test_production_without_reminders_needs_no_contact_key(
    production: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REMINDERS_ENABLED", "false")
    assert create_app().config["REMINDERS_ENABLED"] is False


def test_release_news_goes_once_to_those_who_asked_in_their_language(
    app: Flask,
    client: PageCheckingClient,
    demo: None,
    sms_gateway: FakeGateway,
) -> None:
    from participatie.meetings.contacts import notify_release_subscribers

    token, *_ = coming_oudergroep(app)
    sign_up(client, token, "ar", phone="+32 486 11 22 33", release_news="y")
    sign_up(client, token, "nl", phone="0470 12 34 56")  # did not ask for news
    runner = app.test_cli_runner()
    queued = runner.invoke(args=["reminders", "release-news", "demo", "--release", "4"])
    assert queued.exit_code == 0 and "1 queued" in queued.output
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        notify_release_subscribers(project, 4)  # the publish hook, for the same release
        db.session.commit()
        db.session.remove()
    sent = runner.invoke(args=["reminders", "send"])
    assert sent.exit_code == 0 and "sms: 1 sent" in sent.output
    again = runner.invoke(args=["reminders", "send"])
    assert "sms: 0 sent" in again.output
    assert len(sms_gateway.received) == 1
    message = sms_gateway.received[0]
    assert message["to"] == "+32486112233" and "/p/demo?lang=ar" in message["text"]
    assert "هناك أخبار" in message["text"]
