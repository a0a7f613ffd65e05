"""Closing a page without Playwright's unbounded wait.

`page.close()` waits, with no timeout, until Chromium confirms the close. In CI it once never did
(a 300 s hang right after a form post), so tests that must close a page use `close_page`: it asks
without waiting (`run_before_unload=True`; our pages have no beforeunload handlers) and then
waits a bounded time for the close to be confirmed.
"""

from __future__ import annotations

import time

from playwright.sync_api import Page


def close_page(page: Page, seconds: float = 15) -> None:
    page.close(run_before_unload=True)
    deadline = time.monotonic() + seconds
    while not page.is_closed():
        if time.monotonic() > deadline:
            raise AssertionError(f"Chromium did not close {page.url} within {seconds} s")
        page.context.cookies()  # a round trip to the driver, so its close event gets processed
        time.sleep(0.05)
