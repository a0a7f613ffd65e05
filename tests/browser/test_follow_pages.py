"""The follow-through pages (priorities, actieplan, werkgroep, goals, actions, indicators and
their forms, with and without errors) in Chromium: axe-core finds nothing, in nl and in ar."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page

from tests.browser.conftest import ContextFactory
from tests.browser.fixtures import log_in
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.follow.world import MEMBER, PlanWorld, build_plan

pytestmark = pytest.mark.browser

LANGUAGES = {"nl": "ltr", "ar": "rtl"}


@pytest.fixture
def plan_world(app: Flask, demo: None) -> PlanWorld:
    return build_plan(app)


def _login(page: Page, live_server: LiveServer, app: Flask, email: str) -> None:
    log_in(page, app, live_server.url, email)


def _check(
    page: Page,
    url: str,
    lang: str,
    assert_no_axe_violations: Callable[[Page], None],
) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"
    html = page.locator("html")
    assert html.get_attribute("lang") == lang and html.get_attribute("dir") == LANGUAGES[lang]
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_coordinator_pages_have_no_axe_violations(
    app: Flask,
    live_server: LiveServer,
    plan_world: PlanWorld,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    _login(page, live_server, app, "coordinator@kempenaar.example")
    w = plan_world
    for path in [
        "/projecten/demo/prioriteiten",
        "/projecten/demo/actieplan",
        "/projecten/demo/werkgroepen/nieuw",
        f"/projecten/demo/werkgroepen/{w.workgroup}",
        f"/projecten/demo/werkgroepen/{w.workgroup}/bewerken",
        f"/projecten/demo/werkgroepen/{w.workgroup}/verwijderen",
        f"/projecten/demo/doelen/{w.goal}",
        f"/projecten/demo/indicatoren/{w.indicator}",
    ]:
        url = live_server(f"{path}?lang={lang}")
        _check(page, url, lang, assert_no_axe_violations)
        problems.assert_none(url)
    # The priorities page with the oudergroep's proposal refused (errors shown), then a valid
    # one with the "Wat moet eerst?" survey made: both states are checked too.
    page.goto(live_server(f"/projecten/demo/prioriteiten?lang={lang}"))
    page.fill("#delegates", "P3, Fatima")
    page.fill("#proposed_on", "2026-11-20")
    page.locator("#oudergroep-form ~ form button").click()
    page.wait_for_load_state("load")
    assert page.locator(".error-summary").count() == 1
    assert_no_axe_violations(page)
    page.locator("form[action$='wat-moet-eerst'] button").click()
    page.wait_for_load_state("load")
    assert_no_axe_violations(page)
    problems.assert_none("priorities")
    # The decision form with its new question: does it follow the oudergroep's proposal?
    page.goto(live_server(f"/projecten/demo/beslissingen?lang={lang}"))
    page.locator("main a[href$='/nieuw']").first.click()
    page.wait_for_load_state("load")
    assert page.locator("input[name=follows_oudergroep]").count() == 3
    assert_no_axe_violations(page)
    problems.assert_none("decision form")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_werkgroep_member_pages_have_no_axe_violations(
    app: Flask,
    live_server: LiveServer,
    plan_world: PlanWorld,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    _login(page, live_server, app, MEMBER)
    w = plan_world
    for path in [
        "/projecten/demo/actieplan",
        f"/projecten/demo/werkgroepen/{w.workgroup}/doelen/nieuw",
        f"/projecten/demo/doelen/{w.goal}/bewerken",
        f"/projecten/demo/doelen/{w.goal}/verwijderen",
        f"/projecten/demo/doelen/{w.operational}",
        f"/projecten/demo/doelen/{w.goal}/acties/nieuw",
        f"/projecten/demo/acties/{w.action}/bewerken",
        f"/projecten/demo/doelen/{w.goal}/indicatoren/nieuw",
        f"/projecten/demo/indicatoren/{w.indicator}/bewerken",
        f"/projecten/demo/indicatoren/{w.indicator}/metingen/{w.measurement}/verwijderen",
    ]:
        url = live_server(f"{path}?lang={lang}")
        _check(page, url, lang, assert_no_axe_violations)
        problems.assert_none(url)
    # A refused measurement: the error summary and the field keep what was typed.
    page.goto(live_server(f"/projecten/demo/indicatoren/{w.indicator}?lang={lang}"))
    page.fill("#measured_on", "2026-08-01")
    page.fill("#value", "120")
    page.locator("#meting ~ form button").click()
    page.wait_for_load_state("load")
    assert page.locator(".error-summary li").count() == 2
    assert page.input_value("#value") == "120"
    assert_no_axe_violations(page)
    problems.assert_none("measurement")
