"""Offline collection in Chromium, as on a volunteer's phone at a kitchen table.

The browser reaches the app through a relay that can lose the connection for everything, the
service worker's own fetches included (tests/assist/network.py). The browser runs on a profile
folder of its own (a persistent context), so IndexedDB, the service worker and its cache survive
closing and reopening it, as they survive a phone's restart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from sqlalchemy import func, select

from participatie.extensions import db
from participatie.models import (
    Answer,
    Assistance,
    IdempotencyKey,
    Question,
    Response,
    ResponseMode,
)
from tests.assist.helpers import PASSWORD, VOLUNTEER
from tests.assist.network import FlakyNetwork, flaky_network
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems

pytestmark = pytest.mark.browser

OFFLINE_APP = "/projecten/demo/samen/DEMO/zonder-internet"
Phone = Callable[[], BrowserContext]


@pytest.fixture
def network(live_server: LiveServer) -> Iterator[FlakyNetwork]:
    with flaky_network(live_server.url) as relay:
        yield relay


@pytest.fixture
def phone(browser: Browser, tmp_path: Path) -> Iterator[Phone]:
    """Starts "the phone": Chromium on the same profile folder each time."""
    started: list[BrowserContext] = []

    def start() -> BrowserContext:
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            viewport=PHONE,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="nl-BE",
            service_workers="allow",
        )
        context.set_default_timeout(15_000)
        started.append(context)
        return context

    yield start
    for context in started:
        context.close()  # a no-op for one the test closed already


def log_in(page: Page, network: FlakyNetwork, next_path: str = "") -> None:
    page.goto(network("/login" + (f"?next={next_path}" if next_path else "")))
    page.get_by_label("E-mailadres").fill(VOLUNTEER)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()


def ready_for_offline(page: Page) -> None:
    """What the volunteer waits for before leaving the wifi: the page says it is kept."""
    expect(page.locator("[data-offline-ready]")).to_be_visible()
    assert page.evaluate("() => navigator.serviceWorker.controller !== null")


def go_offline(context: BrowserContext, network: FlakyNetwork) -> None:
    network.down()
    context.set_offline(True)  # navigator.onLine, as the phone would report it


def go_online(context: BrowserContext, network: FlakyNetwork) -> None:
    network.up()
    context.set_offline(False)


def waiting(page: Page) -> str:
    return str(page.locator("[data-queue-count]").inner_text())


def next_button(page: Page) -> None:
    """ "Verder" in the parent's language: found by place, not by its text."""
    page.locator("[data-question] .actions button:not(.secondary)").click()


def start_conversation(page: Page, language: str, from_home: bool = True) -> None:
    if from_home:
        page.get_by_role("button", name="Nieuw gesprek met een ouder").click()
    page.get_by_role("button", name=language).click()
    page.get_by_role("button", name="Begin met de vragen").click()
    expect(page.locator("#offline-consent-error")).to_be_visible()  # no consent, no questions
    page.get_by_label("De ouder hoorde of las de uitleg en wil meedoen.").check()
    page.get_by_role("button", name="Begin met de vragen").click()


def answer_first_conversation(page: Page) -> None:
    """In Dutch: every question type, a routed follow-up, a declined question, an error."""
    start_conversation(page, "Nederlands")
    expect(page.locator("[data-question] .progress")).to_have_text("Vraag 1 van 7")
    next_button(page)  # required: the same message as online
    expect(page.locator("#offline-answer-error")).to_contain_text("Kies een antwoord.")
    page.get_by_label("Mama of papa").check()
    next_button(page)
    page.get_by_label("Hoeveel kinderen wonen bij jou?").fill("16")
    next_button(page)
    expect(page.locator("#offline-answer-error")).to_contain_text("Vul een getal in van 0 tot 15.")
    page.get_by_label("Hoeveel kinderen wonen bij jou?").fill("2")
    next_button(page)
    page.get_by_label("Vrije tijd en sport").check()
    page.get_by_label("Wonen en energie").check()
    next_button(page)
    expect(page.locator("[data-question] .progress")).to_have_text("Vraag 4 van 8")  # routed in
    page.get_by_label("Het is te duur").check()
    next_button(page)
    page.locator("[data-question] .actions button[name=decline]").click()  # uitpas
    page.get_by_label("Eerder akkoord").check()
    next_button(page)
    page.get_by_label("Wat zou voor jouw gezin een echt verschil maken?").fill(
        "Een goedkoop zwembad."
    )
    next_button(page)
    page.get_by_label("Wat loopt goed in onze gemeente?").fill("De bib.")
    next_button(page)
    expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()


def answer_second_conversation(page: Page) -> None:
    """In Arabic, with the phone handed over for a sensitive question and back again."""
    start_conversation(page, "العربية", from_home=False)
    expect(page.locator("[data-question]")).to_have_attribute("dir", "rtl")
    page.get_by_label("أم أو أب").check()
    next_button(page)
    page.get_by_label("كم طفلًا يعيش معك؟").fill("٣")  # Arabic-Indic digits, read as 3
    next_button(page)
    expect(page.locator("[data-sensitive]")).to_be_visible()
    page.get_by_role("button", name="Geef de telefoon even aan de ouder").click()
    page.locator("[data-hand-over] button").click()  # in the parent's language
    expect(page.get_by_role("button", name="Geef de telefoon even aan de ouder")).to_be_hidden()
    page.locator("[data-question] input[value=gezondheid]").check()
    next_button(page)
    expect(page.locator("[data-give-back] h2")).to_be_visible()
    page.get_by_role("button", name="Ik heb de telefoon terug: verder").click()
    # This parent would rather read English from here on.
    page.get_by_label("Taal van deze ouder").select_option("en")
    expect(page.locator("[data-question]")).to_have_attribute("lang", "en")
    page.get_by_label("Yes").check()
    next_button(page)
    page.get_by_role("button", name="De ouder wil stoppen: bewaar wat er al is").click()
    expect(page.locator("[data-thanks] h2")).to_be_visible()


def start_a_draft(page: Page, language: str, children: str, after_thanks: bool = False) -> None:
    if after_thanks:
        page.get_by_role("button", name="Naar de gesprekken op dit toestel").click()
    start_conversation(page, language)
    page.locator("[data-question] input[value=ouder]").check()
    next_button(page)
    page.locator("#offline-answer").fill(children)
    next_button(page)
    page.get_by_role("button", name="Pauzeren: later verder doen").click()


def stored(app: Flask) -> list[tuple[str, dict[str, object], bool]]:
    """Each offline response once: its language, answers, and whether it was completed."""
    with app.app_context():
        rows = []
        for response in db.session.scalars(
            select(Response)
            .where(Response.mode == ResponseMode.OFFLINE)
            .order_by(Response.created_at)
        ):
            answers = db.session.execute(
                select(Question.name, Answer.value, Answer.declined)
                .join(Answer.question)
                .where(Answer.response_id == response.id)
            ).all()
            values = {name: "DECLINED" if declined else value for name, value, declined in answers}
            rows.append((response.language, values, response.completed_at is not None))
        return rows


def test_offline_responses_survive_reload_and_restart_and_sync_exactly_once(
    app: Flask,
    demo: None,
    network: FlakyNetwork,
    phone: Phone,
    page_problems: Callable[[Page], PageProblems],
) -> None:
    context = phone()
    page = context.pages[0] if context.pages else context.new_page()
    problems = page_problems(page)
    log_in(page, network)
    page.goto(network(OFFLINE_APP))
    ready_for_offline(page)
    expect(page.locator("[data-queue-count]")).to_have_text("Er wacht niets op verbinding.")

    go_offline(context, network)
    answer_first_conversation(page)
    expect(page.locator("[data-queue-count]")).to_contain_text("1 antwoord wacht op verbinding")
    page.get_by_role("button", name="Een volgende ouder helpen").click()
    answer_second_conversation(page)
    start_a_draft(page, "Nederlands", "4", after_thanks=True)
    # A draft goes only after confirming; "no" keeps it.
    start_a_draft(page, "Türkçe", "1")
    drafts = page.locator("[data-drafts] li")
    expect(drafts).to_have_count(2)
    drafts.filter(has_text="Türkçe").get_by_role("button", name="Weggooien").click()
    page.get_by_role("button", name="Nee, bewaar het").click()
    expect(drafts).to_have_count(2)
    drafts.filter(has_text="Türkçe").get_by_role("button", name="Weggooien").click()
    page.get_by_role("button", name="Ja, gooi het weg").click()
    expect(drafts).to_have_count(1)

    # Reload without a connection: the service worker serves the page, IndexedDB the queue.
    page.reload()
    expect(page.locator("[data-queue-count]")).to_have_text(
        "2 antwoorden wachten op verbinding · 1 gesprek is nog niet klaar"
    )
    page.locator("[data-drafts] li").get_by_role("button", name="Verder invullen").click()
    expect(
        page.get_by_role("heading", name="Waar loopt het moeilijk?")
    ).to_be_visible()  # where it paused
    page.get_by_role("button", name="Terug").click()
    expect(page.locator("#offline-answer")).to_have_value("4")
    page.get_by_role("button", name="Terug").click()
    expect(page.locator("[data-question] input[value=ouder]")).to_be_checked()
    next_button(page)
    next_button(page)
    page.locator("[data-question] input[value=werk]").check()
    next_button(page)
    page.get_by_role("button", name="De ouder wil stoppen: bewaar wat er al is").click()
    expect(page.locator("[data-queue-count]")).to_have_text("3 antwoorden wachten op verbinding")
    problems.assert_none("the offline journey")

    # Close the browser and start it again, still without a connection: nothing is lost.
    context.close()
    context = phone()
    go_offline(context, network)
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(network(OFFLINE_APP))
    expect(page.locator("[data-queue-count]")).to_have_text("3 antwoorden wachten op verbinding")
    assert stored(app) == []

    # The connection returns, and breaks off in the middle of the first sync: the server stores
    # the batch, the phone never hears back.
    dropped: list[int] = []

    def drop_once(route: Route) -> None:
        if dropped:
            route.continue_()
            return
        response = route.fetch()
        dropped.append(response.status)
        route.abort("connectionreset")

    page.route("**/samen/sync", drop_once)
    go_online(context, network)
    queue = page.locator("[data-offline]")
    login_link = page.get_by_role("link", name="Opnieuw aanmelden (in een nieuw tabblad)")
    page.get_by_role("button", name="Nu versturen").click()
    # After a restart the session is gone: log in again in another tab; the queue stays.
    expect(login_link).to_be_visible()
    expect(page.locator("[data-queue-state]")).to_contain_text("Je bent afgemeld.")
    with context.expect_page() as opened:
        login_link.click()
    other = opened.value
    other.get_by_label("E-mailadres").fill(VOLUNTEER)
    other.get_by_label("Wachtwoord").fill(PASSWORD)
    other.get_by_role("button", name="Aanmelden").click()
    expect(other.get_by_role("heading", name="Je bent weer aangemeld")).to_be_visible()
    other.close()
    page.bring_to_front()
    expect(queue).to_have_attribute("data-state", "offline")  # the sync that broke off
    assert dropped == [200]
    assert len(stored(app)) == 3  # ...but the server had stored it
    expect(page.locator("[data-queue-count]")).to_have_text("3 antwoorden wachten op verbinding")
    page.get_by_role("button", name="Nu versturen").click()  # by hand
    expect(queue).to_have_attribute("data-waiting", "0")
    expect(page.locator("[data-queue-count]")).to_have_text("Er wacht niets op verbinding.")

    rows = stored(app)
    assert rows == [
        (
            "nl",
            {
                "wie": "ouder",
                "kinderen": 2,
                "moeilijk": ["wonen", "vrije_tijd"],
                "vrije_tijd_drempel": ["duur"],
                "uitpas": "DECLINED",
                "hulp_vinden": "4",
                "verschil": "Een goedkoop zwembad.",
                "goed": "De bib.",
            },
            True,
        ),
        ("en", {"wie": "ouder", "kinderen": 3, "moeilijk": ["gezondheid"], "uitpas": "ja"}, False),
        ("nl", {"wie": "ouder", "kinderen": 4, "moeilijk": ["werk"]}, False),
    ]
    with app.app_context():
        assert db.session.scalar(select(func.count(Assistance.id))) == 3
        assert db.session.scalar(select(func.count(IdempotencyKey.key))) == 3
