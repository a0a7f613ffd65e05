"""The participants' voice in a real browser, axe-clean in nl and ar: the verdict under each
decision (one tap), the meetcode after a resultaatsmeting, and the stuurgroep's pages for the
resultaatsmeting, influence and progress reports."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import BrowserContext, Page
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import ResultMeasure
from tests.browser.closing import close_page
from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.browser.test_report_pages import LANGUAGES, _open

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_verdict_is_one_tap_and_the_page_stays_axe_clean(
    live_server: LiveServer,
    demo: None,
    phone: BrowserContext,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    page = phone.new_page()
    problems = page_problems(page)
    url = live_server(f"/p/demo?lang={lang}")
    _open(page, url)
    assert page.locator("html").get_attribute("dir") == LANGUAGES[lang]
    forms = page.locator(".verdict form")
    before = forms.count()
    assert before == 3
    assert_no_axe_violations(page)
    forms.first.locator("button").first.click()
    page.wait_for_load_state("load")
    assert page.locator(".verdict form").count() == before - 1
    assert_no_axe_violations(page)
    problems.assert_none(url)
    close_page(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_meetcode_page_after_the_second_round(
    live_server: LiveServer,
    demo: None,
    phone: BrowserContext,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    page = phone.new_page()
    problems = page_problems(page)
    _open(page, live_server(f"/s/METING?lang={lang}"))
    page.locator("main form button.button").first.click()
    for _ in range(12):
        page.wait_for_load_state("load")
        if page.url.split("?")[0].endswith("/klaar"):
            break
        if page.locator("main input[type=radio]").count():
            page.locator("main input[type=radio]").first.check()
        elif page.locator("main textarea").count():
            page.locator("main textarea").fill("Ik vraag nu sneller hulp.")
        page.locator("main form button.button:not(.secondary)").last.click()
    assert page.url.split("?")[0].endswith("/klaar")
    page.locator("a[href$='/meetcode']").click()
    page.wait_for_load_state("load")
    assert_no_axe_violations(page)
    problems.assert_none(page.url)  # (the refused code below answers 400, as every refusal does)
    page.fill("#meetcode", "ACDE-FGHJ")
    page.locator("main form button.button").click()
    page.wait_for_load_state("load")
    assert page.locator("#meetcode[aria-invalid=true]").count() == 1  # an unknown code
    assert_no_axe_violations(page)
    close_page(page)


def _login(page: Page, base: str, email: str) -> None:
    page.goto(base + "/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", "demo-wachtwoord")
    page.locator("main form button").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stuurgroep_pages_have_no_axe_violations(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    with app.app_context():
        measure_id = db.session.scalar(select(ResultMeasure.public_id))
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    _login(page, live_server.url, "stuurgroep@kempenaar.example")
    for path in (
        "/projecten/demo/resultaatsmetingen",
        f"/projecten/demo/resultaatsmetingen/{measure_id}",
        "/projecten/demo/invloed",
        "/projecten/demo/voortgang",
    ):
        url = live_server(f"{path}?lang={lang}")
        _open(page, url)
        assert page.locator("h1").count() == 1
        assert_no_axe_violations(page)
        problems.assert_none(url)
    close_page(page)
