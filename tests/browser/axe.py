"""axe-core in the page: zero violations on every page, in nl and ar (DESIGN.md §7).

How axe gets into the page, and why no CSP bypass is needed: we evaluate axe.min.js through
Playwright's `page.evaluate`, i.e. the DevTools protocol's Runtime.evaluate. The page's
Content-Security-Policy governs scripts the *page* loads or inlines, not code the debugger runs,
so this works under the app's strict CSP (checked with Chromium 156). `page.add_script_tag`, by
contrast, inserts an inline <script> and is refused by the CSP unless the context was created
with `bypass_csp=True`. So axe runs in the very context whose console we watch for CSP errors,
and bypass_csp stays available on the context factory for helpers that truly need it.

JavaScript disabled (`java_script_enabled=False`), checked with Chromium 156:
- `page.evaluate` still works for synchronous code and even for promises (microtasks run);
- timers never fire (`setTimeout` callbacks do not run), and axe.run schedules its work with
  timers, so `axe.run` never settles: awaiting it would hang the test run forever.
So `run_axe` refuses contexts the factory created without JavaScript (`AxeUnavailable`), and
polls with a deadline instead of awaiting, in case such a context comes from elsewhere. The app
renders the same HTML either way (it needs no JavaScript), so run axe in a JS-enabled context.
"""

from __future__ import annotations

import time
import weakref
from functools import cache
from pathlib import Path
from typing import Any

import axe_playwright_python
from playwright.sync_api import BrowserContext, Page

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
AXE_TIMEOUT_SECONDS = 30.0
SHOWN_NODES = 3

# Contexts made with java_script_enabled=False, registered by the context factory in conftest.
JS_DISABLED: weakref.WeakSet[BrowserContext] = weakref.WeakSet()


class AxeUnavailable(RuntimeError):
    pass


@cache
def axe_source() -> str:
    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    return path.read_text(encoding="utf-8")


# Runs in the page. Keeps only what a failure message needs, so little crosses the protocol.
_START = """([tags]) => {
  window.__axeOutcome = null;
  axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
    .then(
      (r) => { window.__axeOutcome = {violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({target: n.target.map(String), html: n.html,
                                    summary: n.failureSummary}))}))}; },
      (e) => { window.__axeOutcome = {error: String(e && e.stack || e)}; });
}"""


def run_axe(page: Page, tags: tuple[str, ...] = AXE_TAGS) -> list[dict[str, Any]]:
    """axe-core's violations on the current page (a list of dicts: id, impact, help, nodes)."""
    if page.context in JS_DISABLED:
        raise AxeUnavailable(
            "axe cannot run with JavaScript disabled: Chromium then runs no timers, and axe.run "
            "waits on them forever. Load the page in a JavaScript-enabled context for axe."
        )
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Trailing `;0`: evaluate the file as a script, not as a function to call.
        page.evaluate(axe_source() + "\n;0")
    page.evaluate(_START, [list(tags)])
    deadline = time.monotonic() + AXE_TIMEOUT_SECONDS
    while (outcome := page.evaluate("() => window.__axeOutcome")) is None:
        if time.monotonic() > deadline:
            raise AxeUnavailable(
                f"axe.run did not finish in {AXE_TIMEOUT_SECONDS:.0f} s (is JavaScript disabled?)"
            )
        page.wait_for_timeout(25)
    if "error" in outcome:
        raise AxeUnavailable(f"axe.run failed: {outcome['error']}")
    violations: list[dict[str, Any]] = outcome["violations"]
    return violations


def format_violations(violations: list[dict[str, Any]], where: str = "") -> str:
    """One readable block per rule: id, impact, help, the first few elements and their HTML."""
    lines = [f"{len(violations)} axe violation(s){' on ' + where if where else ''}:"]
    for v in violations:
        nodes = v["nodes"]
        lines.append(f"- {v['id']} [{v['impact']}] {v['help']} ({len(nodes)} element(s))")
        lines.append(f"    {v['helpUrl']}")
        for node in nodes[:SHOWN_NODES]:
            html = " ".join(node["html"].split())
            lines.append(f"    at {' '.join(node['target'])}: {html[:200]}")
            summary = " ".join((node.get("summary") or "").split())
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(nodes) > SHOWN_NODES:
            lines.append(f"    … and {len(nodes) - SHOWN_NODES} more")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page, tags: tuple[str, ...] = AXE_TAGS) -> None:
    violations = run_axe(page, tags)
    assert not violations, format_violations(violations, page.url)
