"""Console errors, uncaught exceptions and CSP violations a page produced.

Chromium reports a Content-Security-Policy violation as a console message of level "error"
("… violates the following Content Security Policy directive …", source "security"), and
Playwright passes those on as `console` events, with JavaScript enabled or disabled (checked with
Chromium 156). So one `console` listener sees both kinds; we file CSP messages separately
because they point at a different fix (the template or the CSP, not a script).

Watch pages in a context *without* `bypass_csp`: with the bypass, Chromium ignores the CSP and
the violations this module exists to catch would never happen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import ConsoleMessage, Error, Page, Response

CSP_MARKERS = ("Content Security Policy", "Content-Security-Policy")


@dataclass
class PageProblems:
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    # 4xx/5xx answers to subresources (CSS, images …); the document's own status is the test's
    # business (a test may well expect a 404 page).
    failed_subresources: list[str] = field(default_factory=list)

    def _on_console(self, message: ConsoleMessage) -> None:
        text = message.text
        location = message.location.get("url", "")
        entry = f"{text} ({location})" if location else text
        if any(marker in text for marker in CSP_MARKERS):
            self.csp_violations.append(entry)
        elif message.type == "error":
            self.console_errors.append(entry)

    def _on_page_error(self, error: Error) -> None:
        self.page_errors.append(f"{error.name}: {error.message}")

    def _on_response(self, response: Response) -> None:
        request = response.request
        if response.status >= 400 and request.resource_type != "document":
            self.failed_subresources.append(
                f"{response.status} {request.resource_type} {response.url}"
            )

    def watch(self, page: Page) -> PageProblems:
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)
        page.on("response", self._on_response)
        return self

    def summary(self) -> str:
        parts = []
        for name in ("csp_violations", "console_errors", "page_errors", "failed_subresources"):
            items: list[str] = getattr(self, name)
            if items:
                parts.append(f"{name.replace('_', ' ')}:\n" + "\n".join(f"  - {i}" for i in items))
        return "\n".join(parts)

    def assert_none(self, where: str = "") -> None:
        summary = self.summary()
        assert not summary, f"problems on {where or 'the page'}:\n{summary}"


def watch(page: Page) -> PageProblems:
    """Start recording problems on `page`; call before the first navigation."""
    return PageProblems().watch(page)
