"""The app factory, configuration, health check and demo data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select

from participatie import create_app
from participatie.config import ConfigError
from participatie.extensions import db
from participatie.models import (
    Attendee,
    FocusGroup,
    Quote,
    Response,
    Statement,
    Survey,
    SurveyStatus,
    User,
)
from tests.conftest import PageCheckingClient


def test_production_refuses_to_start_without_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTICIPATIE_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app()


def test_production_sets_secure_cookies(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PARTICIPATIE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("RESUME_CODE_KEY", "y" * 32)
    monkeypatch.setenv("CONTACT_KEY", "Y29udGFjdC1rZXktZm9yLXRlc3RzLW9ubHktMzJieXQ=")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'p.db'}")
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["DEMO_ALLOWED"] is False


def test_postgres_urls_get_the_psycopg_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db")
    app = create_app({"SECRET_KEY": "k", "RESUME_CODE_KEY": "r"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"


def test_healthz_ok(client: PageCheckingClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_an_unreachable_database(tmp_path: Path) -> None:
    app = create_app(
        {
            "SECRET_KEY": "k",
            "RESUME_CODE_KEY": "r",
            # Nothing listens on port 1: the connection is refused at once.
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://postgres@127.0.0.1:1/none",
            "PROPAGATE_EXCEPTIONS": False,
        }
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.data) == {"status": "unavailable", "database": "unavailable"}


def test_demo_data_is_rich_enough_for_every_results_view(app: Flask, demo: None) -> None:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None and survey.status == SurveyStatus.OPEN
        assert 7 <= len(survey.questions) <= 9
        types = {(q.type, q.appearance) for q in survey.questions}
        for expected in [
            ("select_one", ""),
            ("select_one", "likert"),
            ("select_multiple", "domains"),
            ("integer", ""),
            ("text", "multiline"),
        ]:
            assert expected in {(str(t), str(a)) for t, a in types}
        assert any(q.is_group_question for q in survey.questions)
        assert any(q.relevant for q in survey.questions)
        assert any(o.pictogram for q in survey.questions for o in q.options)
        responses = db.session.execute(select(func.count(Response.id))).scalar_one()
        assert responses is not None and responses >= 120
        languages = db.session.scalars(select(Response.language).distinct()).all()
        assert len(languages) >= 4
        groups = db.session.scalars(select(Response.participant_group).distinct()).all()
        assert len(groups) >= 3
        assert db.session.execute(select(func.count(Quote.id))).scalar_one() >= 10
        assert db.session.execute(select(func.count(Attendee.id))).scalar_one() >= 4
        assert db.session.execute(select(func.count(FocusGroup.id))).scalar_one() == 1
        # Open answers and quotes both become statements to tag.
        assert db.session.execute(select(func.count(Statement.id))).scalar_one() >= 100
        # admin, coordinator, volunteer, stuurgroep member and translator (into Arabic)
        assert db.session.execute(select(func.count(User.id))).scalar_one() == 5


def test_demo_is_idempotent(app: Flask, demo: None) -> None:
    from participatie.demo import load_demo

    with app.app_context():
        before = db.session.execute(select(func.count(Response.id))).scalar_one()
        load_demo()
        db.session.commit()
        assert db.session.execute(select(func.count(Response.id))).scalar_one() == before
        assert db.session.execute(select(func.count(FocusGroup.id))).scalar_one() == 1


def test_welcome_page_of_the_demo_survey(client: PageCheckingClient, demo: None) -> None:
    for code in ("DEMO", "demo", "Demo"):
        response = client.get(f"/s/{code}")
        assert response.status_code == 200
        assert "Hoe gaat het met jouw gezin?" in response.get_data(as_text=True)


def test_unknown_survey_code_is_a_translated_404(client: PageCheckingClient) -> None:
    response = client.get("/s/NOPE", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert 'lang="en"' in response.get_data(as_text=True)


def test_security_headers(client: PageCheckingClient) -> None:
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_assets_are_fingerprinted_and_cached(client: PageCheckingClient) -> None:
    page = client.get("/").get_data(as_text=True)
    href = page.split('rel="stylesheet" href="')[1].split('"')[0]
    assert href.startswith("/assets/")
    response = client.get(href, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    wrong = href.replace(href.split("/")[2], "0000000000")
    assert client.get(wrong).status_code == 404


def test_production_sends_hsts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PARTICIPATIE_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "x" * 32)
    monkeypatch.setenv("RESUME_CODE_KEY", "y" * 32)
    monkeypatch.setenv("CONTACT_KEY", "Y29udGFjdC1rZXktZm9yLXRlc3RzLW9ubHktMzJieXQ=")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'p.db'}")
    response = create_app().test_client().get("/healthz")
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]


def test_the_session_cookie_is_sent_only_when_it_changes(
    client: PageCheckingClient, demo: None
) -> None:
    client.post_form("/s/DEMO/start", {}, token_from="/s/DEMO")
    client.get("/s/DEMO/wie")
    assert "Set-Cookie" not in client.get("/s/DEMO/wie").headers
