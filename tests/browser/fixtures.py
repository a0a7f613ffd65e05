"""Fixtures for tests that drive Debian's Chromium through Playwright.

- `live_server`: the session's `app` over HTTP on 127.0.0.1 (same database as `demo` fills).
- `browser`: one headless Chromium for the session (/usr/bin/chromium; never a downloaded one).
- `new_context(...)`: fresh browser contexts (phone by default; JS off, 320 px, CSP bypass on
  request), all closed at the end of the test.
- `phone`: the default phone context (360×740, JavaScript on, the app's CSP enforced).
- `page_problems(page)`: records console errors and CSP violations (see problems.py).
- `axe(page)` / `assert_no_axe_violations(page)`: axe-core (see axe.py).
- `wire_size(url_or_action)`: bytes on the wire with a cold cache (see wire.py).

Every test module here sets `pytestmark = pytest.mark.browser`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright

from tests.browser import axe as axe_module
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems, watch
from tests.browser.wire import PageAction, Scope, WireSize
from tests.browser.wire import wire_size as measure_wire_size

CHROMIUM = Path(os.environ.get("PARTICIPATIE_CHROMIUM", "/usr/bin/chromium"))
# Quiet, reproducible and private: no background traffic (it would pollute the wire counts and
# break "no third-party requests"), no GPU, no sandbox (containers lack the namespaces it needs).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE: ViewportSize = {"width": 360, "height": 740}


# --- Server and browser --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def live_server(app: Flask) -> Iterator[LiveServer]:
    # Session scope: the app and its database are session-wide too; data isolation comes from
    # the root conftest's `_clean_database`, which empties every table after each test.
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    # Playwright gives a non-persistent browser its own new, empty user-data-dir and deletes it
    # on close, so no profile state leaks between runs.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# --- Contexts ------------------------------------------------------------------------------------


class ContextFactory(Protocol):
    def __call__(
        self,
        js: bool = True,
        width: int = PHONE["width"],
        height: int = PHONE["height"],
        locale: str = "nl-BE",
        bypass_csp: bool = False,
        mobile: bool = True,
    ) -> BrowserContext: ...


@pytest.fixture
def new_context(browser: Browser) -> Iterator[ContextFactory]:
    """Make fresh contexts: a phone (touch, 2× pixels) unless `mobile=False`.

    `bypass_csp` defaults to False: the app's CSP is enforced, so CSP violations show up. axe
    does not need the bypass (see axe.py); set it only for a helper that adds <script> tags."""
    contexts: list[BrowserContext] = []

    def make(
        js: bool = True,
        width: int = PHONE["width"],
        height: int = PHONE["height"],
        locale: str = "nl-BE",
        bypass_csp: bool = False,
        mobile: bool = True,
    ) -> BrowserContext:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=2 if mobile else 1,
            is_mobile=mobile,
            has_touch=mobile,
            locale=locale,
            java_script_enabled=js,
            bypass_csp=bypass_csp,
        )
        # Generous for a slow CI machine, far below pytest's patience.
        context.set_default_timeout(15_000)
        if not js:
            axe_module.JS_DISABLED.add(context)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def phone(new_context: ContextFactory) -> BrowserContext:
    """A 360×740 phone context with JavaScript and the app's CSP enforced."""
    return new_context()


# --- Checks --------------------------------------------------------------------------------------


@pytest.fixture
def page_problems() -> Callable[[Page], PageProblems]:
    """`problems = page_problems(page)` before navigating; later `problems.assert_none()`."""
    return watch


@pytest.fixture
def axe() -> Callable[[Page], list[dict[str, Any]]]:
    """`axe(page)` returns axe-core's violations (wcag2a … wcag22aa, best-practice)."""
    return axe_module.run_axe


@pytest.fixture
def assert_no_axe_violations() -> Callable[[Page], None]:
    return axe_module.assert_no_axe_violations


class WireSizer(Protocol):
    def __call__(
        self, target: str | PageAction, scope: Scope = "all", **context_options: Any
    ) -> WireSize: ...


@pytest.fixture
def wire_size(browser: Browser) -> WireSizer:
    """`wire_size(url)` or `wire_size(action, scope="final")`, each in a new cold context."""

    def measure(target: str | PageAction, scope: Scope = "all", **context_options: Any) -> WireSize:
        return measure_wire_size(browser, target, scope, **context_options)

    return measure


def log_in(page: Page, app: Flask, base: str, email: str) -> None:
    """Log in through the login page as a demo user, with the second factor where the role has
    one, and wait until the browser has left the login pages."""
    from tests.conftest import current_totp

    page.goto(base + "/login")
    page.fill("#email", email)
    page.fill("#password", "demo-wachtwoord")
    page.locator("main form button").click()
    page.wait_for_load_state("load")
    if "/login/code" in page.url:
        page.fill("#code", current_totp(app, email))
        page.locator("main form button").click()
        page.wait_for_load_state("load")
    page.wait_for_url(re.compile(r"^(?!.*/login).*$"))
