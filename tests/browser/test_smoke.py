"""The existing pages in a real browser: accessible, clean console, light, and usable without
JavaScript by keyboard at 320 px (DESIGN.md §2 and §7)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.conftest import ContextFactory, WireSizer
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems

pytestmark = pytest.mark.browser

PAGES = ["/", "/login", "/s/DEMO"]
LANGUAGES = {"nl": "ltr", "ar": "rtl"}
BUDGET_BYTES = 14_600  # DESIGN.md §7: the first TCP round trip
BUDGET_REQUESTS = 3


def _open(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_clean(
    live_server: LiveServer,
    demo: None,
    phone: BrowserContext,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    path: str,
    lang: str,
) -> None:
    # No bypass_csp here: the app's CSP is enforced, so any violation is reported.
    page = phone.new_page()
    problems = page_problems(page)
    url = live_server(f"{path}?lang={lang}")
    _open(page, url)
    page.wait_for_load_state("networkidle")

    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == LANGUAGES[lang]
    problems.assert_none(url)

    assert_no_axe_violations(page)
    # axe skips what is hidden: open the language menu (a <details>) and check its links too.
    page.locator("details.lang summary").click()
    assert page.locator("details.lang").get_attribute("open") is not None
    assert_no_axe_violations(page)
    # axe itself must not have provoked anything either (it runs under the same CSP).
    problems.assert_none(f"{url} after axe")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_start_form_error_is_accessible(
    live_server: LiveServer,
    phone: BrowserContext,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    page = phone.new_page()
    problems = page_problems(page)
    _open(page, live_server(f"/?lang={lang}"))
    page.locator("form button.primary").click()  # no code typed, no such survey
    page.wait_for_load_state("load")
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#code").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page)
    problems.assert_none(page.url)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_wire_size(
    live_server: LiveServer, demo: None, wire_size: WireSizer, path: str, lang: str
) -> None:
    mark = live_server.mark()
    size = wire_size(live_server(f"{path}?lang={lang}"))
    print("\n" + size.report(f"{path} [{lang}]"))

    # Requests the page's DevTools session might not see (browser-initiated ones) still reach
    # the server: both counts must agree.
    served = [f"{r.method} {r.path}" for r in live_server.served_since(mark)]
    assert len(served) == size.request_count, (served, size.report())
    assert all(t.status < 400 for t in size.requests), size.report()
    if path.startswith("/s/"):
        assert size.total_bytes <= BUDGET_BYTES, size.report(f"{path} [{lang}] over budget")
        assert size.request_count <= BUDGET_REQUESTS, size.report(f"{path} [{lang}]")


def _submit_code(page: Page, base_url: str, code: str) -> None:
    page.goto(base_url + "/")
    page.fill("#code", code)
    page.press("#code", "Enter")
    page.wait_for_url("**/s/*")


def test_wire_size_after_a_form_post(
    live_server: LiveServer, demo: None, wire_size: WireSizer
) -> None:
    """The welcome page as reached from the start form: the POST, its redirect, the page."""
    size = wire_size(lambda page: _submit_code(page, live_server.url, "demo"), scope="final")
    print("\n" + size.report("POST / → /s/DEMO"))
    urls = [t.url for t in size.requests]
    assert urls[0] == live_server("/") and size.requests[0].status in (302, 303), size.report()
    assert urls[1] == live_server("/s/DEMO"), size.report()
    # The start page loaded before the POST is outside the "final" scope.
    assert urls.count(live_server("/")) == 1, size.report()


def test_start_form_by_keyboard_without_javascript_at_320px(
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
) -> None:
    page = new_context(js=False, width=320, height=640).new_page()
    problems = page_problems(page)
    _open(page, live_server("/"))

    # WCAG 1.4.10 Reflow: nothing scrolls sideways at 320 CSS pixels.
    # (page.evaluate works with JavaScript disabled: see axe.py.)
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"the start page is {scroll_width}px wide at 320px"

    focused: list[str] = []
    for _ in range(10):
        page.keyboard.press("Tab")
        active = page.evaluate(
            "() => { const e = document.activeElement;"
            " return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') : ''; }"
        )
        focused.append(active)
        if active == "input#code":
            break
    assert focused[-1] == "input#code", f"Tab order never reached the code field: {focused}"

    page.keyboard.type("demo")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server("/s/DEMO"), page.url
    assert page.locator("h1").inner_text().strip(), "the welcome page has no heading"
    problems.assert_none(page.url)
