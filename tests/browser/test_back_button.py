"""A parent answers, goes back with the browser's back button, changes the answer and goes on:
the stored answer and the route follow the change (issue 17, item 5). The page the back button
shows may be the browser's copy with the old idempotency key; a key re-posted with other content
is a change, never a resubmission to drop.

Phones keep pages in the back/forward cache; Playwright switches Chromium's off
(--disable-back-forward-cache), so this test launches one with it on, as a phone has it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Question, Response
from tests.browser.fixtures import CHROMIUM, CHROMIUM_ARGS, PHONE
from tests.browser.journey_steps import answer_with_pointer, start, submit
from tests.browser.live_server import LiveServer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def phone_browser(browser: Browser) -> Iterator[Browser]:
    """Chromium as on a phone: with the back/forward cache."""
    with_cache = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield with_cache
    with_cache.close()


def _stored(app: Flask, name: str) -> object:
    with app.app_context():
        newest = db.session.scalar(select(Response.id).order_by(Response.id.desc()).limit(1))
        value = db.session.scalar(
            select(Answer.value)
            .join(Answer.question)
            .where(Answer.response_id == newest, Question.name == name)
        )
        db.session.remove()
    return value


@pytest.mark.parametrize("javascript", [True, False])
def test_back_change_and_continue_follows_the_new_answer(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    phone_browser: Browser,
    javascript: bool,
) -> None:
    context = phone_browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    page: Page = context.new_page()
    start(page, live_server(""), "nl")
    answer_with_pointer(page, "wie", "radio", "ouder")
    answer_with_pointer(page, "kinderen", "text", "2")
    # Leisure among the difficulties: routing shows the follow-up question about leisure.
    answer_with_pointer(page, "moeilijk", "checkbox", ["wonen", "vrije_tijd"])
    assert page.url.endswith("/s/DEMO/vrije_tijd_drempel")
    assert _stored(app, "moeilijk") == ["wonen", "vrije_tijd"]

    page.go_back(wait_until="commit")  # a page from the back/forward cache fires no "load"
    page.wait_for_selector("input[name=answer][value=werk]")
    assert page.url.endswith("/s/DEMO/moeilijk")
    page.uncheck("input[name=answer][value='vrije_tijd']")
    page.check("input[name=answer][value='werk']")
    submit(page)

    assert _stored(app, "moeilijk") == ["werk", "wonen"]
    # No more leisure: the follow-up question is skipped, and its page is not where we land.
    assert page.url.endswith("/s/DEMO/uitpas"), page.url
    context.close()
