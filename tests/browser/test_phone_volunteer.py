"""Issue 19 on the volunteer's side: at 320 and 360 px, the volunteer pages' buttons, language
links and main links are at least 44 × 44 px and no word is broken mid-word, in nl and ar."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.assist.helpers import PASSWORD, VOLUNTEER
from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.browser.test_phone_layout import _MEASURE, MIN_TARGET_PX, SIZES

pytestmark = pytest.mark.browser

HOME = "/projecten/demo/samen"


def _measure(page: Page, where: str, problems: list[str]) -> int:
    result: dict[str, Any] = page.evaluate(_MEASURE, MIN_TARGET_PX)
    problems += [f"{where}: word broken: {b}" for b in result["broken"]]
    problems += [f"{where}: target under 44 px: {s}" for s in result["small"]]
    return int(result["targets"])


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_volunteer_pages_have_big_targets_and_whole_words(
    live_server: LiveServer, demo: None, new_context: ContextFactory, language: str
) -> None:
    problems: list[str] = []
    targets = 0
    for width, height in SIZES:
        page = new_context(width=width, height=height).new_page()
        page.goto(live_server("/login"))
        page.get_by_label("E-mailadres").fill(VOLUNTEER)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Aanmelden").click()
        page.wait_for_load_state()
        for path in (HOME, f"{HOME}/DEMO", f"{HOME}/DEMO/toestemming?taal={language}"):
            page.goto(live_server(path))
            targets += _measure(page, f"{width}px {language} {path}", problems)
        page.get_by_label("De ouder hoorde of las de uitleg en wil meedoen.").check()
        page.get_by_role("button", name="Begin met de vragen").click()
        page.wait_for_load_state()
        targets += _measure(page, f"{width}px {language} assisted question", problems)
    print(f"\n[{language}] {targets} volunteer-page targets checked")
    assert problems == [], "\n".join(problems)
