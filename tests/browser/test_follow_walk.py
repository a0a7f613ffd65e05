"""The whole follow-through walk in Chromium, as the three people who do it: the stuurgroep
picks the priorities, the coordinator makes a werkgroep, a werkgroep member sets a strategic and
an operational goal, an action and an indicator with two measurements; the stuurgroep reads it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.browser.test_follow_pages import _login
from tests.follow.world import MEMBER, PlanWorld, build_plan

pytestmark = pytest.mark.browser


@pytest.fixture
def plan_world(app: Flask, demo: None) -> PlanWorld:
    return build_plan(app)


def _save(page: Page, name: str) -> None:
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state("load")


def test_priorities_to_measurements_as_three_people(
    app: Flask,
    live_server: LiveServer,
    plan_world: PlanWorld,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
) -> None:
    def person(email: str) -> Page:
        page = new_context(width=1280, height=900, mobile=False).new_page()
        _login(page, live_server, app, email)
        return page

    # 1. The stuurgroep: onderwijs (proposed by the oudergroep) and vrije tijd are prioritair.
    stuurgroep = person("stuurgroep@kempenaar.example")
    problems = page_problems(stuurgroep)
    stuurgroep.goto(live_server("/projecten/demo/prioriteiten?lang=nl"))
    stuurgroep.select_option("#proposed_onderwijs", "oudergroep")
    stuurgroep.check("#chosen_onderwijs")
    stuurgroep.select_option("#proposed_vrije_tijd", "stuurgroep")
    stuurgroep.check("#chosen_vrije_tijd")
    _save(stuurgroep, "Prioriteiten bewaren")
    expect(stuurgroep.locator("h3", has_text="prioritair")).to_have_count(2)

    # 2. The coordinator: a werkgroep for onderwijs, with the member's account and a parent P4.
    coordinator = person("coordinator@kempenaar.example")
    coordinator.goto(live_server("/projecten/demo/werkgroepen/nieuw?lang=nl"))
    coordinator.fill("#name", "Werkgroep huiswerk")
    coordinator.select_option("#domain", "onderwijs")
    coordinator.get_by_label("werkgroep", exact=True).check()
    coordinator.fill("#pseudonyms", "P4")
    _save(coordinator, "Bewaren")
    expect(coordinator.locator("h1")).to_have_text("Werkgroep huiswerk")
    expect(coordinator.locator("main")).to_contain_text("ouder P4")

    # 3. The werkgroep member: goals, an action, an indicator and two measurements.
    member = person(MEMBER)
    member_problems = page_problems(member)
    member.goto(live_server("/projecten/demo/actieplan?lang=nl"))
    member.get_by_role("link", name="Werkgroep huiswerk").click()
    member.get_by_role("link", name="Nieuwe doelstelling").click()
    member.fill("#title_nl", "Elk kind krijgt hulp bij huiswerk")
    member.fill("#owner", "Schepen van onderwijs")
    member.fill("#deadline", "2027-06-30")
    # The goal answers a theme the parents raised: the public page will draw the line to it.
    member.get_by_label("Lidgeld van clubs is te hoog").check()
    _save(member, "Bewaren")
    expect(member.locator("main")).to_contain_text("nog niet SMART")
    expect(member.locator("main")).to_contain_text("minstens één indicator")
    strategic_url = member.url
    member.get_by_role("link", name="Operationele doelstelling toevoegen").click()
    member.fill("#title_nl", "Een huiswerkklas in elke wijk")
    _save(member, "Bewaren")
    expect(member.locator("main")).to_contain_text("operationele doelstelling")
    member.goto(strategic_url)
    member.get_by_role("link", name="Actie toevoegen").click()
    member.fill("#title_nl", "Vrijwilligers zoeken voor de huiswerkklas")
    member.fill("#owner", "Welzijnsschakel")
    member.fill("#partners", "scholen, bibliotheek")
    member.fill("#due_on", "2027-02-01")
    member.select_option("#status", "bezig")
    member.fill("#progress", "20")
    _save(member, "Bewaren")
    expect(member.locator("#acties ~ div table")).to_contain_text("Welzijnsschakel")
    member.get_by_role("link", name="Indicator toevoegen").last.click()
    member.fill("#name_nl", "Kinderen die hun huiswerk af hebben")
    member.check("input[name=kind][value=outcome]")
    member.check("input[name=unit][value=percentage]")
    member.fill("#baseline_value", "40")
    member.fill("#baseline_on", "2026-09-01")
    member.fill("#target_value", "80")
    member.fill("#target_on", "2027-06-30")
    _save(member, "Bewaren")
    for day, value in (("2026-12-01", "55"), ("2027-03-01", "63,5")):
        member.fill("#measured_on", day)
        member.fill("#value", value)
        member.fill("#source", "telling in de huiswerkklas")
        _save(member, "Meting bewaren")
    chart = member.locator("svg.line-chart")
    expect(chart.locator("circle")).to_have_count(3)
    expect(chart.locator("polyline")).to_have_count(1)
    table = member.locator("#metingen").locator("xpath=ancestor::table")
    expect(table).to_contain_text("55 %")
    expect(table).to_contain_text("63.5 %")
    assert_no_axe_violations(member)
    member.goto(strategic_url)
    top = member.locator("main > p").nth(1)
    expect(top).to_have_text(re.compile("Deze doelstelling is SMART"))
    member_problems.assert_none("werkgroep member walk")

    # 4. The stuurgroep reads the plan: the goal is SMART, the JSON download has the measurements.
    stuurgroep.goto(live_server("/projecten/demo/actieplan?lang=nl"))
    section = stuurgroep.locator("section", has_text="Werkgroep huiswerk")
    expect(section).to_contain_text("Elk kind krijgt hulp bij huiswerk")
    expect(section).to_contain_text("Deze doelstelling is SMART.")
    expect(section).to_contain_text("Een huiswerkklas in elke wijk")
    response = stuurgroep.request.get(live_server("/projecten/demo/actieplan/download/json"))
    data = response.json()
    huiswerk = next(w for w in data["workgroups"] if w["name"] == "Werkgroep huiswerk")
    [indicator] = huiswerk["goals"][0]["indicators"]
    assert [m["value"] for m in indicator["measurements"]] == [55, 63.5]
    assert huiswerk["goals"][1]["parent"] == "Elk kind krijgt hulp bij huiswerk"
    problems.assert_none("stuurgroep walk")

    # 5. Anyone, on the public page in nl and ar: what parents said about the theme → what the
    # stuurgroep decided → the indicator of the werkgroep's goal, with its latest value and target.
    public = new_context(width=360, height=740).new_page()
    for lang, title in (("nl", "Lidgeld van clubs is te hoog"), ("ar", "رسوم النوادي مرتفعة جدًا")):
        public.goto(live_server(f"/p/demo?lang={lang}"))
        heading = public.locator("h3", has_text=title)
        expect(heading).to_have_count(1)
        # The theme's block runs from its h3 to the next one: the indicator's line is in it.
        line = public.locator(
            f"xpath=//ul[preceding-sibling::h3[1][contains(., '{title}')]]"
            "/li[contains(., 'Kinderen die hun huiswerk af hebben')]"
        )
        expect(line).to_have_count(1)
        expect(line).to_contain_text(re.compile(r"63[,.]5|٦٣[٫,.]٥"))
        expect(line).to_contain_text(re.compile(r"80|٨٠"))
        if lang == "ar":
            # Not yet translated: the Dutch name is marked and isolated.
            expect(line.locator("bdi[lang=nl]").first).to_have_attribute("dir", "ltr")
        quote = public.locator(
            f"xpath=//blockquote[preceding-sibling::h3[1][contains(., '{title}')]]"
        )
        expect(quote.first).to_be_visible()
        assert_no_axe_violations(public)
