"""Issue 16 item 6 in Chromium: a Dutch-speaking coordinator reads a Turkish statement in the queue.

The coordinator types a Dutch translation in the queue item's field; the page then shows it, and
the suggestions' reasons give the Turkish words with their Dutch concepts. Nowhere on the page
(text, attributes, scripts) are the suggester's internal words "(default)", "sentiment", "score";
axe-core finds nothing, in nl and ar.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page

from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems
from tests.review.conftest import add_focus_group
from tests.review.test_queue_browser import _login

pytestmark = pytest.mark.browser

TURKISH = "Okul gezisinin parasını taksitle ödemek zorunda kaldık."
GLOSS = "We moesten de schoolreis in schijven betalen."
INTERNAL = ("(default)", "sentiment", "score")


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_a_turkish_statement_with_its_dutch_gloss_and_translated_evidence(
    app: Flask,
    live_server: LiveServer,
    demo: None,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
    assert_no_axe_violations: Callable[[Page], None],
    lang: str,
) -> None:
    group, (turkish, nederlands) = add_focus_group(
        app, "Turkse ouders", [("tr", TURKISH), ("nl", "Met de UiTPAS konden we naar het zwembad.")]
    )
    page = new_context(width=1280, height=900, mobile=False).new_page()
    problems = page_problems(page)
    _login(app, page, live_server.url)
    page.goto(live_server(f"/projecten/demo/uitspraken?bron=fg:{group}&lang={lang}"))
    item = page.locator(f"#s-{turkish}")

    # no translation yet: the field is open on the item; the coordinator types one and saves it
    field = item.locator(f"#gloss-{turkish}")
    assert field.is_visible()
    field.fill(GLOSS)
    with page.expect_navigation():
        item.locator(f"button[value='gloss:{turkish}']").click()
    item = page.locator(f"#s-{turkish}")
    item.scroll_into_view_if_needed()
    gloss = item.locator(f"#g-{turkish}")
    assert gloss.inner_text() == GLOSS
    assert gloss.get_attribute("lang") == "nl"

    # the evidence: the Turkish word, isolated and marked Turkish, with its Dutch concept
    reasons = item.locator("ul.reasons").first.inner_text()
    arrow = "←" if lang == "ar" else "→"  # pointing from the words to their meaning
    assert f"taksitle {arrow} in schijven betalen" in reasons, reasons
    assert item.locator("bdi[lang=tr]", has_text="taksitle").count() == 1
    assert item.locator("bdi[lang=nl]", has_text="in schijven betalen").count() == 1
    # one line per suggestion says it comes from the computer
    assert item.locator("p.machine").count() == 1
    # the suggester's own words appear nowhere: not in the text, not in the markup
    for text in (page.locator("body").inner_text(), page.content()):
        for word in INTERNAL:
            assert word not in text.casefold(), word
    # the Dutch statement has no translation field, and its kind is what it says: a strength
    dutch = page.locator(f"#s-{nederlands}")
    assert dutch.locator("textarea").count() == 0
    assert dutch.locator(f".suggestions button[value='toggle:{nederlands}:kracht']").count() == 1
    assert dutch.locator(f".suggestions button[value='toggle:{nederlands}:knelpunt']").count() == 0
    assert_no_axe_violations(page)
    problems.assert_none(live_server.url)
