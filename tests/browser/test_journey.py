"""The DEMO journey end to end on a phone (360 × 740), in several languages: with JavaScript,
without it and by keyboard only, with back, an error, routing, resume by code on a fresh browser,
and delete by code. axe runs on every page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import BrowserContext, Page
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Question, Response
from tests.browser.conftest import ContextFactory
from tests.browser.journey_steps import ANSWERS, start, submit, tab_to
from tests.browser.live_server import LiveServer

pytestmark = pytest.mark.browser

LANGUAGES = ["nl", "ar", "tr", "uk"]


def _newest_answers(app: Flask) -> dict[str, object]:
    with app.app_context():
        newest = db.session.scalar(select(Response.id).order_by(Response.id.desc()).limit(1))
        rows = db.session.execute(
            select(Question.name, Answer.value, Answer.declined)
            .join(Answer.question)
            .where(Answer.response_id == newest)
        ).all()
        db.session.remove()
    return {name: "DECLINED" if declined else value for name, value, declined in rows}


EXPECTED = {
    "wie": "ouder",
    "kinderen": 2,
    "moeilijk": ["wonen", "vrije_tijd"],
    "vrije_tijd_drempel": ["duur", "ver"],
    "uitpas": "DECLINED",
    "hulp_vinden": "4",
    "verschil": "Een huis zonder schimmel.",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_journey_with_javascript(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    phone: BrowserContext,
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    page = phone.new_page()
    page.goto(live_server(f"/s/DEMO?lang={lang}"))
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.click("form[action$='/start'] button")
    for name, kind, value in ANSWERS:
        assert page.url.endswith(f"/s/DEMO/{name}"), page.url
        assert_no_axe_violations(page)
        if name == "kinderen":
            # An error first: the summary gets the focus and links to the field.
            page.fill("#answer", "veel")
            submit(page)
            assert page.locator(".error-summary").is_visible()
            assert page.evaluate("document.activeElement.classList.contains('error-summary')")
            assert page.locator("#answer").get_attribute("aria-invalid") == "true"
            assert_no_axe_violations(page)
        if name == "uitpas":
            # Back to the domain question: the answers are still ticked.
            with page.expect_navigation():
                page.click("a.back")
            assert page.url.endswith("/vrije_tijd_drempel")
            assert page.locator("input[value=duur]").is_checked()
            if lang == "ar":
                # Right to left: "Terug" sits on the right.
                box = page.locator("a.back").bounding_box()
                assert box is not None and box["x"] > 180, box
            with page.expect_navigation():
                page.click(".actions button:not([name])")
        if kind == "radio":
            page.check(f"input[name=answer][value='{value}']")
        elif kind == "checkbox":
            for option in value:  # type: ignore[attr-defined]
                page.check(f"input[name=answer][value='{option}']")
        elif kind == "text":
            page.fill("#answer", str(value))
        submit(page, decline=kind == "decline")
    assert page.url.endswith("/s/DEMO/klaar")
    assert_no_axe_violations(page)
    assert _newest_answers(app) == EXPECTED


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize(("width", "height"), [(320, 640), (360, 740)])
def test_journey_without_javascript_by_keyboard(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
    width: int,
    height: int,
) -> None:
    page = new_context(js=False, width=width, height=height).new_page()
    # axe needs JavaScript, so each page is checked again in a twin context with the same
    # session cookie: the same server-rendered page, as the no-JS participant got it.
    twin = new_context(width=width, height=height).new_page()

    def check_with_axe() -> None:
        twin.context.add_cookies(page.context.cookies())  # type: ignore[arg-type]
        twin.goto(page.url)
        assert_no_axe_violations(twin)

    page.goto(live_server(f"/s/DEMO?lang={lang}"))
    check_with_axe()
    tab_to(page, "form[action$='/start'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for name, kind, value in ANSWERS:
        assert page.url.endswith(f"/s/DEMO/{name}"), page.url
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} is {scroll_width}px wide"
        check_with_axe()
        if kind == "radio":
            tab_to(page, "input[name=answer]")
            # Arrow keys move through a radio group; Space picks the focused one.
            while page.evaluate("document.activeElement.value") != value:
                page.keyboard.press("ArrowDown")  # down is "next" in both directions
            page.keyboard.press("Space")
        elif kind == "checkbox":
            for option in value:  # type: ignore[attr-defined]
                tab_to(page, f"input[name=answer][value='{option}']")
                page.keyboard.press("Space")
        elif kind == "text" and value:
            tab_to(page, "#answer")
            page.keyboard.type(str(value))
        tab_to(page, "button[name=decline]" if kind == "decline" else ".actions button:not([name])")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.url.endswith("/s/DEMO/klaar")
    check_with_axe()
    answers = _newest_answers(app)
    assert answers == EXPECTED


def test_resume_by_code_on_a_fresh_browser_and_delete_by_code(
    app: Flask, live_server: LiveServer, demo: None, new_context: ContextFactory
) -> None:
    first = new_context().new_page()
    start(first, live_server.url, "nl")
    first.check("input[value=ervaringsdeskundige]")
    submit(first)
    with first.expect_navigation():
        first.click("text=Later verder doen")
    with first.expect_navigation():
        first.click("form button")
    code = first.locator(".code-box").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)

    # Another phone: no cookies, no storage.
    second = new_context().new_page()
    second.goto(live_server("/s/DEMO"))
    with second.expect_navigation():
        second.click("text=Ik heb een code om verder te gaan")
    second.fill("#resume_code", code.lower().replace("-", " "))
    with second.expect_navigation():
        second.click("form button")
    assert second.url.endswith("/s/DEMO/kinderen")
    second.fill("#answer", "4")
    submit(second)
    assert _newest_answers(app) == {"wie": "ervaringsdeskundige", "kinderen": 4}

    third = new_context(js=False).new_page()
    third.goto(live_server("/s/DEMO/wissen"))
    third.fill("#resume_code", code)
    with third.expect_navigation():
        third.click("form button")
    assert "gewist" in third.locator("h1").inner_text()
    with app.app_context():
        assert (
            db.session.scalar(select(Response.id).where(Response.resume_hash.is_not(None))) is None
        )
        db.session.remove()


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_code_and_delete_pages_are_accessible(
    live_server: LiveServer,
    demo: None,
    phone: BrowserContext,
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    page = phone.new_page()
    start(page, live_server.url, lang)
    for path in ("/s/DEMO/code", "/s/DEMO/verder", "/s/DEMO/wissen"):
        page.goto(live_server(path))
        assert_no_axe_violations(page)
    page.goto(live_server("/s/DEMO/code"))
    with page.expect_navigation():
        page.click("form button")
    assert_no_axe_violations(page)  # the page that shows the new code
    page.goto(live_server("/s/DEMO/verder"))
    page.fill("#resume_code", "ZZZZ-ZZZZ")
    with page.expect_navigation():
        page.click("form button")
    assert page.locator(".error-summary").is_visible()
    assert_no_axe_violations(page)
    page.goto(live_server("/s/DEMO/wissen"))
    with page.expect_navigation():
        page.click("form button")
    assert_no_axe_violations(page)  # "je antwoorden zijn gewist"
