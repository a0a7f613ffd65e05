"""'Lees voor': a coordinator's recording plays when there is one; without JavaScript the page
works the same and the button stays hidden."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Question, QuestionAudio, Survey
from tests.browser.conftest import ContextFactory
from tests.browser.journey_steps import start
from tests.browser.live_server import LiveServer

pytestmark = pytest.mark.browser

# The smallest valid MP3 frame header plus padding: enough for the browser to request it.
MP3 = b"\xff\xfb\x90\x64" + b"\x00" * 413


def _add_recording(app: Flask) -> str:
    with app.app_context():
        question = db.session.scalar(
            select(Question).join(Survey).where(Survey.code == "DEMO", Question.name == "wie")
        )
        assert question is not None
        audio = QuestionAudio(
            question_id=question.id, language="nl", mimetype="audio/mpeg", data=MP3
        )
        db.session.add(audio)
        question.survey.revision += 1  # published definitions are cached per revision
        db.session.commit()
        public_id = audio.public_id
        db.session.remove()
    return public_id


def test_the_recording_plays_from_the_button(
    app: Flask, live_server: LiveServer, demo: None, new_context: ContextFactory
) -> None:
    public_id = _add_recording(app)
    page = new_context().new_page()
    start(page, live_server.url, "nl")
    button = page.locator("button.read")
    assert button.is_visible()
    with page.expect_request(f"**/a/{public_id}"):
        button.click()


def test_without_javascript_the_button_stays_hidden(
    app: Flask, live_server: LiveServer, demo: None, new_context: ContextFactory
) -> None:
    _add_recording(app)
    page = new_context(js=False).new_page()
    start(page, live_server.url, "nl")
    assert not page.locator("button.read").is_visible()
    assert page.locator("h1").inner_text().strip() == "Wie ben je?"
