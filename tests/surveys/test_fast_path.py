"""The participant pages' fast path (participate/fast_path.py, issue 18): a cached welcome or
question page served without Flask's dispatch must be exactly Flask's page, with this
participant's answers and tokens, a CSRF token the form accepts, and every unusual request left
to Flask. (Under TESTING every page it serves is compared with Flask's: fast_path_check.py.)"""

from __future__ import annotations

import gzip
import re
from collections.abc import Hashable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from participatie.participate import fast_path_check, page_cache
from participatie.participate.fast_path import ParticipantPages
from participatie.surveys.definition import SurveyDef
from tests.conftest import PageCheckingClient, login, page_client
from tests.surveys.helpers import COORDINATOR, IDEM, Counted, answer, begin

CODE = "DEMO"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _fast(app: Flask) -> ParticipantPages:
    assert isinstance(app.wsgi_app, ParticipantPages)
    return app.wsgi_app


@pytest.fixture
def parent(app: Flask, demo: None) -> Iterator[PageCheckingClient]:
    client = page_client(app)
    begin(client, CODE)
    yield client


def _page(client: PageCheckingClient, path: str) -> str:
    reply = client.get(path)
    assert reply.status_code == 200, (path, reply.status_code)
    return str(reply.get_data(as_text=True))


def test_a_cached_question_page_is_served_fast_with_flasks_headers(
    app: Flask, parent: PageCheckingClient
) -> None:
    _page(parent, f"/s/{CODE}/wie")  # renders it into the cache
    counted = Counted(_fast(app))
    # FlaskClient's own open: the page-checking client reads pages as text, not gzip.
    reply = FlaskClient.open(parent, f"/s/{CODE}/wie", headers={"Accept-Encoding": "gzip"})
    assert counted.served == 1
    assert reply.headers["Content-Encoding"] == "gzip"
    assert reply.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in reply.headers["Content-Security-Policy"]
    assert reply.headers["X-Frame-Options"] == "DENY"
    assert "Set-Cookie" not in reply.headers  # the session is not signed and sent again
    page = gzip.decompress(reply.get_data()).decode()
    assert '<html lang="nl" dir="ltr">' in page
    assert TOKEN.search(page) and IDEM.search(page)


def test_the_fast_pages_tokens_are_fresh_and_the_answer_form_accepts_them(
    app: Flask, parent: PageCheckingClient
) -> None:
    _page(parent, f"/s/{CODE}/wie")
    counted = Counted(_fast(app))
    first, second = _page(parent, f"/s/{CODE}/wie"), _page(parent, f"/s/{CODE}/wie")
    assert counted.served == 2
    first_key, second_key = IDEM.search(first), IDEM.search(second)
    assert first_key and second_key and first_key.group(1) != second_key.group(1)
    token = TOKEN.search(second)
    assert token
    reply = parent.post(
        f"/s/{CODE}/wie",
        data={"csrf_token": token.group(1), "idem": second_key.group(1), "answer": "ouder"},
    )
    assert reply.status_code == 302 and reply.headers["Location"].endswith(f"/{CODE}/kinderen")


def test_an_answer_without_a_valid_csrf_token_is_still_refused(
    app: Flask, parent: PageCheckingClient
) -> None:
    _page(parent, f"/s/{CODE}/wie")
    page = _page(parent, f"/s/{CODE}/wie")
    key = IDEM.search(page)
    assert key
    for token in ("", "not-a-token", TOKEN.search(_page(page_client(app), f"/s/{CODE}")) or ""):
        value = token if isinstance(token, str) else token.group(1)  # another visitor's token
        reply = parent.post(
            f"/s/{CODE}/wie", data={"csrf_token": value, "idem": key.group(1), "answer": "ouder"}
        )
        assert reply.status_code == 400


def test_two_participants_each_get_their_own_answer_and_tokens(app: Flask, demo: None) -> None:
    first, second = page_client(app), page_client(app)
    for client, group in ((first, "ouder"), (second, "ervaringsdeskundige")):
        begin(client, CODE)
        answer(client, CODE, "wie", {"answer": group})
    counted = Counted(_fast(app))
    for _ in range(2):
        mine, theirs = _page(first, f"/s/{CODE}/wie"), _page(second, f"/s/{CODE}/wie")
        assert re.search(r'value="ouder"[^>]* checked', mine)
        assert not re.search(r'value="ervaringsdeskundige"[^>]* checked', mine)
        assert re.search(r'value="ervaringsdeskundige"[^>]* checked', theirs)
        first_token, second_token = TOKEN.search(mine), TOKEN.search(theirs)
        assert first_token and second_token and first_token.group(1) != second_token.group(1)
    assert counted.served >= 2  # the second round at least came from the cache


def test_the_page_is_in_the_sessions_language(app: Flask, demo: None) -> None:
    client = page_client(app)
    begin(client, CODE, lang="ar")
    _page(client, f"/s/{CODE}/wie")
    counted = Counted(_fast(app))
    page = _page(client, f"/s/{CODE}/wie")
    assert counted.served == 1
    assert '<html lang="ar" dir="rtl">' in page


def test_unusual_requests_go_to_flask(app: Flask, parent: PageCheckingClient) -> None:
    _page(parent, f"/s/{CODE}/wie")
    _page(parent, f"/s/{CODE}")
    counted = Counted(_fast(app))
    _page(parent, f"/s/{CODE}/wie?lang=fr")  # changes the session's language
    assert FlaskClient.open(parent, f"/s/{CODE}/wie", method="HEAD").status_code == 200
    stranger = page_client(app)
    _page(stranger, f"/s/{CODE}")  # no session yet
    assert stranger.get(f"/s/{CODE}/wie").status_code == 302  # no response: to the welcome page
    forged = page_client(app)
    cookie = parent.get_cookie("session")
    assert cookie is not None
    forged.set_cookie("session", cookie.value[:-2] + ("AA" if cookie.value[-2:] != "AA" else "BB"))
    assert forged.get(f"/s/{CODE}/wie").status_code == 302  # not their session: welcome page
    with parent.session_transaction() as session:
        session["_flashes"] = [("info", "Alleen voor jou")]
    assert "Alleen voor jou" in _page(parent, f"/s/{CODE}/wie")
    assert counted.served == 0


def test_a_logged_in_member_is_served_by_flask(app: Flask, parent: PageCheckingClient) -> None:
    login(parent, COORDINATOR)
    _page(parent, f"/s/{CODE}")
    counted = Counted(_fast(app))
    _page(parent, f"/s/{CODE}")
    assert counted.served == 0


def test_the_check_fails_when_the_fast_path_serves_another_page(
    app: Flask, parent: PageCheckingClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _page(parent, f"/s/{CODE}/wie")
    _page(parent, f"/s/{CODE}/kinderen")
    real_peek = page_cache.peek

    def wrong_page(survey: SurveyDef, key: Hashable) -> page_cache.CachedPage | None:
        if real_peek(survey, key) is None:
            return None
        pages = page_cache._pages[survey.id][1]
        assert isinstance(key, tuple)
        # Another cached page of this survey, as a key missing a detail would give.
        return next(
            page for other, page in pages.items() if isinstance(other, tuple) and other[1] != key[1]
        )

    monkeypatch.setattr(page_cache, "peek", wrong_page)
    with pytest.raises(fast_path_check.FastPathMismatch):
        parent.get(f"/s/{CODE}/wie")
