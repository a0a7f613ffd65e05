"""Issue 19: a parent without JavaScript, on a 320 px phone, by keyboard only, in nl and ar.

A survey made in the builder asks a number (0-15, typed), a 0-10 score (eleven buttons to tap,
with the words the coordinator gave both ends, translated) and an optional open question. The
walk types "drie" and sees it kept beside the error, answers the score with the arrow keys, skips
the last question, and sees progress that never goes back."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page

from tests.browser.conftest import ContextFactory
from tests.browser.journey_steps import tab_to
from tests.browser.live_server import LiveServer
from tests.conftest import PageCheckingClient
from tests.surveys.helpers import (
    add_question,
    as_coordinator,
    edit_question,
    new_survey,
    publish,
    survey_code,
    survey_url,
)

pytestmark = pytest.mark.browser

LABELS = {
    "nl": (
        "Hoeveel kinderen wonen bij jou?",
        "Welk cijfer geef je de hulp?",
        "Wil je nog iets zeggen?",
    ),
    "ar": ("كم طفلًا يعيش معك؟", "ما الدرجة التي تعطيها للمساعدة؟", "هل تريد أن تقول شيئًا آخر؟"),
}
ENDS = {"nl": ("heel slecht", "heel goed"), "ar": ("سيئ جدًا", "جيد جدًا")}


def _make_survey(app: Flask, client: PageCheckingClient) -> str:
    as_coordinator(client)
    survey_id = new_survey(client, "Hoe gaat het met de hulp?")
    typed = add_question(client, survey_id, LABELS["nl"][0], "integer")
    edit_question(client, survey_id, typed, minimum="0", maximum="15", required="y")
    score = add_question(client, survey_id, LABELS["nl"][1], "integer")
    edit_question(
        client,
        survey_id,
        score,
        minimum="0",
        maximum="10",
        required="y",
        low_label=ENDS["nl"][0],
        high_label=ENDS["nl"][1],
    )
    add_question(client, survey_id, LABELS["nl"][2], "long_text")
    client.post_form(
        survey_url(survey_id, "/vertalen/ar"),
        {
            "title": "كيف حال المساعدة؟",
            "q0-label": LABELS["ar"][0],
            "q1-label": LABELS["ar"][1],
            "q2-label": LABELS["ar"][2],
            "q1-low": ENDS["ar"][0],
            "q1-high": ENDS["ar"][1],
        },
    )
    assert publish(client, survey_id).status_code == 302
    return survey_code(app, survey_id)


def _progress(page: Page) -> tuple[int, int]:
    number = int(re.search(r"\d+", page.inner_text(".progress")).group())  # type: ignore[union-attr]
    longest = int(page.get_attribute(".progress progress", "max") or 0)
    return number, longest


def _press(page: Page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_keyboard_walk_without_javascript(
    app: Flask,
    client: PageCheckingClient,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    code = _make_survey(app, client)
    page = new_context(js=False, width=320, height=640).new_page()
    page.goto(live_server(f"/s/{code}?lang={lang}"))
    tab_to(page, "form[action$='/start'] button")
    _press(page, "Enter")
    seen = [_progress(page)]
    assert page.inner_text("h1") == LABELS[lang][0]

    # A word where a number belongs: the error comes, and "drie" is still in the box.
    tab_to(page, "#answer")
    page.keyboard.type("drie")
    _press(page, "Enter")
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#answer") == "drie"
    seen.append(_progress(page))
    tab_to(page, "#answer")
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    _press(page, "Enter")

    # The 0-10 score: eleven radio buttons, each at least 44 × 44 px, in at most two rows.
    assert page.inner_text("h1") == LABELS[lang][1]
    seen.append(_progress(page))
    boxes = [page.locator(".tap label").nth(i).bounding_box() for i in range(11)]
    assert page.locator(".tap input[type=radio]").count() == 11
    assert all(b and b["width"] >= 44 and b["height"] >= 44 for b in boxes), boxes
    assert len({round(b["y"]) for b in boxes if b}) <= 2, boxes
    # The end words: visible, in the page's language, each describing its own button.
    assert page.inner_text("#scale-low") == f"0 = {ENDS[lang][0]}"
    assert page.inner_text("#scale-high") == f"10 = {ENDS[lang][1]}"
    radios = page.locator(".tap input")
    assert radios.nth(0).get_attribute("aria-describedby") == "scale-low"
    assert radios.nth(10).get_attribute("aria-describedby") == "scale-high"
    assert page.locator("#scale-low").is_visible() and page.locator("#scale-high").is_visible()
    tab_to(page, ".tap input")
    for _ in range(7):
        page.keyboard.press("ArrowDown")
    assert page.locator(".tap input:checked").get_attribute("value") == "7"
    tab_to(page, ".actions button:not([name])")
    _press(page, "Enter")

    # The optional question: skipped with its own button.
    assert page.inner_text("h1") == LABELS[lang][2]
    seen.append(_progress(page))
    tab_to(page, "button[name=skip]")
    _press(page, "Enter")
    assert page.url.endswith(f"/s/{code}/klaar"), page.url

    numbers = [n for n, _ in seen]
    longest = [t for _, t in seen]
    assert numbers == sorted(numbers) and longest == sorted(longest, reverse=True), seen
    assert seen[-1][0] == 3, seen

    # The score page again, in a JavaScript-enabled context for axe (same HTML).
    check = new_context(width=320, height=640).new_page()
    check.goto(live_server(f"/s/{code}?lang={lang}"))
    with check.expect_navigation():
        check.click("form[action$='/start'] button")
    check.fill("#answer", "2")
    with check.expect_navigation():
        check.click(".actions button:not([name])")
    assert check.locator(".tap").is_visible()
    assert_no_axe_violations(check)
