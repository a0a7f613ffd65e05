"""The invitation page in Chromium: axe-clean in nl and ar, and the reminder sign-up works
without JavaScript (the form posts, the thanks shows, the contact is kept)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import BrowserContext, Page

from participatie.extensions import db
from participatie.models import Contact
from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.meetings.helpers import coming_oudergroep

pytestmark = pytest.mark.browser
LANGUAGES = {"nl": "ltr", "ar": "rtl"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_invitation_is_axe_clean_and_signs_up_without_javascript(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    phone: BrowserContext,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    token, *_ = coming_oudergroep(app)
    url = live_server(f"/m/{token}?lang={lang}")
    page = phone.new_page()
    problems = page_problems(page)
    response = page.goto(url)
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("dir") == LANGUAGES[lang]
    assert_no_axe_violations(page)
    problems.assert_none(url)

    no_js = new_context(js=False, width=320, height=640).new_page()
    no_js.goto(url)
    assert no_js.evaluate("() => document.documentElement.scrollWidth") <= 320
    no_js.fill("#phone", "0470 12 34 56")
    no_js.check("#consent")
    no_js.locator("main form button").click()
    no_js.wait_for_load_state("load")
    assert no_js.locator("p.notice").count() == 1
    with app.app_context():
        assert db.session.query(Contact).filter_by(language=lang).count() == 1
        db.session.remove()
