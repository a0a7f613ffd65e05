"""The capture screen in Chromium: the keyboard flow, and no quote lost while the network drops.

"Lost" has two sides: a quote typed while offline must reach the database once the network is
back, and a quote whose save reached the server but whose answer never came back must not be
stored twice when the browser retries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import BrowserContext, Page, Route, expect
from sqlalchemy import select

from participatie.extensions import db
from participatie.models import Attendee, FocusGroup, Project, Quote, Statement
from tests.browser.conftest import ContextFactory
from tests.browser.fixtures import log_in
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems

pytestmark = pytest.mark.browser

LAPTOP: dict[str, Any] = {"width": 1280, "height": 900, "mobile": False}


@pytest.fixture
def group_id(app: Flask, demo: None) -> str:
    with app.app_context():
        project = db.session.scalar(select(Project).where(Project.slug == "demo"))
        assert project is not None
        group = FocusGroup(
            project=project,
            title="Avondgroep",
            languages=["nl", "ar"],
            guide=["Wat loopt goed?", "Waar droom je van?"],
        )
        for pseudonym, language in (("P1", "nl"), ("P2", "ar"), ("P3", "nl")):
            group.attendees.append(Attendee(pseudonym=pseudonym, language=language))
        db.session.add(group)
        db.session.commit()
        public_id = group.public_id
        db.session.remove()
    return public_id


def _login(page: Page, live_server: LiveServer, app: Flask) -> None:
    log_in(page, app, live_server.url, "coordinator@kempenaar.example")


def _open_capture(context: BrowserContext, live_server: LiveServer, group_id: str) -> Page:
    page = context.new_page()
    _login(page, live_server, live_server.app)
    page.goto(live_server(f"/projecten/demo/focusgroepen/{group_id}/noteren"))
    expect(page.locator("#text")).to_be_focused()
    return page


def _say(page: Page, speaker_key: str, text: str) -> None:
    """The note-taker's keys: a digit picks the speaker in the empty box, Enter saves."""
    page.keyboard.press(speaker_key)
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def _stored(app: Flask, group_id: str) -> list[tuple[str, str]]:
    with app.app_context():
        rows = db.session.execute(
            select(Attendee.pseudonym, Quote.text)
            .select_from(Quote)
            .join(FocusGroup)
            .outerjoin(Attendee, Quote.attendee_id == Attendee.id)
            .where(FocusGroup.public_id == group_id)
            .order_by(Quote.id)
        ).all()
        db.session.remove()
        return [(pseudonym or "", text) for pseudonym, text in rows]


def _wait_until_saved(page: Page) -> None:
    expect(page.locator("#capture-status")).to_have_text(
        "Alle uitspraken zijn bewaard.", timeout=20_000
    )
    expect(page.locator(".quote-item.pending")).to_have_count(0)


def test_no_quote_is_lost_when_the_network_drops(
    app: Flask,
    live_server: LiveServer,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    group_id: str,
) -> None:
    context = new_context(**LAPTOP)
    page = _open_capture(context, live_server, group_id)
    problems = page_problems(page)

    _say(page, "1", "De bus komt te laat.")
    _wait_until_saved(page)
    expect(page.locator("input[name=speaker][value=P1]")).to_be_checked()

    # The network goes down: quotes wait in the browser, and the screen says so.
    context.set_offline(True)
    offline = [
        ("2", "P2", "لا أفهم الرسائل."),
        ("3", "P3", "Het zwembad is te duur."),
        ("1", "P1", "Te weinig plaats in de opvang."),
    ]
    for key, _speaker, text in offline:
        _say(page, key, text)
    expect(page.locator("#capture-status")).to_have_text(
        "3 uitspraken wachten op verbinding.", timeout=10_000
    )
    expect(page.locator(".quote-item.pending")).to_have_count(3)
    assert len(_stored(app, group_id)) == 1

    # Back online, but the first answer is lost on its way back: the server stored the quote,
    # the browser does not know and sends it again with the same key.
    lost: list[str] = []

    def lose_first_answer(route: Route) -> None:
        if not lost:
            route.fetch()  # reaches the app, which stores the quote
            lost.append(route.request.post_data or "")
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/uitspraken.json", lose_first_answer)
    context.set_offline(False)
    _wait_until_saved(page)
    assert lost, "the answer was never intercepted"

    # Another hiccup with a different shape: the server answers 503 twice, then recovers.
    failures: list[int] = []

    def fail_twice(route: Route) -> None:
        if len(failures) < 2:
            failures.append(1)
            route.fulfill(
                status=503, body="<!doctype html><title>503</title>", content_type="text/html"
            )
        else:
            route.continue_()

    page.unroute("**/uitspraken.json")
    page.route("**/uitspraken.json", fail_twice)
    _say(page, "2", "الحافلة لا تأتي.")
    _wait_until_saved(page)
    assert len(failures) == 2

    expected = [("P1", "De bus komt te laat.")] + [
        (speaker, text) for _key, speaker, text in offline
    ]
    expected.append(("P2", "الحافلة لا تأتي."))
    assert _stored(app, group_id) == expected  # each exactly once, in the order typed
    with app.app_context():
        languages = db.session.scalars(
            select(Statement.language)
            .join(Quote)
            .join(FocusGroup)
            .where(FocusGroup.public_id == group_id)
            .order_by(Quote.id)
        ).all()
        assert languages == ["nl", "ar", "nl", "nl", "ar"]
    assert (
        page.evaluate("(key) => localStorage.getItem(key)", f"participatie.capture.{group_id}")
        == "[]"
    )
    # The failed requests above are the test's doing; nothing else may go wrong.
    assert problems.csp_violations == [] and problems.page_errors == [], problems.summary()
    assert all(
        "uitspraken.json" in error
        and (
            "ERR_INTERNET_DISCONNECTED" in error
            or "ERR_CONNECTION_RESET" in error
            or "503" in error
        )
        for error in problems.console_errors
    ), problems.summary()


def test_quotes_typed_offline_survive_closing_the_page(
    app: Flask, live_server: LiveServer, new_context: ContextFactory, group_id: str
) -> None:
    context = new_context(**LAPTOP)
    page = _open_capture(context, live_server, group_id)
    context.set_offline(True)
    _say(page, "3", "Mijn dochter wil naar de muziekschool.")
    expect(page.locator(".quote-item.pending")).to_have_count(1)
    # Playwright's own close, which waits until the tab is really gone before we go online
    # (close_page's quick close let the old tab's script sync the quote in CI).
    page.close()
    context.set_offline(False)
    assert _stored(app, group_id) == []
    again = context.new_page()
    again.goto(live_server(f"/projecten/demo/focusgroepen/{group_id}/noteren"))
    _wait_until_saved(again)
    assert _stored(app, group_id) == [("P3", "Mijn dochter wil naar de muziekschool.")]


def test_keyboard_details_correction_and_delete_with_undo(
    app: Flask, live_server: LiveServer, new_context: ContextFactory, group_id: str
) -> None:
    context = new_context(**LAPTOP)
    page = _open_capture(context, live_server, group_id)
    page.select_option("#question", "1")
    page.locator("#text").focus()
    # Shift+Enter is a new line; a digit in a box that has text is just a digit.
    page.keyboard.press("2")
    page.keyboard.type("Een speelplein")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("met 3 schommels.")
    page.keyboard.press("Enter")
    _wait_until_saved(page)
    assert _stored(app, group_id) == [("P2", "Een speelplein\nmet 3 schommels.")]
    with app.app_context():
        quote = db.session.scalar(
            select(Quote).join(FocusGroup).where(FocusGroup.public_id == group_id)
        )
        assert quote is not None and quote.guide_question == "Waar droom je van?"
        db.session.remove()

    # Correct it: back into the text box, Enter saves the correction.
    page.locator(".quote-item .edit").first.click()
    expect(page.locator("#text")).to_have_value("Een speelplein\nmet 3 schommels.")
    page.locator("#text").fill("Een speelplein met schommels.")
    page.keyboard.press("Enter")
    _wait_until_saved(page)
    assert _stored(app, group_id) == [("P2", "Een speelplein met schommels.")]

    # Delete, undo, delete again and let the undo time pass.
    page.clock.install()
    page.locator(".quote-item .delete").first.click()
    expect(page.locator("#undo")).to_be_visible()
    page.locator("#undo-button").click()
    expect(page.locator(".quote-item:not([hidden])")).to_have_count(1)
    page.locator(".quote-item .delete").first.click()
    with page.expect_response("**/wissen.json") as deleted:
        page.clock.fast_forward(9_000)  # the undo time runs out
    assert deleted.value.status == 200
    expect(page.locator(".quote-item")).to_have_count(0)
    assert _stored(app, group_id) == []


def test_capture_on_a_phone_by_tapping(
    app: Flask,
    live_server: LiveServer,
    phone: BrowserContext,
    group_id: str,
    assert_no_axe_violations: Any,
) -> None:
    page = _open_capture(phone, live_server, group_id)
    assert_no_axe_violations(page)
    page.locator("label.speaker", has_text="P2").tap()
    page.locator("#text").fill("أريد حديقة قريبة.")
    page.locator("#capture-save").tap()
    _wait_until_saved(page)
    assert _stored(app, group_id) == [("P2", "أريد حديقة قريبة.")]
    assert_no_axe_violations(page)


def test_capture_without_javascript_at_320_px(
    app: Flask, live_server: LiveServer, new_context: ContextFactory, group_id: str
) -> None:
    page = _open_capture(new_context(js=False, width=320), live_server, group_id)
    page.locator("label.speaker", has_text="P3").click()
    page.locator("#text").fill("Zonder script gaat het ook.")
    page.locator("#capture-save").click()
    expect(page.locator(".notice")).to_have_text("De uitspraak is bewaard.")
    expect(page.locator("input[name=speaker][value=P3]")).to_be_checked()  # remembered
    assert _stored(app, group_id) == [("P3", "Zonder script gaat het ook.")]
    # Deleting asks first, as there is no undo without the script.
    page.locator(".quote-item .delete").click()
    page.get_by_role("button", name="Ja, wis deze uitspraak").click()
    expect(page.locator(".notice")).to_have_text("De uitspraak is gewist.")
    assert _stored(app, group_id) == []
