"""In Chromium: a coordinator builds a small survey with routing through the builder's pages,
opens it, and parents complete it on a phone (one with JavaScript, one without)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from tests.browser.conftest import ContextFactory
from tests.browser.fixtures import log_in
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.surveys.helpers import stored_answers

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 900, "mobile": False}
COORDINATOR = "coordinator@kempenaar.example"


def _login(page: Page, live_server: LiveServer, app: Flask) -> None:
    log_in(page, app, live_server.url, COORDINATOR)


def _add_question(page: Page, label: str, kind: str) -> None:
    page.get_by_role("link", name="Terug naar de vragenlijst").first.click()
    page.fill("#label", label)
    page.select_option("#kind", label=kind)
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag bewerken")


def _answer(page: Page, question: str, fill: Callable[[Page], None]) -> None:
    expect(page.get_by_role("heading", level=1)).to_contain_text(question)
    fill(page)
    page.get_by_role("button", name="Verder").click()


def test_build_a_survey_with_routing_and_complete_it(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
) -> None:
    page = new_context(**LAPTOP).new_page()  # type: ignore[arg-type]
    problems = page_problems(page)
    _login(page, live_server, app)

    page.goto(live_server("/projecten/demo"))
    # The project menu's link (the home's task list links to the surveys too).
    page.get_by_role("navigation").get_by_role(
        "link", name="Vragenlijsten", exact=True
    ).first.click()
    page.get_by_role("link", name="Nieuwe vragenlijst").click()
    page.fill("#title", "Kinderen en school")
    page.get_by_role("button", name="Maak de vragenlijst").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kinderen en school")
    assert_no_axe_violations(page)

    # 1. One answer to choose, with pictograms; the builder.js preview shows the pictogram.
    page.fill("#label", "Heb je kinderen?")
    page.select_option("#kind", label="Eén antwoord kiezen")
    page.get_by_role("button", name="Toevoegen").click()
    page.fill("#options-0-label", "Ja")
    page.select_option("#options-0-pictogram", "yes")
    expect(page.locator('.pictogram-show[data-for="options-0-pictogram"] svg')).to_have_count(1)
    page.fill("#options-1-label", "Nee")
    page.select_option("#options-1-pictogram", "no")
    page.check("#required")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.locator(".notice").first).to_contain_text("Opgeslagen.")
    assert_no_axe_violations(page)

    # 2. A number, asked only after "Ja".
    _add_question(page, "Hoeveel kinderen gaan naar school?", "Een getal")
    page.fill("#minimum", "1")
    page.fill("#maximum", "12")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    page.get_by_role("link", name="Aanpassen wanneer deze vraag getoond wordt").click()
    row = page.locator("fieldset.condition").first
    row.locator(".route-question").select_option(label="Heb je kinderen?")
    # builder.js: only this question's answers, no number box for a choice question.
    expect(row.locator(".route-number-field")).to_be_hidden()
    row.locator(".route-operator").select_option("eq")
    row.locator(".route-option").select_option(label="Ja")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.locator(".routing")).to_contain_text("„Heb je kinderen?” is „Ja”")

    # 3. A long answer for everybody.
    page.fill("#label", "Wat zou school makkelijker maken?")
    page.select_option("#kind", label="Een lang antwoord in eigen woorden")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_role("link", name="Terug naar de vragenlijst").first.click()

    # Preview on a phone-sized frame, then open the survey.
    page.get_by_role("link", name="Voorbeeld op een telefoon").click()
    expect(page.locator("body.preview")).to_have_count(1)
    page.get_by_role("link", name="Terug naar de vragenlijst").click()
    page.get_by_role("button", name="Openzetten voor deelnemers").click()
    expect(page.locator(".status")).to_have_text("open")
    code = page.locator(".survey-facts strong").inner_text()
    problems.assert_none(page.url)

    # A parent with JavaScript says "Ja" and gets the number question.
    parent = new_context().new_page()
    parent.goto(live_server(f"/s/{code}"))
    parent.get_by_role("button", name="Ik doe mee").click()
    _answer(parent, "Heb je kinderen?", lambda p: p.get_by_label("Ja").check())
    _answer(parent, "Hoeveel kinderen gaan naar school?", lambda p: p.fill("#answer", "2"))
    _answer(
        parent, "Wat zou school makkelijker maken?", lambda p: p.fill("#answer", "Minder huiswerk.")
    )
    expect(parent.get_by_role("heading", level=1)).to_have_text("Je antwoorden zijn bewaard")

    # A parent without JavaScript says "Nee": routing skips the number question.
    other = new_context(js=False).new_page()
    other.goto(live_server(f"/s/{code}"))
    other.get_by_role("button", name="Ik doe mee").click()
    _answer(other, "Heb je kinderen?", lambda p: p.get_by_label("Nee").check())
    _answer(other, "Wat zou school makkelijker maken?", lambda p: None)
    expect(other.get_by_role("heading", level=1)).to_have_text("Je antwoorden zijn bewaard")

    answers = stored_answers(app, code)
    assert len(answers) == 2
    first, second = answers
    assert first.pop("heb_je_kinderen") == "ja" and second == {"heb_je_kinderen": "nee"}
    assert list(first.values()) == [2, "Minder huiswerk."]
