"""The volunteer pages in Chromium: accessible (axe), no console or CSP errors, in nl and ar;
and paper forms keyed in with the keyboard only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import BrowserContext, Page, expect
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Question, Response
from tests.assist.helpers import PASSWORD, VOLUNTEER
from tests.assist.test_paper import allocate
from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems

pytestmark = pytest.mark.browser

HOME = "/projecten/demo/samen"


def logged_in(new_context: ContextFactory, live_server: LiveServer) -> tuple[BrowserContext, Page]:
    context = new_context()
    page = context.new_page()
    page.goto(live_server("/login"))
    page.get_by_label("E-mailadres").fill(VOLUNTEER)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    return context, page


def check(
    page: Page,
    problems: PageProblems,
    axe: Callable[[Page], None],
    where: str,
    refused: bool = False,
) -> None:
    page.wait_for_load_state("networkidle")
    if refused:  # a form shown again with its errors answers 400, which Chromium logs
        problems.console_errors = [e for e in problems.console_errors if "status of 400" not in e]
    problems.assert_none(where)
    axe(page)


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_assisted_pages_are_accessible_and_clean(
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    language: str,
) -> None:
    _context, page = logged_in(new_context, live_server)
    problems = page_problems(page)
    for path in (HOME, f"{HOME}/DEMO", f"{HOME}/DEMO/papier", f"{HOME}/DEMO/invoer"):
        page.goto(live_server(path))
        check(page, problems, assert_no_axe_violations, path)
    page.goto(live_server(f"{HOME}/DEMO/toestemming?taal={language}"))
    check(page, problems, assert_no_axe_violations, "consent")
    page.get_by_role("button", name="Begin met de vragen").click()  # not ticked: the error
    check(page, problems, assert_no_axe_violations, "consent refused", refused=True)
    page.get_by_label("De ouder hoorde of las de uitleg en wil meedoen.").check()
    page.get_by_role("button", name="Begin met de vragen").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    check(page, problems, assert_no_axe_violations, "assisted question")
    next_button = page.locator("main form .actions button:not(.secondary)")  # any language
    page.locator("input[value=ouder]").check()
    next_button.click()
    page.locator("#answer").fill("2")
    next_button.click()
    page.get_by_role("link", name="Geef de telefoon even aan de ouder").click()
    check(page, problems, assert_no_axe_violations, "hand-over")
    page.locator("main form button").click()
    page.locator("input[value=wonen]").check()
    next_button.click()
    check(page, problems, assert_no_axe_violations, "give back")


@pytest.mark.parametrize("language", ["Nederlands", "العربية"])
def test_offline_journey_screens_are_accessible_and_clean(
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    language: str,
) -> None:
    _context, page = logged_in(new_context, live_server)
    problems = page_problems(page)
    page.goto(live_server(f"{HOME}/DEMO/zonder-internet"))
    expect(page.get_by_role("button", name="Nieuw gesprek met een ouder")).to_be_visible()
    check(page, problems, assert_no_axe_violations, "offline home")
    page.get_by_role("button", name="Nieuw gesprek met een ouder").click()
    check(page, problems, assert_no_axe_violations, "offline language")
    page.get_by_role("button", name=language).click()
    page.get_by_role("button", name="Begin met de vragen").click()
    check(page, problems, assert_no_axe_violations, "offline consent refused")
    page.get_by_label("De ouder hoorde of las de uitleg en wil meedoen.").check()
    page.get_by_role("button", name="Begin met de vragen").click()
    next_button = page.locator("[data-question] .actions button:not(.secondary)")
    next_button.click()  # required: an error
    expect(page.locator("#offline-answer-error")).to_be_visible()
    check(page, problems, assert_no_axe_violations, "offline question with an error")
    page.locator("[data-question] input[value=ouder]").check()
    next_button.click()
    page.locator("#offline-answer").fill("1")
    next_button.click()
    page.get_by_role("button", name="Geef de telefoon even aan de ouder").click()
    check(page, problems, assert_no_axe_violations, "offline hand-over")


def test_paper_forms_are_keyed_in_with_the_keyboard_only(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
) -> None:
    first, second = allocate(app, 2)
    _context, page = logged_in(new_context, live_server)
    problems = page_problems(page)
    page.goto(live_server(f"{HOME}/DEMO/invoer"))
    for number, keys in (
        # "3 7": ten options, so two numbers; "12": five options, so options 1 and 2.
        (first, ["1", "3", "3 7", "12", "2", "5", "Een speelplein", "De bib"]),
        (second, ["2", "0", "3", "1", "6", "Meer bussen", "Alles"]),
    ):
        expect(page.get_by_label("Nummer van het formulier")).to_be_focused()  # autofocus
        page.keyboard.type(number)
        page.keyboard.press("Enter")
        expect(page.get_by_label("1. Wie ben je?")).to_be_focused()
        # The field has focus as soon as the page is parsed; Enter moves on only once the
        # deferred keyboard script runs (before `load`). A volunteer is never that fast.
        page.wait_for_load_state("load")
        for typed in keys:
            page.keyboard.type(typed)
            page.keyboard.press("Enter")  # to the next question; on the last one: save
        expect(page.locator("main .notice")).to_contain_text("is bewaard")
    problems.assert_none("data entry")
    with app.app_context():
        rows = db.session.execute(
            select(Response.paper_number, Question.name, Answer.value)
            .join(Answer, Answer.response_id == Response.id)
            .join(Question, Question.id == Answer.question_id)
            .where(Response.paper_number.is_not(None))
        ).all()
    by_form: dict[str, dict[str, object]] = {}
    for paper_number, name, value in rows:
        by_form.setdefault(paper_number, {})[name] = value
    assert by_form == {
        first.replace("-", ""): {
            "wie": "ouder",
            "kinderen": 3,
            "moeilijk": ["wonen", "vrije_tijd"],
            "vrije_tijd_drempel": ["duur", "ver"],
            "uitpas": "nee",
            "hulp_vinden": "5",
            "verschil": "Een speelplein",
            "goed": "De bib",
        },
        # No "vrije tijd" (7) chosen: the follow-up field is skipped, so the next keys go on.
        second.replace("-", ""): {
            "wie": "ervaringsdeskundige",
            "kinderen": 0,
            "moeilijk": ["wonen"],
            "uitpas": "ja",
            "hulp_vinden": "6",
            "verschil": "Meer bussen",
            "goed": "Alles",
        },
    }
