"""DESIGN.md §7: every participant page of DEMO, with everything needed to show and use it, is at
most 14,600 bytes on the wire (Chromium's encodedDataLength, cold cache) in at most 3 requests,
served by the app itself and again through nginx."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import WireSizer
from tests.browser.journey_steps import ANSWERS, QUESTION_NAMES, answer_with_pointer, start, walk_to
from tests.browser.live_server import LiveServer
from tests.browser.wire import PageAction, wire_sizes
from tests.deploy.servers import gunicorn, nginx

pytestmark = pytest.mark.browser

BUDGET_BYTES = 14_600
BUDGET_REQUESTS = 3
PAGES = ["welcome", *QUESTION_NAMES, "klaar"]


def _arrival(base: str, target: str, lang: str) -> Callable[[Page], None]:
    """How a participant arrives at `target`: the page load whose weight is measured."""

    def arrive(page: Page) -> None:
        if target == "welcome":
            page.goto(f"{base}/s/DEMO?lang={lang}")
        elif target == "klaar":
            start(page, base, lang)
            for name, kind, value in ANSWERS:
                answer_with_pointer(page, name, kind, value)
            page.goto(f"{base}/s/DEMO/klaar")
        else:
            walk_to(page, base, lang, target)
        # No wait here: measure() waits until every request it saw has finished and the
        # network has been quiet (wire.py); "networkidle" added half a second per arrival.

    return arrive


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("target", PAGES)
def test_participant_page_weight(
    live_server: LiveServer, demo: None, wire_size: WireSizer, target: str, lang: str
) -> None:
    size = wire_size(_arrival(live_server.url, target, lang), scope="final")
    print("\n" + size.report(f"{target} [{lang}]"))
    assert all(t.status == 200 for t in size.requests), size.report()
    assert size.total_bytes <= BUDGET_BYTES, size.report(f"{target} [{lang}] over budget")
    assert size.request_count <= BUDGET_REQUESTS, size.report(f"{target} [{lang}]")


def _walk(base: str, lang: str) -> list[str | PageAction]:
    """The arrivals of _arrival for every page, in one walk: the loads measured are the same
    cold GETs (the cache is disabled), without walking again from the start for each page."""

    def arrive_at(index: int) -> PageAction:
        def arrive(page: Page) -> None:
            if index == 0:
                start(page, base, lang)
            else:
                answer_with_pointer(page, *ANSWERS[index - 1])
            page.goto(f"{base}/s/DEMO/{PAGES[index + 1]}")

        return arrive

    return [f"{base}/s/DEMO?lang={lang}", *(arrive_at(i) for i in range(len(ANSWERS) + 1))]


@pytest.mark.nginx
@pytest.mark.slow
def test_participant_page_weight_through_nginx(
    browser: Browser, database_url: str, demo: None, tmp_path: Path
) -> None:
    """The same budget with the production path in front: nginx (deploy/) → gunicorn (deploy/).
    nginx compresses with gzip, not brotli, so this is the heavier of the two measurements."""
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        pytest.skip("nginx is not installed (apt-get install nginx)")
    over: list[str] = []
    with gunicorn(database_url) as upstream, nginx(upstream, tmp_path) as address:
        base = f"http://{address}"
        for lang in ("nl", "ar"):
            sizes = wire_sizes(browser, _walk(base, lang), scope="final")
            assert len(sizes) == len(PAGES)
            for target, size in zip(PAGES, sizes, strict=True):
                print("\n" + size.report(f"{target} [{lang}] through nginx"))
                assert all(t.status == 200 for t in size.requests), size.report()
                document = [t.url for t in size.requests if t.resource_type == "Document"]
                path = f"/s/DEMO?lang={lang}" if target == "welcome" else f"/s/DEMO/{target}"
                assert document == [base + path], size.report(f"{target} [{lang}]")
                if size.total_bytes > BUDGET_BYTES or size.request_count > BUDGET_REQUESTS:
                    over.append(size.report(f"{target} [{lang}] through nginx"))
    assert over == [], "\n".join(over)
