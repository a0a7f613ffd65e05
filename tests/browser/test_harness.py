"""The browser-test tools themselves: they must catch what they claim to catch."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from tests.browser.axe import AxeUnavailable, format_violations, run_axe
from tests.browser.conftest import ContextFactory
from tests.browser.live_server import LiveServer
from tests.browser.problems import PageProblems

pytestmark = pytest.mark.browser

# Runs through the DevTools protocol, which the page's CSP does not govern; what it then does
# inside the page (insert an inline script) the CSP does govern.
ADD_INLINE_SCRIPT = """() => {
  const s = document.createElement('script');
  s.textContent = 'window.ran = true';
  document.body.append(s);
}"""


def test_axe_reports_a_known_violation_readably(
    live_server: LiveServer, new_context: ContextFactory
) -> None:
    page = new_context().new_page()
    page.goto(live_server("/"))
    page.evaluate("() => { document.querySelector('label[for=code]').remove(); }")
    violations = run_axe(page)
    assert "label" in {v["id"] for v in violations}
    message = format_violations(violations, page.url)
    assert "- label [critical]" in message and "#code" in message, message


def test_axe_refuses_a_page_without_javascript(
    live_server: LiveServer, new_context: ContextFactory
) -> None:
    # Documents the limit in axe.py: no timers without JavaScript, so axe.run would hang.
    page = new_context(js=False).new_page()
    page.goto(live_server("/"))
    with pytest.raises(AxeUnavailable, match="JavaScript disabled"):
        run_axe(page)


def test_csp_violations_are_recorded_and_bypass_csp_hides_them(
    live_server: LiveServer,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
) -> None:
    enforced = new_context().new_page()
    problems = page_problems(enforced)
    enforced.goto(live_server("/"))
    enforced.evaluate(ADD_INLINE_SCRIPT)
    enforced.wait_for_timeout(200)  # the violation report is asynchronous
    assert enforced.evaluate("() => window.ran") is None, "the app's CSP let an inline script run"
    assert any("script-src" in v for v in problems.csp_violations), problems.summary()
    with pytest.raises(AssertionError, match="csp violations"):
        problems.assert_none()

    # With bypass_csp the same script runs silently: never watch for CSP errors in such a context.
    bypassed = new_context(bypass_csp=True).new_page()
    quiet = page_problems(bypassed)
    bypassed.goto(live_server("/"))
    bypassed.evaluate(ADD_INLINE_SCRIPT)
    bypassed.wait_for_timeout(200)
    assert bypassed.evaluate("() => window.ran") is True
    quiet.assert_none()


def test_console_errors_are_recorded(
    live_server: LiveServer,
    new_context: ContextFactory,
    page_problems: Callable[[Page], PageProblems],
) -> None:
    page = new_context().new_page()
    problems = page_problems(page)
    page.goto(live_server("/"))
    page.evaluate(
        "() => { console.error('boom'); setTimeout(() => { throw new Error('bang'); }); }"
    )
    page.wait_for_timeout(200)
    assert any(e.startswith("boom") for e in problems.console_errors), problems.summary()
    assert any("bang" in e for e in problems.page_errors), problems.summary()
