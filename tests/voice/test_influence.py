"""Influence from both sides: the plan's figures beside the participants' verdict and beside the
coordinator's own estimate, asked once per release; and who may see and change what."""

from __future__ import annotations

import html

from flask import Flask
from sqlalchemy import delete, select

from participatie.extensions import db
from participatie.models import AuditEvent, InfluenceEstimate
from tests.conftest import PageCheckingClient, login

PAGE = "/projecten/demo/invloed"


def test_the_coordinator_estimates_once_then_sees_both_sides(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    with app.app_context():  # the demo already estimated release 1: start before that
        db.session.execute(delete(InfluenceEstimate))
        db.session.commit()
    login(client, "coordinator@kempenaar.example")
    page = html.unescape(client.get(PAGE).get_data(as_text=True))
    assert "Geef eerst jullie schatting hieronder." in page
    assert "stem zegt" not in page and "stemmen zeggen" not in page
    assert "thema's hebben een beslissing" in page

    bad = client.post_form(PAGE + "/schatting", {"expected": "120"}, token_from=PAGE)
    assert bad.status_code == 400
    body = html.unescape(bad.get_data(as_text=True))
    assert "Vul een getal van 0 tot 100 in." in body and 'value="120"' in body

    assert (
        client.post_form(PAGE + "/schatting", {"expected": "80"}, token_from=PAGE).status_code
        == 302
    )
    page = html.unescape(client.get(PAGE).get_data(as_text=True))
    assert "Jullie verwachtten dat 80% „ja” zou zeggen." in page
    # The demo's 18 votes on its decisions: 8 say yes.
    assert "8 van de 18 stemmen zeggen „ja”" in page
    assert "In werkelijkheid is dat 44%." in page
    # Asked once per release: a second estimate is not taken.
    client.post(PAGE + "/schatting", data={"expected": "10", "csrf_token": ""})
    with app.app_context():
        estimates = list(db.session.scalars(select(InfluenceEstimate.expected_yes_percent)))
        assert estimates == [80]
        assert db.session.scalar(
            select(AuditEvent.id).where(AuditEvent.action == "influence.estimate")
        )


def test_roles_on_the_voice_pages(client: PageCheckingClient, demo: None) -> None:
    login(client, "stuurgroep@kempenaar.example")
    assert client.get(PAGE).status_code == 200
    assert client.get("/projecten/demo/resultaatsmetingen").status_code == 200
    token = client.csrf_token(PAGE)
    assert (
        client.post(PAGE + "/schatting", data={"expected": "5", "csrf_token": token}).status_code
        == 403
    )
    assert client.get("/projecten/demo/resultaatsmetingen/nieuw").status_code == 403
    client.post_form("/logout", {}, token_from="/account")
    login(client, "vrijwilliger@kempenaar.example")
    for url in (PAGE, "/projecten/demo/resultaatsmetingen"):
        assert client.get(url).status_code == 403
