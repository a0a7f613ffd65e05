"""The verdict under each decision: one tap without JavaScript, anonymous, one vote per browser
session per decision, hidden below k, rate limited."""

from __future__ import annotations

import html
import re
from pathlib import Path

from flask import Flask
from sqlalchemy import select, text

from participatie.extensions import db, limiter
from participatie.models import Decision, Verdict
from tests.conftest import PageCheckingClient, make_app, page_client
from tests.database import using_postgres

FORM = re.compile(r'action="(/p/demo/oordeel/([A-Za-z0-9_-]+))"')
ADDRESS = "203.0.113.77"
AGENT = "VerdictProbe/7.3 (unique-agent-string)"


def _forms(client: PageCheckingClient) -> list[tuple[str, str]]:
    page = client.get("/p/demo").get_data(as_text=True)
    return FORM.findall(page)


def _vote(client: PageCheckingClient, url: str, choice: str) -> int:
    response = client.post_form(
        url,
        {"choice": choice},
        token_from="/p/demo",
        environ_base={"REMOTE_ADDR": ADDRESS},
        headers={"User-Agent": AGENT},
    )
    return int(response.status_code)


def _everything_stored(app: Flask, database_url: str) -> str:
    """Every row of every table as text, plus the SQLite file itself when there is one."""
    with app.app_context():
        db.session.remove()
        dump = []
        for table in db.metadata.sorted_tables:
            for row in db.session.execute(text(f'SELECT * FROM "{table.name}"')):
                dump.append(repr(tuple(row)))
    if not using_postgres():
        path = Path(database_url.removeprefix("sqlite:///"))
        for part in (path, Path(str(path) + "-wal")):
            if part.exists():
                dump.append(part.read_bytes().decode("latin-1"))
    return "\n".join(dump)


def test_one_vote_per_session_stores_no_address_and_shows_from_k(
    app: Flask, client: PageCheckingClient, demo: None, database_url: str
) -> None:
    forms = _forms(client)
    assert len(forms) == 3, "every decided theme carries the question"
    url, decision_id = forms[1]  # the demo's werkgroep decision: 3 votes (2 ja, 1 een beetje)
    page = html.unescape(client.get("/p/demo").get_data(as_text=True))
    assert "Is dit wat jullie vroegen?" in page
    assert "We tonen wat mensen zeiden vanaf 5 stemmen." in page

    assert _vote(client, url, "ja") == 302
    again = client.post_form(url, {"choice": "nee"}, token_from="/p/demo", follow_redirects=True)
    assert "We tellen ze maar één keer." in html.unescape(again.get_data(as_text=True))
    after = html.unescape(client.get("/p/demo").get_data(as_text=True))
    assert "Je gaf je mening al. Bedankt!" in after
    assert f'action="{url}"' not in after  # this browser's form is gone; others stay
    with app.app_context():
        decision = db.session.scalar(select(Decision).where(Decision.public_id == decision_id))
        assert decision is not None
        votes = list(db.session.scalars(select(Verdict).where(Verdict.decision_id == decision.id)))
        # The demo's 3 votes and this browser's one: the second tap changed nothing.
        assert sorted(str(v.choice) for v in votes) == ["een_beetje", "ja", "ja", "ja"]
    assert "Wat mensen zeiden: ja 3, een beetje 1, nee 0." not in after  # 4 votes: still hidden

    # One more browser: 5 votes, so the figures appear.
    assert _vote(page_client(app), url, "nee") == 302
    shown = html.unescape(client.get("/p/demo").get_data(as_text=True))
    assert "Wat mensen zeiden: ja 3, een beetje 1, nee 1." in shown

    stored = _everything_stored(app, database_url)
    assert ADDRESS not in stored
    assert "VerdictProbe" not in stored and "unique-agent-string" not in stored


def test_a_vote_without_a_choice_gets_a_message(client: PageCheckingClient, demo: None) -> None:
    url, _ = _forms(client)[0]
    response = client.post_form(
        url, {"choice": "misschien"}, token_from="/p/demo", follow_redirects=True
    )
    assert "Kies ja, een beetje of nee." in html.unescape(response.get_data(as_text=True))
    assert (
        client.post_form(
            "/p/demo/oordeel/onbekend", {"choice": "ja"}, token_from="/p/demo"
        ).status_code
        == 404
    )


def test_voting_is_rate_limited(app: Flask, demo: None, database_url: str, tmp_path: Path) -> None:
    limited = make_app(
        database_url,
        tmp_path,
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="memory://",
        RATELIMIT_KEY_PREFIX="verdict-test",
        WTF_CSRF_ENABLED=False,
    )
    with app.app_context():
        decision_id = db.session.scalar(select(Decision.public_id))
    statuses = []
    try:
        for _ in range(31):
            browser = limited.test_client()
            reply = browser.post(
                f"/p/demo/oordeel/{decision_id}",
                data={"choice": "ja"},
                environ_base={"REMOTE_ADDR": ADDRESS},
            )
            statuses.append(reply.status_code)
    finally:
        with limited.app_context():
            db.engine.dispose()
        # The limiter is one object for every app: give the session's app its settings back.
        limiter.init_app(app)
    assert statuses[:30] == [302] * 30 and statuses[30] == 429
