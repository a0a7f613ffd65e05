"""The browser fixtures live in tests/browser/fixtures.py, registered once for the whole suite by
the root conftest (`pytest_plugins`): one Playwright and one Chromium for every folder. Importing
fixtures into other conftests would start a second Playwright, which its sync API refuses.

Names that tests import for typing and settings are re-exported here."""

from tests.browser.fixtures import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    ContextFactory,
    WireSizer,
)

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "PHONE", "ContextFactory", "WireSizer"]
