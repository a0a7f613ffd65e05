"""Bytes on the wire for one page load, as Chromium counts them (DESIGN.md §7).

Chromium's DevTools protocol reports, per request, `encodedDataLength`: the bytes received from
the network for it, response headers plus the (compressed) body. That is the number the page
weight budget is written in. We read it from `Network.loadingFinished`, and for each redirect hop
from the `redirectResponse` carried by the next `Network.requestWillBeSent` (the hop shares its
request id with the request that follows it, and `loadingFinished` counts only the last hop).

Measured empirically with Chromium 156 against the live server:
- Chromium sends `Accept-Encoding: gzip, deflate, br, zstd` to http://127.0.0.1 (a loopback
  origin counts as secure); we never override it.
- A browser-initiated `/favicon.ico` fetch does show in the page's Network events (type "Other")
  when the page declares no icon; a `data:` icon causes no event and no request at all.
- `data:` URLs cost no wire bytes (they are inside the HTML), so only http(s) requests count.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from playwright.sync_api import Browser, BrowserContext, CDPSession, Page

# What a measured page load is: a URL to open, or a function that drives the page (open a form,
# fill it, submit) and returns once the last navigation has started or finished.
PageAction = Callable[[Page], object]
Scope = Literal["all", "final"]

QUIET_SECONDS = 0.5  # no request in flight for this long = the load is over
TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class Transfer:
    url: str
    bytes: int
    mime_type: str
    status: int
    resource_type: str
    content_encoding: str = ""


@dataclass(frozen=True)
class WireSize:
    total_bytes: int
    request_count: int
    requests: tuple[Transfer, ...]

    def report(self, label: str = "") -> str:
        lines = [f"{label or 'page'}: {self.total_bytes:,} bytes in {self.request_count} requests"]
        for t in self.requests:
            encoding = f" {t.content_encoding}" if t.content_encoding else ""
            lines.append(
                f"  {t.bytes:7,} B  {t.status}  {t.resource_type:<10} {t.mime_type}{encoding}  {t.url}"
            )
        return "\n".join(lines)


@dataclass
class _Entry:
    order: int
    url: str
    resource_type: str
    frame_id: str
    chain_start: int  # order of the first hop of this request's redirect chain
    status: int = 0
    mime_type: str = ""
    content_encoding: str = ""
    bytes: int = 0
    done: bool = False
    failed: str = ""


@dataclass
class _Recorder:
    """Collects CDP Network events; one `_Entry` per request and per redirect hop."""

    entries: dict[str, _Entry] = field(default_factory=dict)  # key: requestId (+ hop number)
    hops: dict[str, int] = field(default_factory=dict)
    order: int = 0
    last_event: float = field(default_factory=time.monotonic)

    def _key(self, request_id: str) -> str:
        return f"{request_id}#{self.hops.get(request_id, 0)}"

    def on_request(self, event: dict[str, Any]) -> None:
        self.last_event = time.monotonic()
        request_id = event["requestId"]
        self.order += 1
        chain_start = self.order
        redirect = event.get("redirectResponse")
        if redirect is not None and self._key(request_id) in self.entries:
            hop = self.entries[self._key(request_id)]
            chain_start = hop.chain_start
            self._fill(hop, redirect)
            hop.bytes = int(redirect.get("encodedDataLength", 0))
            hop.done = True
            self.hops[request_id] = self.hops.get(request_id, 0) + 1
        self.entries[self._key(request_id)] = _Entry(
            order=self.order,
            url=event["request"]["url"],
            resource_type=event.get("type", ""),
            frame_id=event.get("frameId", ""),
            chain_start=chain_start,
        )

    @staticmethod
    def _fill(entry: _Entry, response: dict[str, Any]) -> None:
        entry.status = int(response.get("status", 0))
        entry.mime_type = response.get("mimeType", "")
        headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
        entry.content_encoding = headers.get("content-encoding", "")

    def on_response(self, event: dict[str, Any]) -> None:
        self.last_event = time.monotonic()
        entry = self.entries.get(self._key(event["requestId"]))
        if entry is not None:
            self._fill(entry, event["response"])

    def on_finished(self, event: dict[str, Any]) -> None:
        self.last_event = time.monotonic()
        entry = self.entries.get(self._key(event["requestId"]))
        if entry is not None:
            entry.bytes = int(event.get("encodedDataLength", 0))
            entry.done = True

    def on_failed(self, event: dict[str, Any]) -> None:
        self.last_event = time.monotonic()
        entry = self.entries.get(self._key(event["requestId"]))
        if entry is not None:
            entry.failed = event.get("errorText", "failed")
            entry.done = True

    def pending(self) -> list[str]:
        return [e.url for e in self.entries.values() if not e.done and _on_wire(e.url)]


def _on_wire(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def _wait_until_quiet(page: Page, recorder: _Recorder) -> None:
    """Wait until every request finished and nothing new started for QUIET_SECONDS.

    Playwright's "networkidle" is not used: it cannot tell us whether every request we saw has
    finished, and a browser-initiated favicon request may start after it."""
    page.wait_for_load_state("load")
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while True:
        quiet = time.monotonic() - recorder.last_event >= QUIET_SECONDS
        if quiet and not recorder.pending():
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"requests still in flight: {recorder.pending()}")
        # Playwright's own timer: it also pumps the CDP events into our callbacks.
        page.wait_for_timeout(50)


def _attach(context: BrowserContext, page: Page) -> tuple[CDPSession, _Recorder]:
    recorder = _Recorder()
    cdp = context.new_cdp_session(page)
    cdp.on("Network.requestWillBeSent", recorder.on_request)
    cdp.on("Network.responseReceived", recorder.on_response)
    cdp.on("Network.loadingFinished", recorder.on_finished)
    cdp.on("Network.loadingFailed", recorder.on_failed)
    cdp.send("Network.enable")
    # A fresh context already has an empty cache; this also stops the memory cache from
    # serving the CSS a second time when an action loads two pages in a row.
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return cdp, recorder


def _select(recorded: Iterable[_Entry], main_frame_id: str, scope: Scope) -> list[_Entry]:
    entries = sorted(recorded, key=lambda e: e.order)
    if scope == "final":
        # The final navigation starts at the first hop of the last main-frame document request:
        # a POST answered by a redirect is part of it (the person waits for both responses).
        documents = [
            e for e in entries if e.resource_type == "Document" and e.frame_id == main_frame_id
        ]
        if documents:
            start = documents[-1].chain_start
            entries = [e for e in entries if e.order >= start]
    return [e for e in entries if _on_wire(e.url)]


def measure(page: Page, target: str | PageAction, scope: Scope = "all") -> WireSize:
    """Measure a load in an existing (fresh) page. `scope="final"` keeps only the last
    navigation (with its redirect hops); "all" keeps every request made during `target`."""
    return measure_each(page, [target], scope)[0]


def measure_each(
    page: Page, targets: Sequence[str | PageAction], scope: Scope = "all"
) -> list[WireSize]:
    """Measure several loads one after the other in one page, each as `measure` would: a walk
    through a journey measures every page it arrives at without walking again from the start
    for each (the cache stays disabled, so each load is cold)."""
    cdp, recorder = _attach(page.context, page)
    sizes = []
    try:
        for target in targets:
            since = recorder.order
            if isinstance(target, str):
                page.goto(target)
            else:
                target(page)
            _wait_until_quiet(page, recorder)
            entries = [e for e in recorder.entries.values() if e.order > since]
            failed = [(e.url, e.failed) for e in entries if e.failed]
            assert not failed, f"requests failed during the measurement: {failed}"
            # CDP frame ids are not exposed by Playwright; the frame tree names the main frame.
            main_frame_id = str(cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"])
            chosen = _select(entries, main_frame_id, scope)
            transfers = tuple(
                Transfer(e.url, e.bytes, e.mime_type, e.status, e.resource_type, e.content_encoding)
                for e in chosen
            )
            sizes.append(WireSize(sum(t.bytes for t in transfers), len(transfers), transfers))
    finally:
        cdp.detach()
    return sizes


def wire_size(
    browser: Browser,
    target: str | PageAction,
    scope: Scope = "all",
    **context_options: Any,
) -> WireSize:
    """Open `target` in a brand-new context (cold cache, no cookies) and measure it.

    Defaults to a phone-sized, JavaScript-enabled context without CSP bypass, so the page loads
    exactly as a participant's browser would load it."""
    return wire_sizes(browser, [target], scope, **context_options)[0]


def wire_sizes(
    browser: Browser,
    targets: Sequence[str | PageAction],
    scope: Scope = "all",
    **context_options: Any,
) -> list[WireSize]:
    """`wire_size` for several loads one after the other in one new context (see measure_each)."""
    options: dict[str, Any] = {
        "viewport": {"width": 360, "height": 740},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "locale": "nl-BE",
    }
    options.update(context_options)
    context = browser.new_context(**options)
    try:
        return measure_each(context.new_page(), targets, scope)
    finally:
        context.close()
