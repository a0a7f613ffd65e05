"""A translator into Arabic logs in in Chromium, lands on their page with the missing count,
translates a decision's reason, and the public page /p/demo?lang=ar then shows it in Arabic, no
longer marked as Dutch. axe-clean in nl and ar."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page

from tests.browser.closing import close_page
from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.translate.helpers import TRANSLATOR, decision_without_arabic

pytestmark = pytest.mark.browser
ARABIC = "تبقى الرياضة واللعب لكل طفل."


def _missing(page: Page) -> int:
    first = page.locator("#counts li").first.inner_text()
    found = re.search(r"\d+", first)
    assert found, first
    return int(found.group(0))


@pytest.mark.parametrize("ui", ["nl", "ar"])
def test_a_translator_translates_a_decision_that_the_public_page_then_shows_in_arabic(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    ui: str,
) -> None:
    text_id, dutch = decision_without_arabic(app)
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    page.goto(live_server(f"/login?lang={ui}"))
    page.fill("input[name=email]", TRANSLATOR)
    page.fill("input[name=password]", "demo-wachtwoord")
    page.locator("main form button").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/projecten/demo/vertalen/ar"), page.url
    assert page.locator("html").get_attribute("dir") == ("rtl" if ui == "ar" else "ltr")
    missing = _missing(page)
    assert missing > 0
    assert_no_axe_violations(page)

    # The public page marks the reason as Dutch, not yet translated.
    public = new_context().new_page()
    public.goto(live_server("/p/demo?lang=ar"))
    marked = public.locator("bdi[lang=nl]", has_text=dutch.split(".")[0])
    assert marked.count() >= 1
    close_page(public)

    anchor = "#t-" + text_id.replace(":", "-")
    box = page.locator(f"textarea{anchor}")
    assert box.get_attribute("lang") == "ar" and box.get_attribute("dir") == "rtl"
    box.fill(ARABIC)
    box.locator("xpath=ancestor::form").locator("button").click()
    page.wait_for_load_state("load")
    assert _missing(page) == missing - 1
    problems.assert_none(page.url)

    public = new_context().new_page()
    public.goto(live_server("/p/demo?lang=ar"))
    shown = public.locator("main", has_text=ARABIC)
    assert shown.count() == 1
    assert public.locator("bdi[lang=nl]", has_text=dutch.split(".")[0]).count() == 0
    assert public.locator("bdi", has_text=ARABIC).count() == 0  # in Arabic: nothing to isolate
    close_page(public)
    close_page(page)


@pytest.mark.parametrize("ui", ["nl", "ar"])
def test_the_coordinators_members_and_intro_pages_are_axe_clean(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    assert_no_axe_violations: Callable[[Page], None],
    ui: str,
) -> None:
    from tests.conftest import current_totp
    from tests.translate.helpers import COORDINATOR

    page = new_context(width=1280, height=900, mobile=False).new_page()
    page.goto(live_server(f"/login?lang={ui}"))
    page.fill("input[name=email]", COORDINATOR)
    page.fill("input[name=password]", "demo-wachtwoord")
    page.locator("main form button").click()
    page.wait_for_load_state("load")
    page.fill("input[name=code]", current_totp(app, COORDINATOR))
    page.locator("main form button").click()
    page.wait_for_load_state("load")
    for path in (
        "/projecten/demo/leden",
        "/projecten/demo/publieke-uitleg",
        "/projecten/demo/vertalen",
    ):
        response = page.goto(live_server(path))
        assert response is not None and response.status == 200, path
        assert_no_axe_violations(page)
    # Saving the intro names the languages that still lack it.
    page.goto(live_server("/projecten/demo/publieke-uitleg"))
    page.locator("main form button").click()
    page.wait_for_load_state("load")
    notices = page.locator("main p.notice").all_inner_texts()
    missing = [text for text in notices if "Français" in text]  # fr, tr, uk lack the demo's intro
    assert len(missing) == 1 and "Türkçe" in missing[0] and "English" not in missing[0], notices
    close_page(page)
