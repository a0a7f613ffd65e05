"""Live capture through its two HTTP entry points: the plain form and the script's JSON."""

from __future__ import annotations

import re
import uuid

import pytest
from flask import Flask
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import Quote, Statement
from tests.conftest import PageCheckingClient, login
from tests.focusgroups.helpers import (
    BASE,
    add_attendee,
    capture_form,
    capture_json,
    create_group,
    demo_group,
    json_of,
    seed_codes,
    token,
)


@pytest.fixture
def group_id(client: PageCheckingClient, demo: None) -> str:
    login(client, "coordinator@kempenaar.example")
    group_id = create_group(client)
    add_attendee(client, group_id)
    add_attendee(client, group_id, **{"new-language": "ar"})
    return group_id


def _quotes(app: Flask, group_id: str) -> list[Quote]:
    with app.app_context():
        group = demo_group(app, group_id)
        quotes = list(db.session.scalars(select(Quote).where(Quote.focus_group_id == group.id)))
        db.session.expunge_all()
        return quotes


def test_a_retried_json_save_returns_the_same_quote(
    app: Flask, client: PageCheckingClient, group_id: str
) -> None:
    csrf = token(client, f"{BASE}/{group_id}/noteren")
    key = str(uuid.uuid4())
    first = capture_json(client, group_id, csrf, "Het zwembad is te duur.", key=key, speaker="P1")
    again = capture_json(client, group_id, csrf, "Het zwembad is te duur.", key=key, speaker="P1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert json_of(again)["status"] == "duplicate"
    assert json_of(again)["quote"]["id"] == json_of(first)["quote"]["id"]
    assert len(_quotes(app, group_id)) == 1
    statements = _statement_count(app)
    # Deleted since: the retry does not bring it back.
    delete = client.post(
        json_of(first)["quote"]["delete_url"], json={}, headers={"X-CSRFToken": csrf}
    )
    assert delete.status_code == 200 and json_of(delete)["status"] == "deleted"
    late = capture_json(client, group_id, csrf, "Het zwembad is te duur.", key=key, speaker="P1")
    assert late.status_code == 200 and json_of(late)["status"] == "deleted"
    assert _quotes(app, group_id) == []
    assert _statement_count(app) == statements - 1


def _statement_count(app: Flask) -> int:
    with app.app_context():
        return db.session.execute(select(func.count(Statement.id))).scalar_one() or 0


def test_a_resubmitted_plain_form_stores_one_quote(
    app: Flask, client: PageCheckingClient, group_id: str
) -> None:
    path = f"{BASE}/{group_id}/noteren"
    page = client.get(path).get_data(as_text=True)
    key = re.search(r'name="idem" type="hidden" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    csrf = token(client, path)
    for _ in range(2):  # a double tap on Bewaar
        response = client.post(path, data={"csrf_token": csrf, "idem": key, "text": "Eén keer."})
        assert response.status_code == 302
    assert [q.text for q in _quotes(app, group_id)] == ["Eén keer."]


def test_bad_input_gets_a_message_and_keeps_the_text(
    app: Flask, client: PageCheckingClient, group_id: str
) -> None:
    response = capture_form(client, group_id, "Wat ik typte", speaker="P9")
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Kies een van de mogelijkheden in de lijst." in body and "Wat ik typte" in body
    empty = capture_form(client, group_id, "   ")
    assert empty.status_code == 400
    assert "Typ wat er gezegd werd." in empty.get_data(as_text=True)
    too_long = capture_form(client, group_id, "x" * 5001)
    assert "hoogstens 5000 tekens" in too_long.get_data(as_text=True)

    csrf = token(client, f"{BASE}/{group_id}/noteren")
    invalid = capture_json(client, group_id, csrf, "", speaker="P1")
    assert invalid.status_code == 400
    assert invalid.json == {"status": "invalid", "errors": {"text": ["Typ wat er gezegd werd."]}}
    bad_key = capture_json(client, group_id, csrf, "Tekst", key="<script>")
    assert bad_key.status_code == 400 and "idem" in json_of(bad_key)["errors"]
    not_json = client.post(
        f"{BASE}/{group_id}/uitspraken.json", data="tekst", headers={"X-CSRFToken": csrf}
    )
    assert not_json.status_code == 400
    no_csrf = client.post(f"{BASE}/{group_id}/uitspraken.json", json={"text": "x", "key": "a" * 20})
    assert no_csrf.status_code == 400
    assert _quotes(app, group_id) == []


def test_speaker_language_and_question_are_remembered(
    app: Flask, client: PageCheckingClient, group_id: str
) -> None:
    response = capture_form(client, group_id, "أحتاج إلى مساعدة.", speaker="P2", question="1")
    location = response.headers["Location"]
    assert "spreker=P2" in location and "vraag=1" in location
    page = client.get(location).get_data(as_text=True)
    assert re.search(r'value="P2"[^>]*checked|checked[^>]*value="P2"', page)
    assert re.search(r'<option selected value="1">|<option value="1" selected>', page)
    # A fresh screen (no parameters) continues with the question of the last quote.
    fresh = client.get(f"{BASE}/{group_id}/noteren").get_data(as_text=True)
    assert re.search(r'<option selected value="1">|<option value="1" selected>', fresh)
    (quote,) = _quotes(app, group_id)
    assert quote.language == "ar"  # P2's language, as "Zoals de spreker" says
    # Keys 1-9 are shown for the speakers they pick.
    assert '<kbd aria-hidden="true">1</kbd>' in fresh and '<kbd aria-hidden="true">2</kbd>' in fresh


def test_quick_tags_only_when_the_project_has_codes(
    app: Flask, client: PageCheckingClient, group_id: str
) -> None:
    with app.app_context():
        from participatie.models import Code

        has_codes = db.session.execute(select(func.count(Code.id))).scalar_one() > 0
    page = client.get(f"{BASE}/{group_id}/noteren").get_data(as_text=True)
    assert ("Snelle tags" in page) == has_codes
    seed_codes(app)
    page = client.get(f"{BASE}/{group_id}/noteren").get_data(as_text=True)
    assert "Snelle tags" in page and 'value="betaalbaarheid"' in page
    csrf = token(client, f"{BASE}/{group_id}/noteren")
    response = capture_json(client, group_id, csrf, "Te duur.", tags=["betaalbaarheid", "onbekend"])
    assert response.status_code == 400  # a code the project does not have
    response = capture_json(client, group_id, csrf, "Te duur.", tags=["betaalbaarheid"])
    assert json_of(response)["quote"]["tags"] == ["betaalbaarheid"]


def test_correcting_and_deleting_a_quote(
    app: Flask, client: PageCheckingClient, group_id: str
) -> None:
    csrf = token(client, f"{BASE}/{group_id}/noteren")
    created = json_of(capture_json(client, group_id, csrf, "Bel 0470 12 34 56", speaker="P1"))[
        "quote"
    ]
    assert created["needs_review"] is True
    update = client.post(
        created["update_url"],
        json={"text": "Bel de buurtwerker", "speaker": "P2", "question": "0", "language": "nl"},
        headers={"X-CSRFToken": csrf},
    )
    assert update.status_code == 200
    assert json_of(update)["quote"]["needs_review"] is False
    assert json_of(update)["quote"]["speaker"] == "P2"
    (quote,) = _quotes(app, group_id)
    assert quote.text == "Bel de buurtwerker" and quote.language == "nl"

    # Without JavaScript: an edit page, and a question before deleting.
    edit = f"{BASE}/{group_id}/uitspraken/{quote.public_id}/aanpassen"
    assert "Bel de buurtwerker" in client.get(edit).get_data(as_text=True)
    response = client.post_form(
        edit,
        {"text": "Bel de buurtwerker, zei ze.", "speaker": "P2", "question": "", "language": ""},
    )
    assert response.status_code == 302
    delete = f"{BASE}/{group_id}/uitspraken/{quote.public_id}/wissen"
    assert "Ja, wis deze uitspraak" in client.get(delete).get_data(as_text=True)
    assert client.post_form(delete, {}).status_code == 302
    assert _quotes(app, group_id) == []
    assert client.get(edit).status_code == 404
    with app.app_context():
        left = select(func.count(Statement.id)).where(Statement.quote_id == quote.id)
        assert db.session.scalar(left) == 0


def test_other_projects_and_roles_cannot_reach_a_group(
    app: Flask, client: PageCheckingClient, group_id: str
) -> None:
    assert client.get(f"{BASE}/not-a-group/noteren").status_code == 404
    client.post_form("/logout", {}, token_from="/account")
    login(client, "stuurgroep@kempenaar.example")
    assert client.get(f"{BASE}/{group_id}/noteren").status_code == 403
    assert client.get(f"{BASE}/{group_id}").status_code == 403
