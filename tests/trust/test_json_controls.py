"""Issue 17 item 8: JSON bodies are cleaned like forms. Control characters (NUL and the other C0
and C1 controls except tab and newline, lone surrogates) are removed from every string of an
offline sync or a live-capture body, so nothing a client sends can make storing it, or a later
page showing it, fail (a NUL cannot be stored in PostgreSQL text or JSON)."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Question, Quote, Statement
from tests.assist.helpers import VOLUNTEER
from tests.assist.test_sync import conversation, send
from tests.conftest import PageCheckingClient, login
from tests.focusgroups.helpers import BASE, add_attendee, capture_json, create_group, token

COORDINATOR = "coordinator@kempenaar.example"
DIRTY = "Een\u0000 zwembad\u0007 dat\u001b minder\u0085 kost\ud800.\tEcht.\nJa\u0001"
CLEAN = "Een zwembad dat minder kost.\tEcht.\nJa"


def test_control_characters_in_an_offline_sync_are_cleaned_and_every_page_still_opens(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, VOLUNTEER)
    item = conversation()
    item["answers"]["verschil"] = {"answer": [DIRTY], "decline": ""}
    item["language\u0000"] = "nl"  # a key with a control character is cleaned too
    reply = send(client, [item])
    assert reply.status_code == 200, reply.get_data(as_text=True)[:300]
    assert reply.get_json()["results"][0]["status"] == "stored", reply.get_json()
    with app.app_context():
        stored = db.session.scalars(
            select(Answer.value).join(Question).where(Question.name == "verschil")
        ).all()
        assert CLEAN in stored, stored
        assert not any(isinstance(v, str) and "\u0000" in v for v in stored)
    client.post_form("/logout", {}, token_from="/account")
    login(client, COORDINATOR)
    for page in (
        "/projecten/demo/uitspraken",
        "/projecten/demo/resultaten",
        "/projecten/demo",
        "/projecten/demo/samen",
    ):
        assert client.get(page).status_code == 200, page


def test_control_characters_in_a_captured_quote_are_cleaned(
    app: Flask, client: PageCheckingClient, demo: None
) -> None:
    login(client, COORDINATOR)
    group_id = create_group(client)
    add_attendee(client, group_id)
    csrf = token(client, f"{BASE}/{group_id}/noteren")
    reply = capture_json(client, group_id, csrf, DIRTY, speaker="P1\u0000")
    assert reply.status_code == 201, reply.get_data(as_text=True)[:300]
    with app.app_context():
        texts = db.session.scalars(select(Quote.text)).all()
        assert CLEAN in texts, texts
        redacted = db.session.scalars(select(Statement.redacted_text)).all()
        assert not any("\u0000" in (text or "") for text in redacted)
    assert client.get(f"{BASE}/{group_id}").status_code == 200
    assert client.get("/projecten/demo/uitspraken").status_code == 200
