"""The public feedback page, and the results and decisions pages, in a real browser: axe-core
finds nothing in nl and ar, the public page is light and reflows at 320 px without JavaScript."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import BrowserContext, Page

from tests.browser.conftest import ContextFactory, WireSizer
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.conftest import current_totp

pytestmark = pytest.mark.browser

LANGUAGES = {"nl": "ltr", "ar": "rtl"}


def _open(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_page_has_no_axe_violations(
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
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == LANGUAGES[lang]
    assert page.locator("h1").count() == 1
    assert page.locator("main ol li").count() >= 5  # what we heard, per domain
    assert_no_axe_violations(page)
    problems.assert_none(url)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_page_is_light_and_needs_no_javascript(
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    wire_size: WireSizer,
    lang: str,
) -> None:
    size = wire_size(live_server(f"/p/demo?lang={lang}"))
    print("\n" + size.report(f"/p/demo [{lang}]"))
    assert size.total_bytes <= 14_600, size.report("/p/demo over the first round trip")
    assert size.request_count <= 2, size.report()  # the page and app.css
    page = new_context(js=False, width=320, height=640).new_page()
    _open(page, live_server(f"/p/demo?lang={lang}"))
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320, f"/p/demo is {width}px wide at 320px"


def _login(page: Page, base: str, email: str) -> None:
    page.goto(base + "/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", "demo-wachtwoord")
    page.locator("main form button").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["/projecten/demo/resultaten", "/projecten/demo/beslissingen"])
def test_results_and_decisions_have_no_axe_violations(
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    path: str,
    lang: str,
) -> None:
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    _login(page, live_server.url, "stuurgroep@kempenaar.example")
    url = live_server(f"{path}?lang={lang}")
    _open(page, url)
    assert_no_axe_violations(page)
    problems.assert_none(url)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "/projecten/demo/publicaties",
        "/projecten/demo/resultaten?live=1",
        "/projecten/demo/resultaten",
    ],
)
def test_coordinator_release_pages_have_no_axe_violations(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    path: str,
    lang: str,
) -> None:
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    page.goto(live_server.url + "/login")
    page.fill("#email", "coordinator@kempenaar.example")
    page.fill("#password", "demo-wachtwoord")
    page.locator("main form button").click()
    page.wait_for_load_state("load")
    if "/login/code" in page.url:
        page.fill("#code", current_totp(app, "coordinator@kempenaar.example"))
        page.locator("main form button").click()
        page.wait_for_load_state("load")
    separator = "&" if "?" in path else "?"
    url = live_server(f"{path}{separator}lang={lang}")
    _open(page, url)
    assert_no_axe_violations(page)
    problems.assert_none(url)
