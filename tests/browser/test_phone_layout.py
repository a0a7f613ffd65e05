"""Issue 19 / DESIGN.md §7: what a parent meets on a 320 px and a 360 px phone, in all 13 languages.

One test per language; in it, one browser page per screen width walks the DEMO journey and then
the demo's rechtencirkel RECHTEN (its 0-10 scales with their end words; after the first phase and
its "waarom?", the other phases are skipped: the same page with other words, measured but not
given to axe again). On every participant page it checks, with the real layout:
- no word broken mid-word: for every visible text node, a Range over each word (Intl.Segmenter's
  word segments) has all its client rects on one line;
- every button, option, language link and main link is at least 44 × 44 CSS px;
- axe (WCAG 2.2 AA + best-practice): zero violations, at both widths;
- at most 14,600 bytes on the wire: Chromium's encodedDataLength of the document and everything
  it loads, with the cache disabled (so each page counts as a cold load of its assets).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from participatie.i18n import SUPPORTED_LOCALES
from tests.browser.axe import format_violations, run_axe
from tests.browser.journey_steps import ANSWERS, answer_with_pointer
from tests.browser.live_server import LiveServer
from tests.browser.wire import _attach, _Recorder

pytestmark = pytest.mark.browser

BUDGET_BYTES = 14_600
MIN_TARGET_PX = 44
SIZES = [(320, 640), (360, 740)]
SKIPPED_PHASES = (
    "opsporen",
    "benaderen",
    "toeleiding",
    "toegang",
    "onthaal",
    "rechtendetectie",
    "realiseren",
    "nazorg",
)

# Runs in the page: words whose glyphs lie on more than one line, and targets smaller than 44 px.
_MEASURE = """(minTarget) => {
  const hidden = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
      if (e.classList.contains('vh') || e.classList.contains('hp') || e.classList.contains('sprite')) return true;
    }
    return false;
  };
  const broken = [];
  let words = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    if (!text.trim() || hidden(node.parentElement)) continue;
    const lang = node.parentElement.closest('[lang]')?.getAttribute('lang') || 'nl';
    const segmenter = new Intl.Segmenter(lang, {granularity: 'word'});
    for (const seg of segmenter.segment(text)) {
      if (!seg.isWordLike) continue;
      words += 1;
      range.setStart(node, seg.index);
      range.setEnd(node, seg.index + seg.segment.length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length < 2) continue;
      // Two rects on one line share their vertical middle; a broken word has rects on two lines.
      const mids = rects.map((r) => r.top + r.height / 2);
      const lines = mids.filter((m, i) => mids.slice(0, i).every((o) => Math.abs(o - m) > rects[0].height / 2));
      if (lines.length > 1) broken.push(seg.segment + ' in «' + text.trim().slice(0, 60) + '»');
    }
  }
  const small = [];
  const targets = document.querySelectorAll(
    'main button, main .button, main label.option, main .tap label, main .actions a, main a.back, main a.go, main p > a, .langs a, .lang summary, .lang li a, .top a');
  for (const el of targets) {
    if (hidden(el)) continue;
    // A link inside a sentence is exempt (WCAG 2.5.8 "inline"); a link alone on its line is not.
    if (el.matches('main p > a') && !el.matches('.go, .button') && el.parentElement.textContent.trim() !== el.textContent.trim()) continue;
    const r = el.getBoundingClientRect();
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5)
      small.push(`${el.tagName.toLowerCase()}.${el.className} «${el.textContent.trim().slice(0, 40)}» ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
  }
  return {broken, words, small, targets: targets.length,
          overflow: document.documentElement.scrollWidth > window.innerWidth + 1};
}"""


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)
    pages: int = 0
    words: int = 0
    targets: int = 0
    heaviest: tuple[int, str] = (0, "")
    axe_seconds: float = 0.0


def _bytes_since(recorder: _Recorder, since: int) -> int:
    return sum(e.bytes for e in recorder.entries.values() if e.order > since)


def _settle(page: Page, recorder: _Recorder) -> None:
    page.wait_for_load_state("load")
    deadline = time.monotonic() + 10
    while recorder.pending() and time.monotonic() < deadline:
        page.wait_for_timeout(20)


def _check(
    page: Page, recorder: _Recorder, since: int, where: str, run_axe_here: bool, found: Findings
) -> None:
    _settle(page, recorder)
    found.pages += 1
    result: dict[str, Any] = page.evaluate(_MEASURE, MIN_TARGET_PX)
    found.words += result["words"]
    found.targets += result["targets"]
    found.problems += [f"{where}: word broken: {b}" for b in result["broken"]]
    found.problems += [f"{where}: target under 44 px: {s}" for s in result["small"]]
    if result["overflow"]:
        found.problems.append(f"{where}: the page scrolls sideways")
    weight = _bytes_since(recorder, since)
    found.heaviest = max(found.heaviest, (weight, where))
    if weight > BUDGET_BYTES:
        found.problems.append(f"{where}: {weight:,} bytes on the wire")
    if run_axe_here:
        began = time.monotonic()
        violations = run_axe(page)
        found.axe_seconds += time.monotonic() - began
        if violations:
            found.problems.append(format_violations(violations, where))


def _walk(
    page: Page, recorder: _Recorder, base: str, lang: str, width: int, found: Findings
) -> None:
    axe_here = True  # at both widths (issue 19: 320 × 640 and 360 × 740)

    def mark() -> int:
        return recorder.order

    since = mark()
    page.goto(f"{base}/s/DEMO?lang={lang}")
    _check(page, recorder, since, f"{width}px {lang} welcome", axe_here, found)
    since = mark()
    with page.expect_navigation():
        page.click("form[action$='/start'] button")
    for name, kind, value in ANSWERS:
        _check(page, recorder, since, f"{width}px {lang} {name}", axe_here, found)
        since = mark()
        answer_with_pointer(page, name, kind, value)
    _check(page, recorder, since, f"{width}px {lang} thanks", axe_here, found)
    for path in ("code", "wissen"):
        since = mark()
        page.goto(f"{base}/s/DEMO/{path}")
        _check(page, recorder, since, f"{width}px {lang} {path}", axe_here, found)
    # A fresh start for the next language: forget this response.
    page.context.clear_cookies()


def _walk_circle(
    page: Page, recorder: _Recorder, base: str, lang: str, width: int, found: Findings
) -> None:
    axe_here = True  # at both widths (issue 19: 320 × 640 and 360 × 740)
    since = recorder.order
    page.goto(f"{base}/s/RECHTEN?lang={lang}")
    _check(page, recorder, since, f"{width}px {lang} RECHTEN welcome", axe_here, found)
    since = recorder.order
    with page.expect_navigation():
        page.click("form[action$='/start'] button")
    _check(page, recorder, since, f"{width}px {lang} RECHTEN wie", axe_here, found)
    since = recorder.order
    answer_with_pointer(page, "wie", "radio", "gezin")
    # The first phase: eleven buttons in at most two rows, the end words visible beside them.
    where = f"{width}px {lang} RECHTEN preventie"
    _check(page, recorder, since, where, axe_here, found)
    rows = {round(page.locator(".tap label").nth(i).bounding_box()["y"]) for i in range(11)}  # type: ignore[index]
    if len(rows) > 2:
        found.problems.append(f"{where}: the scale takes {len(rows)} rows")
    if not (page.locator("#scale-low").is_visible() and page.locator("#scale-high").is_visible()):
        found.problems.append(f"{where}: the end words are not visible")
    since = recorder.order
    answer_with_pointer(page, "preventie", "radio", "7")
    _check(page, recorder, since, f"{width}px {lang} RECHTEN preventie_waarom", axe_here, found)
    since = recorder.order
    answer_with_pointer(page, "preventie_waarom", "text", "Niemand vertelde het me.")
    for name in SKIPPED_PHASES:
        _check(page, recorder, since, f"{width}px {lang} RECHTEN {name}", False, found)
        since = recorder.order
        with page.expect_navigation():
            page.click("button[name=skip]")
    if not page.url.endswith("/s/RECHTEN/klaar"):
        found.problems.append(f"{width}px {lang} RECHTEN: ended on {page.url}")
    _check(page, recorder, since, f"{width}px {lang} RECHTEN thanks", axe_here, found)
    page.context.clear_cookies()


@pytest.fixture
def each_width(browser: Browser) -> Iterator[Callable[[int, int], Page]]:
    contexts = []

    def make(width: int, height: int) -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="nl-BE",
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", SUPPORTED_LOCALES)
def test_no_broken_words_big_targets_axe_and_weight(
    live_server: LiveServer, demo: None, each_width: Callable[[int, int], Page], lang: str
) -> None:
    """One language per test (each well inside the per-test timeout), both widths."""
    found = Findings()
    for width, height in SIZES:
        page = each_width(width, height)
        _cdp, recorder = _attach(page.context, page)
        _walk(page, recorder, live_server.url, lang, width, found)
        _walk_circle(page, recorder, live_server.url, lang, width, found)
    print(
        f"\n[{lang}] {found.pages} pages, {found.words:,} words and {found.targets:,} targets "
        f"checked; heaviest page {found.heaviest[0]:,} bytes ({found.heaviest[1]}); "
        f"axe took {found.axe_seconds:.0f} s"
    )
    assert found.problems == [], "\n".join(found.problems)
