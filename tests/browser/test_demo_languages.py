"""The demo survey in Tigrinya, Somali and Dari (issue 16 item 2): the welcome page offers the
language, and every question page of a walk shows its own script — the question, its hint and
its options — not the Dutch. axe runs on the welcome page and the first question page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from participatie.demo.survey import DEMO_SURVEY
from tests.browser.conftest import ContextFactory
from tests.browser.journey_steps import ANSWERS, answer_with_pointer
from tests.browser.live_server import LiveServer
from tests.i18n import i18n

pytestmark = pytest.mark.browser

# Language → (its script, text direction).
LANGUAGES = {"ti": ("Ethi", "ltr"), "so": ("Latn", "ltr"), "fa_AF": ("Arab", "rtl")}
QUESTIONS = {q["name"]: q for q in DEMO_SURVEY["questions"]}
NAMES = i18n.load_allowlist().names  # UiTPAS stays UiTPAS in every language


def _in_script(text: str, script: str) -> bool:
    letters, in_script = i18n.script_share(text, script, NAMES)
    return bool(letters > 0 and in_script / letters >= i18n.MIN_SCRIPT_SHARE)


def _question_texts(page: Page) -> dict[str, str]:
    """The question's own words on the page: heading, hint and each option's label."""
    texts = {"heading": page.locator("main h1").first.inner_text()}
    hint = page.locator("main .hint")
    if hint.count():
        texts["hint"] = hint.first.inner_text()
    for index, label in enumerate(page.locator("main label.option").all()):
        texts[f"option {index}"] = label.inner_text()
    return texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_walk_of_the_demo_shows_the_language_on_every_question_page(
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    assert_no_axe_violations: Callable[[Page], None],
    language: str,
) -> None:
    script, direction = LANGUAGES[language]
    page = new_context().new_page()
    page.goto(live_server(f"/s/DEMO?lang={language}"))
    assert page.locator("html").get_attribute("dir") == direction
    assert not page.locator("#no-content-in-language").count()
    assert page.locator("main h1").inner_text() == DEMO_SURVEY["title"][language]
    offered = [a.get_attribute("hreflang") for a in page.locator("ul.langs a").all()]
    assert language.replace("_", "-") in offered
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.click("form[action$='/start'] button")
    for step, (name, kind, value) in enumerate(ANSWERS):
        assert page.url.endswith(f"/s/DEMO/{name}"), page.url
        question = QUESTIONS[name]
        texts = _question_texts(page)
        assert texts["heading"].strip() == question["label"][language], name
        assert texts["heading"].strip() != question["label"]["nl"], name
        for part, text in texts.items():
            assert _in_script(text, script), (name, part, text)
        if question.get("options"):
            shown = {t.strip() for part, t in texts.items() if part.startswith("option")}
            assert {o["label"][language] for o in question["options"]} <= shown, name
        assert page.locator("main [lang=nl]").count() == 0, name
        if step == 0:
            assert_no_axe_violations(page)
        answer_with_pointer(page, name, kind, value)
    assert page.url.endswith("/s/DEMO/klaar")
    assert DEMO_SURVEY["thanks"][language] in page.locator("main").inner_text()
