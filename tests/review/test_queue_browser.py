"""The tagging pages in Chromium: axe-core finds nothing (nl and ar), the keyboard shortcuts work."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page

from tests.browser.conftest import ContextFactory
from tests.browser.fixtures import log_in
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.review.conftest import COORDINATOR

pytestmark = pytest.mark.browser

PAGES = [
    "/projecten/demo/uitspraken",
    "/projecten/demo/uitspraken/voorstellen",
    "/projecten/demo/themas",
    "/projecten/demo/codeboek",
    "/projecten/demo/codeboek/wonen",
    "/projecten/demo/overeenstemming",
]


def _login(app: Flask, page: Page, base: str) -> None:
    log_in(page, app, base, COORDINATOR)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_tagging_pages_have_no_axe_violations(
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
    _login(app, page, live_server.url)
    for path in PAGES:
        url = live_server(f"{path}?lang={lang}")
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
        assert_no_axe_violations(page)
    problems.assert_none(live_server.url)


def test_keyboard_shortcuts_tag_and_undo(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
) -> None:
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    _login(app, page, live_server.url)
    page.goto(live_server("/projecten/demo/uitspraken"))
    assert page.locator("#shortcuts").is_visible()  # shown once review.js runs
    statements = page.locator("article.statement")
    first, second = statements.nth(0), statements.nth(1)
    first_id, second_id = first.get_attribute("id"), second.get_attribute("id")

    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == second_id
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == first_id

    # "2" toggles the second domain of the focused statement; the page comes back focused there.
    werk = f"#{first_id} button[data-shortcut='2']"
    assert page.locator(werk).get_attribute("aria-pressed") == "false"
    with page.expect_navigation():
        page.keyboard.press("2")
    assert page.locator(werk).get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.activeElement.id") == first_id

    # "u" undoes it.
    with page.expect_navigation():
        page.keyboard.press("u")
    assert page.locator(werk).get_attribute("aria-pressed") == "false"

    # Typing in a field never triggers a shortcut.
    page.locator("#filter-zoek").fill("jak")
    assert page.locator(werk).get_attribute("aria-pressed") == "false"
    problems.assert_none(live_server.url)
