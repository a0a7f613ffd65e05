"""Participant pages from the page cache (participate/page_cache.py, issue 18): rendered once per
what a participant sees, never one participant's data on another's page, each request with its
own tokens, and a gzip body that is the page itself."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from participatie.participate import page_cache
from participatie.surveys.definition import load_definition
from tests.conftest import PageCheckingClient, page_client
from tests.surveys.forms import features_form
from tests.surveys.helpers import answer, begin
from tests.surveys.test_xlsform_features import _publish
from tests.surveys.test_xlsform_language import _import

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
IDEM = re.compile(r'name="idem" value="([^"]+)"')


@pytest.fixture
def school(app: Flask, demo: None, tmp_path: Path) -> str:
    _import(app, tmp_path, features_form(), "--code", "school")
    _publish(app, "SCHOOL")
    return "SCHOOL"


def _page(client: PageCheckingClient, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, path
    return str(page.get_data(as_text=True))


def _walk_to_books(
    app: Flask, code: str, province: str, town: str, children: str
) -> PageCheckingClient:
    parent = page_client(app)
    begin(parent, code)
    answer(parent, code, "vervoer", {"answer": "fiets"})
    answer(parent, code, "provincie", {"answer": province})
    answer(parent, code, "gemeente", {"answer": town})
    answer(parent, code, "kinderen", {"answer": children})
    return parent


def test_two_parents_with_other_answers_each_see_their_own_piped_text_and_options(
    app: Flask, school: str
) -> None:
    first = _walk_to_books(app, school, "antwerpen", "geel", "3")
    # 9 and 12 books: both route to the same questions, so only the piped number tells them apart.
    second = _walk_to_books(app, school, "limburg", "genk", "4")
    # The same question, one after the other, twice each: cached pages after the first visit.
    for _ in range(2):
        assert "Dat zijn 9 schoolboeken." in _page(first, f"/s/{school}/uitleg")
        books = _page(second, f"/s/{school}/uitleg")
        assert "Dat zijn 12 schoolboeken." in books and "9 schoolboeken" not in books
        towns = _page(second, f"/s/{school}/gemeente")
        assert 'value="genk"' in towns and 'value="geel"' not in towns
        assert 'value="genk" checked' in towns.replace(' id="answer"', "")
        towns = _page(first, f"/s/{school}/gemeente")
        assert 'value="geel"' in towns and 'value="genk"' not in towns
        assert 'value="geel" checked' in towns.replace(' id="answer"', "")


def test_a_typed_answer_is_shown_to_its_parent_only(app: Flask, school: str) -> None:
    first, second = page_client(app), page_client(app)
    for parent in (first, second):
        begin(parent, school)
        answer(parent, school, "vervoer", {"answer": "other"})
    answer(first, school, "vervoer_other", {"answer": "Met de tram van half acht"})
    assert "Met de tram van half acht" in _page(first, f"/s/{school}/vervoer_other")
    assert "Met de tram van half acht" not in _page(second, f"/s/{school}/vervoer_other")
    # A page with a parent's own words is not kept: nothing of theirs stays in the cache.
    survey = page_cache._pages[load_definition_id(app, school)][1]
    assert not any("half acht" in b"".join(p.parts).decode() for p in survey.values())


def load_definition_id(app: Flask, code: str) -> int:
    with app.app_context():
        survey = load_definition(code)
        assert survey is not None
        return survey.id


def test_every_request_gets_its_own_tokens_and_each_works(app: Flask, school: str) -> None:
    first, second = page_client(app), page_client(app)
    begin(first, school)
    begin(second, school)
    pages = [_page(parent, f"/s/{school}/vervoer") for parent in (first, second, first)]
    tokens = [TOKEN.search(page).group(1) for page in pages]  # type: ignore[union-attr]
    keys = [IDEM.search(page).group(1) for page in pages]  # type: ignore[union-attr]
    assert tokens[0] != tokens[1] and len(set(keys)) == 3
    assert pages[0].replace(tokens[0], "").replace(keys[0], "") == pages[2].replace(
        tokens[2], ""
    ).replace(keys[2], "")
    for parent, token, key in ((first, tokens[0], keys[0]), (second, tokens[1], keys[1])):
        sent = parent.post(
            f"/s/{school}/vervoer", data={"csrf_token": token, "idem": key, "answer": "bus"}
        )
        assert sent.status_code == 302, sent.get_data(as_text=True)[:300]
    # Another parent's token is refused: the tokens are not shared through the cache.
    crossed = first.post(
        f"/s/{school}/provincie", data={"csrf_token": tokens[1], "answer": "limburg"}
    )
    assert crossed.status_code == 400


def test_the_gzip_body_is_the_page(app: Flask, school: str) -> None:
    # The raw bytes: not the page-checking client (the app's test client here), which decodes.
    parent = FlaskClient(app, app.response_class, use_cookies=True)
    welcome = parent.get(f"/s/{school}").get_data(as_text=True)
    token = TOKEN.search(welcome).group(1)  # type: ignore[union-attr]
    assert parent.post(f"/s/{school}/start", data={"csrf_token": token}).status_code == 302
    for path in (f"/s/{school}", f"/s/{school}/vervoer"):
        plain = parent.get(path, headers={"Accept-Encoding": "identity"})
        packed = parent.get(path, headers={"Accept-Encoding": "gzip"})
        assert packed.headers["Content-Encoding"] == "gzip"
        assert "Content-Encoding" not in plain.headers
        text = gzip.decompress(packed.get_data()).decode()
        # The same page but for this request's tokens.
        for pattern in (TOKEN, IDEM):
            text = pattern.sub("", text)
        assert text == IDEM.sub("", TOKEN.sub("", plain.get_data(as_text=True)))


def test_a_key_that_misses_what_the_page_shows_fails_under_testing(app: Flask, school: str) -> None:
    with app.test_request_context("/"):
        survey = load_definition(school)
        assert survey is not None
        page_cache.cached(survey, ("probe",), lambda: "<p>Dat zijn 9 schoolboeken.</p>")
        same = page_cache.cached(survey, ("probe",), lambda: "<p>Dat zijn 9 schoolboeken.</p>")
        assert same.parts == (b"<p>Dat zijn 9 schoolboeken.</p>",)
        with pytest.raises(AssertionError, match="differs from a fresh render"):
            page_cache.cached(survey, ("probe",), lambda: "<p>Dat zijn 3 schoolboeken.</p>")
