"""Issue 17 item 14: the DPO export holds no secrets, a draft survey is not public, a volunteer
prints at most one round of home visits and printing is logged."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import AuditEvent, Response, SurveyStatus, User
from tests.assist.helpers import COORDINATOR, VOLUNTEER, csrf, set_survey
from tests.conftest import PageCheckingClient, login

PAPER = "/projecten/demo/samen/DEMO/papier"
SECRET_WORDS = ("hash", "secret", "recovery", "token", "password")


def test_dpo_export_holds_no_password_recovery_code_or_two_factor_secret(
    app: Flask, demo: None, tmp_path: Path
) -> None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == COORDINATOR))
        assert user is not None and user.totp_secret
        user.recovery_codes = ["recovery-digest-0123456789abcdef"]
        secrets = [user.password_hash, user.totp_secret, "recovery-digest-0123456789abcdef"]
        db.session.commit()
    output = tmp_path / "demo.zip"
    result = app.test_cli_runner().invoke(args=["export-project", "demo", "--output", str(output)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(output) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist()).decode()
        staff = [
            json.loads(line) for line in archive.read("staff_accounts.jsonl").decode().splitlines()
        ]
        rows = [
            json.loads(line)
            for name in archive.namelist()
            if name.endswith(".jsonl")
            for line in archive.read(name).decode().splitlines()
        ]
    assert any(row["email"] == COORDINATOR for row in staff)
    for secret in secrets:
        assert secret not in everything
    for row in rows:
        for key in row:
            assert not any(word in key for word in SECRET_WORDS), key


def test_a_draft_survey_names_neither_itself_nor_its_project_to_visitors(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    set_survey(app, status=SurveyStatus.DRAFT)
    with app.app_context():
        from participatie.models import Survey

        survey = db.session.scalar(select(Survey).where(Survey.code == "DEMO"))
        assert survey is not None
        title = survey.title["nl"]
    for path in ("/s/DEMO", "/s/DEMO/klaar", "/s/DEMO/verder-invullen", "/s/DEMO/code"):
        page = client.get(path)
        body = page.get_data(as_text=True)
        assert title not in body, path
        assert "Kempenaar" not in body and "/p/demo" not in body, path
        if path == "/s/DEMO":
            assert page.status_code == 404
            assert "Deze vragenlijst is nog niet open" in body
    # Typing the code on the start page leads to the same neutral page.
    start = client.post_form("/", {"code": "DEMO"}, follow_redirects=True)
    assert title not in start.get_data(as_text=True)
    # A member of the project still reaches it.
    login(client, COORDINATOR)
    assert title in client.get("/s/DEMO").get_data(as_text=True)


def test_a_volunteer_prints_at_most_100_forms_and_printing_is_logged(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    page = client.get(PAPER).get_data(as_text=True)
    refused = client.post(PAPER, data={"csrf_token": csrf(page), "language": "nl", "copies": "101"})
    assert refused.status_code == 400
    body = refused.get_data(as_text=True)
    assert "Vul in hoeveel formulieren je wilt afdrukken, van 1 tot 100." in body
    assert 'value="101"' in body
    refused_fr = client.post(
        PAPER + "?lang=fr", data={"csrf_token": csrf(page), "language": "nl", "copies": "101"}
    )
    assert "100" in refused_fr.get_data(as_text=True)
    assert "Vul in hoeveel" not in refused_fr.get_data(as_text=True)  # translated
    with app.app_context():
        assert (
            db.session.scalar(select(Response.id).where(Response.paper_number.is_not(None))) is None
        )
    printed = client.post(PAPER, data={"csrf_token": csrf(page), "language": "nl", "copies": "2"})
    assert printed.status_code == 200 and printed.data.startswith(b"%PDF")
    with app.app_context():
        event = db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "paper_forms.printed")
        )
        assert event is not None and event.details == {"copies": 2, "language": "nl"}
        volunteer = db.session.scalar(select(User).where(User.email == VOLUNTEER))
        assert volunteer is not None and event.user_id == volunteer.id
