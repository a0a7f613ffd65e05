"""The date question in Chromium: three plain fields with and without JavaScript at 320 px
(labelled, numeric keyboard, targets of at least 44 px, no sideways scrolling, axe-clean), and
in the offline journey, read by the device with the server's rules sent as data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Locator, Page, expect
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Answer, Question, Response, ResponseMode
from tests.assist.network import FlakyNetwork
from tests.assist.test_offline_browser import (  # noqa: F401  (fixtures)
    Phone,
    go_offline,
    go_online,
    log_in,
    network,
    next_button,
    phone,
    ready_for_offline,
)
from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.surveys.test_date_question import CODE, make_date_survey

pytestmark = pytest.mark.browser

FIELDS = ("Dag", "Maand", "Jaar")


def _values(app: Flask, mode: ResponseMode) -> dict[str, object]:
    with app.app_context():
        rows = db.session.execute(
            select(Question.name, Answer.value)
            .join(Answer.question)
            .join(Response, Response.id == Answer.response_id)
            .where(Response.mode == mode, Question.name.in_(["geboren", "verhuisd"]))
        ).all()
        db.session.remove()
    return dict(rows)


def _fill(page: Page | Locator, day: str, month: str, year: str) -> None:
    for label, value in zip(FIELDS, (day, month, year), strict=True):
        page.get_by_label(label, exact=True).fill(value)


def _sizes(page: Page) -> list[tuple[float, float]]:
    return [
        (box["width"], box["height"])
        for box in (page.get_by_label(label, exact=True).bounding_box() for label in FIELDS)
        if box is not None
    ]


@pytest.mark.parametrize("js", [False, True], ids=["without-js", "with-js"])
def test_a_date_on_a_small_phone(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    assert_no_axe_violations: Callable[[Page], None],
    js: bool,
) -> None:
    make_date_survey(app)
    page = new_context(js=js, width=320, height=640).new_page()
    page.goto(live_server(f"/s/{CODE}"))
    with page.expect_navigation():
        page.click("form[action$='/start'] button")
    assert page.url.endswith(f"/s/{CODE}/geboren")
    for label in FIELDS:
        field = page.get_by_label(label, exact=True)
        assert field.get_attribute("inputmode") == "numeric"
    assert all(width >= 44 and height >= 44 for width, height in _sizes(page)), _sizes(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    if js:  # axe needs JavaScript to run at all (tests/browser/axe.py)
        assert_no_axe_violations(page)
    # 31 February: refused, the typed values stay, the summary links to the first field.
    _fill(page, "31", "2", "2020")
    with page.expect_navigation():
        page.click(".actions button:not([name])")
    expect(page.locator("#answer-error")).to_contain_text("Vul een datum in die bestaat")
    expect(page.get_by_label("Dag", exact=True)).to_have_value("31")
    expect(page.get_by_label("Jaar", exact=True)).to_have_value("2020")
    if js:
        assert_no_axe_violations(page)
    # Next year: in the future, refused.
    _fill(page, "1", "1", "2098")
    with page.expect_navigation():
        page.click(".actions button:not([name])")
    expect(page.locator("#answer-error")).to_contain_text("in de toekomst")
    _fill(page, "15", "3", "2021")
    with page.expect_navigation():
        page.click(".actions button:not([name])")
    assert page.url.endswith(f"/s/{CODE}/verhuisd")
    assert _values(app, ResponseMode.SELF) == {"geboren": "2021-03-15"}


def test_a_date_in_the_offline_journey(
    app: Flask,
    demo: None,
    network: FlakyNetwork,  # noqa: F811
    phone: Phone,  # noqa: F811
    page_problems: Callable[[Page], PageProblems],
) -> None:
    make_date_survey(app)
    context = phone()
    page = context.pages[0] if context.pages else context.new_page()
    problems = page_problems(page)
    log_in(page, network)
    page.goto(network(f"/projecten/demo/samen/{CODE}/zonder-internet"))
    ready_for_offline(page)
    go_offline(context, network)
    page.get_by_role("button", name="Nieuw gesprek met een ouder").click()
    page.get_by_role("button", name="Nederlands").click()
    page.get_by_label("De ouder hoorde of las de uitleg en wil meedoen.").check()
    page.get_by_role("button", name="Begin met de vragen").click()
    question = page.locator("[data-question]")
    expect(
        question.get_by_role("heading", name="Wanneer is je jongste kind geboren?")
    ).to_be_visible()
    next_button(page)  # required
    expect(page.locator("#offline-answer-error")).to_contain_text("Vul een datum in.")
    _fill(question, "31", "2", "2020")
    next_button(page)
    expect(page.locator("#offline-answer-error")).to_contain_text(
        "Vul een datum in die bestaat, zoals 15 3 2021."
    )
    expect(question.get_by_label("Dag", exact=True)).to_have_value("31")
    _fill(question, "1", "1", "2098")
    next_button(page)
    expect(page.locator("#offline-answer-error")).to_contain_text("in de toekomst")
    _fill(question, "١٥", "3", "2021")
    next_button(page)
    _fill(question, "1", "1", "2019")
    next_button(page)
    expect(page.locator("#offline-answer-error")).to_contain_text(
        "Vul een datum in vanaf 1-1-2020."
    )
    _fill(question, "15", "6", "2022")
    next_button(page)
    expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()
    problems.assert_none("the offline date journey")
    go_online(context, network)
    page.get_by_role("button", name="Naar de gesprekken op dit toestel").click()
    # Back online, the queue goes by itself (sync.js listens for "online").
    expect(page.locator("[data-queue-count]")).to_have_text("Er wacht niets op verbinding.")
    assert _values(app, ResponseMode.OFFLINE) == {"geboren": "2021-03-15", "verhuisd": "2022-06-15"}
