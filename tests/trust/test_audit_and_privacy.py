"""The audit log is append-only and visible to admins; each project explains what it stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.audit import AppendOnlyError, record
from participatie.extensions import db
from participatie.models import AuditEvent, Project
from tests.conftest import PageCheckingClient, login


def test_audit_events_cannot_be_changed_or_deleted(app: Flask, demo: None) -> None:
    with app.test_request_context():
        project = db.session.scalar(select(Project))
        record("test.action", project=project, object_type="survey", object_id="abc")
        db.session.commit()
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "test.action"))
        assert event is not None
        event.action = "something else"
        with pytest.raises(AppendOnlyError):
            db.session.flush()
        db.session.rollback()
        db.session.delete(event)
        with pytest.raises(AppendOnlyError):
            db.session.flush()
        db.session.rollback()
        assert (
            db.session.scalar(select(AuditEvent.action).where(AuditEvent.id == event.id))
            == "test.action"
        )
        db.session.remove()


def test_admins_read_the_audit_log(app: Flask, client: PageCheckingClient, demo: None) -> None:
    with app.test_request_context():
        record("results.view", project=db.session.scalar(select(Project)), object_type="survey")
        db.session.commit()
        db.session.remove()
    login(client, "coordinator@kempenaar.example")
    assert client.get("/beheer/audit").status_code == 403
    client.post_form("/logout", {}, token_from="/account")
    login(client, "admin@kempenaar.example")
    page = client.get("/beheer/audit?project=demo")
    assert page.status_code == 200 and "results.view" in page.get_data(as_text=True)


def test_privacy_page_says_what_is_kept_and_for_how_long(
    client: PageCheckingClient, demo: None
) -> None:
    page = client.get("/p/demo/privacy").get_data(as_text=True)
    assert "Geen IP-adres" in page
    assert "1095 dagen" in page or "1.095 dagen" in page
    assert client.get("/p/nope/privacy").status_code == 404
    assert 'href="/p/demo/privacy"' in client.get("/s/DEMO").get_data(as_text=True)


def test_the_data_protection_officer_gets_everything_but_secrets(
    app: Flask, client: PageCheckingClient, demo: None, tmp_path: Path
) -> None:
    import io
    import json
    import zipfile

    login(client, "coordinator@kempenaar.example")
    reply = client.get("/projecten/demo/gegevens.zip")
    assert reply.status_code == 200 and reply.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(reply.data))
    responses = archive.read("responses.jsonl").decode().splitlines()
    assert len(responses) >= 120
    assert all("resume_hash" not in json.loads(line) for line in responses)
    staff = [
        json.loads(line) for line in archive.read("staff_accounts.jsonl").decode().splitlines()
    ]
    assert staff and all("password_hash" not in row for row in staff)
    assert "assistance.jsonl" not in archive.namelist()
    releases = [json.loads(line) for line in archive.read("releases.jsonl").decode().splitlines()]
    assert [r["number"] for r in releases] == [1] and releases[0]["figures"]["surveys"]
    result = app.test_cli_runner().invoke(
        args=["export-project", "demo", "--output", str(tmp_path / "d.zip")]
    )
    assert result.exit_code == 0 and zipfile.is_zipfile(tmp_path / "d.zip")
    assert (
        app.test_cli_runner()
        .invoke(args=["export-project", "nope", "--output", str(tmp_path / "x.zip")])
        .exit_code
        == 1
    )
    client.post_form("/logout", {}, token_from="/account")
    login(client, "stuurgroep@kempenaar.example")
    assert client.get("/projecten/demo/gegevens.zip").status_code == 403
