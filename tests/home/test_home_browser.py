"""Each role logs in in Chromium and sees their home with the demo's counts, axe-clean in nl and
ar; the coordinator's notes, typed into the real form, turn a step of the task list to done."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Release
from tests.browser.closing import close_page
from tests.browser.conftest import ContextFactory
from tests.browser.fixtures import log_in
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.follow.world import MEMBER, build_plan
from tests.home.helpers import COORDINATOR, STUURGROEP, VOLUNTEER

pytestmark = pytest.mark.browser
LANGUAGES = {"nl": "ltr", "ar": "rtl"}


def _login(app: Flask, page: Page, base: str, email: str) -> None:
    log_in(page, app, base, email)


def _open(page: Page, url: str, lang: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert page.locator("html").get_attribute("dir") == LANGUAGES[lang]
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_coordinator_home_is_axe_clean_and_a_saved_note_completes_a_step(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    _login(app, page, live_server.url, COORDINATOR)
    url = live_server(f"/projecten/demo?lang={lang}")
    _open(page, url, lang)
    assert page.locator(".task-list-item").count() == 21
    assert page.locator("#stap-themas").get_attribute("data-count") == "4"
    assert (
        page.locator("#aandacht-uitspraken a").get_attribute("href") == "/projecten/demo/uitspraken"
    )
    omgeving = page.locator("#stap-omgevingsanalyse")
    assert omgeving.get_attribute("data-status") == "not_started"
    assert_no_axe_violations(page)
    problems.assert_none(url)

    omgeving.locator("a").click()
    page.wait_for_load_state("load")
    assert_no_axe_violations(page)
    page.fill("#omgevingsanalyse", "CAW en twee scholen werken al met gezinnen.")
    page.locator("main form button").click()
    page.wait_for_load_state("load")
    assert page.locator("#stap-omgevingsanalyse").get_attribute("data-status") == "done"
    close_page(page)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("who", [STUURGROEP, VOLUNTEER, MEMBER])
def test_each_role_sees_their_home_axe_clean(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
    who: str,
) -> None:
    build_plan(app)
    with app.app_context():
        participants = db.session.scalar(select(Release.participants))
        db.session.remove()
    page = new_context().new_page()
    problems = page_problems(page)
    _login(app, page, live_server.url, who)
    url = live_server(f"/projecten/demo/start?lang={lang}")
    _open(page, url, lang)
    text = page.locator("main").inner_text()
    if who == STUURGROEP:
        assert page.locator("#stuurgroep").count() == 1
        assert str(participants) in page.locator("#laatste-publicatie").inner_text()
        assert page.locator("#wachtende-beslissingen a").get_attribute("href") == (
            "/projecten/demo/beslissingen"
        )
    elif who == VOLUNTEER:
        assert page.locator("#vrijwilliger").count() == 1
        assert page.locator("a[href='/projecten/demo/samen/DEMO']").count() == 1
        assert "0" in page.locator("#synced").inner_text()
    else:
        assert page.locator("#werkgroep").count() == 1
        assert "Werkgroep school" in text and "Werkgroep vrije tijd" not in text
    assert page.locator("#stuurgroep").count() == (1 if who == STUURGROEP else 0)
    assert_no_axe_violations(page)
    problems.assert_none(url)
    close_page(page)
