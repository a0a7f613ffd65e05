"""The XLSForm extras (issue 21) in the offline journey, in Chromium without a connection:
`or_other`, a cascading `choice_filter`, a `calculate` shown in a note and used in routing, a
`regex()` with the form's own message. The rules travel as data (calculations, filters, the
pattern's automaton) and the server stores the same answers when the phone syncs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from tests.assist.network import FlakyNetwork
from tests.assist.test_offline_browser import (  # noqa: F401 (fixtures)
    go_offline,
    go_online,
    log_in,
    network,
    next_button,
    phone,
    ready_for_offline,
    start_conversation,
    stored,
)
from tests.browser.problems import PageProblems
from tests.surveys.forms import features_form

pytestmark = pytest.mark.browser

OFFLINE_APP = "/projecten/demo/samen/SCHOOL/zonder-internet"


def test_the_feature_form_offline(
    app: Flask,
    demo: None,
    network: FlakyNetwork,  # noqa: F811
    phone: Callable,  # type: ignore[type-arg]  # noqa: F811
    page_problems: Callable[[Page], PageProblems],
    tmp_path: Path,
) -> None:
    path = tmp_path / "school.xlsx"
    path.write_bytes(features_form())
    runner = app.test_cli_runner()
    imported = runner.invoke(
        args=["surveys", "import", str(path), "--project", "demo", "--code", "school"]
    )
    assert imported.exit_code == 0, imported.stderr
    assert runner.invoke(args=["surveys", "publish", "SCHOOL"]).exit_code == 0

    context = phone()
    page = context.pages[0] if context.pages else context.new_page()
    problems = page_problems(page)
    log_in(page, network)
    page.goto(network(OFFLINE_APP))
    ready_for_offline(page)
    go_offline(context, network)

    start_conversation(page, "Nederlands")
    page.get_by_label("Iets anders").check()
    next_button(page)
    page.get_by_label("Wat bedoel je met iets anders?").fill("Te voet")
    next_button(page)
    page.get_by_label("Antwerpen").check()
    next_button(page)
    expect(page.get_by_label("Mol")).to_be_visible()
    assert page.get_by_label("Genk").count() == 0  # the cascading list, on the device
    page.get_by_label("Mol").check()
    next_button(page)
    page.get_by_label("Hoeveel kinderen gaan naar school?").fill("1")
    next_button(page)
    expect(page.get_by_role("heading", name="Dat zijn 3 schoolboeken.")).to_be_visible()
    next_button(page)
    page.get_by_label("Je telefoonnummer?").fill("+32 478")
    next_button(page)
    expect(page.locator("#offline-answer-error")).to_contain_text(
        "Schrijf tien cijfers, te beginnen met 0."
    )
    page.get_by_label("Je telefoonnummer?").fill("0478123456")
    next_button(page)
    # 3 books: `${boeken} > 6` skips the last question.
    expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()
    problems.assert_none("the offline journey")

    go_online(context, network)
    queue = page.locator("[data-offline]")
    # Coming online starts a sync by itself (the "online" event), which hides the button once
    # nothing waits: click it only when that sync has not happened.
    try:
        expect(queue).to_have_attribute("data-waiting", "0", timeout=5000)
    except AssertionError:
        page.get_by_role("button", name="Nu versturen").click()
        expect(queue).to_have_attribute("data-waiting", "0")
    assert stored(app) == [
        (
            "nl",
            {
                "vervoer": "other",
                "vervoer_other": "Te voet",
                "provincie": "antwerpen",
                "gemeente": "mol",
                "kinderen": 1,
                "telefoon": "0478123456",
            },
            True,
        )
    ]
